/** Validation messages about a node group as a whole (paths no single field of the card shows). */
import { useIssuesUnder } from '../../state/store-context';

const SHOWN_BY_FIELDS = /^\.(name|instanceType|minNodes|desiredNodes|maxNodes|podsPerNode|maxPods|branchPodsPerNode|subnets|podSubnets)(\[|$)/;

export function GroupIssues({ index }: { index: number }) {
  const text = useIssuesUnder(`nodeGroups[${index}]`, SHOWN_BY_FIELDS);
  return text ? <p className="field-error">{text}</p> : null;
}
