/** The VPC CNI settings under their environment variable names, with what each does. */
import { useActions, useFieldIssue, usePlan } from '../../state/store-context';
import { selectCni } from '../../state/selectors';
import type { DraftCni } from '../../state/draft';
import { Field } from '../field';
import { fieldId } from '../format';
import { CNI_SETTING_ROWS, type FlagSetting, type TextSetting } from './cni-settings';

export function CniSection() {
  const cni = usePlan(selectCni);
  return (
    <section className="panel" aria-labelledby="cni-heading">
      <h2 id="cni-heading">VPC CNI settings</h2>
      <p className="hint">The aws-node environment, cluster-wide. Together they decide how many addresses each node holds beyond its pods: the warm pool.</p>
      <div className="cni-list">
        {CNI_SETTING_ROWS.map((s) => (s.kind === 'text' ? <CniText key={s.field} s={s} cni={cni} /> : <CniFlagRow key={s.field} s={s} cni={cni} />))}
      </div>
    </section>
  );
}

function CniText({ s, cni }: { s: TextSetting; cni: DraftCni }) {
  const { setCniText } = useActions();
  const note = s.note(cni);
  return (
    <Field
      className="cni-setting"
      label={<code>{s.env}</code>}
      aside={<span className="default">{s.defaultText}</span>}
      path={`cni.${s.field}`}
      value={cni[s.field]}
      onChange={(v) => setCniText(s.field, v)}
      placeholder={s.placeholder}
      numeric
      hint={<>{s.explain}{note && <strong className="note"> {note}</strong>}</>}
    />
  );
}

function CniFlagRow({ s, cni }: { s: FlagSetting; cni: DraftCni }) {
  const { setCniFlag } = useActions();
  const id = fieldId(`cni.${s.field}`);
  const error = useFieldIssue(`cni.${s.field}`);
  const note = s.note(cni);
  return (
    <div className="field cni-setting flag">
      <div className="check">
        <input id={id} type="checkbox" checked={cni[s.field]} onChange={(e) => setCniFlag(s.field, e.target.checked)} aria-describedby={`${id}-hint`} />
        <label htmlFor={id}>{s.label}</label>
        <code className="env">{s.env}</code>
        <span className="default">{s.defaultText}</span>
      </div>
      <p id={`${id}-hint`} className="hint">{s.explain}{note && <strong className="note"> {note}</strong>}</p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
