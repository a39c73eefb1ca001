/** "Copy share link": the page address with the plan in its fragment, to the clipboard, and says so. */
import { useRef, useState } from 'react';
import { shareLink } from '../state/persistence';
import { usePlanContext } from '../state/store-context';
import { copyText } from './clipboard';


export function ShareButton() {
  const { store, derive } = usePlanContext();
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState('');
  const timer = useRef<number>(undefined);
  const onClick = async () => {
    const view = derive(store.getState().draft);
    if (!view.shown) return setStatus('Fix the marked fields first: there is no valid plan to share yet.');
    const link = shareLink(view.shown.plan, location.href);
    const ok = await copyText(link);
    setManual(ok ? '' : link);
    setStatus(ok
      ? view.stale ? 'Share link copied, with the last valid plan (your unfinished edits are not in it).' : 'Share link copied to the clipboard.'
      : 'Could not reach the clipboard: copy the link below.');
    window.clearTimeout(timer.current);
    if (ok) timer.current = window.setTimeout(() => setStatus(''), 6000);
  };
  return (
    <div className="share">
      <button type="button" className="primary" onClick={onClick}>Copy share link</button>
      <p className="share-status" role="status" aria-live="polite">{status}</p>
      {manual && <input className="share-manual" readOnly value={manual} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} autoFocus />}
    </div>
  );
}
