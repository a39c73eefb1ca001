/**
 * The words of the plan library (src/state/library.ts returns facts: LibraryProblem, LibraryNote): the
 * status line and the notices of Saved plans, the rename field's error, and a saved plan that fails to open.
 * Plan names are user text: these sentences are rendered as text, never as markup.
 */
import {
  type LibraryAction,
  type LibraryNote,
  type LibraryProblem,
  type SetAsideReason,
  type SetAsideWhat,
  type StorageProblem,
} from '../../state/library';
import { issueText } from '../../state/library-storage';
import { fmt } from '../../model/format';

const quote = (name: string) => `"${name}"`;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const ACTION: Record<LibraryAction, string> = {
  list: 'read the saved plans',
  save: 'save the plan',
  keep: 'keep the plan in Saved plans',
  open: 'open the plan',
  rename: 'rename the plan',
  duplicate: 'duplicate the plan',
  delete: 'delete the plan',
  restore: 'restore the plan',
};

/** Why storage refused, in words a user can act on (a clause: no capital, no full stop). */
export function storageProblemText(p: StorageProblem): string {
  switch (p.kind) {
    case 'full':
      return 'local storage is full; delete saved plans you no longer need, or export this one to a file';
    case 'blocked':
      return 'this browser does not allow local storage here (private browsing, or site data is blocked)';
    case 'failed':
      return `local storage failed (${p.detail})`;
  }
}

function whatText(w: SetAsideWhat): string {
  switch (w.kind) {
    case 'plan':
      return `The saved plan ${quote(w.name)}`;
    case 'undo-copy':
      return 'The copy kept to undo a delete';
    case 'list':
      return 'The list of saved plans';
    case 'unlisted':
      return 'Saved data that is not on the list';
  }
}

const issuesText = (issues: { path: string; message: string }[]) => issues.map(issueText).join('; ');

/** The predicate after whatText ("is not valid JSON"); the size unit follows what was set aside. */
function reasonText(w: SetAsideWhat, r: SetAsideReason): string {
  switch (r.kind) {
    case 'not-valid-plan':
      return `is not a valid plan (${issuesText(r.issues)})`;
    case 'too-large':
      if (w.kind === 'list') return `is too large (${fmt(r.chars)} characters)`;
      return w.kind === 'plan' ? `is too large (${Math.round(r.chars / 1024)} KB)` : 'is too large';
    case 'not-json':
      return 'is not valid JSON';
    case 'newer-version':
      return `was written by a newer planner (version ${r.version})`;
    case 'not-a-list':
      return 'is not a list of saved plans this planner wrote';
    case 'list-problems': {
      const parts = [
        ...(r.damaged ? [`${r.damaged} damaged ${plural(r.damaged, 'entry', 'entries')}`] : []),
        ...r.missing.map((name) => `no data for ${quote(name)}`),
      ];
      return `had problems (${parts.join('; ')})`;
    }
    case 'damaged':
      return 'is damaged';
    case 'unreadable':
      return 'is not a plan this planner can read';
  }
}

/** The sentence for something the library set aside or repaired (listed under "Some saved data could not be used"). */
export function libraryNoteText(n: LibraryNote): string {
  switch (n.kind) {
    case 'set-aside':
      return `${whatText(n.what)} ${reasonText(n.what, n.reason)}; it was set aside in local storage under "${n.key}", not deleted.`;
    case 'not-set-aside':
      return `${whatText(n.what)} ${reasonText(n.what, n.reason)}. It could not be set aside (${storageProblemText(n.storage)}), so it stays under "${n.key}" and is not used.`;
    case 'set-aside-pruned':
      return `The oldest set-aside data (${n.count} ${plural(n.count, 'item', 'items')}) was removed: at most ${n.max} are kept.`;
    case 'relisted':
      return `${n.count} saved ${plural(n.count, 'plan was', 'plans were')} missing from the list and ${plural(n.count, 'is', 'are')} listed again.`;
    case 'repair-not-stored':
      return `The repaired list of saved plans could not be stored: ${storageProblemText(n.storage)}.`;
    case 'delete-not-undoable':
      return `${quote(n.name)} was deleted, but it cannot be undone: ${storageProblemText(n.storage)}.`;
  }
}

/**
 * The sentence for why a library call did not do what it was asked.
 * @example libraryProblemText({ kind: 'library-full', max: 200 }) === 'The library holds at most 200 plans; delete some first.'
 */
export function libraryProblemText(p: LibraryProblem): string {
  switch (p.kind) {
    case 'name-empty':
      return 'Give the plan a name.';
    case 'name-too-long':
      return `A name is at most ${p.max} characters; this one has ${p.length}.`;
    case 'plan-too-large':
      return `The plan is too large to save (${p.kb} KB; at most ${p.maxKb} KB).`;
    case 'library-full':
      return `The library holds at most ${p.max} plans; delete some first.`;
    case 'plan-missing':
      return 'That saved plan is no longer in the library (was it deleted in another tab?).';
    case 'editing-missing':
      return 'The saved plan you are editing is no longer in the library (deleted in another tab?); use Save as to keep it.';
    case 'plan-not-valid':
      return `${quote(p.name)} could not be opened: ${issuesText(p.issues)}. It was set aside and taken off the list.`;
    case 'nothing-to-restore':
      return 'There is no deleted plan to restore.';
    case 'undo-copy-damaged':
      return 'The deleted plan cannot be restored: its copy is damaged.';
    case 'undo-replaced':
      return 'Only the last deleted plan can be restored; this one was replaced by a later delete.';
    case 'storage':
      return `Could not ${ACTION[p.action]}: ${storageProblemText(p.problem)}.`;
  }
}

/** What worked, for the panel's status line (names in curly quotes, like the page's other notices). */
export type LibraryDone =
  | { kind: 'saved' | 'opened' | 'deleted' | 'restored'; name: string }
  | { kind: 'renamed'; from: string; to: string }
  | { kind: 'duplicated'; from: string; copy: string };

const curly = (name: string) => `“${name}”`;

export function libraryDoneText(d: LibraryDone): string {
  switch (d.kind) {
    case 'saved':
      return `Saved ${curly(d.name)}.`;
    case 'opened':
      return `Opened ${curly(d.name)}.`;
    case 'deleted':
      return `Deleted ${curly(d.name)}.`;
    case 'restored':
      return `Restored ${curly(d.name)}.`;
    case 'renamed':
      return `Renamed ${curly(d.from)} to ${curly(d.to)}.`;
    case 'duplicated':
      return `Duplicated ${curly(d.from)} as ${curly(d.copy)}.`;
  }
}

/** The app's notice when a saved plan opens. */
export const openedNoticeText = (name: string) => `Opened the saved plan ${curly(name)}.`;
