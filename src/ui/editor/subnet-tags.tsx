/**
 * Subnet tags (AWS tag keys → values) below the subnet table, for the VPC CNI's enhanced subnet discovery:
 * `kubernetes.io/role/cni=1` (or any value but 0) offers a subnet to the pod ENIs of nodes in its AZ, `=0`
 * keeps them out (on a node subnet: the primary ENI carries no pods), `cni.networking.k8s.aws/cluster/<name>`
 * limits it to that cluster. Also the cluster's IP family (IpFamilyField, in the VPC panel).
 */
import { memo, useState } from 'react';
import { CNI_CLUSTER_TAG_PREFIX, CNI_ROLE_TAG, discoveryCluster } from '../../model/subnet-discovery';
import type { DraftSubnet } from '../../state/draft';
import type { PlanState } from '../../state/plan-store';
import { useActions, usePlan } from '../../state/store-context';
import { selectSubnets } from '../../state/selectors';
import { activeDraft } from '../../state/workspace-state';
import { fieldId } from '../common/format';
import './subnet-tags.css';
import { useFieldIssue } from '../common/field-issues';

const selectDiscoveryOff = (s: PlanState) => !activeDraft(s).cni.subnetDiscovery || activeDraft(s).cni.customNetworking;
const selectPlanName = (s: PlanState) => activeDraft(s).name;

export function SubnetTags() {
  const subnets = usePlan(selectSubnets);
  const off = usePlan(selectDiscoveryOff);
  const name = usePlan(selectPlanName);
  const tagged = subnets.filter((s) => (s.tags ?? []).some(([k]) => k.trim() !== '')).length;
  const [open, setOpen] = useState(tagged > 0);
  return (
    <details className="subnet-tags" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Subnet tags{' '}
        {tagged > 0 ? (
          <span className="muted">({tagged} tagged)</span>
        ) : (
          <span className="muted">(subnet discovery)</span>
        )}
      </summary>
      <p className="hint">
        Tag a subnet <code>{CNI_ROLE_TAG}=1</code> and the VPC CNI puts new pod ENIs of nodes in its AZ there when it
        has the most free addresses (subnet discovery, VPC CNI 1.18+); <code>=0</code> keeps pod ENIs out. A tag{' '}
        <code>{CNI_CLUSTER_TAG_PREFIX}&lt;name&gt;</code> limits a subnet to that cluster: this plan is the cluster{' '}
        <code>{discoveryCluster({ name })}</code>.
        {off ? ' Subnet discovery is off or custom networking is on: tags change nothing now.' : ''}
      </p>
      <ul className="subnet-tags-list">
        {subnets.map((s, i) => (
          <SubnetTagRows key={s.key} index={i} subnet={s} />
        ))}
      </ul>
    </details>
  );
}

const SubnetTagRows = memo(function SubnetTagRows({ index, subnet }: { index: number; subnet: DraftSubnet }) {
  const { setSubnetTags } = useActions();
  const rows = subnet.tags ?? [];
  const base = `vpc.subnets[${index}].tags`;
  const issue = useFieldIssue(base);
  const label = subnet.name || `subnet ${index + 1}`;
  const set = (next: [string, string][]) => setSubnetTags(index, next);
  const role = rows.find(([k]) => k.trim() === CNI_ROLE_TAG)?.[1];
  const setRole = (value: string) => {
    const at = rows.findIndex(([k]) => k.trim() === CNI_ROLE_TAG);
    set(at >= 0 ? rows.map((r, j) => (j === at ? [r[0], value] : r)) : [...rows, [CNI_ROLE_TAG, value]]);
  };
  const keys = rows.map(([k]) => k.trim());
  return (
    <li className="subnet-tags-subnet">
      <div className="subnet-tags-head">
        <strong>{label}</strong>
        <span className="muted">
          {role === undefined ? 'no role tag' : role === '0' ? 'no pod ENIs (=0)' : 'takes pod ENIs'}
        </span>
        <span className="subnet-tags-buttons">
          <button
            type="button"
            onClick={() => setRole('1')}
            disabled={role === '1'}
            aria-label={`Tag ${label} ${CNI_ROLE_TAG}=1`}
          >
            Pods here (=1)
          </button>
          <button
            type="button"
            onClick={() => setRole('0')}
            disabled={role === '0'}
            aria-label={`Tag ${label} ${CNI_ROLE_TAG}=0`}
          >
            No pods (=0)
          </button>
          <button type="button" onClick={() => set([...rows, ['', '']])} aria-label={`Add a tag to ${label}`}>
            Add tag
          </button>
        </span>
      </div>
      {rows.length > 0 && (
        <ul className="subnet-tags-rows">
          {rows.map(([k, v], j) => (
            <TagRow
              key={j}
              path={`${base}.${k.trim()}`}
              subnet={label}
              n={j + 1}
              tagKey={k}
              value={v}
              duplicate={k.trim() !== '' && keys.indexOf(k.trim()) !== j}
              onChange={(nk, nv) => set(rows.map((r, m) => (m === j ? [nk, nv] : r)))}
              onRemove={() => set(rows.filter((_, m) => m !== j))}
            />
          ))}
        </ul>
      )}
      {issue && (
        <p className="field-error" id={`${fieldId(base)}-msg`}>
          {issue}
        </p>
      )}
    </li>
  );
});

function TagRow(props: {
  path: string;
  subnet: string;
  n: number;
  tagKey: string;
  value: string;
  duplicate: boolean;
  onChange(key: string, value: string): void;
  onRemove(): void;
}) {
  const { path, subnet, n, tagKey, value, duplicate, onChange, onRemove } = props;
  const issue = useFieldIssue(path);
  const msg = duplicate ? 'This key is used above: the last value wins.' : issue;
  const id = fieldId(`${path}#${n}`);
  return (
    <li className="field-row subnet-tag">
      <input
        type="text"
        className="tag-key"
        value={tagKey}
        placeholder={CNI_ROLE_TAG}
        spellCheck={false}
        autoComplete="off"
        aria-label={`Tag key ${n} of ${subnet}`}
        aria-invalid={msg ? true : undefined}
        aria-describedby={msg ? `${id}-msg` : undefined}
        onChange={(e) => onChange(e.target.value, value)}
      />
      <span aria-hidden="true">=</span>
      <input
        type="text"
        className="tag-value"
        value={value}
        placeholder="1"
        spellCheck={false}
        autoComplete="off"
        aria-label={`Tag value ${n} of ${subnet}`}
        onChange={(e) => onChange(tagKey, e.target.value)}
      />
      <button
        type="button"
        className="icon-button"
        onClick={onRemove}
        aria-label={`Remove tag ${tagKey || n} of ${subnet}`}
        title="Remove this tag"
      >
        ×
      </button>
      {msg && (
        <span className="field-error" id={`${id}-msg`}>
          {msg}
        </span>
      )}
    </li>
  );
}

const selectIpFamily = (s: PlanState) => activeDraft(s).ipFamily ?? 'ipv4';

/** The cluster's IP family: in an IPv6 cluster pods take no IPv4 from the VPC. */
export function IpFamilyField() {
  const family = usePlan(selectIpFamily);
  const { setIpFamily } = useActions();
  return (
    <div className="field ip-family">
      <label htmlFor="ip-family">IP family</label>
      <select id="ip-family" value={family} onChange={(e) => setIpFamily(e.target.value === 'ipv6' ? 'ipv6' : 'ipv4')}>
        <option value="ipv4">IPv4: pods take VPC addresses</option>
        <option value="ipv6">IPv6: pods on one /80 per node; IPv4 only for nodes and ENIs</option>
      </select>
      {family === 'ipv6' && (
        <p className="hint">
          Chosen when the cluster is created. Warm targets, custom networking and subnet discovery do nothing.
        </p>
      )}
    </div>
  );
}
