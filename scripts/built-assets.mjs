/**
 * The files of a build that count against the JavaScript budget, and which of them the first paint waits
 * for: the scripts, and the instance dataset (a JSON file the page fetches at start, preloaded beside its
 * scripts; vite.config.ts). The dataset counts with the scripts, in the initial figure and in the total, as
 * it did when it was inlined in the first chunk: moving bytes to a .json file is no saving. Shared by
 * bench:ui and bundle-sizes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** [{ file, initial }] for DIST/assets: `initial` when dist/index.html loads or preloads it. */
export function builtAssets(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.(?:js|json))"/g)].map((m) => m[1]));
  return readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.json'))
    .map((file) => ({ file, initial: initial.has(file) }));
}

/** Their gzip sizes (level 9), initial files first: { rows, initial, total } in bytes. */
export function gzipTotals(dist) {
  const rows = builtAssets(dist)
    .map(({ file, initial }) => {
      const buf = readFileSync(join(dist, 'assets', file));
      return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, initial };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const sum = (list) => list.reduce((a, r) => a + r.gzip, 0);
  return { rows, initial: sum(rows.filter((r) => r.initial)), total: sum(rows) };
}
