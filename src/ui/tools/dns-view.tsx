/**
 * "DNS lookups and ndots": the queries a Pod's resolver sends for one name, with the chosen ndots against
 * the Kubernetes default of 5, and the Pod dnsConfig that sets it. Controlled by `value` (the share link
 * carries it); only valid input is passed to onChange, while the fields keep what is typed.
 */
import { Fragment, useId } from 'react';
import {
  compareNdots,
  DNS_CONFIG_CAVEAT,
  dnsConfigYaml,
  hostSearchDomain,
  KUBERNETES_DEFAULT_NDOTS,
  type DnsSequence,
} from '../../model/dns';
import type { DnsView as DnsViewValue } from '../../model/views';
import { fmt, plural } from '../common/format';
import { checkDnsDraft, DNS_EXAMPLES, dnsDraft, type DnsDraft, type DnsField } from './dns-form';
import { sameData, Snippet, ToolField, useDraft } from './tool-parts';
import './tools.css';

export interface DnsViewProps {
  value: DnsViewValue | undefined;
  onChange(next: DnsViewValue): void;
}

const FIELDS: { key: DnsField; label: string; numeric?: boolean; hint?: (d: DnsDraft) => string }[] = [
  {
    key: 'name',
    label: 'Name to resolve',
    hint: () => 'As the application asks for it; end it with a dot to make it absolute.',
  },
  { key: 'namespace', label: 'Namespace', hint: () => 'The namespace of the Pod that looks the name up.' },
  {
    key: 'clusterDomain',
    label: 'Cluster domain',
    hint: () => "The kubelet's --cluster-domain; cluster.local unless changed.",
  },
  {
    key: 'region',
    label: 'Region',
    hint: (d) => `Host search domain: ${hostSearchDomain(d.region.trim() || 'us-east-1')}`,
  },
  {
    key: 'ndots',
    label: 'ndots',
    numeric: true,
    hint: () => `Kubernetes writes ndots:${KUBERNETES_DEFAULT_NDOTS}; 0 to 15.`,
  },
];

export default function DnsView({ value, onChange }: DnsViewProps) {
  const uid = useId();
  const [draft, setDraft] = useDraft(value, dnsDraft, (d, v) => v !== undefined && sameData(checkDnsDraft(d).view, v));
  const checked = checkDnsDraft(draft);
  const edit = (next: DnsDraft) => {
    setDraft(next);
    const view = checkDnsDraft(next).view;
    if (view && !sameData(view, value)) onChange(view);
  };
  const heading = `${uid}-heading`;
  return (
    <section className="panel tool" aria-labelledby={heading}>
      <h2 id={heading}>DNS lookups and ndots</h2>
      <p className="hint tool-intro">
        A Pod's resolver appends each search domain to a name with fewer dots than <code>ndots</code> before it tries
        the name itself; every miss is an NXDOMAIN round trip, for A and AAAA alike.
      </p>
      <div className="tool-fields">
        {FIELDS.map((f) => (
          <ToolField
            key={f.key}
            id={`${uid}-${f.key}`}
            className={`tool-field-${f.key}`}
            label={f.label}
            value={draft[f.key]}
            numeric={f.numeric}
            error={checked.errors[f.key]}
            hint={f.hint?.(draft)}
            onChange={(v) => edit({ ...draft, [f.key]: v })}
          />
        ))}
      </div>
      <div className="tool-examples" role="group" aria-labelledby={`${uid}-examples`}>
        <span id={`${uid}-examples`} className="muted">
          Examples:
        </span>
        {DNS_EXAMPLES.map((e) => (
          <button
            key={e.name}
            type="button"
            className="small"
            title={e.what}
            aria-pressed={draft.name.trim() === e.name}
            onClick={() => edit({ ...draft, name: e.name })}
          >
            {e.name}
          </button>
        ))}
      </div>
      {checked.view ? (
        <DnsResults view={checked.view} uid={uid} />
      ) : (
        <p className="tool-blocked" role="status">
          Fix the marked {Object.keys(checked.errors).length === 1 ? 'field' : 'fields'} to see the queries.
        </p>
      )}
    </section>
  );
}

function DnsResults({ view, uid }: { view: DnsViewValue; uid: string }) {
  const cmp = compareNdots(view);
  const { chosen, kubernetesDefault: base } = cmp;
  const same = chosen.ndots === base.ndots;
  return (
    <>
      <dl className="stats tool-stats" aria-live="polite">
        <Outcome title={`ndots:${base.ndots} (Kubernetes default)`} seq={base} />
        {!same && <Outcome title={`ndots:${chosen.ndots} (chosen)`} seq={chosen} />}
      </dl>
      {!same && <p className="tool-verdict">{saving(cmp.nxdomainSaved, chosen.ndots)}</p>}
      <p className="hint">
        The Pod's <code>/etc/resolv.conf</code>: <code>search {chosen.searchList.join(' ')}</code> and{' '}
        <code>options ndots:{chosen.ndots}</code>.
      </p>
      <div className="tool-tables">
        {!same && <QueryTable seq={chosen} caption={`Queries with ndots:${chosen.ndots} (chosen)`} />}
        <QueryTable seq={base} caption={`Queries with ndots:${base.ndots} (Kubernetes default)`} />
      </div>
      <Snippet id={`${uid}-yaml`} title={`Pod dnsConfig for ndots:${chosen.ndots}`} text={dnsConfigYaml(chosen.ndots)}>
        <p className="hint tool-caveat">{DNS_CONFIG_CAVEAT}</p>
      </Snippet>
    </>
  );
}

function saving(saved: number, ndots: number): string {
  if (saved > 0) return `ndots:${ndots} saves ${plural(saved, 'NXDOMAIN round trip')} on every lookup of this name.`;
  if (saved < 0)
    return `ndots:${ndots} costs ${plural(-saved, 'more NXDOMAIN round trip')} on every lookup of this name.`;
  return `ndots:${ndots} sends the same NXDOMAIN queries for this name as ndots:${KUBERNETES_DEFAULT_NDOTS}.`;
}

function Outcome({ title, seq }: { title: string; seq: DnsSequence }) {
  return (
    <div className="stat">
      <dt>{title}</dt>
      <dd>
        <span className="stat-value num">{fmt(seq.nxdomainBeforeAnswer)} NXDOMAIN</span>
        <span className="stat-sub">
          {seq.answeredBy === null ? (
            `${plural(seq.queries.length, 'query', 'queries')}; no candidate answers, the lookup fails`
          ) : (
            <>
              {seq.nxdomainBeforeAnswer === 0 ? 'the first name tried answers' : 'before the answer from'}{' '}
              <code>{seq.answeredBy}</code>; {plural(seq.queries.length, 'query', 'queries')} in all
            </>
          )}
        </span>
      </dd>
    </div>
  );
}

function QueryTable({ seq, caption }: { seq: DnsSequence; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data tool-queries">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Name queried</th>
            <th scope="col">Type</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {seq.queries.map((q, i) => (
            <tr key={i} className={q.answer ? 'answer' : 'nx'}>
              <td className="num">{fmt(i + 1)}</td>
              <td>
                <code>
                  <DomainName name={q.name} />
                </code>
              </td>
              <td>{q.type}</td>
              <td>
                {q.answer ? (
                  'Answer (address)'
                ) : (
                  <>
                    <span aria-hidden="true">✕ </span>NXDOMAIN
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A long name breaks only after its dots, never inside a label such as us-east-2. */
function DomainName({ name }: { name: string }) {
  const labels = name.split('.');
  return labels.map((l, i) => (
    <Fragment key={i}>
      <span className="label-nw">
        {l}
        {i < labels.length - 1 ? '.' : ''}
      </span>
      {i < labels.length - 1 && <wbr />}
    </Fragment>
  ));
}
