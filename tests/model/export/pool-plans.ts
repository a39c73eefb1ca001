/**
 * Node-pool plans for the export tests: the two example pools of issue 14 as plan files write them
 * (tests/fixtures/plans/gpu-pool.json, general-pool.json), their EKS Auto Mode twins, and pools with every
 * field the exports map (kubelet max pods, RESERVED_ENIS, a disruption budget, each operator, pod subnets).
 */
import { readFileSync } from 'node:fs';
import type { Plan } from '../../../src/model/plan';
import { validPlan } from './helpers';

/** A plan file of tests/fixtures/plans, parsed (not validated). */
export function planFile(name: string): Record<string, unknown> & { nodeGroups: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), 'utf8'));
}

export const gpuPool = (): Plan => validPlan(planFile('gpu-pool.json'));
export const generalPool = (): Plan => validPlan(planFile('general-pool.json'));

/** The GPU pool launched by EKS Auto Mode with secondary IPs ("32", as AWS advises for sparse GPU pools). */
export function gpuPoolAutoMode(): Plan {
  const p = planFile('gpu-pool.json');
  Object.assign(p.nodeGroups[0]!, { kind: 'auto-mode', ipv4PrefixSize: '32' });
  return validPlan(p);
}

/** The general pool launched by EKS Auto Mode with pod subnets in 100.64.0.0/16 (one per AZ). */
export function generalPoolAutoMode(): Plan {
  const p = planFile('general-pool.json') as ReturnType<typeof planFile> & {
    vpc: { cidrs: string[]; subnets: object[] };
  };
  p.vpc.cidrs.push('100.64.0.0/16');
  p.vpc.subnets.push(
    { name: 'pods-a', az: 'us-east-1a', cidr: '100.64.0.0/18' },
    { name: 'pods-b', az: 'us-east-1b', cidr: '100.64.64.0/18' },
    { name: 'pods-c', az: 'us-east-1c', cidr: '100.64.128.0/18' },
  );
  Object.assign(p.nodeGroups[0]!, { kind: 'auto-mode', podSubnets: ['pods-a', 'pods-b', 'pods-c'] });
  return validPlan(p);
}

/** Every pool field and every operator: Exists, DoesNotExist, Gt, NotIn; maxPods, RESERVED_ENIS, a budget. */
export const ALL_FIELDS_REQUIREMENTS = [
  { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m6i', 'm7i'] },
  { key: 'karpenter.k8s.aws/instance-cpu', operator: 'Gt', values: ['7'] },
  { key: 'karpenter.k8s.aws/instance-size', operator: 'NotIn', values: ['metal'] },
  { key: 'kubernetes.io/arch', operator: 'Exists' },
  { key: 'karpenter.k8s.aws/instance-gpu-count', operator: 'DoesNotExist' },
  { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
];

export function allFieldsPool(kind: 'karpenter' | 'auto-mode' = 'karpenter'): Plan {
  const p = planFile('general-pool.json');
  Object.assign(p.nodeGroups[0]!, {
    kind,
    requirements: ALL_FIELDS_REQUIREMENTS,
    podRequests: { cpu: '500m', memory: '1536Mi' },
    ...(kind === 'karpenter' ? { reservedEnis: 1 } : {}),
    disruptionBudget: 3,
    maxPods: 58,
  });
  return validPlan(p);
}

/** A pool of ENA + EFA-only GPU nodes selecting the types given by name. */
export function enaEfaOnlyPool(types: string[]): Plan {
  const p = planFile('gpu-pool.json');
  Object.assign(p.nodeGroups[0]!, {
    efaLayout: 'ena-efa-only',
    requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: types }],
  });
  return validPlan(p);
}
