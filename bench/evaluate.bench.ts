/**
 * npm run bench: evaluates the foundation benchmark plan (40 node groups, 48 subnets in 3 CIDRs,
 * 10,000 nodes at max) and prints the median time, the exhaustion series included; then the cost of
 * `max-pods --all`. Timing belongs here, not in tests.
 */
import { dataset } from '../src/data/dataset';
import { evaluate } from '../src/model/evaluate';
import { validatePlan } from '../src/model/validate-plan';
import { recommendedMaxPods } from '../src/model/max-pods';
import { largePlan, largePlanWithDiscovery, largePlanWithPool } from '../tests/fixtures/large-plan';

/** `fn(i)` for i = 0 … warm-up + runs − 1 (the first min(20, runs) to warm the JIT, untimed). */
function measure(label: string, runs: number, fn: (i: number) => unknown) {
  const warm = Math.min(20, runs);
  for (let i = 0; i < warm; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(warm + i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  console.log(`${label}: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms over ${runs} runs`);
  return q(0.5);
}

const json = JSON.parse(JSON.stringify(largePlan()));
const v = validatePlan(json, dataset);
if (!v.ok) throw new Error(JSON.stringify(v.issues));
/** evaluate() with its lazily computed fields read (the series and the warnings): what a result on screen costs. */
const full = (...args: Parameters<typeof evaluate>) => {
  const e = evaluate(...args);
  void e.series;
  void e.warnings;
  void e.bestCase?.series;
  return e;
};
const r = evaluate(v.plan, dataset, v.warnings);
console.log(
  `plan: ${v.plan.nodeGroups.length} node groups, ${v.plan.vpc.subnets.length} subnets in ${v.plan.vpc.cidrs.length} CIDRs, ${r.totals.nodes.max.toLocaleString('en-US')} nodes at max; series ${r.series.points.length} points`,
);
measure('evaluate (large plan, series included)', 200, () => full(v.plan, dataset, v.warnings));
measure('validate + evaluate (large plan)', 200, () => {
  const w = validatePlan(json, dataset);
  if (w.ok) full(w.plan, dataset, w.warnings);
});
// The cost must not grow with node counts: the same plan with 10× the nodes.
const big = structuredClone(v.plan);
for (const g of big.nodeGroups) {
  g.desiredNodes *= 10;
  g.maxNodes *= 10;
}
measure('evaluate (same plan, 100,000 nodes at max)', 100, () => full(big, dataset));
// Issue 14: the same plan with a Karpenter pool of 307 candidate types (each evaluated, the worst judged).
const poolJson = JSON.parse(JSON.stringify(largePlanWithPool()));
const vp = validatePlan(poolJson, dataset);
if (!vp.ok) throw new Error(JSON.stringify(vp.issues));
const rp = evaluate(vp.plan, dataset, vp.warnings);
const pool = rp.nodeGroups[rp.nodeGroups.length - 1]!;
console.log(
  `pool: ${pool.candidates} candidates, worst ${pool.worst?.instanceType}, best ${pool.best?.instanceType}; ${rp.totals.nodes.max.toLocaleString('en-US')} nodes at max`,
);
// Each run a pool with other pods (max 512 + i), as after an edit: node-pool.ts remembers the pools it has
// evaluated, and the same pool every run would time that memory, not the work. validatePlan evaluates the
// pool and evaluate() reuses it (the page's case); the evaluate-only runs get plans validated against a copy
// of the dataset, whose memory evaluate() does not share.
const POOL_RUNS = 200;
const poolVariants = Array.from({ length: 20 + POOL_RUNS }, (_, i) => {
  const variant = structuredClone(poolJson);
  const g = variant.nodeGroups[variant.nodeGroups.length - 1];
  g.pods = { ...g.pods, max: g.pods.max + i };
  return variant;
});
const elsewhere = { ...dataset };
const validated = poolVariants.map((p) => {
  const w = validatePlan(p, elsewhere);
  if (!w.ok) throw new Error(JSON.stringify(w.issues));
  return w;
});
measure('evaluate (large plan + 307-candidate pool)', POOL_RUNS, (i) =>
  full(validated[i]!.plan, dataset, validated[i]!.warnings),
);
measure('validate + evaluate (large plan + 307-candidate pool)', POOL_RUNS, (i) => {
  const w = validatePlan(poolVariants[i], dataset);
  if (w.ok) full(w.plan, dataset, w.warnings);
});
// The same plan with subnet discovery over the wide subnets: each search step and series point water-fills
// the secondary ENIs of all 40 groups over their AZ's 16 subnets.
const vd = validatePlan(JSON.parse(JSON.stringify(largePlanWithDiscovery())), dataset);
if (!vd.ok) throw new Error(JSON.stringify(vd.issues));
measure('evaluate (large plan, subnet discovery over 24 subnets)', 40, () => full(vd.plan, dataset, vd.warnings));
measure('max-pods --all (1,391 types)', 200, () =>
  dataset.types.map((t) => `${t.name} ${recommendedMaxPods(t, { showMaxAllowed: true })}`).join('\n'),
);
