// @vitest-environment jsdom
/**
 * The exhaustion chart's reading of the plan (issue 11 points 13 and 14): eight lines in eight colours,
 * an axis fitted to the lines, the desired/max labels inside the plot, one group scaled alone, and a file
 * with a title. Expected figures are counted by hand from the presets (see each test).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import type { Plan } from '../../src/model/plan';
import { GPU_TRAINING, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { validatePlan } from '../../src/model/validate-plan';
import { subnetColor } from '../../src/ui/common/colors';
import { axisTicks, chartModel, pickSubnets, TOP_N } from '../../src/ui/results/chart-data';
import { markLabels } from '../../src/ui/results/chart-overlay';
import { ExhaustionChart } from '../../src/ui/results/exhaustion-chart';
import { largePlan } from '../fixtures/large-plan';

afterEach(cleanup);

const validated = (plan: unknown) => {
  const v = validatePlan(plan, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return { plan: v.plan, ev: evaluate(v.plan, dataset, v.warnings) };
};

describe('colours', () => {
  it('the 8 most loaded of 48 subnets get 8 different colours, in light and dark', () => {
    const { ev } = validated(largePlan());
    const idx = pickSubnets(ev, 'loaded');
    expect(idx).toHaveLength(TOP_N);
    expect(idx.some((i) => i >= 12)).toBe(true); // the palette's 12 colours would repeat by index
    const m = chartModel(ev, idx, false);
    for (const scheme of ['light', 'dark'] as const)
      expect(new Set(m.lines.map((l) => subnetColor(l.slot, scheme))).size).toBe(TOP_N);
  });

  it('a plan of few subnets keeps each subnet its own colour (as in the bars)', () => {
    const { ev } = validated(SMALL_ROUTABLE_VPC);
    expect(chartModel(ev, pickSubnets(ev, 'loaded'), false).lines.map((l) => l.slot)).toEqual([0, 1, 2]);
  });
});

describe('the y axis', () => {
  it('ends at the first round tick at or above the top, with 4 to 6 intervals, never 50 % beyond it', () => {
    fc.assert(
      fc.property(fc.double({ min: 4, max: 1e7, noNaN: true }), (top) => {
        const t = axisTicks(top);
        const end = t[t.length - 1]!;
        expect(t[0]).toBe(0);
        expect(end).toBeGreaterThanOrEqual(top);
        expect(end).toBeLessThan(top * 1.5);
        expect(t.length - 1).toBeGreaterThanOrEqual(1);
        expect(t.length - 1).toBeLessThanOrEqual(6);
      }),
    );
    expect(axisTicks(104)).toEqual([0, 20, 40, 60, 80, 100, 120]); // the 0–150 % axis of issue 11, point 14
  });

  it('fits lines that stay under 10 % of usable, and says the usable lines are above', () => {
    // m5.large with 10 pods: 2 ENIs for the pods + 1 warm = 27 + 3 primaries = 30 addresses a node; at max
    // 6 nodes, 2 a subnet: 60 of a /20's 4,091 usable, 1.5 %.
    const plan: Plan = {
      ...SMALL_ROUTABLE_VPC,
      vpc: {
        ...SMALL_ROUTABLE_VPC.vpc,
        cidrs: ['10.0.0.0/16'],
        subnets: SMALL_ROUTABLE_VPC.vpc.subnets.map((s, i) => ({ ...s, cidr: `10.0.${i * 16}.0/20`, reservedIps: 0 })),
      },
      nodeGroups: [
        {
          ...SMALL_ROUTABLE_VPC.nodeGroups[0]!,
          instanceType: 'm5.large',
          podsPerNode: 10,
          minNodes: 3,
          desiredNodes: 3,
          maxNodes: 6,
        },
      ],
    };
    const { ev } = validated(plan);
    const m = chartModel(ev, pickSubnets(ev, 'loaded'), true);
    const drawn = Math.max(...m.rows.flatMap((r) => m.lines.map((l) => r[l.key]!)));
    expect(drawn).toBeLessThan(10);
    expect(m.usableAbove).toBe(true);
    expect(m.yMax).toBeGreaterThanOrEqual(drawn);
    expect(m.yMax).toBeLessThanOrEqual(15);
  });

  it('keeps the usable line in view once a line comes near it', () => {
    const { ev } = validated(SMALL_ROUTABLE_VPC); // runs out at 7 of 9 nodes
    const m = chartModel(ev, pickSubnets(ev, 'loaded'), true);
    expect(m.usableAbove).toBe(false);
    expect(m.yMax).toBeGreaterThanOrEqual(100);
  });
});

describe('the desired and max labels', () => {
  const x = (n: number) => 72 + n * 10; // a plot from x = 72 to 672 over 0–60 nodes
  it('stay inside the plot: "desired = max 0" at the left edge reads to the right of its line', () => {
    const [m] = markLabels({ min: 0, desired: 0, max: 0 }, x, 72, 672);
    expect(m).toMatchObject({ label: 'desired = max 0', anchor: 'start' });
  });
  it('move desired a row down when the two would overlap', () => {
    const near = markLabels({ min: 0, desired: 58, max: 60 }, x, 72, 672);
    expect(near.find((l) => l.key === 'desired')).toMatchObject({ anchor: 'end', row: 1 });
    const apart = markLabels({ min: 0, desired: 10, max: 60 }, x, 72, 672);
    expect(apart.find((l) => l.key === 'desired')).toMatchObject({ anchor: 'start', row: 0 });
  });
});

describe('one group scaled alone', () => {
  it('GPU preset: p5-training alone runs gpu-a out at its 21st node (1,019 usable in a /22, 16 of them reserved; 100 a node; 2 AZs)', async () => {
    const { plan, ev } = validated(GPU_TRAINING);
    render(<ExhaustionChart ev={ev} plan={plan} fileBase={plan.name} />);
    const figure = screen.getByRole('figure', { name: /exhaustion/i });
    await userEvent.selectOptions(within(figure).getByLabelText('Scale'), 'p5-training');
    expect(within(figure).getByText('Nodes of p5-training, the other groups at desired')).toBeTruthy();
    const row = within(figure)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('rowheader', { name: 'gpu-a' }) && r.closest('.readout-table'))!;
    expect(within(row).getAllByRole('cell').at(-1)!.textContent).toBe('21 nodes');
    expect(within(figure).getByText(/gpu-a runs out first, at 21 of its nodes/)).toBeTruthy();
    // Back to every group: the x axis counts all nodes again (p5-training 21 + system's 3 at desired would be 24).
    await userEvent.selectOptions(within(figure).getByLabelText('Scale'), '');
    expect(within(figure).queryByText(/Nodes of p5-training/)).toBeNull();
  });

  it('a plan of one group offers no such choice', () => {
    const { plan, ev } = validated(SMALL_ROUTABLE_VPC);
    render(<ExhaustionChart ev={ev} plan={plan} fileBase={plan.name} />);
    expect(screen.queryByLabelText('Scale')).toBeNull();
  });
});
