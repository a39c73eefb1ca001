import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { parseDocumentText } from '../../src/model/document-text';
import { PRESETS } from '../../src/model/presets';
import { decodeLink, documentLink } from '../../src/model/share-link';
import { restoreDocument } from '../../src/model/workspace';
import golden from '../golden/share-links-v1.json';
import golden2 from '../golden/share-links-v2.json';

// Issue "Share links that last": 10,000 random and mutated links and JSON documents through the
// decoder and the importer. Each yields a valid plan or a clear error; none throws, none pollutes
// Object.prototype. No time is asserted (a busy machine would fail it): the size caps bound the work,
// the worst time is printed, and speed proper is benchmarked (npm run bench).

type Outcome = { ok: true } | { ok: false; messages: string[] };

function throughLink(link: string): Outcome {
  const d = decodeLink(link);
  if (!d.ok) return { ok: false, messages: [d.error] };
  const r = restoreDocument(d.json, dataset);
  return r.ok ? { ok: true } : { ok: false, messages: r.issues.map((i) => i.message) };
}
function throughImport(text: string): Outcome {
  const r = parseDocumentText(text, dataset);
  return r.ok ? { ok: true } : { ok: false, messages: r.issues.map((i) => i.message) };
}

const stats = { runs: 0, ok: 0, errors: 0, worstMs: 0 };
function check(run: () => Outcome) {
  const t0 = performance.now();
  const out = run();
  stats.runs++;
  stats.worstMs = Math.max(stats.worstMs, performance.now() - t0);
  if (out.ok) stats.ok++;
  else {
    stats.errors++;
    expect(out.messages.length).toBeGreaterThan(0);
    for (const m of out.messages) {
      expect(typeof m).toBe('string');
      expect(m.length).toBeGreaterThan(5);
      expect(m).not.toMatch(/\bat \S+\.(ts|js):\d+|TypeError|undefined is not/);
    }
  }
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const validJson = PRESETS.map((p) => JSON.stringify(p));
const fragments = [
  ...golden.map((g) => g.link),
  ...golden2.map((g) => g.link),
  documentLink({ version: 2, active: 1, scenarios: [PRESETS[0]!, PRESETS[1]!] }, 'https://p/'),
].map((l) => l.split('#')[1]!);

const mutateString = (s: string) =>
  fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 8 })).map(([at, del, ins]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + ins + s.slice(i + del);
  });

const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":true},"version":1,"vpc":{"cidrs":["10.0.0.0/16"],"subnets":[]},"nodeGroups":[]}',
  '{"version":1,"constructor":{"prototype":{"polluted":true}},"vpc":{"cidrs":["10.0.0.0/16"],"subnets":[]},"nodeGroups":[]}',
  '{"version":2,"scenarios":[{"__proto__":{"polluted":1}}]}',
  '{"version":1,"vpc":{"cidrs":["10.0.0.0/16"],"subnets":[{"name":"__proto__","az":"a","cidr":"10.0.0.0/24"}]},"nodeGroups":[{"name":"g","instanceType":"toString","subnets":["__proto__"],"minNodes":0,"desiredNodes":0,"maxNodes":0,"podsPerNode":0}]}',
);

// Replace one value somewhere in a valid plan with something random.
const mutatedPlan = fc.tuple(fc.constantFrom(...PRESETS), fc.nat(), fc.jsonValue()).map(([p, pick, value]) => {
  const doc = structuredClone(p) as unknown as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (v && typeof v === 'object')
      for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
  };
  walk(doc, []);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) return JSON.stringify(value);
  let cur: any = doc;
  for (const k of path.slice(0, -1)) cur = cur[k];
  cur[path[path.length - 1]!] = value;
  return JSON.stringify(doc);
});

describe('untrusted links and files (fuzz)', () => {
  it('2,500 random strings and mutated share links', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          ...fragments.map(mutateString),
          fc.string().map((s) => `1.${LZString.compressToEncodedURIComponent(s)}`),
          fc.jsonValue().map((j) => `2.${LZString.compressToEncodedURIComponent(JSON.stringify(j))}`),
        ),
        (s) => {
          check(() => throughLink(`https://planner.example/#${s}`));
        },
      ),
      { numRuns: 2500 },
    );
  });
  it('2,500 random JSON documents through the importer', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((j) => JSON.stringify(j)),
          fc.string({ maxLength: 300 }),
          pollution,
        ),
        (t) => check(() => throughImport(t)),
      ),
      { numRuns: 2500 },
    );
  });
  it('2,500 valid plans with one value replaced, and mutated plan text', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedPlan, ...validJson.map(mutateString)), (t) => check(() => throughImport(t))),
      { numRuns: 2500 },
    );
  });
  it('2,500 mutated plans carried in links, and oversized payloads', () => {
    const huge = fc.constantFrom(
      `1.${LZString.compressToEncodedURIComponent(JSON.stringify({ n: 'x'.repeat(2_000_000) }))}`,
      `2.${LZString.compressToEncodedURIComponent(JSON.stringify({ a: 0, p: new Array(1000).fill({ n: 'x' }) }))}`,
      `1.${'A'.repeat(250_000)}`,
    );
    fc.assert(
      fc.property(
        fc.oneof(
          mutatedPlan.map((t) => `2.${LZString.compressToEncodedURIComponent(`{"a":0,"p":[${t}]}`)}`),
          huge,
        ),
        (s) => check(() => throughLink(`https://p/#${s}`)),
      ),
      { numRuns: 2500 },
    );
    console.log(
      `fuzz: ${stats.runs} inputs, ${stats.ok} valid plans, ${stats.errors} clear errors, worst ${stats.worstMs.toFixed(1)} ms`,
    );
    expect(stats.runs).toBe(10_000);
  });
});
