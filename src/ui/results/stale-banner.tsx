/** Shown while the draft is invalid: what to fix, with a way to each field; the results below are the last valid ones. */
import type { ValidationIssue } from '../../model/plan-schema';
import { fieldMessage, groupIndexOf } from '../common/field-issues';
import { selectGroups, selectSubnets } from '../../state/selectors';
import { usePlan } from '../../state/store-context';
import { groupRepeated, listIndex, listNoun, pathPattern } from '../editor/group-issues';
import { fieldId, plural } from '../common/format';
import { requestOpenGroup } from '../editor/open-group';

const SHOW = 6;

/**
 * Scrolls to the field of `path` and puts the focus in it: its input, else the first invalid control of
 * the fieldset or field its message sits in (the pod-subnet selects of a group), else the first control.
 * A field in a folded node group card is reached once the card has unfolded.
 */
export function focusField(path: string, unfolded = false) {
  const id = fieldId(path);
  const el = document.getElementById(id) ?? document.getElementById(`${id}-msg`);
  if (!el) {
    // In a folded node group card: unfold it, then look again once it has rendered.
    const group = groupIndexOf(path);
    if (group !== null && !unfolded) {
      requestOpenGroup(group);
      requestAnimationFrame(() => focusField(path, true));
    }
    return;
  }
  const control = el.matches('input, select, textarea, button')
    ? el
    : (() => {
        const box = el.closest('fieldset, .field') ?? el;
        return (
          box.querySelector<HTMLElement>('[aria-invalid="true"]') ??
          box.querySelector<HTMLElement>('input, select, textarea, button')
        );
      })();
  (control ?? el).scrollIntoView({ block: 'center' });
  if (control instanceof HTMLElement) control.focus({ preventScroll: true });
}

export function StaleBanner({ issues, hasResult }: { issues: readonly ValidationIssue[]; hasResult: boolean }) {
  const groups = usePlan(selectGroups);
  const subnets = usePlan(selectSubnets);
  // The same message at the same field of many node groups (one cluster-wide switch) is one line.
  const lines = groupRepeated(issues, (i) => `${pathPattern(i.path)}\u0000${fieldMessage(i)}`);
  const nameOf = (path: string) => {
    const k = listIndex(path);
    const item =
      k === null
        ? undefined
        : /^nodeGroups\[/.test(path)
          ? groups[k]
          : /^vpc\.subnets\[/.test(path)
            ? subnets[k]
            : undefined;
    return item?.name || (k === null ? path : `${k + 1}`);
  };
  const fields = issues.length === 1 ? '1 field needs fixing' : `${issues.length} fields need fixing`;
  return (
    <section className="panel stale-banner" role="status" aria-labelledby="stale-title">
      <h2 id="stale-title">
        {lines.length < issues.length
          ? `${plural(lines.length, 'problem')} in ${issues.length} fields need${lines.length === 1 ? 's' : ''} fixing`
          : fields}
        {hasResult ? ': the results below are from the last valid plan' : ''}
      </h2>
      <ul>
        {lines.slice(0, SHOW).map((line, k) => {
          const i = line[0]!;
          if (line.length === 1) {
            return (
              <li key={k}>
                <code>{i.path || 'plan'}</code> {fieldMessage(i)}{' '}
                {i.path && (
                  <button type="button" className="link" onClick={() => focusField(i.path)}>
                    Go to field
                  </button>
                )}
              </li>
            );
          }
          return (
            <li key={k} className="repeated">
              <code>{pathPattern(i.path)}</code> <strong>{listNoun(i.path, line.length)}:</strong> {fieldMessage(i)}
              <details>
                <summary>Which {line.length}</summary>
                <ul>
                  {line.map((x) => (
                    <li key={x.path}>
                      {nameOf(x.path)}{' '}
                      <button type="button" className="link" onClick={() => focusField(x.path)}>
                        Go to field
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
      {lines.length > SHOW && <p className="muted">and {lines.length - SHOW} more</p>}
    </section>
  );
}
