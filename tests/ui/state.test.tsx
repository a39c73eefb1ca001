/**
 * The state layer without a DOM: the draft keeps what was typed and round-trips every plan, patches,
 * the derived view (stale results), loading from a link or storage, and the store's edits and undo.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { BLANK_PLAN, PRESETS, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { documentLink } from '../../src/model/share-link';
import { validatePlan } from '../../src/model/validate-plan';
import { applyPatch } from '../../src/state/apply-patch';
import { createDerivation } from '../../src/state/derive';
import { draftToJson, planToDraft, toNumber } from '../../src/state/draft';
import { loadInitialPlan, loadInitialWorkspace, startWorkspace, STORAGE_KEY } from '../../src/state/persistence';
import { initialStore, openedDrafts } from '../../src/state/sync';
import { createPlanStore } from '../../src/state/plan-store';
import { fieldMessage } from '../../src/ui/common/field-issues';
import { loadNoticeText } from '../../src/ui/app/load-notice';
import { largePlan } from '../fixtures/large-plan';
import { activeDraft } from '../../src/state/workspace-state';

function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

/** validatePlan's warnings for a valid plan. */
function warningsOf(plan: unknown) {
  const v = validatePlan(plan, dataset);
  if (!v.ok) throw new Error(`not valid: ${v.issues[0]?.message}`);
  return v.warnings;
}

/** A valid plan with a VPC warning: six CIDRs, over the default quota of five. */
const WARNED = {
  ...SMALL_ROUTABLE_VPC,
  name: 'warned',
  vpc: {
    ...SMALL_ROUTABLE_VPC.vpc,
    cidrs: [...SMALL_ROUTABLE_VPC.vpc.cidrs, ...[1, 2, 3, 4, 5].map((n) => `10.${n}.0.0/16`)],
  },
};

describe('the draft', () => {
  it.each([...PRESETS, largePlan()].map((p) => [p.name, p] as const))(
    'round-trips %s through validatePlan unchanged',
    (_, plan) => {
      const v = validatePlan(draftToJson(planToDraft(plan)), dataset);
      // fails when the round trip is invalid (false is not the plan), not only when it differs
      expect(v.ok ? v.plan : v.issues).toEqual(plan);
      // and finds what validating the plan itself finds (the page relies on it: createDerivation's `opened`)
      expect(v.ok && v.warnings).toEqual(warningsOf(plan));
    },
  );

  it('reads numbers as typed: "10,000" is 10000, "" is empty, "12a" stays text for the schema to name', () => {
    expect(toNumber('10,000', undefined)).toBe(10000);
    expect(toNumber(' ', null)).toBeNull();
    expect(toNumber('12a', undefined)).toBe('12a');
    expect(toNumber('1.5', undefined)).toBe(1.5);
  });

  it("labels model messages with the page's names", () => {
    expect(fieldMessage({ path: 'nodeGroups[0].maxNodes', message: 'nodeGroups[0].maxNodes is missing; add it' })).toBe(
      'Enter a whole number',
    );
    expect(
      fieldMessage({
        path: 'cni.warmEniTarget',
        message: 'cni.warmEniTarget (WARM_ENI_TARGET) must be at most 100, got 200',
      }),
    ).toBe('Must be at most 100, got 200');
  });
});

describe('applyPatch', () => {
  it('writes plan values back as text: max pods 250, WARM_IP_TARGET 5', () => {
    const d = planToDraft(SMALL_ROUTABLE_VPC);
    expect(applyPatch(d, { kind: 'nodeGroup', index: 0, set: { maxPods: 250 } }).nodeGroups[0]!.maxPods).toBe('250');
    const c = applyPatch(d, {
      kind: 'cni',
      set: { warmIpTarget: 5, minimumIpTarget: null, prefixDelegation: true },
    }).cni;
    expect([c.warmIpTarget, c.minimumIpTarget, c.prefixDelegation]).toEqual(['5', '', true]);
    expect(applyPatch(d, { kind: 'nodeGroup', index: 7, set: { maxPods: 1 } })).toBe(d);
  });
});

describe('the derived view', () => {
  it('keeps the last valid result, marked stale, while the draft is invalid; caches per draft', () => {
    const derive = createDerivation(dataset);
    const good = planToDraft(SMALL_ROUTABLE_VPC);
    const first = derive(good);
    expect(first.stale).toBe(false);
    expect(derive(good)).toBe(first);
    const bad = { ...good, cidrs: ['10.0.0.'] };
    const view = derive(bad);
    expect(view.stale).toBe(true);
    expect(view.shown).toBe(first.shown);
    expect(view.issuesByPath.get('vpc.cidrs[0]')?.[0]?.message).toMatch(/10\.0\.0\./);
  });

  it('starts from the validation that opened a link: the same view, without validating it again', () => {
    const ws = { version: 2 as const, active: 0, scenarios: [WARNED, largePlan()] };
    const initial = loadInitialWorkspace(documentLink(ws, ''), memoryStorage(), dataset);
    expect(initial.warnings?.[0]?.map((w) => w.code)).toContain('cidr-quota');
    const store = initialStore(initial);
    const drafts = store.getState().scenarios;
    const opened = createDerivation(dataset, openedDrafts(store, initial));
    const fresh = createDerivation(dataset);
    drafts.forEach((d, i) => {
      const view = opened(d);
      // the opened plan itself, not a copy validated again
      expect(view.shown?.plan).toBe(initial.workspace.scenarios[i]);
      expect(view).toEqual(fresh(d));
    });
    // An edit is a new draft: validated as always.
    const edited = { ...drafts[0]!, cidrs: ['10.0.0.'] };
    expect(opened(edited).issuesByPath.get('vpc.cidrs[0]')).toBeDefined();
  });

  it('opens the autosave with its warnings too, and nothing for the blank plan', () => {
    const saved = memoryStorage({ [STORAGE_KEY]: JSON.stringify(WARNED) });
    expect(loadInitialWorkspace('', saved, dataset).warnings).toEqual([warningsOf(WARNED)]);
    expect(loadInitialWorkspace('', memoryStorage(), dataset).warnings).toBeUndefined();
    const store = initialStore(loadInitialWorkspace('', memoryStorage(), dataset));
    expect(openedDrafts(store, { workspace: startWorkspace(), notice: null })).toEqual([]);
  });
});

describe('loading', () => {
  const storedPlan = { ...SMALL_ROUTABLE_VPC, name: 'saved plan' };
  const storage = () => memoryStorage({ [STORAGE_KEY]: JSON.stringify(storedPlan) });

  it('opens the blank plan when there is neither a link nor a saved plan', () => {
    expect(loadInitialPlan('', memoryStorage(), dataset)).toEqual({ plan: BLANK_PLAN, notice: null });
  });

  it('opens the saved plan, then a share link over it', () => {
    expect(loadInitialPlan('', storage(), dataset).plan.name).toBe('saved plan');
    const link = documentLink(PRESETS[2]!, '');
    expect(loadInitialPlan(link, storage(), dataset)).toEqual({ plan: PRESETS[2], notice: null });
  });

  it('a damaged link says why, as text, and keeps the saved plan', () => {
    const r = loadInitialPlan('#1.<script>', storage(), dataset);
    expect(r.plan.name).toBe('saved plan');
    expect(loadNoticeText(r.notice!.fact)).toMatch(
      /^The share link could not be opened: the share link is damaged.*Your last saved plan is shown instead\.$/,
    );
  });

  it('a link whose plan is invalid names the field', () => {
    const bad = {
      ...SMALL_ROUTABLE_VPC,
      nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, instanceType: 'm5.huge' }],
    };
    const r = loadInitialPlan(documentLink(bad, ''), memoryStorage(), dataset);
    expect(r.plan).toEqual(BLANK_PLAN);
    expect(loadNoticeText(r.notice!.fact)).toMatch(/A blank plan is shown instead\.$/);
    expect(loadNoticeText(r.notice!.fact)).toMatch(/nodeGroups\[0\]\.instanceType: unknown instance type "m5\.huge"/);
  });

  it('ignores a saved plan that no longer validates', () => {
    const s = memoryStorage({ [STORAGE_KEY]: '{"version":1,"vpc":{}}' });
    expect(loadInitialPlan('', s, dataset).plan).toEqual(BLANK_PLAN);
  });
});

describe('the store', () => {
  it('renaming a subnet renames it in every node group; removing one drops the references', () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    const a = store.getState().actions;
    a.setSubnetField(0, 'name', 'workers-a');
    expect(activeDraft(store.getState()).nodeGroups[0]!.subnets).toEqual(['workers-a', 'nodes-b', 'nodes-c']);
    a.removeSubnet(1);
    expect(activeDraft(store.getState()).nodeGroups[0]!.subnets).toEqual(['workers-a', 'nodes-c']);
  });

  it('keeps one actions object through edits, loads, undo and redo (useActions reads it without subscribing)', () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    const a = store.getState().actions;
    a.setGroupField(0, 'podsPerNode', '25');
    a.loadPlan(PRESETS[1]!);
    store.temporal.getState().undo();
    store.temporal.getState().redo();
    expect(store.getState().actions).toBe(a);
  });

  it('typing in one field is one undo step; another field starts a new one', () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    const a = store.getState().actions;
    a.setGroupField(0, 'podsPerNode', '2');
    a.setGroupField(0, 'podsPerNode', '25');
    a.setGroupField(0, 'podsPerNode', '250');
    a.setGroupField(0, 'maxNodes', '12');
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    store.temporal.getState().undo();
    store.temporal.getState().undo();
    expect(activeDraft(store.getState()).nodeGroups[0]!.podsPerNode).toBe('20');
  });

  it('fixes, loads and pod-subnet picks are a step each however quickly they follow; apply-all is one', () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    const a = store.getState().actions;
    const t = () => store.temporal.getState();
    const groups = () => activeDraft(store.getState()).nodeGroups;
    a.applyPatch({ kind: 'nodeGroup', index: 0, set: { maxPods: 110 } });
    a.applyPatch({ kind: 'nodeGroup', index: 0, set: { maxPods: 250 } });
    expect(t().pastStates).toHaveLength(2);
    t().undo();
    expect(groups()[0]!.maxPods).toBe('110');
    // two patches through applyPatches ("apply to all"): one step that undoes both
    a.applyPatches([
      { kind: 'nodeGroup', index: 0, set: { maxPods: 58 } },
      { kind: 'cni', set: { warmIpTarget: 5 } },
    ]);
    expect(t().pastStates).toHaveLength(2);
    t().undo();
    expect([groups()[0]!.maxPods, activeDraft(store.getState()).cni.warmIpTarget]).toEqual(['110', '']);
    a.loadPlan(PRESETS[1]!);
    a.loadPlan(PRESETS[2]!);
    a.setGroupSubnets(0, []);
    a.setGroupSubnets(0, ['x']);
    expect(t().pastStates).toHaveLength(5);
    t().undo(3);
    expect(activeDraft(store.getState()).name).toBe(PRESETS[1]!.name);
  });

  it('an undo between keystrokes starts a new step; the keystrokes after it join that one', () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    const a = store.getState().actions;
    const t = () => store.temporal.getState();
    const pods = () => activeDraft(store.getState()).nodeGroups[0]!.podsPerNode;
    a.setGroupField(0, 'podsPerNode', '2');
    a.setGroupField(0, 'podsPerNode', '25');
    t().undo();
    expect(pods()).toBe('20');
    a.setGroupField(0, 'podsPerNode', '3');
    a.setGroupField(0, 'podsPerNode', '30');
    expect([t().pastStates.length, t().futureStates.length, t().isTracking]).toEqual([1, 0, true]);
    t().undo();
    expect(pods()).toBe('20');
  });

  it('suggests the next secondary CIDR and a free subnet', () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    store.getState().actions.addCidr();
    store.getState().actions.addSubnet();
    const d = activeDraft(store.getState());
    expect(d.cidrs).toEqual(['10.0.0.0/22', '100.64.0.0/16']);
    // From the CIDR just added, not the primary's last /24 (issue 11.8): a /16 split for three AZs is /18s.
    expect(d.subnets[3]).toMatchObject({ name: 'pods-a', az: 'us-east-1a', cidr: '100.64.0.0/18' });
  });
});

describe('links of several scenarios', () => {
  it('open every scenario, the active one active, with no note', async () => {
    const ws = { version: 2 as const, active: 1, scenarios: [PRESETS[0]!, PRESETS[2]!] };
    const r = loadInitialWorkspace(documentLink(ws, ''), memoryStorage(), dataset);
    expect(r).toEqual({ workspace: ws, warnings: ws.scenarios.map(warningsOf), notice: null });
    // The one-plan view of the same link is its active scenario.
    expect(loadInitialPlan(documentLink(ws, ''), memoryStorage(), dataset)).toEqual({ plan: PRESETS[2], notice: null });
  });
});
