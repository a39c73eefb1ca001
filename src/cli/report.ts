/** The readable report of `evaluate` (without --json). */
import type { ApiCallsResult } from '../model/api-calls';
import type { FullEvaluation } from '../model/evaluate';
import type { Plan } from '../model/plan';
import { MAX_PODS_SOURCE } from '../model/max-pods';
import { AUTO_MODE_WARM_POOL_ASSUMPTION } from '../model/auto-mode';
import { fmt } from '../model/format';

const n = fmt;
const pad = (s: string, w: number) => (s.length >= w ? s : s + ' '.repeat(w - s.length));
const lpad = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);

/** Where the best case runs out: beyond max when it fits (as the verdict line says it), else within it. */
function bestFirst(b: NonNullable<FullEvaluation['bestCase']>): string {
  const fe = b.firstExhaustion;
  if (!fe) return b.fits ? '; no subnet runs out up to 2× max' : '';
  return b.fits
    ? `; beyond max, ${fe.subnet} would run out first, at ${n(fe.atNodes)} nodes`
    : `, ${fe.subnet} running out first at ${n(fe.atNodes)} nodes`;
}

export function formatReport(plan: Plan, r: FullEvaluation, calls?: ApiCallsResult): string {
  const out: string[] = [];
  out.push(`Plan: ${plan.name}`);
  if (plan.vpc.ipFamily === 'ipv6')
    out.push(
      'IPv6 cluster: pods take IPv6 addresses (one /80 per node); only node and ENI primary addresses take IPv4.',
    );
  const fe = r.firstExhaustion;
  out.push(
    r.fits
      ? `Verdict: FITS at max (${n(r.totals.nodes.max)} nodes).${fe ? ` First to run out: ${fe.subnet} at ${n(fe.atNodes)} nodes.` : ' No subnet runs out up to 2× max.'}`
      : `Verdict: DOES NOT FIT at max (${n(r.totals.nodes.max)} nodes). ${fe ? `${fe.subnet} runs out first, at ${n(fe.atNodes)} nodes.` : ''}`,
  );
  if (r.bestCase) {
    const b = r.bestCase;
    out.push(
      `Node pools: judged against their worst candidates; with the best candidates it ${b.fits ? 'FITS' : 'does NOT fit'} at max (${n(b.totals.nodes.max)} nodes, ${n(b.totals.used.max)} addresses)${bestFirst(b)}.`,
    );
  }
  const warmShare = r.totals.used.desired ? Math.round((100 * r.totals.warm.desired) / r.totals.used.desired) : 0;
  out.push(
    `Addresses used: ${n(r.totals.used.desired)} at desired, ${n(r.totals.used.max)} at max, of ${n(r.totals.usable)} usable; ${warmShare}% of those at desired are warm pool.`,
  );
  out.push('');
  out.push('Subnets');
  const head = [
    pad('name', 16),
    pad('AZ', 12),
    pad('CIDR', 18),
    lpad('usable', 9),
    lpad('min', 9),
    lpad('desired', 9),
    lpad('max', 9),
    lpad('runs out at', 12),
  ];
  out.push('  ' + head.join(' '));
  for (const s of r.subnets) {
    out.push(
      '  ' +
        [
          pad(s.name, 16),
          pad(s.az, 12),
          pad(s.cidr, 18),
          lpad(n(s.usable), 9),
          lpad(n(s.used.min), 9),
          lpad(n(s.used.desired), 9),
          lpad(n(s.used.max), 9) + (s.fitsAtMax ? ' ' : '!'),
          lpad(s.exhaustedAtNodes === null ? '-' : `${n(s.exhaustedAtNodes)} nodes`, 12),
        ].join(' '),
    );
  }
  out.push('');
  out.push('Node groups');
  for (const g of r.nodeGroups) {
    const p = g.perNode;
    out.push(
      `  ${g.name} (${g.instanceType}, ${g.nodes.min}/${g.nodes.desired}/${g.nodes.max} nodes, ${p.pods} pods per node)`,
    );
    const sd = g.subnetDiscovery;
    // With subnet discovery the secondary ENIs leave the node subnet: say where the node's addresses land.
    const where = sd
      ? `node subnet ${n(sd.nodeSubnetPerNode)}, ${n(sd.eniAddressesPerNode)} in the most free of ${sd.subnets.join(', ')}`
      : `node subnet ${n(p.nodeSubnetIps)}, pod subnet ${n(p.podSubnetIps)}`;
    out.push(
      `    per node: ${p.enis} ENIs, ${n(p.ips)} pod addresses${p.prefixes ? ` (${p.prefixes} prefixes)` : ''}, ${n(p.warmIps)} warm; ${where}; ${p.podsWithoutIp} pods without an address`,
    );
    if (g.worst && g.best && g.candidateList) {
      const pick = (x: { instanceType: string; podsPerNode: number; nodes: number; addresses: number }) =>
        `${x.instanceType} (${x.podsPerNode} pods per node, ${n(x.nodes)} nodes, ${n(x.addresses)} addresses)`;
      out.push(
        `    node pool: ${g.candidates} candidate types, ${g.candidateList.length} run the pod; judged against the worst ${pick(g.worst)}; best ${pick(g.best)}`,
      );
      if (g.tooSmall?.length)
        out.push(
          `    too small for one pod: ${g.tooSmall
            .slice(0, 6)
            .map((c) => `${c.instanceType} (${c.limitedBy})`)
            .join(', ')}${g.tooSmall.length > 6 ? `, and ${g.tooSmall.length - 6} more` : ''}`,
        );
    }
    if (p.kind === 'auto-mode') out.push(`    ${AUTO_MODE_WARM_POOL_ASSUMPTION}`);
    if (sd) {
      const stay = sd.primaryWithoutPods
        ? 'node IP; the primary ENI carries no pods (node subnet tagged =0)'
        : 'node IP and primary ENI';
      out.push(
        `    subnet discovery: per node ${n(sd.nodeSubnetPerNode)} stay in the node subnet (${stay}); ${sd.enisPerNode} secondary ENI${sd.enisPerNode === 1 ? '' : 's'} (${n(sd.eniAddressesPerNode)} addresses) ${sd.enisPerNode === 1 ? 'goes' : 'go'} to the most free of ${sd.subnets.join(', ')}`,
      );
    }
    if (p.efaInterfaces > 0 || p.multiNic) {
      out.push(
        `    interfaces: ${p.efaLayout} layout, ${p.efaInterfaces} EFA (${p.launchInterfaceIps} with an address), ${p.efaOnlyOnCard0} EFA-only on card 0${p.multiNic ? `; multi-NIC, ${p.multiHomedPods} multi-homed pods` : ''}`,
      );
    }
    out.push(
      `    max pods: ENI-limited ${g.maxPodsNumbers.eniLimited}, recommended ${g.maxPodsNumbers.recommended}, effective ${g.maxPodsNumbers.effective}, Karpenter ${g.maxPodsNumbers.karpenter} (kubelet ${g.maxPods}: ${MAX_PODS_SOURCE[p.maxPodsSource](p.maxPodsUncapped)}); ${n(g.maxNodesThatFit)} nodes fit`,
    );
  }
  if (calls && calls.nodes > 0) {
    out.push('');
    out.push(
      `Scale-out desired → max: ${n(calls.nodes)} nodes in ${n(calls.seconds)} s ` +
        (calls.throttled
          ? `is THROTTLED on ${calls.binding}: calls finish about ${n(calls.delaySeconds)} s late (pods wait in ContainerCreating)`
          : `stays within the EC2 API token buckets${calls.binding ? ` (${calls.binding} binds first)` : ''}`),
    );
  }
  if (r.warnings.length) {
    out.push('');
    out.push('Warnings');
    for (const w of r.warnings) out.push(`  [${w.severity}] ${w.code} at ${w.path}: ${w.message}\n      fix: ${w.fix}`);
  }
  return out.join('\n') + '\n';
}
