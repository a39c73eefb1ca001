/** The VPC's CIDRs: the primary first, secondary ones added and removed, each with its free space. */
import { memo } from 'react';
import { DEFAULT_CIDR_QUOTA } from '../../model/vpc-rules';
import { useActions, useDerived, usePlan } from '../../state/store-context';
import { selectCidrQuota, selectCidrs } from '../../state/selectors';
import { Field } from '../common/field';
import { fmt, plural } from '../common/format';
import { IpFamilyField } from './subnet-tags';

export function VpcSection() {
  const cidrs = usePlan(selectCidrs);
  const quota = usePlan(selectCidrQuota) ?? DEFAULT_CIDR_QUOTA;
  const { addCidr, removeCidr } = useActions();
  return (
    <section className="panel" aria-labelledby="vpc-heading">
      <h2 id="vpc-heading">VPC</h2>
      <ul className="cidr-list">
        {cidrs.map((c, i) => (
          <li key={i}>
            <CidrRow index={i} value={c} onRemove={i > 0 ? () => removeCidr(i) : undefined} />
          </li>
        ))}
      </ul>
      <div className="row-actions">
        <button type="button" onClick={addCidr}>
          Add secondary CIDR
        </button>
        <span className="hint">
          {cidrs.length} of {quota} IPv4 CIDR blocks ({quota === DEFAULT_CIDR_QUOTA ? 'AWS default quota' : 'quota'});
          pods usually go in 100.64.0.0/10 with custom networking.
        </span>
      </div>
      <IpFamilyField />
    </section>
  );
}

const CidrRow = memo(function CidrRow({
  index,
  value,
  onRemove,
}: {
  index: number;
  value: string;
  onRemove?: () => void;
}) {
  const { setCidr } = useActions();
  const path = `vpc.cidrs[${index}]`;
  return (
    <Field
      label={index === 0 ? 'VPC CIDR' : `Secondary VPC CIDR ${index}`}
      path={path}
      value={value}
      onChange={(v) => setCidr(index, v)}
      placeholder={index === 0 ? '10.0.0.0/16' : '100.64.0.0/16'}
      withWarnings
      hint={
        <>
          {index === 0 ? 'Primary. ' : ''}
          <CidrSpace cidr={value.trim()} />
        </>
      }
      after={
        onRemove && (
          <button
            type="button"
            className="icon-button"
            onClick={onRemove}
            aria-label={`Remove secondary CIDR ${value || index}`}
            title="Remove this CIDR"
          >
            ×
          </button>
        )
      }
    />
  );
});

/** Size, subnets and free space of one VPC CIDR, from the evaluation (FullEvaluation.vpcCidrs). */
function CidrSpace({ cidr }: { cidr: string }) {
  const { shown, stale } = useDerived();
  const r = shown?.evaluation.vpcCidrs.find((c) => c.cidr === cidr);
  if (!r) return <>{stale ? 'Free space shows once the plan is valid.' : ''}</>;
  return (
    <>
      <span className="num">{fmt(r.size)}</span> addresses · {plural(r.subnets, 'subnet')} ·{' '}
      <span className="num">{fmt(r.free)}</span> not in any subnet
    </>
  );
}
