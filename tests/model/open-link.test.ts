/**
 * openLink (share-link.ts), the one way the page and the CLI open a link: the frozen golden links of
 * both formats open to their frozen workspaces, and every way a link fails comes back as its typed
 * failure with the figures the user is told (lengths counted here, independently of the decoder).
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { LINK_FORMAT, MAX_DECODED_CHARS, MAX_LINK_CHARS, openLink, type LinkFailure } from '../../src/model/share-link';
import v1 from '../golden/share-links-v1.json';
import v2 from '../golden/share-links-v2.json';

const lz = (s: string) => LZString.compressToEncodedURIComponent(s);
const failure = (link: string): LinkFailure | null => {
  const r = openLink(link, dataset);
  return r.ok ? null : r.failure;
};
/** The format-1 body of the first golden link, decompressed by lz-string itself. */
const body1 = LZString.decompressFromEncodedURIComponent(v1[0]!.link.split('#1.')[1]!);

describe('openLink', () => {
  it('opens every golden link of format 1 to a workspace of its one plan, from version 1', () => {
    for (const g of v1) {
      const r = openLink(g.link, dataset);
      expect(r.ok && r.workspace).toEqual({ version: 2, active: 0, scenarios: [g.plan] });
      expect(r.ok && r.fromVersion).toBe(1);
    }
  });

  it('opens every golden link of format 2 to its frozen workspace, with one list of warnings per scenario', () => {
    for (const g of v2) {
      const r = openLink(g.link, dataset);
      expect(r.ok && r.workspace, g.about).toEqual(g.workspace);
      expect(r.ok && r.warnings.length).toBe(g.workspace.scenarios.length);
    }
  });

  it('says which way each broken link fails, with the lengths it measured', () => {
    const tooLong = `1.${'A'.repeat(MAX_LINK_CHARS + 1)}`;
    const bomb = 'x'.repeat(MAX_DECODED_CHARS + 1);
    const cases: [string, LinkFailure][] = [
      ['https://x/#', { kind: 'empty' }],
      ['https://x/#   ', { kind: 'empty' }],
      [`https://x/#${tooLong}`, { kind: 'too-long', chars: MAX_LINK_CHARS + 3, max: MAX_LINK_CHARS }],
      ['https://x/#<script>x</script>', { kind: 'malformed' }],
      ['javascript:alert(1)', { kind: 'malformed' }],
      [`https://x/#${LINK_FORMAT + 1}.N4Ig`, { kind: 'newer-format', format: LINK_FORMAT + 1, newest: LINK_FORMAT }],
      ['https://x/#0.N4Ig', { kind: 'unknown-format', format: 0 }],
      ['https://x/#1.', { kind: 'not-compressed' }],
      [v1[0]!.link.slice(0, Math.floor(v1[0]!.link.length / 2)), { kind: 'not-compressed' }],
      [`https://x/#1.${lz(bomb)}`, { kind: 'too-large', chars: bomb.length, max: MAX_DECODED_CHARS }],
      [`https://x/#2.${lz('<script>alert(1)</script>')}`, { kind: 'not-json' }],
      [`https://x/#2.${lz('{"a":0}')}`, { kind: 'no-scenarios' }],
      [`https://x/#2.${lz('null')}`, { kind: 'no-scenarios' }],
    ];
    for (const [link, want] of cases) expect(failure(link), link.slice(0, 40)).toEqual(want);
  });

  it('a link that decodes to a document that does not validate fails as an invalid plan, with the issues by path', () => {
    const notObject = failure(`https://x/#1.${lz('[1,2,3]')}`);
    expect(notObject?.kind).toBe('invalid-plan');
    const badActive = failure(`https://x/#2.${lz(JSON.stringify({ a: 5, p: [JSON.parse(body1)] }))}`);
    expect(badActive?.kind === 'invalid-plan' && badActive.issues.map((i) => i.path)).toEqual(['active']);
    const plan = JSON.parse(body1) as { g: unknown[][] };
    plan.g = plan.g.map((g) => [g[0], 'm5.huge', ...g.slice(2)]);
    const badType = failure(`https://x/#2.${lz(JSON.stringify({ a: 0, p: [JSON.parse(body1), plan] }))}`);
    expect(badType?.kind === 'invalid-plan' && badType.issues.map((i) => i.path)).toEqual(
      plan.g.map((_, k) => `scenarios[1].nodeGroups[${k}].instanceType`),
    );
  });
});
