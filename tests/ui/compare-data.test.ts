/**
 * The comparison's pure parts with the small routable preset (A: 100 addresses per m5.16xlarge) and B
 * (MINIMUM_IP_TARGET=25, WARM_IP_TARGET=5: 26 per node): the chart's overlay lines and the differences
 * written against the baseline.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { validatePlan } from '../../src/model/validate-plan';
import { chartModel } from '../../src/ui/results/chart-data';
import { countDiff, groupRows, headlineRows, shareDiff, subnetRows } from '../../src/ui/compare/compare-rows';

const evaluated = (plan: unknown) => {
  const v = validatePlan(plan, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return evaluate(v.plan, dataset, v.warnings);
};
const A = evaluated(SMALL_ROUTABLE_VPC);
const B = evaluated({
  ...SMALL_ROUTABLE_VPC,
  cni: { ...SMALL_ROUTABLE_VPC.cni, minimumIpTarget: 25, warmIpTarget: 5 },
});

describe('the chart overlay', () => {
  it("draws B over A in the same subnets: nodes-a holds 3 × 26 + 8 = 86 at 9 nodes against A's 308", () => {
    const m = chartModel(A, [0, 1, 2], false, undefined, B);
    expect(m.overlay.map((o) => [o.name, o.index, o.usable])).toEqual([
      ['nodes-a', 0, 251],
      ['nodes-b', 1, 251],
      ['nodes-c', 2, 251],
    ]);
    expect(m.overlay[0]!.points.find(([n]) => n === 9)).toEqual([9, 86]);
    expect(m.rows.find((r) => r.nodes === 9)!.s0).toBe(308);
    // B runs to twice max (18 nodes) without running out: the x axis follows it.
    expect(m.overlay[0]!.exhaustedAt).toBeNull();
    expect(m.xMax).toBe(18);
  });

  it('leaves out subnets the other scenario does not have', () => {
    const renamed = evaluated({
      ...SMALL_ROUTABLE_VPC,
      vpc: {
        ...SMALL_ROUTABLE_VPC.vpc,
        subnets: SMALL_ROUTABLE_VPC.vpc.subnets.map((s) => ({ ...s, name: `x-${s.name}` })),
      },
      nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, subnets: ['x-nodes-a', 'x-nodes-b', 'x-nodes-c'] }],
    });
    expect(chartModel(A, [0, 1, 2], false, undefined, renamed).overlay).toEqual([]);
  });
});

describe('differences against the baseline', () => {
  it('say the change in text: −74, +21, −57 %, and which way is better', () => {
    expect(countDiff(26, 100, 'lower')).toEqual({ text: '−74', tone: 'better' });
    expect(countDiff(27, 6, 'higher')).toEqual({ text: '+21', tone: 'better' });
    expect(countDiff(9, 9, 'higher')).toEqual({ text: 'same', tone: 'same' });
    expect(shareDiff(0.15, 0.72, 'lower')).toEqual({ text: '−57 %', tone: 'better' });
    expect(shareDiff(0.9, 0.5, 'lower')).toEqual({ text: '+40 %', tone: 'worse' });
  });

  it('rows: A does not fit, nodes-a at 7 nodes; B fits, 258 addresses at max; per subnet and per group', () => {
    const cols = [
      { evaluation: A, api: null },
      { evaluation: B, api: null },
    ];
    const head = headlineRows(cols, 0);
    expect(head.map((r) => [r.label, ...r.cells.map((c) => `${c.text}${c.diff ? ` [${c.diff.text}]` : ''}`)])).toEqual([
      ['Fits at max', 'No', 'Yes [now fits]'],
      ['Nodes until the first subnet runs out', '7 (nodes-a)', 'none up to 18 [no longer runs out]'],
      ['Nodes at max', '9', '9 [same]'],
      ['Addresses used at desired', '324', '102 [−222]'],
      ['Addresses used at max', '924 of 753', '258 of 753 [−666]'],
      ['Warm pool share at desired', '72 %', '15 % [−57 %]'],
    ]);
    expect(subnetRows(cols, 0)[0]!.cells.map((c) => [c.text, c.danger, c.diff?.text])).toEqual([
      ['308 / 251', true, undefined],
      ['86 / 251', false, '−222'],
    ]);
    // With B as the baseline the signs turn round.
    expect(
      groupRows(cols, 1)
        .find((r) => r.label === 'Addresses per node')!
        .cells.map((c) => c.diff?.text ?? c.text),
    ).toEqual(['+74', '26']);
  });

  it('a scenario without a valid plan shows "—" and no difference', () => {
    const rows = headlineRows(
      [
        { evaluation: A, api: null },
        { evaluation: null, api: null },
      ],
      0,
    );
    expect(rows[0]!.cells[1]).toEqual({ text: '—' });
  });
});
