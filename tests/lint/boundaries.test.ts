/**
 * The import boundaries are enforced by ESLint (eslint.config.js, run by npm test). This checks the
 * config itself, so that loosening a boundary fails a test: each forbidden import is reported by
 * no-restricted-imports, each allowed one is not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const restricted = async (filePath: string, code: string) => {
  const [r] = await eslint.lintText(`${code}\n`, { filePath });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length > 0;
};

describe('import boundaries (eslint.config.js)', () => {
  const cases: [file: string, code: string, forbidden: boolean][] = [
    ['src/model/x.ts', "export { dataset } from '../data/dataset';", true],
    ['src/model/export/x.ts', "export { default } from '../../../data/instances.json';", true],
    ['src/model/x.ts', "export type { Draft } from '../state/draft';", true],
    ['src/model/advisor/x.ts', "export * from '../../ui/format';", true],
    ['src/model/x.ts', "export * from '../cli/io';", true],
    ['src/model/x.ts', "export { useState } from 'react';", true],
    ['src/model/x.ts', "export { load } from 'js-yaml';", true],
    ['src/model/x.ts', "export * from './cidr';", false],
    ['src/state/x.ts', "export * from '../ui/format';", true],
    ['src/state/x.ts', "export * from '../model/plan';", false],
    ['src/cli/x.ts', "export * from '../state/sync';", true],
    ['src/cli/x.ts', "export * from '../ui/format';", true],
    ['src/cli/x.ts', "export { dataset } from '../data/dataset';", false],
    ['src/ui/x.ts', "export * from '../state/sync';", false],
  ];
  it.each(cases)('%s: %s → forbidden %s', async (file, code, forbidden) => {
    expect(await restricted(file, code)).toBe(forbidden);
  });
});
