/** The scale-out per EC2 API: its bucket and refill (editable), calls against tokens, throttled or not, the delay. */
import { useId, useState } from 'react';
import { DEFAULT_BUCKETS, type ApiCallsResult, type ApiLoad } from '../../model/api-calls';
import { numberIn } from '../../model/number-text';
import type { ScaleOutInputs } from '../../state/workspace-actions';
import { decimal, fmt } from '../common/format';

/**
 * A number from 0 to `max` as typed ("1,000" allowed), else null.
 * @example parseAmount('1,000', 5000) === 1000; parseAmount('-1', 10) === null
 */
export function parseAmount(text: string, max: number): number | null {
  const n = numberIn(text, { separators: true });
  return n !== null && n <= max ? n : null;
}

const round = decimal;

interface Props {
  result: ApiCallsResult;
  inputs: ScaleOutInputs;
  onChange(next: ScaleOutInputs): void;
}

export function ApiTable({ result, inputs, onChange }: Props) {
  const set = (api: string, field: 'bucket' | 'refillPerSecond', n: number) => {
    const base = { ...DEFAULT_BUCKETS[api]!, ...inputs.buckets[api] };
    onChange({ ...inputs, buckets: { ...inputs.buckets, [api]: { ...base, [field]: n } } });
  };
  return (
    <div className="table-scroll">
      <table className="data api-table">
        <caption className="visually-hidden">
          EC2 calls of the scale-out in {fmt(result.seconds)} s against each API’s token bucket
        </caption>
        <thead>
          <tr>
            <th scope="col">API</th>
            <th scope="col" className="num">
              Bucket
            </th>
            <th scope="col" className="num" title="Tokens added per second">
              Refill /s
            </th>
            <th scope="col" className="num" title="Calls per starting node">
              Per node
            </th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num" title={`Bucket + refill × ${fmt(result.seconds)} s`}>
              Tokens
            </th>
            <th scope="col">Throttled</th>
            <th scope="col" className="num">
              Late by
            </th>
          </tr>
        </thead>
        <tbody>
          {result.perApi.map((a) => (
            <ApiRow key={a.api} a={a} binding={a.api === result.binding} onSet={set} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApiRow({
  a,
  binding,
  onSet,
}: {
  a: ApiLoad;
  binding: boolean;
  onSet(api: string, field: 'bucket' | 'refillPerSecond', n: number): void;
}) {
  const cls = [a.throttled && 'throttled', a.informational && 'informational'].filter(Boolean).join(' ') || undefined;
  return (
    <tr className={cls}>
      <th scope="row">
        <ApiName name={a.api} />
        {binding && <span className="api-binds">binds first</span>}
      </th>
      <td className="num">
        <BucketInput
          label={`Bucket size for ${a.api}`}
          value={a.bucket}
          max={1_000_000}
          onSet={(n) => onSet(a.api, 'bucket', n)}
        />
      </td>
      <td className="num">
        <BucketInput
          label={`Refill per second for ${a.api}`}
          value={a.refillPerSecond}
          max={100_000}
          onSet={(n) => onSet(a.api, 'refillPerSecond', n)}
        />
      </td>
      <td className="num">{round(a.callsPerNode)}</td>
      <td className="num">{fmt(a.calls)}</td>
      <td className="num">{fmt(a.tokensAvailable)}</td>
      <td className="throttle">{a.informational ? 'never (batched)' : a.throttled ? 'Yes' : 'No'}</td>
      <td className="num">{a.delaySeconds > 0 ? `${round(a.delaySeconds)} s` : '—'}</td>
    </tr>
  );
}

/** A long API name may break between its words: Modify<wbr>Network<wbr>Interface<wbr>Attribute. */
function ApiName({ name }: { name: string }) {
  const words = name.split(/(?=[A-Z:])/);
  return words.map((w, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {w}
    </span>
  ));
}

/** A number field that keeps what is typed and passes on only valid numbers. */
function BucketInput({
  label,
  value,
  max,
  onSet,
}: {
  label: string;
  value: number;
  max: number;
  onSet(n: number): void;
}) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (parseAmount(text, max) !== value) setText(String(value));
  }
  const id = useId();
  const ok = parseAmount(text, max) !== null;
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={text}
        aria-invalid={ok ? undefined : true}
        aria-describedby={ok ? undefined : id}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseAmount(e.target.value, max);
          if (n !== null) onSet(n);
        }}
      />
      {!ok && (
        <span id={id} className="field-error" style={{ display: 'block' }}>
          0 to {fmt(max)}
        </span>
      )}
    </>
  );
}
