/**
 * restoreDocument's one chain of migrations (workspace.ts MIGRATIONS): a document of any version is
 * carried step by step to the newest one, then validated once. Checked on the frozen documents of each
 * version (tests/golden/) and on the version field itself.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { decodeLink } from '../../src/model/share-link';
import { restoreDocument, WORKSPACE_VERSION } from '../../src/model/workspace';
import v1 from '../golden/share-links-v1.json';

const plan1 = v1[0]!.plan;

describe('document migrations', () => {
  it('the newest version is 2', () => expect(WORKSPACE_VERSION).toBe(2));

  it('every format-1 golden link (a version-1 plan) becomes a workspace of that one plan, from version 1', () => {
    expect(v1.length).toBeGreaterThanOrEqual(4);
    for (const g of v1) {
      const d = decodeLink(g.link);
      const r = restoreDocument(d.ok ? d.json : null, dataset);
      expect(r.ok && r.workspace).toEqual({ version: 2, active: 0, scenarios: [g.plan] });
      expect(r.ok && r.fromVersion).toBe(1);
    }
  });

  it('a version-1 plan and the same plan as the one scenario of a version-2 document restore alike', () => {
    const a = restoreDocument(plan1, dataset);
    const b = restoreDocument({ version: 2, active: 0, scenarios: [plan1] }, dataset);
    expect(a.ok && b.ok && a.workspace).toEqual(b.ok && b.workspace);
    expect(a.ok && a.fromVersion).toBe(1);
    expect(b.ok && b.fromVersion).toBe(2);
  });

  it("a version-1 plan's issues are named as the plan's; a scenario's as the scenario's", () => {
    const bad = { ...plan1, nodeGroups: [{ ...plan1.nodeGroups[0]!, maxNodes: -1 }] };
    const a = restoreDocument(bad, dataset);
    expect(!a.ok && a.issues[0]!.path).toBe('nodeGroups[0].maxNodes');
    expect(!a.ok && a.issues[0]!.message).not.toMatch(/scenario/);
    const b = restoreDocument({ version: 2, scenarios: [plan1, bad] }, dataset);
    expect(!b.ok && b.issues[0]!.path).toBe('scenarios[1].nodeGroups[0].maxNodes');
    expect(!b.ok && b.issues[0]!.message).toMatch(/^scenario 2: /);
  });

  it('a migrated version-1 document is validated as a version-2 one: an unknown top-level key is refused', () => {
    const r = restoreDocument({ ...plan1, scenarios: [] }, dataset);
    expect(r.ok).toBe(false);
  });

  it('a version outside 1…2 is refused with a message naming it', () => {
    const cases: [unknown, string][] = [
      [3, 'version 3 is newer than this planner understands (up to 2); update the planner'],
      [99, 'version 99 is newer than this planner understands (up to 2); update the planner'],
      [0, 'version must be 1 (a plan) or 2 (scenarios), got 0'],
      [1.5, 'version must be 1 (a plan) or 2 (scenarios), got 1.5'],
      ['2', 'version must be 1 (a plan) or 2 (scenarios), got "2"'],
      [null, 'version must be 1 (a plan) or 2 (scenarios), got null'],
    ];
    for (const [version, message] of cases) {
      const r = restoreDocument({ ...plan1, version }, dataset);
      expect(!r.ok && r.issues).toEqual([{ path: 'version', message }]);
    }
    const none = restoreDocument({ vpc: plan1.vpc, nodeGroups: [] }, dataset);
    expect(!none.ok && none.issues[0]!.path).toBe('version');
  });
});
