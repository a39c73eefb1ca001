#!/usr/bin/env node
/**
 * npm run test:browser: the planner's flows in headless Chromium.
 *
 * Builds dist/ with vite if it is missing or older than its sources, serves it on 127.0.0.1 (a random
 * free port), and runs tests/browser/*.mjs (node:test files using playwright-core) against it, with
 * BASE_URL set. Without /usr/bin/chromium it fails under CI=true and skips, saying so, elsewhere.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, root } from '../tests/browser/support/build.mjs';
import { CHROMIUM, hasChromium } from '../tests/browser/support/browser.mjs';
import { serveStatic } from '../tests/browser/support/server.mjs';

if (!hasChromium()) {
  const msg = `browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
  if (process.env.CI === 'true') {
    console.error(`${msg}; failing because CI=true`);
    process.exit(1);
  }
  console.log(`${msg}; SKIPPED`);
  process.exit(0);
}

buildIfStale();
const dir = join(root, 'tests/browser');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => join(dir, f));

const server = await serveStatic(join(root, 'dist'));
console.log(`browser tests: serving dist/ at ${server.url}; ${files.length} files`);
const code = await new Promise((resolve) => {
  // One file at a time: each launches its own Chromium, and the machine may have two cores.
  // The default reporter: spec on a terminal, TAP (with its '# pass N' summary) when piped, as npm test reads it.
  const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: server.url },
  });
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});
await server.close();
process.exit(code);
