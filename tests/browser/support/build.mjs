/** Builds dist/ with vite when it is missing or older than any source it is made from. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
const INPUTS = ['index.html', 'src', 'public', 'data/instances.json', 'vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), st.mtimeMs);
}

/** True when dist/ was (re)built. */
export function buildIfStale({ force = false } = {}) {
  const out = join(root, 'dist/index.html');
  const stale = force || !existsSync(out) || INPUTS.some((p) => newest(join(root, p)) > statSync(out).mtimeMs);
  if (!stale) return false;
  console.log('building dist/ (vite build)…');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return true;
}
