/**
 * Regenerates the project's instance dataset deterministically.
 *
 *   npm run data                 rebuild data/instances.json from the committed sources in data/aws/
 *   npm run data -- --from DIR   first copy the upstream source files (SOURCE_FILES) from DIR into data/aws/
 *   npm run data -- --check      rebuild in memory from data/aws/ and fail if data/instances.json differs
 *
 * The project's own files in data/aws/ (SOURCES.md, instance-vcpus-extra.json) are never overwritten.
 * The app and the CLI import data/instances.json only.
 */
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset, SOURCE_FILES } from './dataset-builder.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const fromIdx = args.indexOf('--from');
const from = fromIdx >= 0 ? resolve(args[fromIdx + 1] ?? '') : null;
const own = join(root, 'data/aws');
const out = join(root, 'data/instances.json');

if (from !== null && !check) {
  for (const f of SOURCE_FILES) {
    const src = join(from, f);
    if (!existsSync(src)) {
      console.error(`data: ${src} is missing; pass --from DIR with the AWS source files`);
      process.exit(2);
    }
    copyFileSync(src, join(own, f));
    chmodSync(join(own, f), 0o644);
  }
}
const read = (f: string) => readFileSync(join(own, f), 'utf8');
const text = JSON.stringify(buildDataset(read)) + '\n';
if (check) {
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error('data: data/instances.json is out of date; run npm run data');
    process.exit(1);
  }
  console.log('data: data/instances.json is up to date');
} else {
  writeFileSync(out, text);
  console.log(`data: wrote ${out} (${JSON.parse(text).data[0].length} instance types)`);
}
