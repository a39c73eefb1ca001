/**
 * The library read by a second tab while the first writes it. A tab learns of another's writes one key
 * at a time (one storage event per key), so when it lists the plans on an event it may see a document
 * whose list entry is not written yet, or a list whose deleted plan's document is still there. Whatever
 * it reads then must not "repair" the list: its repair lands after the writer's last write and would
 * undo the change (a saved plan renamed after its document, a deleted plan listed again).
 *
 * The model: the writer's writes in order; for each point between them, a reader that sees the writes
 * up to there lists the plans; its own writes land after all of the writer's; the end state must be
 * the writer's change, with nothing set aside.
 */
import { describe, expect, it } from 'vitest';
import { GPU_TRAINING, SMALL_ROUTABLE_VPC } from '../../../src/model/presets';
import { workspaceOf } from '../../../src/model/workspace';
import { deletePlan, listPlans, QUARANTINE_PREFIX, savePlanAs } from '../../../src/state/library';
import { memoryStorage, type TestStorage } from './memory-storage';

type Op = [key: string, value: string | null];

/** A storage that logs every write (value null: removed). */
function recording(init: Map<string, string>): { storage: TestStorage; ops: Op[] } {
  const storage = memoryStorage(Object.fromEntries(init));
  const ops: Op[] = [];
  const set = storage.setItem.bind(storage);
  const remove = storage.removeItem.bind(storage);
  storage.setItem = (k, v) => (set(k, v), void ops.push([k, String(v)]));
  storage.removeItem = (k) => (remove(k), void ops.push([k, null]));
  return { storage, ops };
}
const apply = (s: Storage, ops: readonly Op[]) =>
  ops.forEach(([k, v]) => (v === null ? s.removeItem(k) : s.setItem(k, v)));
const names = (s: Storage) => {
  const r = listPlans(s);
  return r.ok ? r.plans.map((p) => p.name) : [];
};

/** Every end state: the writer's change, then what a reader at each point between its writes wrote. */
function endStates(before: TestStorage, change: (s: Storage) => void): { at: number; end: TestStorage }[] {
  const w = recording(before.data);
  change(w.storage);
  return w.ops
    .map((_, i) => i)
    .concat(w.ops.length)
    .map((at) => {
      const reader = recording(before.data);
      apply(reader.storage, w.ops.slice(0, at));
      reader.ops.length = 0;
      listPlans(reader.storage);
      const end = memoryStorage(Object.fromEntries(w.storage.data));
      apply(end, reader.ops);
      return { at, end };
    });
}
const setAside = (s: TestStorage) => [...s.data.keys()].filter((k) => k.startsWith(QUARANTINE_PREFIX));

describe('a second tab reading the library mid-write', () => {
  it('does not undo a save: the new plan keeps its name and the list is not set aside', () => {
    const before = memoryStorage();
    savePlanAs(before, 'Older plan', workspaceOf(SMALL_ROUTABLE_VPC));
    for (const { at, end } of endStates(before, (s) =>
      savePlanAs(s, 'From another tab, 2026-05-12 14:03: GPU', workspaceOf(GPU_TRAINING)),
    )) {
      expect(names(end), `reader after write ${at}`).toEqual(['From another tab, 2026-05-12 14:03: GPU', 'Older plan']);
      expect(setAside(end), `reader after write ${at}`).toEqual([]);
    }
  });

  it('does not undo a delete: the deleted plan stays deleted', () => {
    const before = memoryStorage();
    savePlanAs(before, 'Keep', workspaceOf(SMALL_ROUTABLE_VPC));
    const gone = savePlanAs(before, 'Gone', workspaceOf(GPU_TRAINING));
    const id = gone.ok ? gone.entry.id : '';
    for (const { at, end } of endStates(before, (s) => deletePlan(s, id))) {
      expect(names(end), `reader after write ${at}`).toEqual(['Keep']);
      expect(setAside(end), `reader after write ${at}`).toEqual([]);
    }
  });

  it('still repairs a list that really lost a plan, once no write is under way', () => {
    const s = memoryStorage();
    savePlanAs(s, 'Listed', workspaceOf(SMALL_ROUTABLE_VPC));
    s.setItem('eks-ip-planner:library:v1:plan:p-orphan', JSON.stringify(GPU_TRAINING));
    expect(names(s)).toEqual(['Listed', GPU_TRAINING.name]);
  });
});
