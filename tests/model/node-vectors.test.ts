import { describe, expect, it } from 'vitest';
import vectors from '../vectors/node.json';
import { dataset } from '../../src/data/dataset';
import { parseNodeArgs, runNode } from '../../src/cli/node-command';

// Every vector of tests/vectors/node.json, through the same argument parser the CLI uses.
describe('node vectors (shared/vectors/node.json)', () => {
  for (const v of vectors) {
    it(`${v.case}: ${v.args.join(' ')}`, () => {
      const parsed = parseNodeArgs(v.args);
      if (!parsed.ok) throw new Error(parsed.error);
      const out = runNode(dataset, parsed.value);
      for (const [k, want] of Object.entries(v.expect)) expect(out[k as keyof typeof out], k).toBe(want);
    });
  }
});
