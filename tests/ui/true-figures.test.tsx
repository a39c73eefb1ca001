// @vitest-environment jsdom
/**
 * Figures that must be true (issue 11, points 3, 4, 7 and 15), with the numbers worked out by hand:
 * an m5.16xlarge with 20 pods and WARM_ENI_TARGET=1 takes 2 ENIs, 98 + 2 = 100 addresses; with
 * MINIMUM_IP_TARGET=25 / WARM_IP_TARGET=5, max(20 + 5, 25) + 1 primary = 26. An m5.large (3 ENIs × 10)
 * with 5 pods takes 2 ENIs: 18 + 2 = 20. A /24 has 251 usable addresses; the small preset reserves 8.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import type { Plan } from '../../src/model/plan';
import { BLANK_PLAN, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { documentLink } from '../../src/model/share-link';
import { loadInitialWorkspace } from '../../src/state/persistence';
import { renderApp } from './render-app';
import { loadNoticeText } from '../../src/ui/app/load-notice';

afterEach(cleanup);

const MIT: Plan = { ...SMALL_ROUTABLE_VPC, cni: { ...SMALL_ROUTABLE_VPC.cni, minimumIpTarget: 25, warmIpTarget: 5 } };
const base = SMALL_ROUTABLE_VPC.nodeGroups[0]!;
/** web and batch share nodes-a, -b, -c; solo has solo-a to itself. */
const SHARED: Plan = {
  ...SMALL_ROUTABLE_VPC,
  name: 'Shared subnets',
  vpc: {
    ...SMALL_ROUTABLE_VPC.vpc,
    subnets: [...SMALL_ROUTABLE_VPC.vpc.subnets, { name: 'solo-a', az: 'us-east-1a', cidr: '10.0.3.0/24' }],
  },
  nodeGroups: [
    { ...base, name: 'web' },
    { ...base, name: 'batch' },
    {
      name: 'solo',
      instanceType: 'm5.large',
      subnets: ['solo-a'],
      minNodes: 1,
      desiredNodes: 2,
      maxNodes: 4,
      podsPerNode: 5,
      maxPods: null,
    },
  ],
};

/** A node group's "how many fit" figure in its result summary. */
const fitFigure = (group: string) => {
  const results = screen.getByRole('heading', { name: 'Node groups', level: 2 }).closest('section')!;
  const summary = within(results as HTMLElement)
    .getByText(group, { selector: '.g-name' })
    .closest('summary')!;
  return summary.querySelector('.g-fig:last-child')!.textContent;
};

describe('how many nodes of a group fit', () => {
  it('says "fits at max, room for N more" instead of "27 of 9 nodes fit"', async () => {
    renderApp(MIT);
    // 243 free per /24 after the reservation, 26 per node: 9 per subnet, 27 in all; max is 9.
    await waitFor(() => expect(fitFigure('general')).toBe('fits at max, room for 18 more'));
    expect(document.body.textContent).not.toMatch(/27 of 9/);
    expect(
      screen.getByText(
        /^It fits at max \(9 nodes\), with room for 18 more \(27 in all\) with the other groups at desired\.$/,
      ),
    ).toBeTruthy();
  });

  it('a group short of its max says how many of its nodes fit', async () => {
    renderApp(SMALL_ROUTABLE_VPC);
    // 100 per node: 2 per subnet, 6 of 9.
    await waitFor(() => expect(fitFigure('general')).toBe('only 6 of 9 nodes fit'));
  });
});

describe('groups that share subnets', () => {
  it('say that the room is shared, and with whom, in the summary, the detail and the finding', async () => {
    renderApp(SHARED);
    // batch at desired holds 1 node (100) in each shared /24: 8 + 100 + 100 = 208 of 251 fits, a 4th web node does not.
    await waitFor(() => expect(fitFigure('web')).toBe('only 3 of 9 nodes fit, shared with batch'));
    expect(fitFigure('batch')).toBe('only 3 of 9 nodes fit, shared with web');
    // solo-a is its own: 251 / 20 = 12 nodes, 4 at max.
    expect(fitFigure('solo')).toBe('fits at max, room for 8 more');
    expect(
      screen.getByText(
        /^Only 3 of its 9 nodes at max fit, with batch at desired\. That room is shared: web and batch both use nodes-a, nodes-b and nodes-c/,
      ),
    ).toBeTruthy();
    const findings = screen.getByRole('heading', { name: /^Findings/ }).closest('section')!;
    expect(findings.textContent).toMatch(
      /web: only 3 of 9 nodes fit while batch stays at desired\. The room is shared: web and batch use nodes-a, nodes-b and nodes-c/,
    );
    expect(findings.textContent).toMatch(/batch: only 3 of 9 nodes fit while web stays at desired\./);
  });

  it("the model's finding for a group alone in its subnets names no one else", () => {
    const lone: Plan = { ...SMALL_ROUTABLE_VPC, nodeGroups: [{ ...base, maxNodes: 9 }] };
    const w = evaluate(lone, dataset).warnings.find((x) => x.code === 'node-group-does-not-fit')!;
    expect(w.message).toBe('general: only 6 of 9 nodes fit in its subnets');
  });
});

describe('nothing to place', () => {
  it('a plan with no node group says there is nothing to place yet: no green verdict, no chart, no "twice max"', () => {
    renderApp(BLANK_PLAN);
    expect(screen.getByRole('heading', { level: 2, name: 'Nothing to place yet' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /fit at max/ })).toBeNull();
    expect(screen.getByTestId('first-exhaustion').textContent).toMatch(
      /^The plan has no node group yet, so no address is taken and nothing can run out: add one on the left/,
    );
    expect(document.body.textContent).not.toMatch(/twice max|desired = max/);
    expect(screen.getByText(/^Nothing to chart yet/)).toBeTruthy();
    expect(document.querySelector('svg.chart-surface')).toBeNull();
    expect(screen.queryByRole('heading', { level: 2, name: 'Node groups' })).toBeNull();
    expect(document.querySelector('.verdict')!.className).toBe('panel verdict empty');
  });

  it('groups whose max is 0 say so', () => {
    renderApp({ ...SMALL_ROUTABLE_VPC, nodeGroups: [{ ...base, minNodes: 0, desiredNodes: 0, maxNodes: 0 }] });
    expect(screen.getByRole('heading', { level: 2, name: 'Nothing to place yet' })).toBeTruthy();
    expect(screen.getByTestId('first-exhaustion').textContent).toMatch(/^Every node group has a maximum of 0 nodes/);
  });
});

describe('words', () => {
  it('the subnet table says "7 nodes" where a subnet runs out, as the verdict does', () => {
    renderApp(SMALL_ROUTABLE_VPC);
    const table = screen.getByRole('heading', { name: 'Addresses by subnet' }).closest('section')!;
    const row = within(table as HTMLElement)
      .getByRole('rowheader', { name: /^nodes-a/ })
      .closest('tr')!;
    expect(row.lastElementChild!.textContent).toBe('7 nodes');
    expect(screen.getByTestId('first-exhaustion').textContent).toMatch(/runs out at 7 nodes/);
  });

  it('counts take the plural by number: "1 ENI primary"', async () => {
    renderApp(MIT);
    await waitFor(() => expect(screen.getByText('held 25 + 1 ENI primary')).toBeTruthy());
    expect(document.body.textContent).not.toMatch(/\b1 ENI primaries/);
  });

  it('a schema error in a scenario names its field once', () => {
    const bad = {
      version: 2,
      active: 0,
      scenarios: [SMALL_ROUTABLE_VPC, { ...SMALL_ROUTABLE_VPC, nodeGroups: [{ ...base, maxNodes: -1 }] }],
    };
    const r = loadInitialWorkspace(documentLink(bad as never, ''), null, dataset);
    const t = loadNoticeText(r.notice!.fact);
    expect(t).toMatch(/scenario 2/);
    expect(t.split('nodeGroups[0].maxNodes').length - 1).toBe(1);
  });

  it('the comparison points to the Tools tab by its name', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    await user.click(screen.getByRole('button', { name: 'Compare scenarios' }));
    const hint = await screen.findByText(
      /^The window and the token buckets are set in Tools → /,
      {},
      { timeout: 5000 },
    );
    const tab = /Tools → (.+)\.$/.exec(hint.textContent!)![1]!;
    await user.click(screen.getByRole('button', { name: 'Back to the results' }));
    const tools = await screen.findByRole('tablist', { name: 'Tools' }, { timeout: 5000 });
    expect(within(tools).getByRole('tab', { name: tab })).toBeTruthy();
  });
});

describe('a plan where no subnet runs out', () => {
  // SMALL_ROUTABLE_VPC's m5.16xlarge at 20 pods takes 100 addresses; 3 nodes at max, one per /24 of 251
  // usable (8 reserved): 108 a subnet, and still 216 at twice max (2 nodes a subnet). The series would
  // end at 2 × 3 = 6 nodes.
  const plan: Plan = {
    ...SMALL_ROUTABLE_VPC,
    nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, minNodes: 1, desiredNodes: 1, maxNodes: 3 }],
  };
  it('says so, and how far the series goes: twice max, the end of the model’s own series', () => {
    renderApp(plan);
    const line = screen.getByTestId('first-exhaustion').textContent!;
    expect(line).toBe('No subnet runs out, even at 6 nodes (twice max).');
    const ev = evaluate(plan, dataset);
    expect(ev.firstExhaustion).toBeNull();
    expect(ev.series.endNodes).toBe(6);
  });
});
