#!/usr/bin/env node
/**
 * Where the JavaScript's bytes go: builds the app with source maps into a temporary folder (dist/ is not
 * touched), then attributes every byte of every emitted chunk to the source module it came from (through
 * the chunk's source map) and prints, per chunk and over the whole build, the modules by size.
 *
 * A module's "gzip" figure is its own slice of the chunk compressed alone: slices compress worse alone
 * than inside the chunk, so the per-module figures add up to more than the chunk's gzip size; they rank
 * the modules, the chunk totals are exact. Modules are grouped by package (node_modules/<name>) with
 * --packages.
 *
 *   node scripts/bundle-sizes.mjs [--packages] [--top N] [--json] [--out DIR]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { builtAssets } from './built-assets.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const top = Number(opt('--top', 25));
const byPackage = args.includes('--packages');
const keep = opt('--out', null);
const out = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'eks-bundle-'));
const gz = (s) => gzipSync(s, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

/** node_modules/.pnpm-free package name, or the path under the repository. */
function label(source) {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/\?.*$/, '');
  if (!byPackage) return path.replace(/^.*node_modules\//, 'node_modules/');
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1] : path.startsWith('src/') ? path.split('/').slice(0, 3).join('/') : path;
}

const UNMAPPED = '(unmapped: bundler glue)';

/**
 * { module: generated text } for one chunk, through its source map; unmapped bytes are the bundler's glue.
 */
function slices(code, map) {
  const lines = code.split('\n');
  const offsets = [];
  let o = 0;
  for (const l of lines) {
    offsets.push(o);
    o += l.length + 1;
  }
  const marks = [];
  eachMapping(new TraceMap(map), (m) => {
    marks.push({ at: offsets[m.generatedLine - 1] + m.generatedColumn, source: m.source ?? null });
  });
  marks.sort((a, b) => a.at - b.at);
  const parts = new Map();
  const add = (source, from, to) => {
    if (to <= from) return;
    const k = source ? label(relative(root, resolve(out, 'assets', source))) : UNMAPPED;
    parts.set(k, (parts.get(k) ?? '') + code.slice(from, to));
  };
  add(null, 0, marks[0]?.at ?? code.length);
  for (let i = 0; i < marks.length; i++) add(marks[i].source, marks[i].at, marks[i + 1]?.at ?? code.length);
  return parts;
}

try {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      out,
      '--emptyOutDir',
      '--sourcemap',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const all = new Map();
  const chunks = [];
  for (const { file: f, initial } of builtAssets(out)) {
    const code = readFileSync(join(out, 'assets', f), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
    // Rolldown's own runtime chunk (its module loader, ~0.6 KB) comes without a source map; so does the dataset.
    const mapFile = join(out, 'assets', `${f}.map`);
    const parts = f.endsWith('.json')
      ? new Map([['data/instances.json (fetched)', code]])
      : existsSync(mapFile)
        ? slices(code, JSON.parse(readFileSync(mapFile, 'utf8')))
        : new Map([[UNMAPPED, code]]);
    const rows = [...parts].map(([module, text]) => ({ module, raw: Buffer.byteLength(text), gzip: gz(text) }));
    rows.sort((a, b) => b.raw - a.raw);
    chunks.push({ file: f, initial, raw: Buffer.byteLength(code), gzip: gz(code), rows });
    for (const r of rows) {
      const a = all.get(r.module) ?? { module: r.module, raw: 0, gzip: 0, chunks: [] };
      a.raw += r.raw;
      a.gzip += r.gzip;
      a.chunks.push(f);
      all.set(r.module, a);
    }
  }
  chunks.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const sum = (list, k) => list.reduce((s, c) => s + c[k], 0);
  const init = chunks.filter((c) => c.initial);
  const summary = {
    initialGzipKB: sum(init, 'gzip') / 1024,
    totalGzipKB: sum(chunks, 'gzip') / 1024,
    chunks: chunks.map(({ rows, ...c }) => ({ ...c, top: rows.slice(0, top) })),
    modules: [...all.values()].sort((a, b) => b.raw - a.raw).slice(0, top),
  };
  if (args.includes('--json')) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log('chunks (exact sizes):');
    for (const c of chunks)
      console.log(`  ${c.file.padEnd(36)} ${kb(c.raw)} KB  gzip ${kb(c.gzip)} KB${c.initial ? '  initial' : ''}`);
    console.log(
      `JavaScript and dataset: initial ${summary.initialGzipKB.toFixed(1)} KB gzip, all ${summary.totalGzipKB.toFixed(1)} KB gzip`,
    );
    for (const c of chunks.filter((x) => x.initial || x.gzip > 8 * 1024)) {
      console.log(
        `\n${c.file} (${(c.gzip / 1024).toFixed(1)} KB gzip): largest ${byPackage ? 'packages' : 'modules'}, raw / own gzip`,
      );
      for (const r of c.rows.slice(0, top)) console.log(`  ${kb(r.raw)} KB ${kb(r.gzip)} KB  ${r.module}`);
    }
  }
} finally {
  if (!keep) rmSync(out, { recursive: true, force: true });
}
