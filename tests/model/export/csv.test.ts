import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { evaluate } from '../../../src/model/evaluate';
import { CSV_COLUMNS, csvField, toCsv } from '../../../src/model/export/csv';
import { expectGolden, parseCsv, referencePlan } from './helpers';

const table = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
};

describe('CSV of the reference plan', () => {
  const plan = referencePlan();
  const evaluation = evaluate(plan, dataset);
  const text = toCsv(plan, evaluation);
  const { header, rows } = table(text);

  it('matches the golden file (figures from evaluate())', () => expectGolden('reference-plan.csv', text));

  it('is RFC 4180: CRLF records, every record as many fields as the header', () => {
    expect(header).toEqual(CSV_COLUMNS);
    for (const r of parseCsv(text)) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has a row per subnet, per node group and a total', () => {
    expect(rows.map((r) => `${r.kind} ${r.name}`)).toEqual([
      'subnet nodes-a',
      'subnet nodes-b',
      'subnet nodes-c',
      'subnet pods-a',
      'subnet pods-b',
      'subnet pods-c',
      'nodeGroup general',
      'nodeGroup batch',
      'total all subnets',
    ]);
  });

  it("subnet rows carry the evaluation's figures at min, desired and max", () => {
    evaluation.subnets.forEach((s, i) => {
      const r = rows[i]!;
      expect([r.cidr, r.az, Number(r.size), Number(r.usable)]).toEqual([s.cidr, s.az, s.size, s.usable]);
      expect([r.used_min, r.used_desired, r.used_max].map(Number)).toEqual([s.used.min, s.used.desired, s.used.max]);
      expect([r.free_min, r.free_desired, r.free_max].map(Number)).toEqual([s.free.min, s.free.desired, s.free.max]);
      expect(Number(r.warm_ips_max)).toBe(s.breakdown.max.warmIps);
      expect(r.fits_at_max).toBe(String(s.fitsAtMax));
    });
    expect(rows[0]).toMatchObject({
      reserved: '12',
      vpc_cidr: '10.0.0.0/20',
      roles: 'nodes',
      size: '1024',
      usable: '1019',
    });
    expect(rows[3]).toMatchObject({ vpc_cidr: '100.64.0.0/16', roles: 'pods', usable: '65531' });
  });

  it('node group rows: max pods in force, to set (44, 250) and the three formulas', () => {
    expect(rows[6]).toMatchObject({
      instance_type: 'm5.xlarge',
      nodes_min: '3',
      nodes_desired: '6',
      nodes_max: '30',
      max_pods_to_set: '44',
      max_pods_eni_limited: '58',
      max_pods_recommended: '44',
      subnets: 'nodes-a nodes-b nodes-c',
      pod_subnets: 'pods-a pods-b pods-c',
    });
    expect(rows[7]).toMatchObject({
      instance_type: 'm5.16xlarge',
      max_pods_to_set: '250',
      max_pods_eni_limited: '737',
      max_pods_karpenter: '688',
    });
    evaluation.nodeGroups.forEach((g, i) => {
      const r = rows[6 + i]!;
      expect([r.node_enis, r.node_ips, r.node_subnet_ips, r.pod_subnet_ips, r.max_nodes_that_fit].map(Number)).toEqual([
        g.perNode.enis,
        g.perNode.ips,
        g.perNode.nodeSubnetIps,
        g.perNode.podSubnetIps,
        g.maxNodesThatFit,
      ]);
      expect([r.addresses_min, r.addresses_desired, r.addresses_max].map(Number)).toEqual([
        g.addresses.min,
        g.addresses.desired,
        g.addresses.max,
      ]);
    });
  });

  it('the total row sums the subnets', () => {
    const total = rows[8]!;
    expect(Number(total.usable)).toBe(evaluation.subnets.reduce((a, s) => a + s.usable, 0));
    expect(Number(total.used_max)).toBe(evaluation.subnets.reduce((a, s) => a + s.used.max, 0));
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks; defuses formulas; leaves numbers alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('any text reads back as itself (formula prefix aside)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = `${cells.map(csvField).join(',')}\r\n`;
        const back = parseCsv(line)[0]!.map((c, i) =>
          c.startsWith("'") && !cells[i]!.startsWith("'") ? c.slice(1) : c,
        );
        expect(back).toEqual(cells);
      }),
      { numRuns: 1000 },
    );
  });

  it('subnet names with commas and quotes survive a whole export', () => {
    const plan = referencePlan();
    plan.vpc.subnets[0]!.name = 'nodes, "a"';
    plan.nodeGroups.forEach((g) => (g.subnets[0] = 'nodes, "a"'));
    const { rows } = table(toCsv(plan, evaluate(plan, dataset)));
    expect(rows[0]!.name).toBe('nodes, "a"');
    expect(rows[6]!.subnets).toBe('nodes, "a" nodes-b nodes-c');
  });
});
