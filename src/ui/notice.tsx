/** A message about opening a link (one that could not be opened, or a note), as plain text, dismissible. */
import type { LoadNotice } from '../state/persistence';

export function Notice({ notice, onClose }: { notice: LoadNotice; onClose(): void }) {
  return (
    <div className={`notice${notice.error ? ' error' : ''}`} role={notice.error ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      <button type="button" className="icon-button" onClick={onClose} aria-label="Dismiss message">×</button>
    </div>
  );
}
