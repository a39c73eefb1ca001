/**
 * Co-locating a node group in one AZ, for the plan: the group's nodes move into that AZ's subnets, the
 * plan is re-evaluated (colocationImpact), and the panel says plainly when a subnet cannot hold them.
 */
import { useId, useMemo, useState } from 'react';
import { colocationImpact, type ColocationImpact } from '../../model/colocation';
import type { InstanceDataset } from '../../model/instances';
import type { Plan } from '../../model/plan';
import { fmt, plural } from '../common/format';
import { planAzs } from './cross-az-form';

export interface ColocationPanelProps {
  plan: Plan;
  dataset: InstanceDataset;
  groupIndex: number;
  /** The AZ picked (carried in the share link), or undefined for the group's first AZ. */
  az?: string;
  onAzChange?(az: string): void;
}

/** The AZ of the group's first launch subnet, else the plan's first AZ. */
function defaultAz(plan: Plan, groupIndex: number): string {
  const first = plan.nodeGroups[groupIndex]?.subnets[0];
  return plan.vpc.subnets.find((s) => s.name === first)?.az ?? planAzs(plan)[0] ?? '';
}

export function ColocationPanel({ plan, dataset, groupIndex, az: chosen, onAzChange }: ColocationPanelProps) {
  const uid = useId();
  const azs = planAzs(plan);
  const [local, setLocal] = useState<string | null>(null);
  const picked = chosen ?? local;
  const setPicked = (next: string) => (onAzChange ? onAzChange(next) : setLocal(next));
  const az = picked !== null && azs.includes(picked) ? picked : defaultAz(plan, groupIndex);
  const group = plan.nodeGroups[groupIndex];
  const impact = useMemo((): ColocationImpact | Error | null => {
    if (!group || az === '') return null;
    try {
      return colocationImpact(plan, dataset, groupIndex, az);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [plan, dataset, groupIndex, az, group]);
  if (!group) return null;
  const heading = `${uid}-heading`;
  return (
    <div className="tool-colocate" role="group" aria-labelledby={heading}>
      <h3 id={heading}>Co-locate {group.name} in one AZ</h3>
      <p className="hint">
        Pinning the pods to one AZ means pinning their nodes: all {plural(group.maxNodes, 'node')} of {group.name} at
        max then launch in that AZ's subnets. The plan is re-evaluated that way.
      </p>
      <div className="field tool-az-field">
        <label htmlFor={`${uid}-az`}>AZ to co-locate in</label>
        <select id={`${uid}-az`} value={az} onChange={(e) => setPicked(e.target.value)}>
          {azs.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        {impact instanceof Error ? (
          <p className="field-error">
            Could not re-evaluate the plan co-located in {az}: {impact.message}
          </p>
        ) : (
          impact && <ImpactReport impact={impact} az={az} groupIndex={groupIndex} />
        )}
      </div>
    </div>
  );
}

function ImpactReport({ impact, az, groupIndex }: { impact: ColocationImpact; az: string; groupIndex: number }) {
  const group = impact.plan.nodeGroups[groupIndex]!;
  const touched = new Set([...group.subnets, ...(impact.plan.cni.customNetworking ? (group.podSubnets ?? []) : [])]);
  const rows = impact.evaluation?.subnets.filter((s) => touched.has(s.name)) ?? [];
  return (
    <>
      {impact.warnings.length > 0 ? (
        <ul className="warnings tool-colocate-warnings">
          {impact.warnings.map((w, i) => (
            <li key={i} className={`finding ${w.severity}`}>
              <span className="badge">{w.severity === 'error' ? 'Does not fit' : w.severity}</span>
              <div>
                <p className="w-msg">{w.message}</p>
                <p className="w-fix">{w.fix}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        impact.evaluation && (
          <p className="tool-ok">
            {az} holds {group.name} at max ({plural(group.maxNodes, 'node')}) in its subnets.
          </p>
        )
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data tool-colocate-table">
            <caption>
              Subnets in {az} with {group.name} co-located, at max nodes
            </caption>
            <thead>
              <tr>
                <th scope="col">Subnet</th>
                <th scope="col" className="num">
                  Used at max
                </th>
                <th scope="col" className="num">
                  Usable
                </th>
                <th scope="col">Holds them?</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.name} className={s.fitsAtMax ? undefined : 'over'}>
                  <th scope="row">{s.name}</th>
                  <td className={`num${s.fitsAtMax ? '' : ' danger'}`}>{fmt(s.used.max)}</td>
                  <td className="num">{fmt(s.usable)}</td>
                  <td className={s.fitsAtMax ? undefined : 'danger'}>
                    {s.fitsAtMax
                      ? `Yes, ${fmt(s.free.max)} free`
                      : `No: ${fmt(s.used.max - s.usable)} short${s.exhaustedAtNodes !== null ? `, runs out at ${plural(s.exhaustedAtNodes, 'node')} in all` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
