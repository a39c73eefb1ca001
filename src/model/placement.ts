/**
 * Where each node group's addresses land: its per-node figures and, for each launch subnet, the subnet
 * that takes the node IP and the one that takes the pod ENIs (the same one without custom networking,
 * the ENIConfig subnet of the same AZ with it). Node i goes to launch subnet i mod k (contract §1).
 */
import type { InstanceDataset } from './instances';
import { groupCni } from './auto-mode';
import { nodeAccountingFor } from './ip-family';
import type { NodeGroup, Plan } from './plan';
import type { Contribution, GroupPlacement } from './placement-types';
import { withDiscovery } from './subnet-discovery';
import type { NodeInput } from './warm-pool';

export type { Contribution, GroupPlacement } from './placement-types';

/** What one node of a group asks of the CNI: the single way a plan's group becomes a node input. */
export function nodeInputOf(g: NodeGroup): NodeInput {
  return {
    pods: g.podsPerNode,
    branchPods: g.branchPodsPerNode ?? 0,
    maxPods: g.maxPods,
    kind: g.kind,
    efaLayout: g.efaLayout,
    multiHomedPods: g.multiHomedPodsPerNode,
    reservedEnis: g.reservedEnis,
  };
}

export function placeGroups(plan: Plan, dataset: InstanceDataset): GroupPlacement[] {
  const index = new Map(plan.vpc.subnets.map((s, i) => [s.name, i]));
  return plan.nodeGroups.map((g, gi) => {
    const t = dataset.byName.get(g.instanceType)!;
    const cni = groupCni(plan.cni, g);
    const cn = cni.customNetworking;
    const perNode = nodeAccountingFor(plan.vpc, t, cni, nodeInputOf(g));
    const slots = g.subnets.map((name) => {
      const nodeSubnet = index.get(name)!;
      if (!cn) return { nodeSubnet, podSubnet: nodeSubnet };
      const az = plan.vpc.subnets[nodeSubnet]!.az;
      const pod = (g.podSubnets ?? []).find((p) => plan.vpc.subnets[index.get(p)!]?.az === az);
      return { nodeSubnet, podSubnet: pod === undefined ? nodeSubnet : index.get(pod)! };
    });
    // Without custom networking both shares are one subnet's: add them into one contribution.
    const onNode: Contribution = { ...perNode.share.node };
    const onPod: Contribution = cn ? { ...perNode.share.pod } : onNode;
    if (!cn) for (const k of Object.keys(onNode) as (keyof Contribution)[]) onNode[k] += perNode.share.pod[k];
    const touches = [...new Set(slots.flatMap((s) => [s.nodeSubnet, s.podSubnet]))];
    return withDiscovery(plan, t, g, cni, nodeInputOf(g), {
      index: gi,
      perNode,
      slots,
      onNodeSubnet: onNode,
      onPodSubnet: onPod,
      touches,
    });
  });
}
