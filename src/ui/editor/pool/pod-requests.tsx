/**
 * A pod's requests, as its spec writes them: cpu and memory as Kubernetes quantities ("500m", "16Gi") and
 * devices (nvidia.com/gpu, aws.amazon.com/neuron…) as whole numbers. Messages at
 * nodeGroups[i].podRequests.cpu / .memory / .<device>.
 */
import type { DraftPool } from '../../../state/draft';
import { useActions } from '../../../state/store-context';
import { Field } from '../../common/field';
import { fieldId } from '../../common/format';
import { DEVICE_OPTIONS } from './pool-labels';
import { useFieldIssue } from '../../common/field-issues';

const BASIC = new Set(['cpu', 'memory']);

export function PodRequests({ index, pool }: { index: number; pool: DraftPool }) {
  const { setPodRequests } = useActions();
  const rows = pool.podRequests;
  const base = `nodeGroups[${index}].podRequests`;
  const valueOf = (name: string) => rows.find(([k]) => k === name)?.[1] ?? '';
  const setBasic = (name: string) => (v: string) => {
    const at = rows.findIndex(([k]) => k === name);
    setPodRequests(index, at >= 0 ? rows.map((r, j) => (j === at ? [name, v] : r)) : [...rows, [name, v]]);
  };
  const devices = rows.map((r, j) => [r, j] as const).filter(([[k]]) => !BASIC.has(k));
  const unused = DEVICE_OPTIONS.filter((o) => !rows.some(([k]) => k === o.value));
  return (
    <fieldset className="pool-requests">
      <legend>One pod&rsquo;s requests</legend>
      <div className="field-grid two">
        <Field
          label="CPU per pod"
          path={`${base}.cpu`}
          value={valueOf('cpu')}
          onChange={setBasic('cpu')}
          placeholder="500m"
          hint={
            <>
              A quantity: <code>500m</code>, <code>2</code>, <code>0.5</code>.
            </>
          }
        />
        <Field
          label="Memory per pod"
          path={`${base}.memory`}
          value={valueOf('memory')}
          onChange={setBasic('memory')}
          placeholder="16Gi"
          hint={
            <>
              A quantity: <code>512Mi</code>, <code>16Gi</code>, <code>1G</code>.
            </>
          }
        />
      </div>
      {devices.length > 0 && (
        <ul className="device-rows">
          {devices.map(([[k, v], j], n) => (
            <DeviceRow
              key={j}
              base={base}
              n={n + 1}
              name={k}
              count={v}
              options={[...DEVICE_OPTIONS.filter((o) => o.value === k), ...unused]}
              onChange={(nk, nv) =>
                setPodRequests(
                  index,
                  rows.map((r, m) => (m === j ? [nk, nv] : r)),
                )
              }
              onRemove={() =>
                setPodRequests(
                  index,
                  rows.filter((_, m) => m !== j),
                )
              }
            />
          ))}
        </ul>
      )}
      {unused.length > 0 && (
        <button
          type="button"
          className="small"
          onClick={() => setPodRequests(index, [...rows, [unused[0]!.value, '1']])}
        >
          Add a device request
        </button>
      )}
    </fieldset>
  );
}

interface DeviceProps {
  base: string;
  n: number;
  name: string;
  count: string;
  options: readonly { value: string; label: string }[];
  onChange(name: string, count: string): void;
  onRemove(): void;
}

function DeviceRow({ base, n, name, count, options, onChange, onRemove }: DeviceProps) {
  const path = `${base}.${name}`;
  const issue = useFieldIssue(path);
  const id = fieldId(path);
  return (
    <li className="device-row">
      <div className="field-row">
        <select value={name} aria-label={`Device ${n}`} onChange={(e) => onChange(e.target.value, count)}>
          {!options.some((o) => o.value === name) && <option value={name}>{name}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <input
          id={id}
          type="text"
          className="num"
          inputMode="numeric"
          value={count}
          spellCheck={false}
          autoComplete="off"
          aria-label={`Device ${n} per pod`}
          aria-invalid={issue ? true : undefined}
          aria-describedby={issue ? `${id}-msg` : undefined}
          onChange={(e) => onChange(name, e.target.value)}
        />
        <span className="muted">per pod</span>
        <button
          type="button"
          className="icon-button"
          onClick={onRemove}
          aria-label={`Remove device request ${name}`}
          title="Remove this device request"
        >
          ×
        </button>
      </div>
      {issue && (
        <p id={`${id}-msg`} className="field-error">
          {issue}
        </p>
      )}
    </li>
  );
}
