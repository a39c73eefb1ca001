/** The editing column: VPC, subnets, VPC CNI settings and node groups, with a jump list. */
import { CniSection } from './cni-section';
import { NodeGroupsSection } from './node-groups-section';
import { SubnetTable } from './subnet-table';
import { VpcSection } from './vpc-section';

const JUMPS = [
  ['vpc-heading', 'VPC'],
  ['subnets-heading', 'Subnets'],
  ['cni-heading', 'VPC CNI'],
  ['groups-heading', 'Node groups'],
] as const;

export function PlanEditor() {
  return (
    <div className="editor">
      <nav className="jump" aria-label="Plan sections">
        {JUMPS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className="link"
            onClick={() => document.getElementById(id)?.scrollIntoView({ block: 'start' })}
          >
            {label}
          </button>
        ))}
      </nav>
      <VpcSection />
      <SubnetTable />
      <CniSection />
      <NodeGroupsSection />
    </div>
  );
}
