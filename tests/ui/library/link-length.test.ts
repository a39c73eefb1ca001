/** "A plan with 10 node groups and 12 subnets gives a link under 1,500 characters" (scripts/link-lengths.ts). */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { validatePlan } from '../../../src/model/validate-plan';
import { decodeLink, documentLink } from '../../../src/model/share-link';
import { restoreDocument, workspaceOf } from '../../../src/model/workspace';
import { LINK_BASE, LINK_BOUND, linkLengths, tenGroupPlan } from '../../../scripts/link-lengths';

describe('share-link length', () => {
  const plan = tenGroupPlan();

  it('the benchmark plan is a valid plan of 10 node groups over 12 subnets', () => {
    const v = validatePlan(plan, dataset);
    expect(v.ok ? [] : v.issues).toEqual([]);
    expect(plan.nodeGroups).toHaveLength(10);
    expect(plan.vpc.subnets).toHaveLength(12);
  });

  it(`its whole link is under ${LINK_BOUND} characters, and opens back to the same plan`, () => {
    const link = documentLink(workspaceOf(plan), LINK_BASE);
    expect(link.length).toBeLessThan(LINK_BOUND);
    const d = decodeLink(link);
    const r = d.ok ? restoreDocument(d.json, dataset) : null;
    expect(r?.ok && r.workspace.scenarios[0]).toEqual(
      validatePlan(plan, dataset).ok && (validatePlan(plan, dataset) as { plan: unknown }).plan,
    );
  });

  it('every preset link is shorter still', () => {
    const rows = linkLengths();
    const big = rows.find(([l]) => l === '10 node groups, 12 subnets')![1];
    for (const [label, n] of rows.filter(([l]) => l.startsWith('preset:'))) expect(n, label).toBeLessThan(big);
  });
});
