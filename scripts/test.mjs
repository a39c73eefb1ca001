#!/usr/bin/env node
/**
 * npm test: every check. The linter first (npm run lint: ESLint with the import boundaries, counted as
 * one test that fails on any error), the formatter's check (Prettier, one test), then the model, CLI and
 * component tests (vitest), then the browser tests in headless Chromium (scripts/browser-tests.mjs). Ends
 * with one plain "N passed, N failed" line over all four.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let passed = 0;
let failed = 0;

// ESLint exits 1 on a rule error and 2 when it cannot run (a broken config): either way one failed test.
console.log('lint: npx eslint .');
const lint = spawnSync('npx', ['eslint', '.'], { stdio: 'inherit' });
if (lint.status === 0) {
  passed += 1;
  console.log('lint: passed\n');
} else {
  failed += 1;
  console.log(`lint: failed (eslint exit code ${lint.status ?? lint.signal})\n`);
}

// Prettier (.prettierrc, .prettierignore): a file not formatted is one failed test; `npm run format` fixes it.
console.log('format: npm run format:check');
const format = spawnSync('npm', ['run', '--silent', 'format:check'], {
  stdio: ['inherit', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (format.status === 0) {
  passed += 1;
  console.log('format: passed\n');
} else {
  failed += 1;
  process.stdout.write(format.stdout ?? '');
  console.log(`format: failed (prettier exit code ${format.status ?? format.signal}; run npm run format)\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'eks-ip-planner-test-'));
const report = join(dir, 'vitest.json');
const unit = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { stdio: 'inherit' },
);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  // a file that fails to load has no failed test but a failed suite: count it too
  failed += r.numFailedTests || r.numFailedTestSuites;
} else {
  failed += 1;
}
rmSync(dir, { recursive: true, force: true });

let browserCode = 0;
if (existsSync('scripts/browser-tests.mjs')) {
  const b = spawnSync('node', ['scripts/browser-tests.mjs'], {
    stdio: ['inherit', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  process.stdout.write(b.stdout ?? '');
  browserCode = b.status ?? 1;
  const pass = /^# pass (\d+)/m.exec(b.stdout ?? '');
  const fail = /^# fail (\d+)/m.exec(b.stdout ?? '');
  passed += pass ? Number(pass[1]) : 0;
  failed += fail ? Number(fail[1]) : browserCode ? 1 : 0;
}
const code = lint.status !== 0 || format.status !== 0 || unit.status !== 0 || browserCode !== 0 || failed > 0 ? 1 : 0;
console.log(`\nall tests: ${passed} passed, ${failed} failed`);
process.exit(code);
