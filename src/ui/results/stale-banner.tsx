/** Shown while the draft is invalid: what to fix, with a way to each field; the results below are the last valid ones. */
import type { ValidationIssue } from '../../model/plan-schema';
import { fieldMessage } from '../../state/derive';
import { fieldId } from '../format';

const SHOW = 6;

function focusField(path: string) {
  const id = fieldId(path);
  const el = document.getElementById(id) ?? document.getElementById(`${id}-msg`);
  el?.scrollIntoView({ block: 'center' });
  if (el instanceof HTMLElement && el.matches('input, select, button')) el.focus();
}

export function StaleBanner({ issues, hasResult }: { issues: readonly ValidationIssue[]; hasResult: boolean }) {
  return (
    <section className="panel stale-banner" role="status" aria-labelledby="stale-title">
      <h2 id="stale-title">
        {issues.length === 1 ? '1 field needs fixing' : `${issues.length} fields need fixing`}
        {hasResult ? ': the results below are from the last valid plan' : ''}
      </h2>
      <ul>
        {issues.slice(0, SHOW).map((i, k) => (
          <li key={k}>
            <code>{i.path || 'plan'}</code> {fieldMessage(i)}{' '}
            {i.path && <button type="button" className="link" onClick={() => focusField(i.path)}>Go to field</button>}
          </li>
        ))}
      </ul>
      {issues.length > SHOW && <p className="muted">and {issues.length - SHOW} more</p>}
    </section>
  );
}
