/**
 * ENIConfig manifests for custom networking: one per AZ, named after the AZ (the CNI finds it through
 * `ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone`), naming that AZ's pod subnet.
 */
import type { Plan } from '../plan';
import {
  commentSafe,
  GENERATED_BY,
  knownSubnetId,
  podSubnetsByAz,
  subnetIdLookup,
  subnetIdOrPlaceholder,
} from './common';
import { yamlStream, type YamlValue } from './yaml';

/** The ENIConfig objects (apiVersion crd.k8s.amazonaws.com/v1alpha1), in AZ order. */
export function eniConfigObjects(plan: Plan): { az: string; subnetName: string; value: YamlValue }[] {
  return podSubnetsByAz(plan).map((c) => ({
    az: c.az,
    subnetName: c.subnet.name,
    value: {
      apiVersion: 'crd.k8s.amazonaws.com/v1alpha1',
      kind: 'ENIConfig',
      metadata: { name: c.az },
      spec: { subnet: subnetIdOrPlaceholder(c.subnet) },
    },
  }));
}

/**
 * The manifests as one YAML stream for `kubectl apply -f`, with comments saying which plan subnet each
 * names and how to find its ID. Security groups are left out: the CNI then uses the primary ENI's.
 */
export function toEniConfigs(plan: Plan): string {
  const choices = podSubnetsByAz(plan);
  const header = [GENERATED_BY, `ENIConfigs of plan "${commentSafe(plan.name)}", one per AZ, named after the AZ.`];
  if (!plan.cni.customNetworking) {
    header.push(
      'Custom networking is off in this plan: these take effect only with AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true.',
    );
  }
  if (choices.length === 0) {
    header.push('No node group lists podSubnets: there is no ENIConfig to write.');
    return header.map((l) => `# ${l}`).join('\n') + '\n';
  }
  header.push(
    "No securityGroups: pod ENIs get the node primary ENI's security groups (add spec.securityGroups to change that).",
  );
  const objects = eniConfigObjects(plan);
  return yamlStream(
    choices.map((c, i) => {
      const comments = i === 0 ? [...header, ''] : [];
      comments.push(`${c.az}: pod subnet ${c.subnet.name} (${c.subnet.cidr})`);
      if (!knownSubnetId(c.subnet)) comments.push(`replace the placeholder with its ID: ${subnetIdLookup(c.subnet)}`);
      for (const other of c.conflicts) {
        comments.push(
          `WARNING: ${other.name} (${other.cidr}) is also listed for ${c.az}; an AZ has one ENIConfig, ${c.subnet.name} wins`,
        );
      }
      return { comments, value: objects[i]!.value };
    }),
  );
}
