// @vitest-environment jsdom
/**
 * What an architect does in the planner, with the numbers worked out by hand from ipamd's rules
 * (amazon-vpc-cni-k8s @ b52188387 `docs/eni-and-ip-target.md`):
 * an m5.16xlarge has 15 ENIs × 50 IPv4 (49 slots each). With WARM_ENI_TARGET=1 and 1–49 pods it holds
 * 2 ENIs: 98 secondary IPs + 2 primaries = 100 addresses; with 50–98 pods 3 ENIs: 147 + 3 = 150.
 * The small routable preset: 3 × /24 (251 usable each, 8 reserved), 3 desired and 9 max nodes.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { describedText, expectPerNode, stat } from './helpers';
import { renderApp } from './render-app';

afterEach(cleanup);

const groupCard = () => screen.getByLabelText('Node group name').closest('fieldset') as HTMLElement;

describe('the planner on the small routable preset', () => {
  it('shows the verdict: 100 addresses per node, 324 used at desired, nodes-a runs out at 7 nodes', async () => {
    renderApp(SMALL_ROUTABLE_VPC);
    expect(screen.getByRole('heading', { name: 'Does not fit at max' })).toBeTruthy();
    await expectPerNode('general', '100');
    expect(stat('Addresses used at desired')).toBe('324'); // 3 nodes × 100 + 3 × 8 reserved
    expect(stat('Addresses used at max')).toBe('924'); // 9 × 100 + 24
    // Each /24 keeps 243 after its reservation: 2 nodes (200) fit, the 3rd does not; node 7 is nodes-a's 3rd.
    expect(screen.getByTestId('first-exhaustion').textContent).toMatch(/nodes-a .* runs out at 7 nodes of 9 at max/);
  });

  it('raising pods per node from 20 to 60 takes a third ENI: 150 per node, 474 at desired', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const pods = within(groupCard()).getByLabelText('Pods per node');
    await user.clear(pods);
    await user.type(pods, '60');
    await expectPerNode('general', '150');
    expect(stat('Addresses used at desired')).toBe('474'); // 3 × 150 + 24
    expect(stat('Addresses used at max')).toBe('1,374'); // 9 × 150 + 24
    await user.clear(pods);
    await user.type(pods, '49');
    await expectPerNode('general', '100'); // 49 pods still fit one ENI's 49 slots
  });

  it('WARM_ENI_TARGET=2 keeps two spare ENIs: 150 per node with 20 pods', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const w = screen.getByLabelText('WARM_ENI_TARGET');
    await user.clear(w);
    await user.type(w, '2');
    await expectPerNode('general', '150');
  });

  it('WARM_IP_TARGET overrides WARM_ENI_TARGET and says so', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.type(screen.getByLabelText('WARM_IP_TARGET'), '5');
    // 20 pods + 5 warm = 25 secondary IPs on one ENI, plus its primary.
    await expectPerNode('general', '26');
    expect(describedText(screen.getByLabelText('WARM_ENI_TARGET'))).toMatch(/Ignored now/);
  });

  it('a bad subnet CIDR shows its message beside the field, keeps the text, and marks the results stale', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const cidr = screen.getAllByLabelText('Subnet CIDR')[0]!;
    await user.clear(cidr);
    await user.type(cidr, '10.0.0.');
    expect((cidr as HTMLInputElement).value).toBe('10.0.0.');
    expect(cidr.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(cidr)).toMatch(/not a CIDR|not a valid IPv4/);
    expect(
      screen.getByRole('heading', { name: /1 field needs fixing: the results below are from the last valid plan/ }),
    ).toBeTruthy();
    expect(stat('Addresses used at desired')).toBe('324'); // the last valid result stays on screen
    await user.type(cidr, '0/24');
    expect(cidr.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('heading', { name: /needs fixing/ })).toBeNull();
  });

  it('min above desired is an error on the Minimum nodes field', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const min = within(groupCard()).getByLabelText('Minimum nodes');
    await user.clear(min);
    await user.type(min, '5');
    expect(min.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(min)).toMatch(/Minimum nodes \(5\) is above desired nodes \(3\)/);
  });

  it("a field's message follows undo, redo and the scenario tabs, and is there in a field drawn afterwards", async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const min = () => within(groupCard()).getByLabelText('Minimum nodes');
    await user.clear(min());
    await user.type(min(), '5');
    expect(describedText(min())).toMatch(/Minimum nodes \(5\) is above desired nodes \(3\)/);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(min().getAttribute('aria-invalid')).toBeNull();
    expect(describedText(min())).not.toMatch(/is above desired/);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(describedText(min())).toMatch(/Minimum nodes \(5\) is above desired nodes \(3\)/);
    // B starts as a copy of A, message and all; fixing it in B leaves A's.
    await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    expect(describedText(min())).toMatch(/Minimum nodes \(5\)/);
    await user.clear(min());
    await user.type(min(), '1');
    expect(min().getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Small routable VPC' }));
    expect(describedText(min())).toMatch(/Minimum nodes \(5\) is above desired nodes \(3\)/);
    // A second group, drawn while the first has its message: its own fields are clean, the first's is kept.
    await user.click(screen.getByRole('button', { name: 'Duplicate node group general' }));
    const [first, second] = screen.getAllByLabelText('Minimum nodes');
    expect(describedText(first!)).toMatch(/Minimum nodes \(5\)/);
    expect(describedText(second!)).toMatch(/Minimum nodes \(5\)/);
  });

  it('undo and redo, with the buttons and with Ctrl+Z / Ctrl+Shift+Z', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const pods = within(groupCard()).getByLabelText('Pods per node') as HTMLInputElement;
    await user.clear(pods);
    await user.type(pods, '60');
    await expectPerNode('general', '150');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(pods.value).toBe('20');
    await expectPerNode('general', '100');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(pods.value).toBe('60');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(pods.value).toBe('20');
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(pods.value).toBe('60');
  });

  it('adds, duplicates and removes node groups', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Duplicate node group general' }));
    expect(screen.getAllByLabelText('Node group name').map((i) => (i as HTMLInputElement).value)).toEqual([
      'general',
      'general-copy',
    ]);
    expect(stat('Addresses used at desired')).toBe('624'); // two groups of 3 × 100, + 24
    await user.click(screen.getByRole('button', { name: 'Add node group' }));
    expect(screen.getAllByLabelText('Node group name')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Remove node group general-copy' }));
    expect(screen.getAllByLabelText('Node group name').map((i) => (i as HTMLInputElement).value)).toEqual([
      'general',
      'nodes',
    ]);
  });

  it('a warning with a setting fix applies it: prefix delegation → set max pods to the recommended 250', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByLabelText('Prefix delegation'));
    const apply = screen.getByRole('button', { name: 'Apply: max pods = 250' });
    await user.click(apply);
    expect((within(groupCard()).getByLabelText('Max pods') as HTMLInputElement).value).toBe('250');
  });

  it('"use recommended" sets max pods to the calculator value: 737 capped at 250 (above 30 vCPUs)', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Use recommended max pods (250) for general' }));
    expect((within(groupCard()).getByLabelText('Max pods') as HTMLInputElement).value).toBe('250');
    expect(screen.queryByRole('button', { name: /Use recommended max pods/ })).toBeNull();
  });
});
