/**
 * A NodePool's requirements as rows, as one writes them in YAML: key (Karpenter's well-known labels offered
 * by short name; a short name typed becomes the full key), operator, values (the dataset's values offered;
 * Gt / Lt take one whole number; Exists / DoesNotExist none). Each message shows at its field, at
 * validatePlan's path (nodeGroups[i].requirements[j].key / .operator / .values).
 */
import { memo } from 'react';
import type { DraftRequirement } from '../../../state/draft';
import { useActions } from '../../../state/store-context';
import { fieldId } from '../../common/format';
import { fullKey, isNumericLabel, LABEL_OPTIONS, labelOption, OPERATOR_OPTIONS } from './pool-labels';
import { ValuesInput } from './values-input';
import { useFieldIssue, useIssuesUnder } from '../../common/field-issues';

const KEYS_LIST = 'pool-label-keys';

/** The datalist of label keys, once per page (every row's key box points at it). */
export const LabelKeyList = memo(function LabelKeyList() {
  return (
    <datalist id={KEYS_LIST}>
      {LABEL_OPTIONS.map((o) => (
        <option key={o.key} value={o.key} label={o.notAboutType ? `${o.short} (does not choose types)` : o.short} />
      ))}
    </datalist>
  );
});

interface RowProps {
  index: number;
  row: number;
  req: DraftRequirement;
}

export const RequirementRow = memo(function RequirementRow({ index, row, req }: RowProps) {
  const { setRequirement, removeRequirement } = useActions();
  const path = `nodeGroups[${index}].requirements[${row}]`;
  const keyIssue = useFieldIssue(`${path}.key`);
  const opIssue = useFieldIssue(`${path}.operator`);
  const valuesIssue = useIssuesUnder(`${path}.values`);
  const name = `Requirement ${row + 1}`;
  const id = fieldId(path);
  const option = labelOption(req.key);
  const numeric = req.operator === 'Gt' || req.operator === 'Lt';
  const noValues = req.operator === 'Exists' || req.operator === 'DoesNotExist';
  const msg = (what: string, text: string) => (text ? `${id}-${what}-msg` : undefined);
  return (
    <li className="req-row">
      <div className="req-cells">
        <div className="req-key">
          <input
            id={`${id}-key`}
            type="text"
            value={req.key}
            list={KEYS_LIST}
            placeholder="karpenter.k8s.aws/instance-family"
            spellCheck={false}
            autoComplete="off"
            aria-label={`${name} key`}
            aria-invalid={keyIssue ? true : undefined}
            aria-describedby={msg('key', keyIssue)}
            onChange={(e) => setRequirement(index, row, { key: e.target.value })}
            onBlur={() => {
              const k = fullKey(req.key);
              if (k !== req.key) setRequirement(index, row, { key: k });
            }}
          />
          {option?.unit && <span className="req-short">in {option.unit}</span>}
        </div>
        <select
          className="req-op"
          value={req.operator}
          aria-label={`${name} operator`}
          aria-invalid={opIssue ? true : undefined}
          aria-describedby={msg('operator', opIssue)}
          onChange={(e) => setRequirement(index, row, { operator: e.target.value })}
        >
          {!OPERATOR_OPTIONS.some((o) => o.value === req.operator) && (
            <option value={req.operator}>{req.operator}</option>
          )}
          {OPERATOR_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <div className="req-vals">
          {numeric ? (
            <input
              id={`${id}-values`}
              type="text"
              className="num"
              inputMode="numeric"
              value={req.values[0] ?? ''}
              placeholder={isNumericLabel(req.key) ? 'e.g. 8' : 'a whole number'}
              spellCheck={false}
              autoComplete="off"
              aria-label={`${name} value (a whole number)`}
              aria-invalid={valuesIssue ? true : undefined}
              aria-describedby={msg('values', valuesIssue)}
              onChange={(e) => setRequirement(index, row, { values: e.target.value === '' ? [] : [e.target.value] })}
            />
          ) : noValues && req.values.length === 0 ? (
            <span className="muted req-none">
              {req.operator === 'Exists' ? 'types with this label, any value' : 'types without this label'}
            </span>
          ) : (
            <ValuesInput
              name={name}
              labelKey={req.key}
              values={req.values}
              onChange={(values) => setRequirement(index, row, { values })}
              inputId={`${id}-values`}
              describedBy={msg('values', valuesIssue)}
              invalid={Boolean(valuesIssue)}
            />
          )}
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={() => removeRequirement(index, row)}
          aria-label={`Remove requirement ${row + 1}`}
          title="Remove this requirement"
        >
          ×
        </button>
      </div>
      {keyIssue && (
        <p id={`${id}-key-msg`} className="field-error">
          {keyIssue}
        </p>
      )}
      {opIssue && (
        <p id={`${id}-operator-msg`} className="field-error">
          {opIssue}
        </p>
      )}
      {valuesIssue && (
        <p id={`${id}-values-msg`} className="field-error">
          {valuesIssue}
        </p>
      )}
      {option?.notAboutType && (
        <p className="hint">Karpenter uses it to place nodes; it does not change which types are candidates here.</p>
      )}
    </li>
  );
});
