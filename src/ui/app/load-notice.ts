/** The words of a notice about opening a link or about this tab's autosave (the store's LoadFact). */
import { linkFailureText, type LinkFailure } from '../../model/share-link';
import { issueText } from '../../state/library-storage';
import type { LoadFact } from '../../state/persistence';
import { libraryProblemText } from '../library/library-text';

const quoted = (name: string) => `“${name}”`;

/** Why a link did not open, as the notice says it: an invalid plan's first three issues, and how many more. */
function linkReason(f: LinkFailure): string {
  if (f.kind !== 'invalid-plan') return linkFailureText(f);
  const more = f.issues.length > 3 ? ` (and ${f.issues.length - 3} more)` : '';
  return `its plan is not valid: ${f.issues.slice(0, 3).map(issueText).join('; ')}${more}`;
}

/**
 * The sentence a notice shows.
 * @example loadNoticeText({ kind: 'pasted-link-failed', failure: { kind: 'no-scenarios' } })
 *   === 'The share link could not be opened: the share link is damaged (no scenarios in it). Your plan is unchanged.'
 */
export function loadNoticeText(fact: LoadFact): string {
  switch (fact.kind) {
    case 'link-failed':
      return `The share link could not be opened: ${linkReason(fact.failure)}. ${fact.instead === 'saved' ? 'Your last saved plan is shown instead' : 'A blank plan is shown instead'}.`;
    case 'pasted-link-failed':
      return `The share link could not be opened: ${linkReason(fact.failure)}. Your plan is unchanged.`;
    case 'link-opened-kept':
      return `Opened the link. What was here before (${quoted(fact.was)}) is kept in Saved plans as ${quoted(fact.keptAs)}; Undo also brings it back.`;
    case 'link-opened-unkept':
      return (
        `Opened the link over ${quoted(fact.was)}, which could not be kept in Saved plans${fact.problem === null ? '' : ` (${libraryProblemText(fact.problem)})`}: ` +
        'Undo brings it back while this tab is open.'
      );
    case 'other-tab-changed':
      return (
        `This plan was changed in another tab: the autosave now holds ${quoted(fact.other)} from there. This tab stops ` +
        'autosaving until you choose, so neither tab overwrites the other; its plan stays in the address bar ' +
        '(and goes to Saved plans if you close the tab first).'
      );
    case 'other-tab-unkept':
      return `The other tab's plan could not be kept in Saved plans (${libraryProblemText(fact.problem)}), so this tab did not take the autosave from it.`;
    case 'autosave-taken-back':
      return `This tab's plan is the autosave again. The other tab's (${quoted(fact.other)}) is kept in Saved plans as ${quoted(fact.keptAs)}.`;
    case 'saved-plan-failed':
      return libraryProblemText(fact.problem);
  }
}
