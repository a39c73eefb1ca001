// @vitest-environment jsdom
/**
 * GPU and AI nodes on the page (issue 10): the node-group kind, the EFA layout and multi-homed pods in the
 * editor, and the per-node explanation (max pods in force and why, interfaces by card, addresses by subnet).
 * Expected figures are worked by hand from the launch layouts (eksctl, terraform-aws-eks, Karpenter; efa-layout.ts cites them: p5.48xlarge with 10 pods takes
 * 100 / 131 / 100 / 50 addresses under none / efa / efa-only / ena-efa-only, Karpenter's max pods with
 * ena-efa-only is 51; p4d.24xlarge efa 103; p6-b300.48xlarge efa 116 with card 0 ENA only; §3: multi-NIC adds
 * m + 1 per other managed card, 131 + 31 = 162 with none multi-homed) and of the EKS user guide (a managed
 * m5.16xlarge runs 250 pods, not eni-max-pods.txt's 737).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import type { NodeGroup, Plan } from '../../src/model/plan';
import { GPU_TRAINING_EFA, PRESETS, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { validatePlan } from '../../src/model/validate-plan';
import { draftToJson, planToDraft } from '../../src/state/draft';
import { expectPerNode } from './helpers';
import { renderApp } from './render-app';
import { activeDraft } from '../../src/state/workspace-state';

afterEach(cleanup);

/** One p5.48xlarge node group alone in a roomy subnet, 10 pods per node (the worked EFA example). */
function p5Plan(set: Partial<NodeGroup> = {}, cni: Partial<Plan['cni']> = {}): Plan {
  return {
    version: 1,
    name: 'p5 alone',
    vpc: { cidrs: ['10.0.0.0/16'], subnets: [{ name: 'gpu-a', az: 'us-east-1a', cidr: '10.0.0.0/20' }] },
    cni: { ...GPU_TRAINING_EFA.cni, ...cni },
    nodeGroups: [
      {
        name: 'gpu',
        instanceType: 'p5.48xlarge',
        subnets: ['gpu-a'],
        minNodes: 1,
        desiredNodes: 2,
        maxNodes: 4,
        podsPerNode: 10,
        maxPods: null,
        ...set,
      },
    ],
  };
}

/** The result panel of a node group (its details element, open). */
function groupResult(name: string): HTMLElement {
  const results = screen.getByRole('heading', { level: 2, name: 'Node groups', hidden: false }).closest('section')!;
  const nameEl = within(results as HTMLElement).getByText(name, { selector: '.g-name' });
  return nameEl.closest('details')! as HTMLElement;
}

/** The explanation row of a label: [formula, value]. */
function row(group: string, label: string): [string, string] {
  const th = within(groupResult(group)).getByRole('rowheader', { name: label });
  const cells = th.parentElement!.querySelectorAll('td');
  return [cells[0]!.textContent!, cells[1]!.textContent!];
}

const cardLines = (group: string) =>
  within(within(groupResult(group)).getByRole('list', { name: /^Network cards of one/ }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const subnetLines = (group: string) =>
  within(within(groupResult(group)).getByRole('list', { name: /^Where one/ }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const maxPodsBox = (group: string, term: string) =>
  within(groupResult(group)).getByText(term, { selector: 'dt' }).parentElement!.querySelector('dd.num')!.textContent;

/** The plan the store holds, validated (as the page evaluates it). */
function planOf(store: ReturnType<typeof renderApp>['store']): Plan {
  const v = validatePlan(draftToJson(activeDraft(store.getState())), dataset);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('; '));
  return v.plan;
}

describe('the per-node explanation', () => {
  it('p5.48xlarge, efa, 10 pods: 131 node-subnet addresses; card 0 on one line, cards 1–31 on another', async () => {
    renderApp(p5Plan({ efaLayout: 'efa' }));
    await expectPerNode('gpu', '131');
    expect(cardLines('gpu')).toEqual([
      'card 0: EFA primary + 1 ENI from the CNI, 98 pod IPs held; 100 addresses (node subnet)',
      'cards 1–31: EFA, not managed by the CNI (Multi-NIC off); 1 address each (node subnet), 31 in all',
    ]);
    expect(subnetLines('gpu')).toEqual([
      'From the node subnet (gpu-a): 131 = 1 node IP + 32 interface primaries + 10 pod IPs + 88 warm',
    ]);
    expect(row('gpu', 'Max pods in force')).toEqual([
      'AMI default (eni-max-pods.txt, nodeadm): 2 ENIs × (50 − 1) + 2',
      '100',
    ]);
    expect(maxPodsBox('gpu', 'Karpenter')).toBe('100');
    expect(row('gpu', 'Addresses per node')[1]).toBe('131');
  });

  it('ena-efa-only, 60 pods: 50 addresses, AMI max pods 100 blind to the card-0 EFA-only, 11 without an address; Karpenter 51', async () => {
    renderApp(p5Plan({ efaLayout: 'ena-efa-only', podsPerNode: 60 }));
    await expectPerNode('gpu', '50');
    expect(row('gpu', 'Max pods in force')[0]).toMatch(/AMI default .*, blind to the EFA-only interface on card 0$/);
    expect(row('gpu', 'ENIs that may carry pods')).toEqual(['2 ENIs − 1 EFA-only on card 0', '1']);
    expect(row('gpu', 'Pods without an address')[1]).toBe('11');
    expect(cardLines('gpu')).toEqual([
      'card 0: ENA primary + EFA-only (no address; it takes 1 of the 2 ENI slots), 49 pod IPs held; ' +
        '50 addresses (node subnet)',
      'cards 1–31: EFA-only; no address',
    ]);
    expect(maxPodsBox('gpu', 'Karpenter')).toBe('51');
  });

  it("a Karpenter group without max pods runs Karpenter's EFA-aware 51, and says why", async () => {
    renderApp(p5Plan({ efaLayout: 'ena-efa-only', kind: 'karpenter', podsPerNode: 60 }));
    await expectPerNode('gpu', '50');
    expect(row('gpu', 'Max pods in force')).toEqual([
      'Karpenter, no kubelet.maxPods: its EFA-aware ENI-limited (2 ENIs − 1 EFA-only on card 0) × (50 − 1) + 2',
      '51',
    ]);
  });

  it('p6-b300.48xlarge (17 cards, 16 EFA): card 0 is ENA only, cards 1–16 carry EFA: 116', async () => {
    renderApp(p5Plan({ instanceType: 'p6-b300.48xlarge', efaLayout: 'efa' }));
    await expectPerNode('gpu', '116');
    const lines = cardLines('gpu');
    expect(lines[0]).toMatch(/^card 0: ENA primary \+ 1 ENI from the CNI/);
    expect(lines[1]).toBe(
      'cards 1–16: EFA, not managed by the CNI (Multi-NIC off); 1 address each (node subnet), 16 in all',
    );
  });

  it('p4d.24xlarge (4 cards × 15 ENIs, 4 EFA), efa: 103', async () => {
    renderApp(p5Plan({ instanceType: 'p4d.24xlarge', efaLayout: 'efa' }));
    await expectPerNode('gpu', '103');
    expect(cardLines('gpu')[1]).toBe(
      'cards 1–3: EFA, not managed by the CNI (Multi-NIC off); 1 address each (node subnet), 3 in all',
    );
  });

  it('multi-NIC on the efa layout adds one warm IP on each of the 31 other cards: 162', async () => {
    renderApp(p5Plan({ efaLayout: 'efa' }, { multiNic: true }));
    await expectPerNode('gpu', '162');
    expect(cardLines('gpu')[1]).toBe(
      'cards 1–31: EFA, multi-NIC: 1 pod IP held each; 2 addresses each (node subnet), 62 in all',
    );
    expect(row('gpu', 'Held on the other cards')[1]).toBe('31');
  });

  it("an EKS managed m5.16xlarge group runs 250 pods (EKS's cap), not eni-max-pods.txt's 737", async () => {
    renderApp({ ...SMALL_ROUTABLE_VPC, nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, kind: 'managed' }] });
    await expectPerNode('general', '100');
    expect(row('general', 'Max pods in force')).toEqual([
      'EKS managed node group: EKS caps it at 250 (64 vCPUs, over 30) over the AMI default 737',
      '250',
    ]);
    // one plain card: no card list
    expect(within(groupResult('general')).queryByRole('list', { name: /^Network cards/ })).toBeNull();
  });
});

describe('the node group editor: kind, EFA layout, multi-homed pods', () => {
  it('"Node group kind": four kinds; managed caps max pods at 250; Self-managed again leaves no kind in the plan', async () => {
    const { user, store } = renderApp(SMALL_ROUTABLE_VPC);
    const kind = screen.getByLabelText('Node group kind') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.text)).toEqual([
      'Self-managed',
      'EKS managed node group',
      'Karpenter',
      'EKS Auto Mode',
    ]);
    expect(kind.value).toBe('self-managed');
    await user.selectOptions(kind, 'EKS managed node group');
    expect(planOf(store).nodeGroups[0]!.kind).toBe('managed');
    expect((screen.getByLabelText('Max pods') as HTMLInputElement).placeholder).toBe('default 250');
    // the detail follows an edit a frame after the verdict
    await waitFor(() => expect(row('general', 'Max pods in force')[1]).toBe('250'));
    await user.selectOptions(kind, 'EKS Auto Mode');
    // (what it caps depends on Auto Mode's own networking; the cap is the user guide's 110)
    await waitFor(() => expect(row('general', 'Max pods in force')[1]).toBe('110'));
    expect(row('general', 'Max pods in force')[0]).toMatch(/^EKS Auto Mode caps it at 110 over the uncapped [\d,]+$/);
    await user.selectOptions(kind, 'Self-managed');
    expect('kind' in planOf(store).nodeGroups[0]!).toBe(false);
    expect(planOf(store)).toEqual(SMALL_ROUTABLE_VPC);
  });

  it("a managed group's explicit max pods above the cap is said not to be honoured", async () => {
    const { user } = renderApp({
      ...SMALL_ROUTABLE_VPC,
      nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, kind: 'managed' }],
    });
    const maxPods = screen.getByLabelText('Max pods');
    await user.type(maxPods, '737');
    expect(screen.getByText(/EKS caps a managed group at 250: nodes run 250, not this\./)).toBeTruthy();
  });

  it('"EFA layout" is offered only where the type has EFA, each layout named by the tool that makes it', async () => {
    const { user, store } = renderApp(SMALL_ROUTABLE_VPC);
    // m5.16xlarge has no EFA
    expect(screen.queryByLabelText('EFA layout')).toBeNull();
    const box = screen.getByRole('combobox', { name: 'Instance type' });
    await user.clear(box);
    await user.type(box, 'p5.48xlarge{Enter}');
    const layout = screen.getByLabelText('EFA layout') as HTMLSelectElement;
    expect([...layout.options].map((o) => o.text)).toEqual([
      'None',
      'eksctl efaEnabled / Karpenter default (efa)',
      'terraform-aws-eks v21 enable_efa_only (efa-only)',
      'EC2 recommended: ENA + EFA-only (ena-efa-only)',
    ]);
    expect(layout.value).toBe('none');
    await user.selectOptions(layout, 'eksctl efaEnabled / Karpenter default (efa)');
    expect(planOf(store).nodeGroups[0]!.efaLayout).toBe('efa');
    expect(screen.getByText(/^32 EFA interfaces: 31 more addresses per node from the node subnet/)).toBeTruthy();
    await user.selectOptions(layout, 'None');
    expect('efaLayout' in planOf(store).nodeGroups[0]!).toBe(false);
  });

  it('a type whose EFA count is unknown says so and offers no layout', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = screen.getByRole('combobox', { name: 'Instance type' });
    await user.clear(box);
    await user.type(box, 'dl1.24xlarge{Enter}');
    expect(screen.queryByLabelText('EFA layout')).toBeNull();
    expect(screen.getByText(/EFA unknown: dl1\.24xlarge is not in Karpenter.s instance-type table/)).toBeTruthy();
  });

  it('a layout left on a type without EFA stays visible so it can be set back to None', async () => {
    const { user } = renderApp(p5Plan({ efaLayout: 'efa' }));
    const box = screen.getByRole('combobox', { name: 'Instance type' });
    await user.clear(box);
    await user.type(box, 'm5.16xlarge{Enter}');
    const layout = screen.getByLabelText('EFA layout') as HTMLSelectElement;
    expect(layout.value).toBe('efa');
    expect(screen.getByText('m5.16xlarge has no EFA: choose None.')).toBeTruthy();
  });

  it('the GPU preset: the layout decides (efa 131 does not fit, efa-only 100 fits, ena-efa-only 50 fits, warned)', async () => {
    const { user } = renderApp(GPU_TRAINING_EFA);
    expect(screen.getByRole('heading', { level: 2, name: 'Does not fit at max' })).toBeTruthy();
    await expectPerNode('p5-training', '131');
    const layout = screen.getAllByLabelText('EFA layout')[0] as HTMLSelectElement;
    await user.selectOptions(layout, 'terraform-aws-eks v21 enable_efa_only (efa-only)');
    await expectPerNode('p5-training', '100');
    expect(await screen.findByRole('heading', { level: 2, name: 'Fits at max' })).toBeTruthy();
    await user.selectOptions(layout, 'EC2 recommended: ENA + EFA-only (ena-efa-only)');
    await expectPerNode('p5-training', '50');
    expect(await screen.findAllByText(/only 49 get addresses/)).not.toHaveLength(0);
  });

  it('"Multi-homed pods per node" comes with Multi-NIC; 4 such pods take 5 addresses on each of 31 other cards', async () => {
    const { user, store } = renderApp(p5Plan({ efaLayout: 'efa' }));
    expect(screen.queryByLabelText('Multi-homed pods per node')).toBeNull();
    await user.click(screen.getByLabelText('Multi-NIC'));
    await expectPerNode('gpu', '162');
    const field = screen.getByLabelText('Multi-homed pods per node');
    expect(screen.getByText(/Here: card 0 \+ 31 other cards, so 32 addresses per such pod\./)).toBeTruthy();
    await user.type(field, '4');
    expect(planOf(store).nodeGroups[0]!.multiHomedPodsPerNode).toBe(4);
    // 131 + 31 × (4 + 1) (ipamd.go @ b52188387 datastoreTargetState: m + 1 secondary IPs per other managed card)
    await expectPerNode('gpu', '286');
    await user.click(screen.getByLabelText('Multi-NIC'));
    expect(screen.queryByLabelText('Multi-homed pods per node')).toBeNull();
  });
});

describe('the draft of a plan gives back the same plan', () => {
  it('every preset, with and without the new group fields, comes back as it was (absent stays absent)', () => {
    for (const p of PRESETS) {
      const json = draftToJson(planToDraft(p)) as { nodeGroups: Record<string, unknown>[] };
      const v = validatePlan(json, dataset);
      expect(v.ok && v.plan).toEqual(p);
      p.nodeGroups.forEach((g, i) => {
        for (const k of ['kind', 'efaLayout', 'multiHomedPodsPerNode'] as const)
          expect(k in json.nodeGroups[i]!).toBe(k in g);
      });
    }
  });
});
