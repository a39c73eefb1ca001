import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { toYaml, yamlScalar, yamlStream, type YamlValue } from '../../../src/model/export/yaml';

const key = fc.string({ maxLength: 20 }).filter((k) => k !== '__proto__');
const scalar = (ints: boolean) =>
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      'on',
      'Off',
      'yes',
      'N',
      'y',
      'null',
      '~',
      'true',
      '1:20',
      '0x1F',
      '0o17',
      '1e3',
      '.inf',
      '-',
      '- a',
      'a: b',
      '#c',
      "it's",
      '"q"',
      '',
      ' lead',
      'trail ',
      '10.0.0.0/16',
      'al2023@latest',
      '\u0085',
      '\uFEFF',
      '\u2028',
    ),
    fc.integer({ min: -1e12, max: 1e12 }),
    ints ? fc.integer() : fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
const value = (ints: boolean) =>
  fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      scalar(ints),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(key, tie('v'), { maxKeys: 4 }),
    ),
  })).v as fc.Arbitrary<YamlValue>;

describe('YAML emitter', () => {
  it('round-trips through the yaml parser (YAML 1.2 core schema)', () => {
    fc.assert(
      fc.property(value(false), (v) => {
        expect(parse(toYaml(v))).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips under YAML 1.1 too (go-yaml, hence kubectl and eksctl, reads on/yes/y as booleans)', () => {
    fc.assert(
      fc.property(value(true), (v) => {
        expect(parse(toYaml(v), { version: '1.1' })).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes Kubernetes-style block YAML: plain scalars where safe, lists indented under their key', () => {
    expect(
      toYaml({
        metadata: { name: 'us-east-1a' },
        spec: { subnet: 'subnet-0abc', list: ['a', { k: 1 }], empty: [], none: {} },
      }),
    ).toBe(
      'metadata:\n  name: us-east-1a\nspec:\n  subnet: subnet-0abc\n  list:\n    - a\n    - k: 1\n  empty: []\n  none: {}\n',
    );
  });

  it('quotes what YAML 1.1 or 1.2 would read as something else', () => {
    for (const s of ['on', 'yes', 'Y', 'NULL', 'true', '10.0.0.0/16', '30', '1:20', ''])
      expect(yamlScalar(s)).toMatch(/^'/);
    expect(yamlScalar("it's")).toBe("'it''s'");
    expect(yamlScalar('a\nb')).toBe('"a\\nb"');
    expect(yamlScalar('topology.kubernetes.io/zone')).toBe('topology.kubernetes.io/zone');
  });

  it('leaves out undefined map entries', () => {
    expect(toYaml({ a: 1, b: undefined })).toBe('a: 1\n');
  });

  it('writes a stream of documents with comments, one parseable document each', () => {
    const text = yamlStream([{ comments: ['first', ''], value: { a: 1 } }, { value: { b: [true] } }]);
    expect(text).toBe('# first\n#\na: 1\n---\nb:\n  - true\n');
    expect(parseAllDocuments(text).map((d) => d.toJS())).toEqual([{ a: 1 }, { b: [true] }]);
  });
});
