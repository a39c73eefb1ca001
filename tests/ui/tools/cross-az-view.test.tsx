// @vitest-environment jsdom
/** The cross-AZ view: monthly transfer and cost spread against co-located, the snippets, co-locating the plan. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import type { Plan } from '../../../src/model/plan';
import { EXPANDED_VPC, SMALL_ROUTABLE_VPC } from '../../../src/model/presets';
import type { CrossAzView as CrossAzViewValue } from '../../../src/model/views';
import CrossAzView from '../../../src/ui/tools/cross-az-view';
import { describedText } from '../helpers';

afterEach(cleanup);

function setup(plan: Plan, initial?: CrossAzViewValue) {
  const onChange = vi.fn();
  function Host() {
    const [value, setValue] = useState(initial);
    return (
      <CrossAzView
        plan={plan}
        dataset={dataset}
        value={value}
        onChange={(v) => {
          onChange(v);
          setValue(v);
        }}
      />
    );
  }
  const user = userEvent.setup();
  render(<Host />);
  return { user, onChange };
}

/** The value of a result tile, e.g. stat('Cost per month, spread') → '58.40 USD'. */
const stat = (label: string): string =>
  screen.getByText(label, { selector: 'dt' }).parentElement!.querySelector('.stat-value')!.textContent!;
const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

/** The small VPC with its group over two AZs: 8 desired nodes, 4 in each. */
const TWO_AZ: Plan = {
  ...SMALL_ROUTABLE_VPC,
  nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, subnets: ['nodes-a', 'nodes-b'], desiredNodes: 8 }],
};

describe('Cross-AZ traffic and placement', () => {
  it('8 pods × 1 GB/h over 2 even AZs: share 0.5, 2,920 GB crossing, 58.40 USD a month; co-located 0', () => {
    setup(SMALL_ROUTABLE_VPC, {
      pods: 8,
      unit: 'hour',
      bytesPerPod: 1e9,
      spread: { 'us-east-1a': 4, 'us-east-1b': 4 },
    });
    expect(screen.getByRole('region', { name: 'Cross-AZ traffic and placement' })).toBeTruthy();
    expect(stat('Sent per month')).toBe('5,840 GB');
    expect(stat('Crossing AZs, spread')).toBe('2,920 GB');
    expect(stat('Cost per month, spread')).toBe('58.40 USD');
    expect(stat('Cost per month, co-located')).toBe('0.00 USD');
    expect(screen.getByText(/share crossing AZs is 1 − Σ\(share²\) =/).textContent).toContain('50%');
    const spread = within(screen.getByRole('table', { name: 'How the pods are spread' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(spread).toEqual(['us-east-1a450%', 'us-east-1b450%', 'us-east-1c00%']);
    expect(screen.getByText(/single-digit-millisecond latency/)).toBeTruthy();
  });

  it('takes the spread from the node group (spreadFromPlan) and its desired nodes as pods', async () => {
    const { user, onChange } = setup(TWO_AZ);
    expect(input('Pods').value).toBe('8');
    expect(input('GB each pod sends per hour').value).toBe('10');
    // 8 × 10 GB × 730 h = 58,400 GB, half crossing: 29,200 GB × 0.02 USD.
    expect(stat('Cost per month, spread')).toBe('584.00 USD');
    await user.clear(input('GB each pod sends per hour'));
    await user.type(input('GB each pod sends per hour'), '1');
    expect(stat('Crossing AZs, spread')).toBe('2,920 GB');
    expect(stat('Cost per month, spread')).toBe('58.40 USD');
    expect(onChange).toHaveBeenLastCalledWith({
      pods: 8,
      unit: 'hour',
      bytesPerPod: 1e9,
      nodeGroup: 0,
      pricePerGbOut: 0.01,
      pricePerGbIn: 0.01,
      labelKey: 'app',
      labelValue: 'trainer',
    });
  });

  it('per training step: 0.1 GB × 10 steps an hour is 1 GB/h; prices are editable', async () => {
    const { user, onChange } = setup(TWO_AZ);
    await user.click(screen.getByRole('radio', { name: 'per training step' }));
    await user.clear(input('GB each pod sends per step'));
    await user.type(input('GB each pod sends per step'), '0.1');
    await user.clear(input('Steps per hour'));
    await user.type(input('Steps per hour'), '10');
    expect(stat('Cost per month, spread')).toBe('58.40 USD');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ unit: 'step', bytesPerPod: 1e8, stepsPerHour: 10 }),
    );
    await user.clear(input('USD per GB into an AZ'));
    await user.type(input('USD per GB into an AZ'), '0.02');
    expect(stat('Cost per month, spread')).toBe('87.60 USD');
  });

  it('spread chosen per AZ; invalid numbers are marked beside the field and not stored', async () => {
    const { user, onChange } = setup(TWO_AZ);
    await user.click(screen.getByRole('radio', { name: 'chosen per AZ' }));
    expect(input('Pods in us-east-1a').value).toBe('4');
    await user.clear(input('Pods in us-east-1b'));
    await user.type(input('Pods in us-east-1b'), '0');
    expect(stat('Crossing AZs, spread')).toBe('0 GB');
    expect(screen.getByText(/already in one AZ/)).toBeTruthy();
    await user.clear(input('Pods in us-east-1a'));
    await user.type(input('Pods in us-east-1a'), '0');
    expect(screen.getByText('The spread needs at least one AZ with pods')).toBeTruthy();
    const pods = input('Pods');
    await user.clear(pods);
    await user.type(pods, '-1');
    expect(pods.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(pods)).toMatch(/whole number of 0 or more, got -1/);
    expect(screen.getByText('Fix the marked fields to see the monthly transfer and cost.')).toBeTruthy();
    expect(
      onChange.mock.calls.every(
        ([v]) => v.pods >= 0 && Object.values(v.spread ?? { a: 1 }).some((w) => (w as number) > 0),
      ),
    ).toBe(true);
  });

  it('the affinity snippet, the Topology Aware Routing annotation and the trade-off', async () => {
    const { user } = setup(SMALL_ROUTABLE_VPC);
    const code = (title: string) =>
      screen.getByRole('heading', { name: title }).closest('.tool-snippet')!.querySelector('code')!.textContent;
    expect(code('Pod affinity: one AZ, preferred')).toMatch(
      /weight: 100[\s\S]*matchLabels:\n {14}app: "trainer"\n {10}topologyKey: topology\.kubernetes\.io\/zone/,
    );
    expect(code('Service annotation: Topology Aware Routing')).toContain('service.kubernetes.io/topology-mode: Auto');
    expect(screen.getByText(/single point of failure/)).toBeTruthy();
    await user.clear(input('Label value'));
    await user.type(input('Label value'), 'llm-7b');
    expect(code('Pod affinity: one AZ, preferred')).toContain('app: "llm-7b"');
  });

  it('renders a label selector with <script> as text and shows no snippet for it', () => {
    setup(SMALL_ROUTABLE_VPC, {
      pods: 3,
      unit: 'hour',
      bytesPerPod: 1e9,
      labelKey: 'app',
      labelValue: '<script>alert(1)</script>',
    });
    const value = input('Label value');
    expect(value.value).toBe('<script>alert(1)</script>');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(value)).toContain('"<script>alert(1)</script>" is not a valid label value');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('Fix the label selector to see the affinity.')).toBeTruthy();
  });

  it("co-locating the small VPC's group in us-east-1a: nodes-a must hold 908 of 251 usable", async () => {
    const { user } = setup(SMALL_ROUTABLE_VPC);
    const az = screen.getByRole('combobox', { name: 'AZ to co-locate in' }) as HTMLSelectElement;
    expect(az.value).toBe('us-east-1a');
    expect(
      screen.getByText(
        'With general co-located in us-east-1a, subnet nodes-a must hold 908 addresses at max but has 251 usable',
      ),
    ).toBeTruthy();
    const row = within(screen.getByRole('table', { name: /Subnets in us-east-1a/ })).getByRole('row', {
      name: /nodes-a/,
    });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['908', '251', expect.stringMatching(/^No: 657 short/)]);
    await user.selectOptions(az, 'us-east-1c');
    expect(screen.getByText(/subnet nodes-c must hold 908 addresses at max but has 251 usable/)).toBeTruthy();
  });

  it('the expanded VPC holds its 60 nodes in one AZ', () => {
    setup(EXPANDED_VPC);
    expect(screen.getByText('us-east-1a holds general at max (60 nodes) in its subnets.')).toBeTruthy();
    expect(screen.queryByText(/must hold/)).toBeNull();
  });
});
