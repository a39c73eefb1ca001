/**
 * The advisor: when a plan does not fit, or more than WARM_SHARE_THRESHOLD of its addresses at desired
 * sit in warm pools, it proposes fixes, applies each to a copy of the plan, evaluates the copy with the
 * same model, and ranks the fixes by what they buy and what they cost.
 */
import { apiCalls, totalCallsPerNode } from '../api-calls';
import type { InstanceDataset } from '../instances';
import type { Plan } from '../plan';
import { WARM_SHARE_THRESHOLD } from '../warnings';
import { maxEniFix, prefixDelegationFix, warmIpTargetsFix } from './fixes-cni';
import { efaOnlyFix, enaEfaOnlyFix } from './fixes-efa';
import { ipv6ClusterFix, taggedSubnetFix } from './fixes-discovery';
import { autoModePrefixSizeFix, poolCpuFloorFix, poolFamilyExclusionFix, poolMaxPodsFix } from './fixes-pool';
import { biggerSubnetsFix, secondaryCidrFix } from './fixes-vpc';
import { measure, strandedPods, type Measured } from './measure';
import type { AdviceContext, Advice, AdviseOptions, Cost, Draft, FixRule } from './types';
import { fmt, percent } from '../format';

export type { Advice, AdviseOptions, Cost } from './types';
export type { Headroom } from './measure';
export { sizeVpc, type SizeVpcInput, type SizeVpcResult } from './size-vpc';

/** The rules, in the order they are tried (the ranking decides the order shown). */
export const FIX_RULES: readonly FixRule[] = [
  warmIpTargetsFix,
  prefixDelegationFix,
  secondaryCidrFix,
  maxEniFix,
  biggerSubnetsFix,
  efaOnlyFix,
  enaEfaOnlyFix,
  poolCpuFloorFix,
  poolFamilyExclusionFix,
  autoModePrefixSizeFix,
  poolMaxPodsFix,
  taggedSubnetFix,
  ipv6ClusterFix,
];

/**
 * Does the plan call for advice: it does not fit, or its warm pools hold more than WARM_SHARE_THRESHOLD (half)
 * of the addresses used at desired?
 * @example Small routable VPC: does not fit → true; Expanded VPC: fits, 234 of 327 warm (72 %) → true;
 *   High-churn web (MIT 30, WIT 5): fits, 5 of 33 per node warm → false
 */
export function needsAdvice(m: Measured): boolean {
  return !m.headroom.fitsAtMax || m.headroom.warmShareAtDesired > WARM_SHARE_THRESHOLD;
}

/**
 * Candidate fixes for `plan`, each measured on the whole changed plan and ranked: fixes that make the plan
 * fit first, then by headroom (total nodes at the first exhaustion ÷ max nodes, 2 when nothing runs out
 * within 2× max), then by cost (the sum of the cost weights), then by addresses used at max.
 * A fix is kept only if it strands no more pods in any group and improves the fit, the headroom, the
 * addresses at max or the warm share. Returns [] for a plan that fits without waste (unless `always`).
 * @example advise(SMALL_ROUTABLE_VPC, dataset).map((a) => a.id)
 *   // ['warm-ip-targets', 'secondary-cidr', 'max-eni']: MIT/WIT takes a node from 100 to 26 addresses and
 *   // fits 9 nodes with nothing running out up to 18 (cost 2); the 100.64.0.0/16s fit too (cost 8);
 *   // MAX_ENI=1 fits with nodes-a running out at 13 nodes
 */
export function advise(plan: Plan, dataset: InstanceDataset, options: AdviseOptions = {}): Advice[] {
  const steps = adviseSteps(plan, dataset, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * advise() in steps: it yields after each plan it measures (one evaluation each, ~7 on a plan that needs
 * advice), so that a page can run it a slice at a time between frames and never hold a keystroke back.
 * Run to the end, it returns what advise() returns.
 */
export function* adviseSteps(
  plan: Plan,
  dataset: InstanceDataset,
  options: AdviseOptions = {},
): Generator<void, Advice[], void> {
  const base = measure(plan, dataset);
  if (!base) return [];
  if (!options.always && !needsAdvice(base)) return [];
  yield;
  const ctx: AdviceContext = {
    plan: base.plan,
    dataset,
    base,
    headroomPct: Math.max(0, options.headroomPct ?? 20),
    scaleOutSeconds: options.scaleOutSeconds ?? 60,
    rules: FIX_RULES,
  };
  const out: Omit<Advice, 'rank'>[] = [];
  for (const rule of FIX_RULES) {
    const draft = rule(ctx);
    if (!draft) continue;
    const m = measure(draft.plan, dataset);
    yield;
    if (!m || !improves(base, m)) continue;
    out.push(toAdvice(ctx, draft, m));
  }
  out.sort(compareAdvice);
  return out.map((a, i) => ({ ...a, rank: i + 1 }));
}

function improves(base: Measured, m: Measured): boolean {
  const before = strandedPods(base.evaluation);
  if (strandedPods(m.evaluation).some((n, i) => n > (before[i] ?? 0))) return false;
  const a = base.headroom;
  const b = m.headroom;
  const eps = 1e-9;
  if ((a.fitsAtMax && !b.fitsAtMax) || b.exhaustionRatio < a.exhaustionRatio - eps) return false;
  const moreRoom = (b.fitsAtMax && !a.fitsAtMax) || b.exhaustionRatio > a.exhaustionRatio + eps;
  // A plan that does not fit needs room; one that fits (warm-pool waste) needs fewer held addresses.
  if (!a.fitsAtMax) return moreRoom;
  return moreRoom || b.addressesAtMax < a.addressesAtMax || b.warmShareAtDesired < a.warmShareAtDesired - eps;
}

/**
 * The ranking order: fits first, then the headroom ratio (2 decimals), then the cost score, then addresses at max.
 * @example MIT/WIT (fits, ratio 2, cost 2) before the secondary CIDRs (fits, ratio 2, cost 8) before MAX_ENI (fits, ratio 1.44)
 */
export function compareAdvice(
  a: Pick<Advice, 'headroom' | 'costScore'>,
  b: Pick<Advice, 'headroom' | 'costScore'>,
): number {
  const r = (x: number) => Math.round(x * 100);
  return (
    Number(b.headroom.fitsAtMax) - Number(a.headroom.fitsAtMax) ||
    r(b.headroom.exhaustionRatio) - r(a.headroom.exhaustionRatio) ||
    a.costScore - b.costScore ||
    a.headroom.addressesAtMax - b.headroom.addressesAtMax
  );
}

function toAdvice(ctx: AdviceContext, d: Draft, m: Measured): Omit<Advice, 'rank'> {
  const api = apiCost(ctx, m);
  const costs: Cost[] = [...d.costs, ...api.costs];
  return {
    id: d.id,
    title: d.title,
    summary: `${d.summary} Measured: ${effect(ctx.base, m)}${api.note}`,
    plan: m.plan,
    evaluation: m.evaluation,
    headroom: m.headroom,
    cost: costs.map((c) => c.text),
    costScore: costs.reduce((s, c) => s + c.weight, 0),
  };
}

/**
 * EC2 calls per starting node (weighted by the nodes each group adds) before and after: more is a cost,
 * fewer goes into the summary; and throttling of the scale-out desired → max within the window T.
 */
function apiCost(ctx: AdviceContext, m: Measured): { costs: Cost[]; note: string } {
  const perNode = (x: Measured) => {
    let calls = 0;
    let nodes = 0;
    x.plan.nodeGroups.forEach((g, i) => {
      const n = Math.max(1, g.maxNodes - g.desiredNodes);
      calls += n * totalCallsPerNode(x.evaluation.nodeGroups[i]!.perNode, x.plan.cni);
      nodes += n;
    });
    return nodes ? Math.round((calls / nodes) * 10) / 10 : 0;
  };
  const a = perNode(ctx.base);
  const b = perNode(m);
  const costs: Cost[] = [];
  let note = '';
  if (b > a)
    costs.push({ text: `+${Math.round((b - a) * 10) / 10} EC2 calls per node at scale-out (${a} → ${b})`, weight: 1 });
  else if (b < a) note = ` EC2 calls per starting node: ${a} → ${b}.`;
  const T = ctx.scaleOutSeconds;
  const before = apiCalls(ctx.base.plan, ctx.base.evaluation, { seconds: T });
  const after = apiCalls(m.plan, m.evaluation, { seconds: T });
  if (after.throttled && after.delaySeconds > before.delaySeconds) {
    costs.push({
      text: `scale-out desired → max in ${T} s throttled on ${after.binding}: about ${Math.ceil(after.delaySeconds)} s late`,
      weight: 1,
    });
  }
  return { costs, note };
}

/** "fits at max (9 nodes); nothing runs out up to 18 nodes (was nodes-a at 7); 924 → 243 addresses at max". */
function effect(base: Measured, m: Measured): string {
  const e = m.evaluation;
  const max = e.totals.nodes.max;
  const fits = e.fits ? `fits at max (${fmt(max)} nodes)` : `still does not fit at max (${fmt(max)} nodes)`;
  const was = base.evaluation.firstExhaustion;
  const wasText = was ? `was ${was.subnet} at ${fmt(was.atNodes)}` : 'was none';
  const first = e.firstExhaustion
    ? `${e.firstExhaustion.subnet} runs out first at ${fmt(e.firstExhaustion.atNodes)} nodes (${wasText})`
    : `nothing runs out up to ${fmt(e.series.endNodes)} nodes (${wasText})`;
  const pct = (x: number) => percent(x, { spaced: true });
  return `${fits}; ${first}; ${fmt(base.headroom.addressesAtMax)} → ${fmt(m.headroom.addressesAtMax)} addresses at max; warm share at desired ${pct(base.headroom.warmShareAtDesired)} → ${pct(m.headroom.warmShareAtDesired)}.`;
}
