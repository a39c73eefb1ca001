/**
 * Fixes for node pools whose worst candidate does not fit (node-pool.ts): a requirement that excludes the
 * costly candidates (`Gt` on instance-cpu, or the costliest families `NotIn`), Auto Mode's `ipv4PrefixSize:
 * "32"` for pod-sparse pools, and a `kubelet.maxPods` that stops ipamd's pool at what the pods need. Each is
 * the whole changed plan, measured like any other fix; bigger subnets come from the generic subnet fixes.
 */
import { evaluate } from '../evaluate';
import { isPool, matchRequirements } from '../node-pool';
import type { NodeGroup, Plan, PoolRequirement } from '../plan';
import { validatePlan } from '../validate-plan';
import { fmt } from '../format';
import { clonePlan } from './measure';
import type { AdviceContext, Draft } from './types';

const K = 'karpenter.k8s.aws/';
/** Most requirement variants tried per pool (each costs one evaluation). */
const TRIES = 12;

function pools(ctx: AdviceContext) {
  return ctx.plan.nodeGroups.flatMap((g, i) => {
    const r = ctx.base.evaluation.nodeGroups[i];
    return isPool(g) && r?.candidateList && r.worst && r.best && r.worst.addresses > r.best.addresses
      ? [{ g, i, r }]
      : [];
  });
}

function withRequirement(plan: Plan, i: number, req: PoolRequirement, replaceKey = false): Plan {
  const next = clonePlan(plan);
  const g = next.nodeGroups[i]!;
  const kept = replaceKey
    ? g.requirements!.filter((r) => !(r.key === req.key && r.operator === req.operator))
    : g.requirements!;
  g.requirements = [...kept, req];
  return next;
}

const fits = (plan: Plan, ctx: AdviceContext) => {
  const v = validatePlan(plan, ctx.dataset);
  return v.ok && evaluate(v.plan, ctx.dataset).fits;
};

/**
 * `instance-cpu Gt N`: the smallest N (over the candidates' vCPU counts) with which the plan fits, so that
 * small types holding a whole warm pool for few pods are never launched.
 * @example GPU pool p4d/p5/p5en, 8 CPU + 1 GPU per pod: p5.4xlarge (16 vCPUs) takes 1 pod per node;
 *   Gt 16 leaves the 48xlarges
 */
export function poolCpuFloorFix(ctx: AdviceContext): Draft | null {
  for (const { g, i, r } of pools(ctx)) {
    const cpus = [...new Set(r.candidateList!.map((c) => ctx.dataset.byName.get(c.instanceType)!.vcpus ?? 0))].sort(
      (a, b) => a - b,
    );
    for (const n of cpus.slice(0, TRIES)) {
      const req: PoolRequirement = { key: `${K}instance-cpu`, operator: 'Gt', values: [String(n)] };
      const next = withRequirement(ctx.plan, i, req, true);
      if (matchRequirements(ctx.dataset, next.nodeGroups[i]!.requirements!).length === 0) break;
      if (!fits(next, ctx)) continue;
      const left = matchRequirements(ctx.dataset, next.nodeGroups[i]!.requirements!).length;
      return {
        id: `pool-cpu-floor-${i}`,
        title: `${g.name}: instance-cpu Gt ${n}`,
        summary: `Karpenter may launch any candidate, and the worst, ${r.worst!.instanceType} (${r.worst!.podsPerNode} pods per node, ${fmt(r.worst!.addresses)} addresses at max pods), holds a whole warm pool for few pods. Requiring more than ${n} vCPUs leaves ${left} of ${r.candidates} candidates.`,
        plan: next,
        costs: [
          {
            text: `fewer instance types for Karpenter to choose from (${left} of ${r.candidates}): less spot and capacity diversity`,
            weight: 1,
          },
        ],
      };
    }
  }
  return null;
}

/** The costliest candidates' families `NotIn`, added one family at a time until the plan fits. */
export function poolFamilyExclusionFix(ctx: AdviceContext): Draft | null {
  for (const { g, i, r } of pools(ctx)) {
    const families: string[] = [];
    let next = ctx.plan;
    for (const c of r.candidateList!) {
      const fam = c.instanceType.split('.')[0]!;
      if (families.includes(fam)) continue;
      families.push(fam);
      if (families.length > TRIES) break;
      next = withRequirement(
        ctx.plan,
        i,
        { key: `${K}instance-family`, operator: 'NotIn', values: [...families] },
        true,
      );
      if (matchRequirements(ctx.dataset, next.nodeGroups[i]!.requirements!).length === 0) break;
      if (!fits(next, ctx)) continue;
      return {
        id: `pool-family-notin-${i}`,
        title: `${g.name}: instance-family NotIn ${families.join(', ')}`,
        summary: `Excludes the families whose nodes take the most addresses for these pods (worst now ${r.worst!.instanceType}, ${fmt(r.worst!.addresses)} addresses at max pods).`,
        plan: next,
        costs: [
          {
            text: `${families.length} famil${families.length === 1 ? 'y' : 'ies'} fewer for Karpenter to choose from`,
            weight: 1,
          },
        ],
      };
    }
  }
  return null;
}

/** Auto Mode: secondary IPs (`ipv4PrefixSize: "32"`) instead of /28 prefixes, as AWS recommends for pod-sparse GPU fleets. */
export function autoModePrefixSizeFix(ctx: AdviceContext): Draft | null {
  const idx = ctx.plan.nodeGroups
    .map((g, i) => (g.kind === 'auto-mode' && g.ipv4PrefixSize !== '32' && g.maxNodes > 0 ? i : -1))
    .filter((i) => i >= 0);
  if (idx.length === 0) return null;
  const next = clonePlan(ctx.plan);
  for (const i of idx) next.nodeGroups[i]!.ipv4PrefixSize = '32';
  return {
    id: 'auto-mode-ipv4-prefix-size-32',
    title: `Auto Mode NodeClass ipv4PrefixSize "32" (${idx.map((i) => ctx.plan.nodeGroups[i]!.name).join(', ')})`,
    summary:
      'Single secondary IPs instead of /28 prefixes: no 16-address blocks per node and no aligned /28 to find, which AWS recommends for pod-sparse fleets past a few hundred nodes per AZ.',
    plan: next,
    costs: [
      {
        text: 'a NodeClass change: Auto Mode replaces the nodes (drift); more EC2 calls per pod start than with prefixes',
        weight: 2,
      },
    ],
  };
}

/**
 * `kubelet.maxPods` at what the pods need (the most pods per node of any candidate, + 10 for DaemonSets):
 * ipamd stops growing its pool once it holds max pods addresses, so a pod-sparse GPU node keeps one ENI.
 */
export function poolMaxPodsFix(ctx: AdviceContext): Draft | null {
  const next = clonePlan(ctx.plan);
  const changed: string[] = [];
  for (const { g, i, r } of pools(ctx)) {
    const need = Math.max(...r.candidateList!.map((c) => c.podsPerNode)) + 10 + 2;
    const now = ctx.base.evaluation.nodeGroups[i]!.maxPods;
    if (need >= now) continue;
    (next.nodeGroups[i] as NodeGroup).maxPods = need;
    changed.push(`${g.name} ${now} → ${need}`);
  }
  if (changed.length === 0) return null;
  return {
    id: 'pool-kubelet-max-pods',
    title: `EC2NodeClass kubelet.maxPods: ${changed.join(', ')}`,
    summary:
      'The pods never need more: the most pods per node of any candidate, plus 10 for DaemonSets and the 2 hostNetwork pods. ipamd stops adding addresses once it holds max pods.',
    plan: next,
    costs: [
      {
        text: 'an EC2NodeClass change: Karpenter replaces the nodes (drift); more DaemonSets per node would need a higher value',
        weight: 2,
      },
    ],
  };
}
