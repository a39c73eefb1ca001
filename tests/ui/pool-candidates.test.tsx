// @vitest-environment jsdom
/**
 * A node pool's result on the page: the candidate list (count, per-type figures, sortable by each column,
 * 50 rows then "Show all" for the 385 candidates of the general pool), the worst and best named, the types
 * too small for the pod and why, Auto Mode's assumed warm pool; the verdict's best-case line and the chart's
 * best-case lines. Independent figures: the worked EFA layouts (a p4d.24xlarge node with EFA takes 103 addresses,
 * a p5.48xlarge 131, whatever the pods up to a full ENI), 512 pods ÷ 8 GPUs = 64 nodes, AWS's g5/g6.xlarge
 * have 4 vCPUs, of which Karpenter's table leaves 3,920m allocatable.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { validatePlan } from '../../src/model/validate-plan';
import { chartModel, sameScaleX } from '../../src/ui/results/chart-data';
import { FIRST_ROWS, sortCandidates } from '../../src/ui/results/pool-candidates';
import { asPlan, AUTO_MODE_POOL, GENERAL_POOL, GPU_POOL } from './pool-plans';
import { renderApp } from './render-app';

afterEach(cleanup);

/** The pool's result panel, once it is there. */
async function poolPanel(): Promise<HTMLElement> {
  const title = await screen.findByText(/^Node pool: [\d,]+ candidate types?/, { selector: 'h3' });
  return title.closest('.pool-candidates') as HTMLElement;
}
const table = (panel: HTMLElement) => within(panel).getByRole('table');
/** The rows as [type, pods per node, limited by, nodes, per node, at max]. */
const rows = (panel: HTMLElement) =>
  within(table(panel))
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/(worst|best)$/, '')));
const col = (panel: HTMLElement, name: RegExp) => within(table(panel)).getByRole('button', { name });

function ev(raw: unknown) {
  const v = validatePlan(structuredClone(raw), dataset);
  if (!v.ok) throw new Error('invalid');
  return evaluate(v.plan, dataset);
}

describe('the candidate list', () => {
  it('GPU pool: 4 candidates, the worst p5.4xlarge and the best p4d.24xlarge named, most addresses first', async () => {
    renderApp(asPlan(GPU_POOL));
    const panel = await poolPanel();
    expect(panel.querySelector('h3')!.textContent).toBe('Node pool: 4 candidate types');
    const picks = panel.querySelector('.pool-picks')!.textContent!;
    expect(picks).toMatch(
      /^Judged against the worst, p5\.4xlarge: 1 pod per node, 512 nodes, 30,720 addresses at max pods\./,
    );
    expect(picks).toMatch(/The best, p4d\.24xlarge: 8 pods per node, 64 nodes, 6,592 addresses\./);
    expect(picks).toMatch(/the choice of types is worth 24,128 addresses \(4\.7× the best\)/);
    expect(rows(panel)).toEqual([
      ['p5.4xlarge', '1', 'CPU', '512', '60', '30,720'],
      ['p5.48xlarge', '8', 'devices', '64', '131', '8,384'],
      ['p5en.48xlarge', '8', 'devices', '64', '115', '7,360'],
      ['p4d.24xlarge', '8', 'devices', '64', '103', '6,592'],
    ]);
    expect(table(panel).querySelector('tr.worst th')!.textContent).toBe('p5.4xlargeworst');
    expect(table(panel).querySelector('tr.best th')!.textContent).toBe('p4d.24xlargebest');
    // the group's summary says it is a pool
    expect(screen.getByText('node pool, worst of 4: p5.4xlarge')).toBeTruthy();
  });

  it('sorts by each column, descending first for figures, again for ascending; ties keep the model order', async () => {
    const { user } = renderApp(asPlan(GPU_POOL));
    const panel = await poolPanel();
    const pods = col(panel, /^Pods per node/);
    await user.click(pods);
    expect(pods.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(rows(panel).map((r) => r[0])).toEqual(['p5.48xlarge', 'p5en.48xlarge', 'p4d.24xlarge', 'p5.4xlarge']);
    await user.click(pods);
    expect(pods.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(rows(panel)[0]![0]).toBe('p5.4xlarge');
    await user.click(col(panel, /^Type/));
    expect(rows(panel).map((r) => r[0])).toEqual(['p4d.24xlarge', 'p5.48xlarge', 'p5.4xlarge', 'p5en.48xlarge']);
    await user.click(col(panel, /^Addresses per node/));
    expect(rows(panel).map((r) => r[4])).toEqual(['131', '115', '103', '60']);
    await user.click(col(panel, /^Limited by/));
    expect(rows(panel).map((r) => r[2])).toEqual(['CPU', 'devices', 'devices', 'devices']);
  });

  it('385 candidates: 50 rows, then all on request, sorted over all of them', async () => {
    const { user } = renderApp(asPlan(GENERAL_POOL));
    const panel = await poolPanel();
    const n = ev(GENERAL_POOL).nodeGroups[0]!.candidateList!.length;
    expect(n).toBe(385);
    expect(panel.querySelector('h3')!.textContent).toBe('Node pool: 385 candidate types');
    expect(rows(panel)).toHaveLength(FIRST_ROWS);
    await user.click(within(panel).getByRole('button', { name: 'Show all 385 candidates' }));
    expect(rows(panel)).toHaveLength(385);
    await user.click(col(panel, /^Nodes at max/));
    const nodes = rows(panel).map((r) => Number(r[3]!.replace(/,/g, '')));
    expect(nodes).toEqual([...nodes].sort((a, b) => b - a));
    // 2,000 pods: every row's nodes are ⌈2,000 ÷ pods per node⌉, its addresses nodes × per node
    for (const r of rows(panel)) {
      const [ppn, nn, per, all] = [r[1], r[3], r[4], r[5]].map((v) => Number(v!.replace(/,/g, '')));
      expect(nn).toBe(Math.ceil(2000 / ppn!));
      expect(all).toBe(nn! * per!);
    }
    await user.click(within(panel).getByRole('button', { name: 'Show the first 50' }));
    expect(rows(panel)).toHaveLength(FIRST_ROWS);
  });

  it('sortCandidates is a stable sort over a copy', () => {
    const list = ev(GENERAL_POOL).nodeGroups[0]!.candidateList!;
    const before = list.map((c) => c.instanceType);
    const byPods = sortCandidates(list, { by: 'podsPerNode', desc: false });
    expect(list.map((c) => c.instanceType)).toEqual(before);
    for (let i = 1; i < byPods.length; i++) {
      const [a, b] = [byPods[i - 1]!, byPods[i]!];
      expect(
        a.podsPerNode < b.podsPerNode || (a.podsPerNode === b.podsPerNode && list.indexOf(a) < list.indexOf(b)),
      ).toBe(true);
    }
  });

  it('Auto Mode: the types too small for the pod and why, and the assumed warm pool', async () => {
    const { user } = renderApp(asPlan(AUTO_MODE_POOL));
    const panel = await poolPanel();
    expect(panel.querySelector('h3')!.textContent).toBe('Node pool: 12 candidate types, 10 run the pod');
    await user.click(within(panel).getByText('2 selected types can never run the pod'));
    expect([...panel.querySelectorAll('.pool-too-small li')].map((li) => li.textContent)).toEqual([
      'g5.xlarge: 3,920m CPU allocatable, the pod asks 4,000m',
      'g6.xlarge: 3,920m CPU allocatable, the pod asks 4,000m',
    ]);
    expect(
      within(panel).getByText(/^EKS Auto Mode does not publish its warm pool: assumed one spare \/28 prefix per node/),
    ).toBeTruthy();
  });
});

describe('the best case in the verdict and the chart', () => {
  it('GPU pool: the verdict judges the worst and says the best fits, 6,592 addresses (64 × 103)', async () => {
    renderApp(asPlan(GPU_POOL));
    expect(screen.getByRole('heading', { level: 2, name: 'Does not fit at max' })).toBeTruthy();
    expect(screen.getByTestId('pool-verdict').textContent).toBe(
      'Judged against the worst candidate p5.4xlarge (training); with the best, p4d.24xlarge, it fits: ' +
        '6,592 addresses at max (64 nodes), 24,128 fewer than with the worst; beyond max, nodes-a runs out at 79 nodes.',
    );
    await waitFor(() => expect(document.querySelectorAll('.chart-best-line')).toHaveLength(2));
    expect(screen.getByText(/^Solid lines: node pools at their worst candidates/).textContent).toMatch(
      /the same pods, on fewer nodes\); there nodes-a runs out first at 79 nodes\.$/,
    );
  });

  it('a pool of one candidate says worst and best are the same, and draws no best case', async () => {
    const one = {
      ...GPU_POOL,
      nodeGroups: [
        {
          ...GPU_POOL.nodeGroups[0],
          requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['p4d.24xlarge'] }],
        },
      ],
    };
    renderApp(asPlan(one));
    expect((await screen.findByTestId('pool-verdict')).textContent).toBe(
      'Judged against the worst candidate p4d.24xlarge (training): the pool runs its pod on this type only, ' +
        'so worst and best are the same.',
    );
    const panel = await poolPanel();
    expect(panel.querySelector('.pool-picks')!.textContent).toMatch(/It is the only candidate\.$/);
    await screen.findByText(/Subnet exhaustion as the node groups scale/);
    expect(document.querySelector('.chart-best-line')).toBeNull();
  });

  it('a plan without pools draws no best case', async () => {
    const { GPU_TRAINING } = await import('../../src/model/presets');
    renderApp(GPU_TRAINING);
    await screen.findByText(/Subnet exhaustion as the node groups scale/);
    expect(screen.queryByTestId('pool-verdict')).toBeNull();
    expect(document.querySelector('.chart-best-line')).toBeNull();
  });

  it('the best-case lines sit at the same pods: 16 p4d nodes (8 a subnet × 103) where the worst has 128', () => {
    const e = ev(GPU_POOL);
    expect(sameScaleX({ min: 0, max: 64 }, { min: 0, max: 512 })(16)).toBe(128);
    const m = chartModel(e, [0, 1], false, 1000);
    const a = m.best.find((b) => b.name === 'nodes-a')!;
    expect(a.points.find(([x]) => x === 128)?.[1]).toBe(8 * 103);
    // drawn up to the chart's end, not beyond
    expect(a.points.filter(([x]) => x > m.xMax)).toHaveLength(1);
    expect(
      chartModel(
        ev({
          ...GPU_POOL,
          nodeGroups: [
            {
              ...GPU_POOL.nodeGroups[0],
              requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['p4d.24xlarge'] }],
            },
          ],
        }),
        [0, 1],
        false,
      ).best,
    ).toEqual([]);
  });
});
