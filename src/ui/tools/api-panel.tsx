/**
 * "Scale-out and the EC2 API": the scale-out from desired to max in T seconds, per API against its token
 * bucket (apiCalls): calls against tokens, throttled or not, which binds first, the expected delay. The
 * window and the buckets are editable (AWS changes them) and shared with the comparison of scenarios.
 * Default export: the tools area loads it with React.lazy.
 */
import { useId, useMemo, useState } from 'react';
import { apiCalls } from '../../model/api-calls';
import type { FullEvaluation } from '../../model/evaluate';
import type { Plan } from '../../model/plan';
import { selectScaleOut } from '../../state/selectors';
import { useActions, usePlan } from '../../state/store-context';
import { fmt, plural } from '../common/format';
import { ApiTable, parseAmount } from './api-table';
import '../advisor/advisor.css';

export default function ApiPanel({ plan, evaluation }: { plan: Plan; evaluation: FullEvaluation }) {
  const id = useId();
  const inputs = usePlan(selectScaleOut);
  const { setScaleOut } = useActions();
  const [secondsText, setSecondsText] = useState(String(inputs.seconds));
  const secondsOk = parseAmount(secondsText, 86_400) !== null;
  const r = useMemo(
    () => apiCalls(plan, evaluation, { seconds: inputs.seconds, buckets: inputs.buckets }),
    [plan, evaluation, inputs],
  );
  const onSeconds = (text: string) => {
    setSecondsText(text);
    const n = parseAmount(text, 86_400);
    if (n !== null) setScaleOut({ ...inputs, seconds: n });
  };
  return (
    <section className="panel tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Scale-out and the EC2 API</h2>
      <p className="hint tool-intro">
        Every node start draws on EC2’s per-account, per-Region token buckets: about 4 calls at start, 6 per extra ENI,
        and one AssignPrivateIpAddresses per address with WARM_IP_TARGET. A scale-out of N nodes in T seconds is
        throttled on an API when N × calls &gt; bucket + refill × T; pods then wait in ContainerCreating.
      </p>
      <div className="tool-form">
        <div className="field">
          <label htmlFor={`${id}-t`}>Seconds for the scale-out</label>
          <input
            id={`${id}-t`}
            type="text"
            className="num"
            inputMode="decimal"
            value={secondsText}
            onChange={(e) => onSeconds(e.target.value)}
            aria-invalid={secondsOk ? undefined : true}
            aria-describedby={secondsOk ? `${id}-t-hint` : `${id}-t-msg`}
          />
          {secondsOk ? (
            <p id={`${id}-t-hint`} className="hint">
              From desired to max nodes.
            </p>
          ) : (
            <p id={`${id}-t-msg`} className="field-error">
              Enter a number of seconds from 0 to 86,400.
            </p>
          )}
        </div>
      </div>
      <dl className="figures" aria-live="polite">
        <div>
          <dt>Nodes starting</dt>
          <dd className="num">{fmt(r.nodes)}</dd>
        </div>
        <div>
          <dt>Binds first</dt>
          <dd>{r.binding ?? 'none'}</dd>
        </div>
        <div className={r.throttled ? 'bad' : 'good'}>
          <dt>Throttled in {fmt(r.seconds)} s</dt>
          <dd>{r.throttled ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Expected delay</dt>
          <dd>{r.delaySeconds > 0 ? `about ${plural(Math.ceil(r.delaySeconds), 'second')}` : 'none'}</dd>
        </div>
      </dl>
      {!r.binding && (
        <p className="hint">Every bucket alone holds its calls: nothing binds, however short the window.</p>
      )}
      <ApiTable result={r} inputs={inputs} onChange={setScaleOut} />
      <div className="row-actions">
        <button
          type="button"
          className="small"
          onClick={() => setScaleOut({ ...inputs, buckets: {} })}
          disabled={Object.keys(inputs.buckets).length === 0}
        >
          Reset the buckets to AWS’s published figures
        </button>
      </div>
      <p className="hint">
        RunInstances requests are batched by the Auto Scaling group or Karpenter: shown as an upper bound, never
        binding. The instances bucket counts every node. Other traffic in the account and Region shares the same
        buckets.
      </p>
    </section>
  );
}
