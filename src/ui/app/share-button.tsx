/** "Copy share link": the page address with the workspace (every scenario) in its fragment, to the clipboard, and says so. */
import { useRef, useState } from 'react';
import { documentLink } from '../../model/share-link';
import { usePlanContext } from '../../state/store-context';
import { workspaceOfDrafts } from '../../state/workspace-state';
import { copyText } from '../common/clipboard';

export function ShareButton() {
  const { store, derive } = usePlanContext();
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState('');
  const timer = useRef<number>(undefined);
  const onClick = async () => {
    const { workspace, stale, missing } = workspaceOfDrafts(store.getState(), derive);
    if (!workspace) return setStatus('Fix the marked fields first: there is no valid plan to share yet.');
    const link = documentLink(workspace, location.href);
    const ok = await copyText(link);
    setManual(ok ? '' : link);
    setStatus(
      ok
        ? copiedText(workspace.scenarios.length, stale, missing)
        : 'Could not reach the clipboard: copy the link below.',
    );
    window.clearTimeout(timer.current);
    if (ok) timer.current = window.setTimeout(() => setStatus(''), 6000);
  };
  return (
    <div className="share">
      <button type="button" className="primary" onClick={onClick}>
        Copy share link
      </button>
      <p className="share-status" role="status" aria-live="polite">
        {status}
      </p>
      {manual && (
        <input
          className="share-manual"
          readOnly
          value={manual}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- shown only when copying failed: focus (and select) the link to copy by hand
          autoFocus
        />
      )}
    </div>
  );
}

function copiedText(scenarios: number, stale: string[], missing: string[]): string {
  const left = missing.length
    ? ` ${quoted(missing)} ${missing.length === 1 ? 'has' : 'have'} no valid plan yet and ${missing.length === 1 ? 'is' : 'are'} not in it.`
    : '';
  if (scenarios === 1 && !missing.length) {
    return stale.length
      ? 'Share link copied, with the last valid plan (your unfinished edits are not in it).'
      : 'Share link copied to the clipboard.';
  }
  const edits = stale.length ? ` Unfinished edits in ${quoted(stale)} are not in it (the last valid plan is).` : '';
  return `Share link copied, with ${scenarios === 1 ? 'one scenario' : `all ${scenarios} scenarios`}.${edits}${left}`;
}

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');
