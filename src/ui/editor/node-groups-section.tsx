/** The node groups: add, duplicate, remove, and edit each. */
import { useCallback, useMemo, useState } from 'react';
import { useGroupsWithIssues } from '../common/field-issues';
import { useActions, usePlan, usePlanContext } from '../../state/store-context';
import { activeDraft } from '../../state/workspace-state';
import type { PlanState } from '../../state/plan-store';
import { selectGroups } from '../../state/selectors';
import { NodeGroupEditor } from './node-group-editor';
import { useOpenGroupRequests } from './open-group';
import { parseSubnetRefs, subnetRefsKey } from './subnet-ref';

const selectSubnetRefsKey = (s: PlanState) => subnetRefsKey(activeDraft(s).subnets);

export function NodeGroupsSection() {
  const groups = usePlan(selectGroups);
  // The cards see subnet names and AZs, not CIDRs: typing a subnet CIDR re-renders neither this panel nor
  // a card. (CNI settings reach only the few leaves that show max pods, through usePodCni.)
  const refsKey = usePlan(selectSubnetRefsKey);
  const refs = useMemo(() => parseSubnetRefs(refsKey), [refsKey]);
  const { addGroup } = useActions();
  const [expanded, toggle, unfold] = useExpanded(groups.map((g) => g.key));
  // A card opens on its own problems while a few cards have them. When a cluster-wide switch gives many
  // their problem at once (custom networking without pod subnets: all forty), the cards stay folded with
  // their badge, the banner above the results says it once, and its "Go to field" unfolds the card.
  const openOnIssues = useGroupsWithIssues() <= UNFOLD_UP_TO;
  const { store } = usePlanContext();
  useOpenGroupRequests(
    useCallback(
      (index: number) => {
        const key = activeDraft(store.getState()).nodeGroups[index]?.key;
        if (key) unfold(key);
      },
      [store, unfold],
    ),
  );

  return (
    <section className="panel groups-panel" aria-labelledby="groups-heading">
      <h2 id="groups-heading">
        Node groups <span className="count">{groups.length}</span>
      </h2>
      <div className="group-list">
        {groups.map((g, i) => (
          <NodeGroupEditor
            key={g.key}
            index={i}
            group={g}
            subnets={refs}
            expanded={expanded.has(g.key)}
            openOnIssues={openOnIssues}
            onToggle={toggle}
          />
        ))}
      </div>
      <div className="row-actions">
        <button type="button" onClick={addGroup}>
          Add node group
        </button>
      </div>
    </section>
  );
}

/**
 * With many groups only the first card starts unfolded; cards the user folds stay folded. Also the most
 * cards that open on their own problems.
 */
const UNFOLD_UP_TO = 6;

function useExpanded(keys: string[]): [ReadonlySet<string>, (key: string) => void, (key: string) => void] {
  const initialFold = (ks: string[]) => (ks.length > UNFOLD_UP_TO ? ks.slice(1) : []);
  const [folded, setFolded] = useState(() => new Set(initialFold(keys)));
  // The keys seen so far, kept as state and adjusted during render (React's pattern for state that follows
  // props): a whole new plan (a preset, a pasted link) folds as at the start; an added card stays unfolded.
  const [seen, setSeen] = useState(() => new Set(keys));
  const fresh = keys.filter((k) => !seen.has(k));
  if (fresh.length) {
    setSeen(new Set([...seen, ...fresh]));
    if (fresh.length === keys.length) setFolded(new Set(initialFold(keys)));
  }
  const toggle = useCallback(
    (key: string) =>
      setFolded((prev) => {
        const next = new Set(prev);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const unfold = useCallback(
    (key: string) =>
      setFolded((prev) => {
        if (!prev.has(key)) return prev;
        const next = new Set(prev);
        next.delete(key);
        return next;
      }),
    [],
  );
  const expanded = new Set(keys.filter((k) => !folded.has(k)));
  return [expanded, toggle, unfold];
}
