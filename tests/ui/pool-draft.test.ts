/**
 * A node pool's draft gives back the same plan: opening a pool plan in the page and editing anything
 * keeps requirements, pods, podRequests, reservedEnis, disruptionBudget and ipv4PrefixSize; the draft of a
 * pool writes none of the fields the model chooses (instanceType, node counts, podsPerNode).
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { canonicalGroup } from '../../src/model/node-pool';
import type { Plan } from '../../src/model/plan';
import { validatePlan } from '../../src/model/validate-plan';
import { draftToJson, planToDraft } from '../../src/state/draft';
import { createPlanStore } from '../../src/state/plan-store';
import { asPlan, AUTO_MODE_POOL, GENERAL_POOL, GPU_POOL, POOL_PLANS } from './pool-plans';
import { activeDraft } from '../../src/state/workspace-state';

function valid(input: unknown): Plan {
  const v = validatePlan(structuredClone(input), dataset);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return v.plan;
}

type Json = { nodeGroups: Record<string, unknown>[] };
const FIXED = ['instanceType', 'minNodes', 'desiredNodes', 'maxNodes', 'podsPerNode'];

describe('the draft of a pool plan', () => {
  it.each(POOL_PLANS)('%s: the file, the validated plan and its draft write the same groups', (_, raw) => {
    const plan = valid(raw);
    // validatePlan filled the fixed fields with the worst candidate (so the rest of the model sees a group)
    expect(FIXED.every((f) => f in plan.nodeGroups[0]!)).toBe(true);
    for (const from of [plan, asPlan(raw)]) {
      const json = draftToJson(planToDraft(from)) as Json;
      expect(json.nodeGroups).toEqual((raw as Json).nodeGroups);
      expect(json.nodeGroups).toEqual(plan.nodeGroups.map(canonicalGroup));
      for (const f of FIXED) expect(f in json.nodeGroups[0]!).toBe(false);
      expect(valid(json)).toEqual(plan);
    }
  });

  it('editing anything else keeps the pool: a rename, a subnet, the CNI, undo', () => {
    const store = createPlanStore(valid(GPU_POOL));
    const a = store.getState().actions;
    a.setName('renamed');
    a.setGroupField(0, 'name', 'gpus');
    a.setCniFlag('prefixDelegation', true);
    a.setGroupSubnets(0, ['nodes-a']);
    const g = (draftToJson(activeDraft(store.getState())) as Json).nodeGroups[0]!;
    const { name: _n, subnets: _s, ...rest } = GPU_POOL.nodeGroups[0];
    expect(g).toEqual({ ...rest, name: 'gpus', subnets: ['nodes-a'] });
  });

  it('"Fixed instance type" sets the pool aside at its worst candidate; "Node pool" brings it back as it was', () => {
    const store = createPlanStore(valid(GPU_POOL));
    const a = store.getState().actions;
    a.setRequirement(0, 0, { values: ['p4d', 'p5'] });
    a.setGroupPool(0, false);
    const fixed = valid(draftToJson(activeDraft(store.getState()))).nodeGroups[0]!;
    // the worst of p4d.24xlarge / p5.48xlarge / p5.4xlarge for 8-vCPU 1-GPU pods: p5.4xlarge, 1 pod a node
    expect([fixed.instanceType, fixed.minNodes, fixed.desiredNodes, fixed.maxNodes, fixed.podsPerNode]).toEqual([
      'p5.4xlarge',
      0,
      64,
      512,
      1,
    ]);
    expect('requirements' in fixed).toBe(false);
    a.setGroupPool(0, true);
    const back = (draftToJson(activeDraft(store.getState())) as Json).nodeGroups[0]!;
    expect(back.requirements).toEqual([
      { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['p4d', 'p5'] },
    ]);
    expect(back.podRequests).toEqual(GPU_POOL.nodeGroups[0].podRequests);
  });

  it('a kind without pools sets the pool aside; Auto Mode fields leave with Auto Mode', () => {
    const store = createPlanStore(valid(AUTO_MODE_POOL));
    const a = store.getState().actions;
    a.setGroupField(0, 'kind', 'karpenter');
    expect((draftToJson(activeDraft(store.getState())) as Json).nodeGroups[0]!.ipv4PrefixSize).toBeUndefined();
    a.setGroupField(0, 'kind', 'managed');
    const g = (draftToJson(activeDraft(store.getState())) as Json).nodeGroups[0]!;
    expect(['requirements', 'pods', 'podRequests'].some((k) => k in g)).toBe(false);
    expect(valid(draftToJson(activeDraft(store.getState()))).nodeGroups[0]!.kind).toBe('managed');
  });

  it('a fixed group made a pool starts from its family and the pods its nodes ran', () => {
    const plan = valid(GENERAL_POOL);
    const store = createPlanStore(plan);
    const a = store.getState().actions;
    a.setGroupPool(0, false);
    a.setGroupField(0, 'instanceType', 'c6i.4xlarge');
    a.setGroupField(0, 'podsPerNode', '10');
    a.setGroupField(0, 'maxNodes', '30');
    // forget the pool set aside: as a group that never was one
    store.setState((s) => {
      const { stashedPool: _x, ...rest } = activeDraft(s).nodeGroups[0]!;
      return { scenarios: [{ ...activeDraft(s), nodeGroups: [rest] }] };
    });
    a.setGroupPool(0, true);
    const g = (draftToJson(activeDraft(store.getState())) as Json).nodeGroups[0]!;
    expect(g.requirements).toEqual([{ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['c6i'] }]);
    expect((g.pods as { max: number }).max).toBe(300);
  });

  it('the operator decides the values: Exists drops them, Gt keeps one whole number only', () => {
    const store = createPlanStore(valid(GENERAL_POOL));
    const a = store.getState().actions;
    const req = () => (draftToJson(activeDraft(store.getState())) as Json).nodeGroups[0]!.requirements as unknown[];
    a.setRequirement(0, 0, { operator: 'Gt' });
    expect(req()[0]).toEqual({ key: 'karpenter.k8s.aws/instance-category', operator: 'Gt', values: [] });
    a.setRequirement(0, 0, { key: 'karpenter.k8s.aws/instance-cpu', values: ['16'] });
    a.setRequirement(0, 0, { operator: 'Lt' });
    expect(req()[0]).toEqual({ key: 'karpenter.k8s.aws/instance-cpu', operator: 'Lt', values: ['16'] });
    a.setRequirement(0, 0, { operator: 'Exists' });
    expect(req()[0]).toEqual({ key: 'karpenter.k8s.aws/instance-cpu', operator: 'Exists' });
  });
});
