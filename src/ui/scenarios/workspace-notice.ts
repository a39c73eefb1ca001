/** The scenario bar's words for what the last workspace action did (the store's WorkspaceNotice). */
import type { OpenOrigin, WorkspaceNotice } from '../../state/workspace-actions';

const quoted = (name: string) => `“${name}”`;

function opened(origin: OpenOrigin, names: readonly string[]): string {
  const n = names.length;
  switch (origin.from) {
    case 'import':
      return `Opened ${origin.source}. Undo brings back what was here.`;
    case 'saved':
      return `Opened the saved plan ${quoted(origin.name)}. Undo brings back what was here.`;
    case 'other-tab':
      return "Opened the plan of the other tab. Undo brings back this tab's plan.";
    case 'pasted-link':
      return `Opened the pasted link (${n === 1 ? 'one plan' : `${n} scenarios`}). Undo brings back what was here.`;
    case 'quiet':
      return '';
    case 'plain':
      return `Opened ${n === 1 ? quoted(names[0]!) : `${n} scenarios`}. Undo brings back what was here.`;
  }
}

/**
 * The sentence shown for a notice ('' for none).
 * @example workspaceNoticeText({ kind: 'deleted', name: 'B' }) === 'Deleted the scenario “B”. Undo brings it back.'
 */
export function workspaceNoticeText(notice: WorkspaceNotice | null): string {
  if (!notice) return '';
  switch (notice.kind) {
    case 'full':
      return `At most ${notice.max} scenarios: delete one first.`;
    case 'forked':
      return `Forked ${quoted(notice.from)} into ${quoted(notice.to)}: edit it on its own, then compare.`;
    case 'added':
      return `Added the scenario ${quoted(notice.name)} and switched to it.`;
    case 'deleted':
      return `Deleted the scenario ${quoted(notice.name)}. Undo brings it back.`;
    case 'opened':
      return opened(notice.origin, notice.names);
  }
}
