/**
 * The views the app loads lazily (`lazy(() => import('…'))` anywhere in src/ui), imported up front, so
 * that a test that opens one waits on React only, never on a busy machine transforming a chunk on demand.
 * render-app.tsx awaits this when it is imported, before any test of the file runs (module loading has
 * no test timeout). The list is read from the source, so a moved or added lazy view is preloaded too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ui = join(import.meta.dirname, '../../src/ui');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** Absolute paths of every lazily imported module, as the app's lazy() calls name them. */
export function lazyModules(): string[] {
  const found = new Set<string>();
  for (const file of sources(ui)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/lazy\(\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      found.add(resolve(dirname(file), m[1]!));
    }
  }
  return [...found].sort();
}

export async function loadLazyChunks(): Promise<void> {
  const modules = lazyModules();
  if (modules.length === 0) throw new Error('lazy-chunks.ts found no lazy(() => import(…)) in src/ui: fix its pattern');
  await Promise.all(modules.map((m) => import(/* @vite-ignore */ m)));
}
