/**
 * Validates untrusted input (a file, a share link, local storage, the editor) into a Plan: the schema
 * first, then the rules that span fields (references, node-count order, instance types, AWS VPC rules).
 * Every problem names its field path and says how to fix it; nothing here throws.
 */
import type { InstanceDataset } from './instances';
import { suggestInstanceTypes } from './instances';
import { resolvePools } from './node-pool';
import type { Plan } from './plan';
import { describeIssue, PlanSchema, type ValidationIssue } from './plan-schema';
import { checkSubnets, checkVpcCidrs, type VpcIssue } from './vpc-rules';

export type PlanValidation = { ok: true; plan: Plan; warnings: VpcIssue[] } | { ok: false; issues: ValidationIssue[] };

/** Most issues a single validation reports; a mangled document should not print thousands of lines. */
const MAX_ISSUES = 50;

export function validatePlan(input: unknown, dataset: InstanceDataset): PlanValidation {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      issues: [
        { path: '', message: 'a plan must be a JSON object such as {"version": 1, "vpc": {...}, "nodeGroups": [...]}' },
      ],
    };
  }
  const version = (input as { version?: unknown }).version;
  if (version !== 1) {
    const msg =
      version === undefined
        ? 'version is missing; a plan starts with "version": 1'
        : typeof version === 'number' && version > 1
          ? `version ${version} is newer than this planner understands (1); update the planner`
          : `version must be 1, got ${JSON.stringify(version)}`;
    return { ok: false, issues: [{ path: 'version', message: msg }] };
  }
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.slice(0, MAX_ISSUES).map((i) => describeIssue(i, input)) };
  }
  const plan = parsed.data as Plan;
  const issues: ValidationIssue[] = resolvePools(plan, dataset);
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  const warnings: VpcIssue[] = [];
  for (const v of [...checkVpcCidrs(plan.vpc.cidrs, plan.vpc.cidrQuota ?? 5), ...checkSubnets(plan.vpc)]) {
    if (v.severity === 'error') issues.push({ path: v.path, message: `${v.message}; ${v.fix}` });
    else warnings.push(v);
  }
  checkNames(plan, issues);
  checkNodeGroups(plan, dataset, issues);
  return issues.length ? { ok: false, issues: issues.slice(0, MAX_ISSUES) } : { ok: true, plan, warnings };
}

function checkNames(plan: Plan, issues: ValidationIssue[]) {
  const dup = (names: string[], path: (i: number) => string, what: string) => {
    const seen = new Map<string, number>();
    names.forEach((n, i) => {
      const first = seen.get(n);
      if (first !== undefined)
        issues.push({
          path: path(i),
          message: `${what} name "${n}" is used twice (also ${path(first)}); names must be unique`,
        });
      else seen.set(n, i);
    });
  };
  dup(
    plan.vpc.subnets.map((s) => s.name),
    (i) => `vpc.subnets[${i}].name`,
    'subnet',
  );
  dup(
    plan.nodeGroups.map((g) => g.name),
    (i) => `nodeGroups[${i}].name`,
    'node group',
  );
}

function checkNodeGroups(plan: Plan, dataset: InstanceDataset, issues: ValidationIssue[]) {
  const byName = new Map(plan.vpc.subnets.map((s) => [s.name, s]));
  const known = plan.vpc.subnets.map((s) => s.name);
  const listKnown = known.length
    ? `one of ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}`
    : 'add subnets to vpc.subnets first';
  plan.nodeGroups.forEach((g, i) => {
    const p = `nodeGroups[${i}]`;
    if (!dataset.byName.has(g.instanceType)) {
      issues.push({
        path: `${p}.instanceType`,
        message: `unknown instance type "${g.instanceType}"; did you mean ${suggestInstanceTypes(dataset, g.instanceType).join(', ')}?`,
      });
    }
    if ((g.multiHomedPodsPerNode ?? 0) > g.podsPerNode) {
      issues.push({
        path: `${p}.multiHomedPodsPerNode`,
        message: `multiHomedPodsPerNode (${g.multiHomedPodsPerNode}) is above podsPerNode (${g.podsPerNode}); multi-homed pods are among the pods of a node`,
      });
    }
    if (g.minNodes > g.desiredNodes)
      issues.push({
        path: `${p}.minNodes`,
        message: `minNodes (${g.minNodes}) is above desiredNodes (${g.desiredNodes}); make min ≤ desired ≤ max`,
      });
    if (g.desiredNodes > g.maxNodes)
      issues.push({
        path: `${p}.desiredNodes`,
        message: `desiredNodes (${g.desiredNodes}) is above maxNodes (${g.maxNodes}); make min ≤ desired ≤ max`,
      });
    g.subnets.forEach((s, j) => {
      if (!byName.has(s))
        issues.push({ path: `${p}.subnets[${j}]`, message: `no subnet named "${s}"; use ${listKnown}` });
    });
    const dupSubnet = g.subnets.find((s, j) => g.subnets.indexOf(s) !== j);
    if (dupSubnet)
      issues.push({
        path: `${p}.subnets`,
        message: `subnet "${dupSubnet}" is listed twice; list each launch subnet once`,
      });
    (g.podSubnets ?? []).forEach((s, j) => {
      if (!byName.has(s))
        issues.push({ path: `${p}.podSubnets[${j}]`, message: `no subnet named "${s}"; use ${listKnown}` });
    });
    // Auto Mode groups take no VPC CNI settings: their pod subnets are optional (groupCni).
    if (g.kind !== 'auto-mode' && plan.cni.customNetworking) {
      const podAzs = new Set((g.podSubnets ?? []).map((s) => byName.get(s)?.az).filter(Boolean));
      const nodeAzs = [...new Set(g.subnets.map((s) => byName.get(s)?.az).filter((az): az is string => Boolean(az)))];
      const missing = nodeAzs.filter((az) => !podAzs.has(az));
      if (missing.length) {
        issues.push({
          path: `${p}.podSubnets`,
          message: `custom networking puts pod ENIs in the ENIConfig subnet of the node's AZ${plan.cni.multiNic ? ' (with ENABLE_MULTI_NIC, the other cards’ ENIs too)' : ''}, and ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} none; add a pod subnet in ${missing.join(', ')} to podSubnets`,
        });
      }
    }
  });
}
