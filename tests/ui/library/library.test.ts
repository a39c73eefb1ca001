/**
 * The plan library over a Storage: save, open, rename, duplicate, delete and undo, autosave; damaged or
 * foreign data set aside (never crashed on, never dropped in silence); a storage that throws or is full.
 * The library returns facts (LibraryProblem, LibraryNote); the sentences are read through the page's
 * wording (src/ui/library/library-text.ts), as the Saved plans panel shows them.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { EXPANDED_VPC, GPU_TRAINING, SMALL_ROUTABLE_VPC } from '../../../src/model/presets';
import { documentOf, workspaceOf, type Workspace } from '../../../src/model/workspace';
import {
  autosave,
  deletePlan,
  duplicatePlan,
  keepInLibrary,
  LIBRARY_KEY,
  listPlans,
  MAX_QUARANTINE,
  openPlan,
  PLAN_KEY_PREFIX,
  QUARANTINE_PREFIX,
  renamePlan,
  savePlanAs,
  TRASH_KEY,
  undoDelete,
  type LibraryNote,
  type LibraryProblem,
  type SetAsideReason,
} from '../../../src/state/library';
import { libraryNoteText, libraryProblemText } from '../../../src/ui/library/library-text';
import { memoryStorage, type TestStorage } from './memory-storage';

const TWO: Workspace = { version: 2, active: 1, scenarios: [SMALL_ROUTABLE_VPC, EXPANDED_VPC] };

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}
/** A refused call's problem, and the sentence the page shows for it. */
function refused(r: { ok: true } | { ok: false; problem: LibraryProblem }): { problem: LibraryProblem; text: string } {
  if (r.ok) throw new Error('expected a refusal');
  return { problem: r.problem, text: libraryProblemText(r.problem) };
}
/** What a call set aside or repaired, as the page lists it. */
const said = (r: { notes: LibraryNote[] }) => r.notes.map(libraryNoteText);
const names = (s: Storage) => ok(listPlans(s)).plans.map((p) => p.name);
const quarantined = (s: TestStorage) =>
  [...s.data]
    .filter(([k]) => k.startsWith(QUARANTINE_PREFIX))
    .map(([, v]) => JSON.parse(v) as { from: string; reason: string | SetAsideReason; value: string });

describe('the plan library', () => {
  it('saves a workspace as its export document and opens it back unchanged', () => {
    const s = memoryStorage();
    const a = ok(savePlanAs(s, 'Two scenarios', TWO));
    const b = ok(savePlanAs(s, 'One plan', workspaceOf(GPU_TRAINING)));
    expect(a.entry).toMatchObject({ name: 'Two scenarios', scenarios: 2 });
    expect(s.getItem(PLAN_KEY_PREFIX + a.entry.id)).toBe(JSON.stringify(documentOf(TWO)));
    expect(JSON.parse(s.getItem(PLAN_KEY_PREFIX + b.entry.id)!)).toEqual(GPU_TRAINING); // a version-1 plan, like the export
    const list = ok(listPlans(s));
    expect(list.plans.map((p) => p.name)).toEqual(['One plan', 'Two scenarios']);
    expect(list.notes).toEqual([]);
    expect(ok(openPlan(s, a.entry.id, dataset)).workspace).toEqual(TWO);
    expect(ok(openPlan(s, b.entry.id, dataset)).workspace).toEqual(workspaceOf(GPU_TRAINING));
  });

  it('keeps names as free text up to 120 characters, and refuses empty or longer ones', () => {
    const s = memoryStorage();
    const evil = '<script>window.__pwned=1</script> & "quotes"';
    expect(ok(savePlanAs(s, `  ${evil}\n`, TWO)).entry.name).toBe(evil);
    expect(refused(savePlanAs(s, '   ', TWO))).toEqual({
      problem: { kind: 'name-empty' },
      text: 'Give the plan a name.',
    });
    expect(refused(savePlanAs(s, 'x'.repeat(121), TWO))).toEqual({
      problem: { kind: 'name-too-long', max: 120, length: 121 },
      text: expect.stringMatching(/at most 120 characters; this one has 121/),
    });
    expect(ok(savePlanAs(s, 'x'.repeat(120), TWO)).entry.name).toHaveLength(120);
  });

  it('renames, duplicates next to the original, and autosaves over a saved plan', () => {
    const s = memoryStorage();
    const a = ok(savePlanAs(s, 'A', TWO)).entry;
    ok(savePlanAs(s, 'B', TWO));
    expect(ok(renamePlan(s, a.id, 'A prime')).entry.name).toBe('A prime');
    const copy = ok(duplicatePlan(s, a.id)).entry;
    expect(names(s)).toEqual(['B', 'A prime', 'A prime (copy)']);
    expect(s.getItem(PLAN_KEY_PREFIX + copy.id)).toBe(s.getItem(PLAN_KEY_PREFIX + a.id));
    const saved = ok(autosave(s, copy.id, workspaceOf(GPU_TRAINING))).entry;
    expect(saved.scenarios).toBe(1);
    expect(ok(openPlan(s, copy.id, dataset)).workspace).toEqual(workspaceOf(GPU_TRAINING));
    expect(ok(openPlan(s, a.id, dataset)).workspace).toEqual(TWO);
    expect(refused(autosave(s, 'gone', TWO))).toEqual({
      problem: { kind: 'editing-missing' },
      text: expect.stringMatching(/no longer in the library.*Save as/),
    });
    expect(refused(renamePlan(s, 'gone', 'x'))).toEqual({
      problem: { kind: 'plan-missing' },
      text: 'That saved plan is no longer in the library (was it deleted in another tab?).',
    });
  });

  it('undoes a delete at the same place; the next delete replaces what can be undone', () => {
    const s = memoryStorage();
    const ids = ['C', 'B', 'A'].map((n) => ok(savePlanAs(s, n, TWO)).entry.id); // listed A, B, C
    const first = ok(deletePlan(s, ids[1]!));
    expect(first.token).toBeTruthy();
    expect(names(s)).toEqual(['A', 'C']);
    expect(s.getItem(PLAN_KEY_PREFIX + ids[1]!)).toBeNull();
    expect(ok(undoDelete(s, first.token!)).entry.id).toBe(ids[1]);
    expect(names(s)).toEqual(['A', 'B', 'C']);
    expect(ok(openPlan(s, ids[1]!, dataset)).workspace).toEqual(TWO);
    expect(refused(undoDelete(s, first.token!))).toEqual({
      problem: { kind: 'nothing-to-restore' },
      text: 'There is no deleted plan to restore.',
    });

    const one = ok(deletePlan(s, ids[0]!)).token!;
    ok(deletePlan(s, ids[2]!));
    expect(refused(undoDelete(s, one))).toEqual({
      problem: { kind: 'undo-replaced' },
      text: expect.stringMatching(/replaced by a later delete/),
    });
    expect(names(s)).toEqual(['B']);
  });
});

describe('damaged or foreign data in storage is set aside, with a notice', () => {
  it('an index that is not JSON: set aside, and the plans it listed are listed again', () => {
    const s = memoryStorage();
    const id = ok(savePlanAs(s, 'Kept', TWO)).entry.id;
    s.setItem(LIBRARY_KEY, '{"version":1,"plans":[');
    const r = ok(listPlans(s));
    expect(r.plans).toMatchObject([{ id, name: TWO.scenarios[1]!.name, scenarios: 2, savedAt: 0 }]); // the active scenario's name
    expect(said(r).join('\n')).toMatch(
      /The list of saved plans is not valid JSON; it was set aside in local storage under "eks-ip-planner:quarantine:\d+", not deleted/,
    );
    expect(said(r).join('\n')).toMatch(/1 saved plan was missing from the list and is listed again/);
    expect(r.notes).toEqual([
      { kind: 'relisted', count: 1 },
      {
        kind: 'set-aside',
        what: { kind: 'list' },
        reason: { kind: 'not-json' },
        key: expect.stringMatching(/^eks-ip-planner:quarantine:\d+$/),
      },
    ]);
    // The quarantine record keeps the reason as the same fact.
    expect(quarantined(s)).toMatchObject([
      { from: LIBRARY_KEY, reason: { kind: 'not-json' }, value: '{"version":1,"plans":[' },
    ]);
    expect(ok(listPlans(s)).notes).toEqual([]); // repaired once
  });

  it('an index from a newer planner, and one listing an entry whose data is missing', () => {
    const s = memoryStorage({ [LIBRARY_KEY]: '{"version":3,"plans":[]}' });
    const newer = ok(listPlans(s));
    expect(said(newer)[0]).toMatch(/was written by a newer planner \(version 3\); it was set aside/);
    expect(newer.notes[0]).toMatchObject({
      kind: 'set-aside',
      what: { kind: 'list' },
      reason: { kind: 'newer-version', version: 3 },
    });
    const t = memoryStorage();
    const a = ok(savePlanAs(t, 'A', TWO)).entry;
    ok(savePlanAs(t, 'B', TWO));
    t.removeItem(PLAN_KEY_PREFIX + a.id);
    const r = ok(listPlans(t));
    expect(r.plans.map((p) => p.name)).toEqual(['B']);
    expect(said(r)[0]).toMatch(/The list of saved plans had problems \(no data for "A"\); it was set aside/);
    expect(r.notes[0]).toMatchObject({
      kind: 'set-aside',
      reason: { kind: 'list-problems', damaged: 0, missing: ['A'] },
    });
    expect(JSON.parse(quarantined(t)[0]!.value).plans).toHaveLength(2);
  });

  it('a saved plan that fails validation: opening it says why, sets it aside and takes it off the list', () => {
    const s = memoryStorage();
    const id = ok(savePlanAs(s, 'Broken', TWO)).entry.id;
    const bad = {
      ...SMALL_ROUTABLE_VPC,
      nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0]!, instanceType: 'zz.huge' }],
    };
    s.setItem(PLAN_KEY_PREFIX + id, JSON.stringify(bad));
    const r = openPlan(s, id, dataset);
    expect(refused(r)).toEqual({
      problem: {
        kind: 'plan-not-valid',
        name: 'Broken',
        issues: [expect.objectContaining({ path: 'nodeGroups[0].instanceType' })],
      },
      text: expect.stringMatching(
        /^"Broken" could not be opened: nodeGroups\[0\]\.instanceType: unknown instance type "zz\.huge".*set aside/,
      ),
    });
    expect(said(r)[0]).toMatch(/The saved plan "Broken" is not a valid plan/);
    expect(r.notes[0]).toMatchObject({
      kind: 'set-aside',
      what: { kind: 'plan', name: 'Broken' },
      reason: { kind: 'not-valid-plan' },
    });
    expect(names(s)).toEqual([]);
    expect(quarantined(s)[0]!.value).toBe(JSON.stringify(bad));
  });

  it('a giant value, and foreign data under a plan key, are set aside', () => {
    const s = memoryStorage();
    const id = ok(savePlanAs(s, 'Huge', TWO)).entry.id;
    const giant = `{"version":1,"name":"${'x'.repeat(1_100_000)}"}`;
    s.setItem(PLAN_KEY_PREFIX + id, giant);
    s.setItem(`${PLAN_KEY_PREFIX}foreign`, 'hello');
    const r = ok(listPlans(s));
    expect(r.plans).toEqual([]);
    expect(said(r).join('\n')).toMatch(/The saved plan "Huge" is too large \(1074 KB\); it was set aside/);
    expect(said(r).join('\n')).toMatch(
      /Saved data that is not on the list is not a plan this planner can read; it was set aside/,
    );
    expect(r.notes.map((n) => n.kind === 'set-aside' && [n.what, n.reason])).toEqual([
      [
        { kind: 'plan', name: 'Huge' },
        { kind: 'too-large', chars: giant.length },
      ],
      [{ kind: 'unlisted' }, { kind: 'unreadable' }],
    ]);
    expect(
      quarantined(s)
        .map((q) => q.value)
        .sort(),
    ).toEqual([giant, 'hello'].sort());
  });

  it(`keeps at most ${MAX_QUARANTINE} set-aside items, and says when it removes older ones`, () => {
    const s = memoryStorage();
    let last: LibraryNote[] = [];
    vi.useFakeTimers({ now: 1_700_000_000_000 }); // the same millisecond every time, then the clock going back
    try {
      for (let i = 0; i < MAX_QUARANTINE + 2; i++) {
        if (i === 5) vi.setSystemTime(1_600_000_000_000);
        s.setItem(LIBRARY_KEY, `garbage ${i}`);
        last = ok(listPlans(s)).notes;
      }
    } finally {
      vi.useRealTimers();
    }
    expect(quarantined(s).map((q) => q.value)).toEqual([
      'garbage 2',
      'garbage 3',
      'garbage 4',
      'garbage 5',
      'garbage 6',
    ]);
    expect(said({ notes: last }).join('\n')).toMatch(
      /The oldest set-aside data \(1 item\) was removed: at most 5 are kept/,
    );
    expect(last).toContainEqual({ kind: 'set-aside-pruned', count: 1, max: 5 });
  });

  it('set-aside data written before the reasons were facts (a sentence) stays where it is and counts toward the limit', () => {
    const old = JSON.stringify({
      from: LIBRARY_KEY,
      reason: 'is not valid JSON',
      at: '2026-01-01T00:00:00.000Z',
      value: 'garbage',
    });
    const init: Record<string, string> = {};
    for (let i = 0; i < MAX_QUARANTINE; i++) init[`${QUARANTINE_PREFIX}${1_000 + i}`] = old;
    const s = memoryStorage(init);
    expect(ok(listPlans(s)).notes).toEqual([]);
    expect(quarantined(s).map((q) => q.reason)).toEqual(Array(MAX_QUARANTINE).fill('is not valid JSON'));
    s.setItem(LIBRARY_KEY, 'garbage 2');
    const r = ok(listPlans(s));
    expect(r.notes).toContainEqual({ kind: 'set-aside-pruned', count: 1, max: MAX_QUARANTINE });
    expect(quarantined(s).map((q) => q.reason)).toEqual([
      ...Array(MAX_QUARANTINE - 1).fill('is not valid JSON'),
      { kind: 'not-json' },
    ]);
  });

  it('a delete whose undo copy does not fit still deletes, and says it cannot be undone', () => {
    const s = memoryStorage();
    const a = ok(savePlanAs(s, 'A', TWO)).entry;
    s.quota = [...s.data].reduce((n, [k, v]) => n + k.length + v.length, 0); // the copy is larger than what the delete frees
    const r = ok(deletePlan(s, a.id));
    expect(r.token).toBeNull();
    expect(r.notes).toEqual([{ kind: 'delete-not-undoable', name: 'A', storage: { kind: 'full' } }]);
    expect(said(r)).toEqual([
      '"A" was deleted, but it cannot be undone: local storage is full; delete saved plans you no longer need, or export this one to a file.',
    ]);
    expect(names(s)).toEqual([]);
  });

  it('a damaged undo copy is set aside', () => {
    const s = memoryStorage({ [TRASH_KEY]: '{"version":1,"token":"t"}' });
    const r = undoDelete(s, 't');
    expect(refused(r)).toEqual({
      problem: { kind: 'undo-copy-damaged' },
      text: expect.stringMatching(/its copy is damaged/),
    });
    expect(said(r)).toEqual([expect.stringMatching(/^The copy kept to undo a delete is damaged; it was set aside/)]);
    expect(quarantined(s)[0]).toMatchObject({ from: TRASH_KEY, reason: { kind: 'damaged' } });
  });

  it('never throws and never loses a value, whatever is in storage (property)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom(
        '{"version":1,"plans":[{"id":"a","name":"A","savedAt":1,"scenarios":1}]}',
        JSON.stringify(SMALL_ROUTABLE_VPC),
      ),
    );
    fc.assert(
      fc.property(
        fc.option(value),
        fc.dictionary(fc.constantFrom('a', 'b', 'c!', ''), value, { maxKeys: 3 }),
        (index, docs) => {
          const init: Record<string, string> = {};
          if (index !== null) init[LIBRARY_KEY] = index;
          for (const [k, v] of Object.entries(docs)) init[PLAN_KEY_PREFIX + k] = v;
          const s = memoryStorage(init);
          const kept = () => new Set([...s.data.values(), ...quarantined(s).map((q) => q.value)]);
          const r = listPlans(s);
          expect(r.ok).toBe(true);
          // Every document is kept or set aside; so is the list, unless it was a good list only extended.
          for (const [k, v] of Object.entries(init))
            if (k !== LIBRARY_KEY || !v.startsWith('{"version":1,"plans":[{"id":"a"')) expect(kept().has(v)).toBe(true);
          // Opening may take a plan that fails validation off the list; its document is still kept.
          for (const p of ok(r).plans) openPlan(s, p.id, dataset);
          for (const k of Object.keys(docs)) expect(kept().has(init[PLAN_KEY_PREFIX + k]!)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a storage that throws or is full', () => {
  it('says so in words, and changes nothing', () => {
    const s = memoryStorage();
    ok(savePlanAs(s, 'A', TWO));
    const before = new Map(s.data);
    s.failWith = 'SecurityError';
    expect(refused(listPlans(s))).toEqual({
      problem: { kind: 'storage', action: 'list', problem: { kind: 'blocked' } },
      text: expect.stringMatching(/^Could not read the saved plans: this browser does not allow local storage here/),
    });
    s.failWith = null;
    s.quota = [...s.data].reduce((n, [k, v]) => n + k.length + v.length, 0) + 100;
    const r = savePlanAs(s, 'B', TWO);
    expect(refused(r)).toEqual({
      problem: { kind: 'storage', action: 'save', problem: { kind: 'full' } },
      text: expect.stringMatching(/^Could not save the plan: local storage is full/),
    });
    expect(s.data).toEqual(before);
  });

  it('keepInLibrary says why as a fact the page words (load-notice.ts through libraryProblemText)', () => {
    const s = memoryStorage();
    const big: Workspace = {
      version: 2,
      active: 0,
      scenarios: Array.from({ length: 20 }, (_, i) => ({ ...GPU_TRAINING, name: `${i % 10}`.repeat(60_000) })),
    };
    const tooLarge = keepInLibrary(s, 'Big', big);
    expect(tooLarge).toMatchObject({ ok: false, problem: { kind: 'plan-too-large', maxKb: 1024 } });
    expect(!tooLarge.ok && libraryProblemText(tooLarge.problem)).toMatch(
      /^The plan is too large to save \(1\d{3} KB; at most 1024 KB\)\.$/,
    );
    const cases: [string | null, number, RegExp][] = [
      [
        'SecurityError',
        5_000_000,
        /^Could not keep the plan in Saved plans: this browser does not allow local storage here/,
      ],
      ['NotAllowed', 5_000_000, /^Could not keep the plan in Saved plans: local storage failed \(NotAllowed\)\.$/],
      [null, 10, /^Could not save the plan: local storage is full/],
    ];
    for (const [failWith, quota, text] of cases) {
      const t = memoryStorage({}, quota);
      t.failWith = failWith;
      const r = keepInLibrary(t, 'Kept', TWO);
      if (r.ok) throw new Error('expected a refusal');
      expect(libraryProblemText(r.problem)).toMatch(text);
    }
    const unnamed = keepInLibrary(memoryStorage(), '', TWO);
    expect(unnamed).toMatchObject({ ok: false, problem: { kind: 'name-empty' } });
    expect(!unnamed.ok && libraryProblemText(unnamed.problem)).toBe('Give the plan a name.');
  });

  it('rolls the document back when the list cannot be written', () => {
    const s = memoryStorage();
    ok(savePlanAs(s, 'A', TWO));
    const before = new Map(s.data);
    const doc = JSON.stringify(documentOf(TWO));
    // Room for the document but not for the longer list.
    s.quota = [...s.data].reduce((n, [k, v]) => n + k.length + v.length, 0) + doc.length + PLAN_KEY_PREFIX.length + 40;
    expect(refused(savePlanAs(s, 'B', TWO)).text).toMatch(/full/);
    expect(s.data).toEqual(before);
  });
});
