// @vitest-environment jsdom
/**
 * The node-pool editor (issue 14, "The page"): the choice fixed type / node pool for Karpenter and Auto
 * Mode, requirement rows typed as in a NodePool, the pods and one pod's requests as Kubernetes quantities,
 * and each validation message at its field. The candidate sets are hand-counted from AWS's instance tables:
 * p4d comes as 24xlarge (96 vCPUs) only, p5 as 4xlarge (16) and 48xlarge (192), p5en as 48xlarge (192).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import type { Plan } from '../../src/model/plan';
import { SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { validatePlan } from '../../src/model/validate-plan';
import { draftToJson } from '../../src/state/draft';
import { describedText } from './helpers';
import { asPlan, AUTO_MODE_POOL, GPU_POOL } from './pool-plans';
import { renderApp } from './render-app';
import { activeDraft } from '../../src/state/workspace-state';

afterEach(cleanup);

type Store = ReturnType<typeof renderApp>['store'];
const json = (store: Store) => draftToJson(activeDraft(store.getState())) as { nodeGroups: Record<string, unknown>[] };
function planOf(store: Store): Plan {
  const v = validatePlan(json(store), dataset);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return v.plan;
}
/** The plan column (the stale banner on the right repeats the messages). */
const editor = () => within(screen.getByRole('region', { name: 'Plan' }));
const count = () => document.querySelector('.req-count')?.textContent ?? '';

describe('the pool editor', () => {
  it('opens a pool plan as a pool: its requirement, values, pods and requests as written', () => {
    renderApp(asPlan(GPU_POOL));
    expect((screen.getByLabelText('Node pool (requirements)') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('combobox', { name: 'Instance type' })).toBeNull();
    expect((screen.getByLabelText('Requirement 1 key') as HTMLInputElement).value).toBe(
      'karpenter.k8s.aws/instance-family',
    );
    expect((screen.getByLabelText('Requirement 1 operator') as HTMLSelectElement).value).toBe('In');
    const chips = within(screen.getByRole('list', { name: 'Requirement 1 values' })).getAllByRole('listitem');
    expect(chips.map((c) => c.textContent?.replace('×', '')).filter(Boolean)).toEqual(['p4d', 'p5', 'p5en']);
    expect(count()).toBe('Selects 4 of 1,363 types: p4d.24xlarge, p5.48xlarge, p5.4xlarge, p5en.48xlarge.');
    expect((screen.getByLabelText('Pods at maximum') as HTMLInputElement).value).toBe('512');
    expect((screen.getByLabelText('CPU per pod') as HTMLInputElement).value).toBe('8');
    expect((screen.getByLabelText('Memory per pod') as HTMLInputElement).value).toBe('64Gi');
    expect((screen.getByLabelText('Device 1') as HTMLSelectElement).value).toBe('nvidia.com/gpu');
    expect((screen.getByLabelText('Device 1 per pod') as HTMLInputElement).value).toBe('1');
  });

  it('typing a requirement: instance-cpu (short name) Gt 32 drops p5.4xlarge; the plan holds the full key', async () => {
    const { user, store } = renderApp(asPlan(GPU_POOL));
    await user.click(screen.getByRole('button', { name: 'Add a requirement' }));
    const key = screen.getByLabelText('Requirement 2 key') as HTMLInputElement;
    await user.type(key, 'instance-cpu');
    await user.tab();
    expect(key.value).toBe('karpenter.k8s.aws/instance-cpu');
    await user.selectOptions(screen.getByLabelText('Requirement 2 operator'), 'Gt (greater than)');
    await user.type(screen.getByLabelText('Requirement 2 value (a whole number)'), '32');
    expect(count()).toBe('Selects 3 of 1,363 types: p4d.24xlarge, p5.48xlarge, p5en.48xlarge.');
    expect(planOf(store).nodeGroups[0]!.requirements).toEqual([
      { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['p4d', 'p5', 'p5en'] },
      { key: 'karpenter.k8s.aws/instance-cpu', operator: 'Gt', values: ['32'] },
    ]);
  });

  it('values: Enter and commas add, a chip removes, Backspace takes the last back', async () => {
    const { user, store } = renderApp(asPlan(GPU_POOL));
    const box = screen.getByLabelText('Requirement 1 values: add a value');
    await user.type(box, 'p4de, p6-b200{Enter}');
    expect(planOf(store).nodeGroups[0]!.requirements![0]!.values).toEqual(['p4d', 'p5', 'p5en', 'p4de', 'p6-b200']);
    await user.click(screen.getByRole('button', { name: 'Remove value p5 from requirement 1' }));
    await user.type(box, '{Backspace}');
    expect(planOf(store).nodeGroups[0]!.requirements![0]!.values).toEqual(['p4d', 'p5en', 'p4de']);
    // the dataset's families are offered, those chosen left out
    const offered = [...document.getElementById(box.getAttribute('list')!)!.querySelectorAll('option')].map(
      (o) => o.value,
    );
    expect(offered).toContain('p5');
    expect(offered).not.toContain('p5en');
  });

  it('an unknown key says so at the key, with the label it may have meant; the verdict stays the last valid one', async () => {
    const { user } = renderApp(asPlan(GPU_POOL));
    const key = screen.getByLabelText('Requirement 1 key');
    await user.clear(key);
    await user.type(key, 'example.com/family');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(key)).toBe(
      'Unknown label key "example.com/family" (did you mean "karpenter.k8s.aws/instance-family"?); ' +
        "use one of Karpenter's well-known labels such as karpenter.k8s.aws/instance-family",
    );
    expect(count()).toBe('');
    expect(screen.getByText('last valid plan')).toBeTruthy();
  });

  it('"2 cores" is refused at CPU per pod with how to write it; "2" is taken', async () => {
    const { user, store } = renderApp(asPlan(GPU_POOL));
    const cpu = screen.getByLabelText('CPU per pod');
    await user.clear(cpu);
    await user.type(cpu, '2 cores');
    expect(cpu.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(cpu)).toMatch(
      /^Cpu "2 cores" is not a Kubernetes quantity; write e\.g\. "500m", "2" or "0\.5"/,
    );
    await user.clear(cpu);
    await user.type(cpu, '2');
    expect(cpu.getAttribute('aria-invalid')).toBeNull();
    expect(planOf(store).nodeGroups[0]!.podRequests).toEqual({ cpu: '2', memory: '64Gi', 'nvidia.com/gpu': 1 });
  });

  it('a pod no candidate can hold, Gt with a word, pods out of order: each message at its field', async () => {
    const { user } = renderApp(asPlan(GPU_POOL));
    const mem = screen.getByLabelText('Memory per pod');
    await user.clear(mem);
    await user.type(mem, '4Ti');
    await waitFor(() => expect(editor().getByText(/^The pod fits on none of the 4 candidate types/)).toBeTruthy());
    await user.clear(mem);
    await user.type(mem, '64Gi');
    await user.click(screen.getByRole('button', { name: 'Add a requirement' }));
    await user.type(screen.getByLabelText('Requirement 2 key'), 'karpenter.k8s.aws/instance-gpu-count');
    await user.selectOptions(screen.getByLabelText('Requirement 2 operator'), 'Lt (less than)');
    const value = screen.getByLabelText('Requirement 2 value (a whole number)');
    await user.type(value, 'eight');
    expect(describedText(value)).toBe('Lt needs exactly one whole number, got ["eight"]; e.g. ["8"]');
    await user.clear(value);
    await user.type(value, '2');
    // no p4d/p5/p5en type has fewer than 2 GPUs but p5.4xlarge (1 H100)
    expect(count()).toBe('Selects 1 of 1,363 types: p5.4xlarge.');
    await user.type(value, '{Backspace}1');
    expect(editor().getByText(/^The requirements select no instance type/)).toBeTruthy();
    const min = screen.getByLabelText('Pods at minimum');
    await user.clear(min);
    await user.type(min, '900');
    expect(editor().getByText('Pods must be min ≤ desired ≤ max, got 900/64/512')).toBeTruthy();
  });

  it('Karpenter fixed group → node pool from its family and pods; back to fixed keeps the pool for later', async () => {
    const { user, store } = renderApp({
      ...SMALL_ROUTABLE_VPC,
      nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, kind: 'karpenter' }],
    });
    expect((screen.getByLabelText('Fixed instance type') as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByLabelText('Node pool (requirements)'));
    const g = planOf(store).nodeGroups[0]!;
    expect(g.requirements).toEqual([{ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m5'] }]);
    // 3 / 3 / 9 nodes × 20 pods
    expect(g.pods).toEqual({ min: 60, desired: 60, max: 180 });
    await user.click(screen.getByLabelText('Fixed instance type'));
    expect('requirements' in json(store).nodeGroups[0]!).toBe(false);
    expect(screen.getByRole('combobox', { name: 'Instance type' })).toBeTruthy();
    await user.click(screen.getByLabelText('Node pool (requirements)'));
    expect(planOf(store).nodeGroups[0]!.requirements![0]!.values).toEqual(['m5']);
  });

  it('the choice is offered to Karpenter and Auto Mode only', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    expect(screen.queryByLabelText('Node pool (requirements)')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Node group kind'), 'EKS Auto Mode');
    expect(screen.getByLabelText('Node pool (requirements)')).toBeTruthy();
  });

  it('Auto Mode: ipv4PrefixSize "32", pod subnets of its own, no RESERVED_ENIS, the assumed warm pool said', async () => {
    const { user, store } = renderApp(asPlan(AUTO_MODE_POOL));
    const size = screen.getByLabelText('Pod addresses') as HTMLSelectElement;
    expect(size.value).toBe('32');
    expect(screen.queryByLabelText('Reserved ENIs')).toBeNull();
    // Auto Mode's pod subnets, though the plan's VPC CNI has no custom networking
    expect((screen.getByLabelText('Pod subnet in us-east-1a') as HTMLSelectElement).value).toBe('pods-a');
    expect(
      screen.getAllByText(/EKS Auto Mode does not publish its warm pool: assumed one spare \/28 prefix/).length,
    ).toBeGreaterThan(0);
    await user.selectOptions(size, 'Auto: /28 prefixes');
    expect('ipv4PrefixSize' in json(store).nodeGroups[0]!).toBe(false);
    await user.type(screen.getByLabelText('Disruption budget (nodes)'), '{Backspace}4');
    expect(planOf(store).nodeGroups[0]!.disruptionBudget).toBe(4);
  });
});
