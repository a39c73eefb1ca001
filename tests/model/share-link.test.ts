import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { PRESETS } from '../../src/model/presets';
import { decodeLink, documentLink, MAX_DECODED_CHARS } from '../../src/model/share-link';
import { validatePlan } from '../../src/model/validate-plan';
import golden from '../golden/share-links-v1.json';
import LZString from 'lz-string';

const decodeValid = (link: string) => {
  const d = decodeLink(link);
  if (!d.ok) throw new Error(d.error);
  const v = validatePlan(d.json, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.plan;
};

describe('share links', () => {
  it('format 1 golden links decode to exactly the plans they were made from, forever', () => {
    expect(golden.length).toBeGreaterThanOrEqual(4);
    for (const g of golden) expect(decodeValid(g.link)).toEqual(g.plan);
  });
  it('round-trips every preset', () => {
    for (const p of PRESETS) expect(decodeValid(documentLink(p, 'http://127.0.0.1:5173/'))).toEqual(p);
  });
  it('is compact: every preset under 1,500 characters', () => {
    for (const p of PRESETS) expect(documentLink(p, '').slice(1).length).toBeLessThan(1500);
  });
  it('refuses damaged, truncated, oversized and future links with a message', () => {
    const link = golden[0]!.link;
    const cases: [string, RegExp][] = [
      [link.slice(0, link.length - 20), /damaged|truncated|not valid|missing/],
      ['https://x/#', /no plan/],
      ['https://x/#9.abc', /newer planner/],
      ['https://x/#1.<script>', /damaged/],
      [`https://x/#1.${LZString.compressToEncodedURIComponent('x'.repeat(MAX_DECODED_CHARS + 1))}`, /too large/],
      [`https://x/#1.${'A'.repeat(300_000)}`, /too long/],
      [`https://x/#1.${LZString.compressToEncodedURIComponent('[1,2,3]')}`, /.*/],
    ];
    for (const [l, re] of cases) {
      const d = decodeLink(l);
      if (d.ok) {
        const v = validatePlan(d.json, dataset);
        expect(v.ok, l.slice(0, 60)).toBe(false);
      } else expect(d.error).toMatch(re);
    }
  });
  it('never throws and never pollutes Object.prototype on random and mutated links', () => {
    const base = golden.map((g) => g.link.split('#')[1]!);
    const mutated = fc.tuple(fc.constantFrom(...base), fc.nat(), fc.string({ maxLength: 5 })).map(([s, i, ins]) => {
      const at = i % (s.length + 1);
      return s.slice(0, at) + ins + s.slice(at + 1);
    });
    const proto = fc.constant(
      `1.${LZString.compressToEncodedURIComponent('{"__proto__":{"polluted":1},"n":"x","c":["10.0.0.0/16"],"s":[],"k":[1,null,null,1,null,0,0,0],"g":[]}')}`,
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated, proto), (s) => {
        const d = decodeLink(`https://x/#${s}`);
        if (d.ok) validatePlan(d.json, dataset);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
  it('a "__proto__" among the named node-group fields neither names a field nor replaces the prototype', () => {
    const body =
      '{"n":"x","c":["10.0.0.0/16"],"s":[["a","us-east-1a","10.0.0.0/24"]],"k":[1,null,null,1,null,0,0,0],' +
      '"g":[["g","m5.large",[0],0,1,1,1,5,null,0,{"__proto__":{"kind":"karpenter"},"efaLayout":"none"}]]}';
    const d = decodeLink(`1.${LZString.compressToEncodedURIComponent(body)}`);
    const g = (d.ok ? (d.json as { nodeGroups: object[] }).nodeGroups[0] : null) as Record<string, unknown>;
    expect(Object.getPrototypeOf(g)).toBe(Object.prototype);
    expect([g.kind, g.efaLayout]).toEqual([undefined, 'none']);
  });
});

describe('workspaces (format 2): several scenarios in one link and one file', () => {
  it('a version-1 plan and a format-1 link open as a workspace of one scenario', async () => {
    const { restoreDocument } = await import('../../src/model/workspace');
    const d = decodeLink(golden[0]!.link);
    expect(d.ok).toBe(true);
    const r = restoreDocument(d.ok ? d.json : null, dataset);
    expect(r.ok && r.workspace.scenarios).toEqual([golden[0]!.plan]);
    expect(r.ok && r.fromVersion).toBe(1);
  });
  it('round-trips several scenarios and the active one through a format-2 link', async () => {
    const { restoreDocument } = await import('../../src/model/workspace');
    const ws = { version: 2 as const, active: 1, scenarios: [PRESETS[0]!, { ...PRESETS[1]!, name: 'B: expanded' }] };
    const link = documentLink(ws, 'https://planner.example/');
    expect(link).toMatch(/#2\./);
    const d = decodeLink(link);
    const r = restoreDocument(d.ok ? d.json : null, dataset);
    expect(r.ok && r.workspace).toEqual(ws);
  });
  it('names the scenario at fault', async () => {
    const { restoreDocument } = await import('../../src/model/workspace');
    const bad = {
      version: 2,
      active: 0,
      scenarios: [PRESETS[0], { ...PRESETS[1], nodeGroups: [{ ...PRESETS[1]!.nodeGroups[0], maxNodes: -1 }] }],
    };
    const r = restoreDocument(bad, dataset);
    expect(!r.ok && r.issues[0]!.path).toBe('scenarios[1].nodeGroups[0].maxNodes');
    expect(!r.ok && r.issues[0]!.message).toMatch(/^scenario 2: /);
    const r2 = restoreDocument({ version: 3, scenarios: [] }, dataset);
    expect(!r2.ok && r2.issues[0]!.message).toMatch(/newer than this planner/);
  });
});

describe('view inputs travel with the workspace', () => {
  it('DNS and cross-AZ inputs round-trip through a link and are validated', async () => {
    const { restoreDocument, documentOf } = await import('../../src/model/workspace');
    const ws = {
      version: 2 as const,
      active: 0,
      scenarios: [PRESETS[0]!],
      views: {
        dns: { name: 's3.us-east-2.amazonaws.com', ndots: 2, region: 'us-east-2' },
        crossAz: { pods: 16, unit: 'hour' as const, bytesPerPod: 5e9, nodeGroup: 0 },
      },
    };
    const link = documentLink(ws, 'https://p/');
    expect(link).toMatch(/#2\./);
    const d = decodeLink(link);
    const r = restoreDocument(d.ok ? d.json : null, dataset);
    expect(r.ok && r.workspace).toEqual(ws);
    expect(documentOf(ws)).toBe(ws);
    expect(documentOf({ version: 2, active: 0, scenarios: [PRESETS[0]!] })).toBe(PRESETS[0]);
    const bad = restoreDocument({ ...ws, views: { dns: { name: 'x', ndots: 99 } } }, dataset);
    expect(!bad.ok && bad.issues[0]!.path).toBe('views.dns.ndots');
  });
});
