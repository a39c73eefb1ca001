/**
 * The words beside a field: the draft's validation issues at its path (relabeled with the page's names)
 * and the model's findings there. The store keeps the issues as facts (derive.ts issuesByPath).
 */
import type { ValidationIssue } from '../../model/plan-schema';
import { usePlan, usePlanContext } from '../../state/store-context';
import { activeDraft } from '../../state/workspace-state';

/** The error message for one field path ('' when none); re-renders only when that message changes. */
export function useFieldIssue(path: string): string {
  const { derive } = usePlanContext();
  return usePlan((s) => derive(activeDraft(s)).issuesByPath.get(path)?.map(fieldMessage).join(' ') ?? '');
}

/** Non-blocking findings (AWS advice) the model reports at exactly this path, while the draft is valid. */
export function useFieldWarning(path: string): string {
  const { derive } = usePlanContext();
  return usePlan((s) => {
    const v = derive(activeDraft(s));
    if (v.stale || !v.shown) return '';
    return v.shown.evaluation.warnings
      .filter((w) => w.path === path && w.severity === 'warning')
      .map((w) => `${w.message}. ${w.fix}`)
      .join(' ');
  });
}

/**
 * Messages at `path` and below it ("nodeGroups[0].subnets" and "nodeGroups[0].subnets[1]"), except those
 * whose remainder matches `skip`; re-renders only when the text changes.
 */
export function useIssuesUnder(path: string, skip?: RegExp): string {
  const { derive } = usePlanContext();
  return usePlan((s) => {
    const out: string[] = [];
    for (const [p, msgs] of derive(activeDraft(s)).issuesByPath) {
      if (p !== path && !p.startsWith(`${path}[`) && !p.startsWith(`${path}.`)) continue;
      if (skip && skip.test(p.slice(path.length))) continue;
      out.push(...msgs.map(fieldMessage));
    }
    return out.join(' ');
  });
}

/** The node group a plan path is in ("nodeGroups[3].podSubnets" → 3), or null. */
export function groupIndexOf(path: string): number | null {
  const m = /^nodeGroups\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : null;
}

/** How many node groups have a problem in them (a cluster-wide switch can give all forty one at once). */
export function useGroupsWithIssues(): number {
  const { derive } = usePlanContext();
  return usePlan((s) => {
    const groups = new Set<number>();
    for (const p of derive(activeDraft(s)).issuesByPath.keys()) {
      const g = groupIndexOf(p);
      if (g !== null) groups.add(g);
    }
    return groups.size;
  });
}

/** The plan's field names as the page labels them. */
const LABELS: Record<string, string> = {
  minNodes: 'minimum nodes',
  desiredNodes: 'desired nodes',
  maxNodes: 'maximum nodes',
  podsPerNode: 'pods per node',
  maxPods: 'max pods',
  reservedIps: 'reserved IPs',
  instanceType: 'instance type',
  podSubnets: 'pod subnets',
};
const LABEL_RE = new RegExp(`\\b(${Object.keys(LABELS).join('|')})\\b`, 'g');

/**
 * The message as shown beside its field: the field path the model puts first is redundant there.
 * @example fieldMessage({ path: 'nodeGroups[0].minNodes', message: 'minNodes (5) is above desiredNodes (3); make min ≤ desired ≤ max' })
 *   === 'Minimum nodes (5) is above desired nodes (3); make min ≤ desired ≤ max'
 */
export function fieldMessage(issue: ValidationIssue): string {
  let m = issue.message;
  if (issue.path && m.startsWith(issue.path)) {
    m = m
      .slice(issue.path.length)
      .replace(/^\s*\([A-Z_]+\)/, '')
      .trim();
    if (/^is missing/.test(m)) return 'Enter a whole number';
  }
  m = m.replace(LABEL_RE, (k) => LABELS[k]!);
  return m.charAt(0).toUpperCase() + m.slice(1);
}
