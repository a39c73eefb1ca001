/** The VPC CNI settings under their environment variable names, with what each does. */
import { memo } from 'react';
import { useActions, usePlan } from '../../state/store-context';
import { selectCni } from '../../state/selectors';
import type { Draft, DraftCni } from '../../state/draft';
import type { PlanState } from '../../state/plan-store';
import { azsWithoutPodSubnets, podSubnetCarve } from '../../state/pod-subnets';
import { activeDraft } from '../../state/workspace-state';
import { Field } from '../common/field';
import { fieldId } from '../common/format';
import { CNI_SETTING_ROWS, type FlagSetting, type TextSetting } from './cni-settings';
import { useFieldIssue } from '../common/field-issues';

export function CniSection() {
  const cni = usePlan(selectCni);
  return (
    <section className="panel" aria-labelledby="cni-heading">
      <h2 id="cni-heading">VPC CNI settings</h2>
      <p className="hint">
        The aws-node environment, cluster-wide. Together they decide how many addresses each node holds beyond its pods:
        the warm pool.
      </p>
      <div className="cni-list">
        {CNI_SETTING_ROWS.map((s) =>
          s.kind === 'text' ? <CniText key={s.field} s={s} cni={cni} /> : <CniFlagRow key={s.field} s={s} cni={cni} />,
        )}
      </div>
    </section>
  );
}

// Each row gets the settings as plain values (its own, and its note, which may depend on the others), so a
// keystroke in one setting re-renders that row, not all eleven: React resets an input's name and type
// attributes on every render of it.
function CniText({ s, cni }: { s: TextSetting; cni: DraftCni }) {
  return <CniTextRow s={s} value={cni[s.field]} note={s.note(cni)} />;
}

const CniTextRow = memo(function CniTextRow({
  s,
  value,
  note,
}: {
  s: TextSetting;
  value: string;
  note: string | null;
}) {
  const { setCniText } = useActions();
  return (
    <Field
      className="cni-setting"
      label={<code>{s.env}</code>}
      aside={<span className="default">{s.defaultText}</span>}
      path={`cni.${s.field}`}
      value={value}
      onChange={(v) => setCniText(s.field, v)}
      placeholder={s.placeholder}
      numeric
      hint={
        <>
          {s.explain}
          {note && <strong className="note"> {note}</strong>}
        </>
      }
    />
  );
});

function CniFlagRow({ s, cni }: { s: FlagSetting; cni: DraftCni }) {
  return <CniFlag s={s} checked={cni[s.field]} note={s.note(cni)} />;
}

const CniFlag = memo(function CniFlag({ s, checked, note }: { s: FlagSetting; checked: boolean; note: string | null }) {
  const { setCniFlag } = useActions();
  const id = fieldId(`cni.${s.field}`);
  const error = useFieldIssue(`cni.${s.field}`);
  return (
    <div className="field cni-setting flag">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => setCniFlag(s.field, e.target.checked)}
          aria-describedby={`${id}-hint`}
        />
        <label htmlFor={id}>{s.label}</label>
        <code className="env">{s.env}</code>
        <span className="default">{s.defaultText}</span>
      </div>
      <p id={`${id}-hint`} className="hint">
        {s.explain}
        {note && <strong className="note"> {note}</strong>}
      </p>
      {s.field === 'customNetworking' && checked && <PodSubnetOffer />}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
});

/** What the offer under "Custom networking" says, as one string (the row re-renders only when it changes). */
const offers = new WeakMap<Draft, string>();
const selectOffer = (s: PlanState): string => {
  const d = activeDraft(s);
  if (!d.cni.customNetworking) return '';
  let hit = offers.get(d);
  if (hit === undefined) {
    const azs = azsWithoutPodSubnets(d);
    const carve = azs.length ? podSubnetCarve(d) : null;
    const sizes = [...new Set(carve?.subnets.map((x) => x.cidr.slice(x.cidr.indexOf('/'))))].join(', ');
    hit = JSON.stringify([azs, carve && [carve.cidr, carve.addsCidr, carve.subnets.map((x) => x.name), sizes]]);
    offers.set(d, hit);
  }
  return hit;
};

/**
 * Under a ticked "Custom networking", when some AZ of a node group has no subnet to put pods in: one button
 * that carves a pod subnet per such AZ from a 100.64.0.0/10 CIDR (adding the CIDR when the VPC has none with
 * room) and gives them to the groups.
 */
function PodSubnetOffer() {
  const { carvePodSubnets } = useActions();
  const text = usePlan(selectOffer);
  if (!text) return null;
  const [azs, carve] = JSON.parse(text) as [string[], [string, boolean, string[], string] | null];
  if (azs.length === 0) return null;
  const [cidr, adds, names, sizes] = carve ?? ['', false, [], ''];
  return (
    <div className="pod-offer" role="group" aria-label="Pod subnets for custom networking">
      <p className="hint">
        No subnet to put pods in yet in {azs.join(', ')}.
        {carve
          ? ` ${adds ? `Adds ${cidr} to the VPC and carves` : 'Carves'} ${names.join(', ')} (${sizes}) from it, one per AZ, ` +
            'for the node groups of each AZ.'
          : ' Add a secondary CIDR from 100.64.0.0/10 and a subnet per AZ in it (the VPC has no room for one here).'}
      </p>
      {carve && (
        <button type="button" className="small" onClick={carvePodSubnets}>
          Carve pod subnets from {cidr}
        </button>
      )}
    </div>
  );
}
