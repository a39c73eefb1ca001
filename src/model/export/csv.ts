/**
 * The plan and its evaluation as one CSV table (RFC 4180: CRLF line ends, every record the same
 * fields, quotes doubled): a `kind` column says whether a row is a `subnet`, a `nodeGroup` or the
 * `total`; columns that do not apply to a kind are empty. Every figure of the evaluation is there.
 */
import type { InstanceDataset } from '../instances';
import type { Plan } from '../plan';
import type { Evaluation, NodeGroupResult, Scale, SubnetResult } from '../result';
import { maxPodsSetting, maxPodsToWrite } from './max-pods-setting';

type Cell = string | number | boolean | null | undefined;
type Row = Record<string, Cell>;

const SCALES: readonly Scale[] = ['min', 'desired', 'max'];
const perScale = (name: string) => SCALES.map((s) => `${name}_${s}`);

/** The columns, in order. */
export const CSV_COLUMNS: readonly string[] = [
  'kind',
  'name',
  // subnets
  'az',
  'cidr',
  'vpc_cidr',
  'roles',
  'size',
  'usable',
  'reserved',
  ...perScale('used'),
  ...perScale('free'),
  ...perScale('node_ips'),
  ...perScale('eni_primaries'),
  ...perScale('pod_ips'),
  ...perScale('warm_ips'),
  'fits_at_max',
  'exhausted_at_nodes',
  'prefix_blocks_total',
  ...perScale('prefix_blocks_used'),
  ...perScale('prefix_blocks_spoiled'),
  ...perScale('prefix_blocks_free'),
  ...perScale('prefix_blocks_needed'),
  // node groups
  'instance_type',
  'subnets',
  'pod_subnets',
  ...perScale('nodes'),
  'pods_per_node',
  'branch_pods_per_node',
  'max_pods',
  'max_pods_to_set',
  'max_pods_eni_limited',
  'max_pods_recommended',
  'max_pods_effective',
  'max_pods_karpenter',
  'node_pool_mode',
  'node_enis',
  'node_ips',
  'node_prefixes',
  'node_subnet_ips',
  'pod_subnet_ips',
  'node_warm_ips',
  'node_pods_running',
  'pods_without_ip',
  'max_nodes_that_fit',
  ...perScale('addresses'),
];

/**
 * One CSV field. Numbers and booleans as they are; text quoted when it holds `,`, `"`, CR or LF, and
 * prefixed with `'` when it starts with `=`, `+`, `-`, `@`, tab or CR, so that a spreadsheet does not run
 * a subnet's Name tag as a formula (OWASP "CSV injection").
 * @example csvField('a,b') === '"a,b"'; csvField('=1+1') === "'=1+1"; csvField(-3) === '-3'
 */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function scaled(row: Row, name: string, values: Record<Scale, number> | undefined) {
  if (!values) return;
  for (const s of SCALES) row[`${name}_${s}`] = values[s];
}

function subnetRow(plan: Plan, r: SubnetResult): Row {
  const row: Row = {
    kind: 'subnet',
    name: r.name,
    az: r.az,
    cidr: r.cidr,
    vpc_cidr: r.vpcCidrIndex >= 0 ? plan.vpc.cidrs[r.vpcCidrIndex] : null,
    roles: r.roles.join(' '),
    size: r.size,
    usable: r.usable,
    reserved: r.breakdown.max.reserved,
    fits_at_max: r.fitsAtMax,
    exhausted_at_nodes: r.exhaustedAtNodes,
  };
  scaled(row, 'used', r.used);
  scaled(row, 'free', r.free);
  for (const s of SCALES) {
    const b = r.breakdown[s];
    Object.assign(row, {
      [`node_ips_${s}`]: b.nodeIps,
      [`eni_primaries_${s}`]: b.eniPrimaries,
      [`pod_ips_${s}`]: b.podIps,
      [`warm_ips_${s}`]: b.warmIps,
    });
    const p = r.prefixBlocks?.[s];
    if (p) {
      row.prefix_blocks_total = p.total;
      Object.assign(row, {
        [`prefix_blocks_used_${s}`]: p.usedByPrefixes,
        [`prefix_blocks_spoiled_${s}`]: p.spoiled,
        [`prefix_blocks_free_${s}`]: p.free,
        [`prefix_blocks_needed_${s}`]: p.needed,
      });
    }
  }
  return row;
}

function groupRow(plan: Plan, r: NodeGroupResult, i: number, dataset: InstanceDataset | undefined): Row {
  const g = plan.nodeGroups.find((x) => x.name === r.name) ?? plan.nodeGroups[i];
  const n = r.maxPodsNumbers;
  const row: Row = {
    kind: 'nodeGroup',
    name: r.name,
    instance_type: r.instanceType,
    subnets: g?.subnets.join(' '),
    pod_subnets: g?.podSubnets?.join(' '),
    pods_per_node: g?.podsPerNode,
    branch_pods_per_node: g?.branchPodsPerNode,
    // The exports' own rule when the dataset is at hand (it also knows EFA-only interfaces on card 0)
    max_pods: r.maxPods,
    max_pods_to_set: !g
      ? null
      : dataset
        ? maxPodsSetting(g, plan.cni, dataset).value
        : maxPodsToWrite(g, plan.cni, n.recommended),
    max_pods_eni_limited: n.eniLimited,
    max_pods_recommended: n.recommended,
    max_pods_effective: n.effective,
    max_pods_karpenter: n.karpenter,
    node_pool_mode: r.perNode.mode,
    node_enis: r.perNode.enis,
    node_ips: r.perNode.ips,
    node_prefixes: r.perNode.prefixes,
    node_subnet_ips: r.perNode.nodeSubnetIps,
    pod_subnet_ips: r.perNode.podSubnetIps,
    node_warm_ips: r.perNode.warmIps,
    node_pods_running: r.perNode.podsRunning,
    pods_without_ip: r.perNode.podsWithoutIp,
    max_nodes_that_fit: r.maxNodesThatFit,
  };
  scaled(row, 'nodes', r.nodes);
  scaled(row, 'addresses', r.addresses);
  return row;
}

function totalRow(e: Evaluation): Row {
  const row: Row = { kind: 'total', name: 'all subnets', usable: e.totals.usable, fits_at_max: e.fits };
  scaled(row, 'used', e.totals.used);
  scaled(row, 'free', {
    min: e.totals.usable - e.totals.used.min,
    desired: e.totals.usable - e.totals.used.desired,
    max: e.totals.usable - e.totals.used.max,
  });
  scaled(row, 'warm_ips', e.totals.warm);
  scaled(row, 'pod_ips', e.totals.pods);
  scaled(row, 'nodes', e.totals.nodes);
  if (e.firstExhaustion) row.exhausted_at_nodes = e.firstExhaustion.atNodes;
  return row;
}

/**
 * The CSV: a header, one row per subnet (plan order), one per node group, then the total.
 * @example toCsv(plan, evaluate(plan, dataset), dataset).split('\r\n')[0].startsWith('kind,name,az,cidr')
 */
export function toCsv(plan: Plan, evaluation: Evaluation, dataset?: InstanceDataset): string {
  const rows: Row[] = [
    ...evaluation.subnets.map((r) => subnetRow(plan, r)),
    ...evaluation.nodeGroups.map((r, i) => groupRow(plan, r, i, dataset)),
    totalRow(evaluation),
  ];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
