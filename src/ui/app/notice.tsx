/**
 * A message about opening a link or about this tab's autosave (worded by load-notice.ts), dismissible, with the
 * buttons it offers: open the saved plan it is about, or keep this tab's plan / load the other tab's.
 */
import type { LoadNotice } from '../../state/persistence';
import { loadNoticeText } from './load-notice';

export interface NoticeActions {
  onClose(): void;
  /** Opens the saved plan `notice.open`. */
  onOpenSaved?(): void;
  onKeepMine?(): void;
  onLoadTheirs?(): void;
}

export function Notice({
  notice,
  onClose,
  onOpenSaved,
  onKeepMine,
  onLoadTheirs,
}: { notice: LoadNotice } & NoticeActions) {
  return (
    <div className={`notice${notice.error ? ' error' : ''}`} role={notice.error ? 'alert' : 'status'}>
      <div className="notice-body">
        <p>
          {loadNoticeText(notice.fact)}
          {notice.keepsLink &&
            ' The link stays in the address bar, to report or repair it, until you edit the plan or dismiss this message.'}
        </p>
        {(notice.open || notice.conflict) && (
          <p className="notice-actions">
            {notice.open && onOpenSaved && (
              <button type="button" className="small" onClick={onOpenSaved}>
                Open “{notice.open.name}”
              </button>
            )}
            {notice.conflict && onKeepMine && (
              <button
                type="button"
                className="small"
                onClick={onKeepMine}
                title="Autosave this tab's plan; the other tab's is kept in Saved plans"
              >
                Keep mine
              </button>
            )}
            {notice.conflict && onLoadTheirs && (
              <button
                type="button"
                className="small"
                onClick={onLoadTheirs}
                title="Open the other tab's plan here; Undo brings this tab's back"
              >
                Load theirs
              </button>
            )}
          </p>
        )}
      </div>
      <button type="button" className="icon-button" onClick={onClose} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
