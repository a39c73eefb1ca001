// @vitest-environment jsdom
/**
 * Nothing lost (issue 11, points 1, 2 and 16): a link opened over autosaved work keeps that work in Saved
 * plans and behind Undo, and says so with a way to open it back; another tab writing the autosave makes
 * this tab stop writing it and ask (Keep mine / Load theirs), and a tab closed before answering keeps its
 * edits in Saved plans; a link that could not be opened stays in the address bar until the user acts;
 * the first visit opens on the blank plan with one line that says what to do.
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { BLANK_PLAN, GPU_TRAINING, PRESETS, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { documentLink } from '../../src/model/share-link';
import { documentOf, workspaceOf, type Workspace } from '../../src/model/workspace';
import { createDerivation } from '../../src/state/derive';
import { listPlans, openPlan } from '../../src/state/library';
import { openInitialWorkspace, STORAGE_KEY } from '../../src/state/persistence';
import { initialStore, SYNC_DELAY_MS } from '../../src/state/sync';
import { App } from '../../src/ui/app/app';
import { memoryStorage, type TestStorage } from './library/memory-storage';
import { renderApp } from './render-app';

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(cleanup);

const text = (ws: Workspace) => JSON.stringify(documentOf(ws));
const saved = (s: Storage) => {
  const r = listPlans(s);
  return r.ok ? r.plans : [];
};
/** The page as main.tsx builds it, over `storage`, opened at `hash`. */
function openPage(hash: string, storage: TestStorage, now = new Date(2026, 4, 12, 14, 3)) {
  history.replaceState(null, '', `/${hash}`);
  const initial = openInitialWorkspace(hash, storage, dataset, now);
  const ctx = { store: initialStore(initial), derive: createDerivation(dataset) };
  const user = userEvent.setup();
  const view = render(<App ctx={ctx} initialNotice={initial.notice} storage={storage} />);
  return { ...view, user, store: ctx.store, initial };
}
const planName = () => (screen.getByLabelText('Plan name') as HTMLInputElement).value;
const rest = () => act(() => new Promise((r) => setTimeout(r, SYNC_DELAY_MS + 100)));

describe('a link opened in a new tab over autosaved work', () => {
  const mine = { ...GPU_TRAINING, name: 'My GPU plan' };
  const link = documentLink(SMALL_ROUTABLE_VPC, '');

  it('keeps the autosaved work in Saved plans, says so, and opens it back; Undo brings it back too', async () => {
    const storage = memoryStorage({ [STORAGE_KEY]: text(workspaceOf(mine)) });
    const { user, store } = openPage(link, storage);
    expect(planName()).toBe('Small routable VPC');
    const kept = saved(storage);
    expect(kept.map((p) => p.name)).toEqual(['Autosaved before opening a link, 2026-05-12 14:03: My GPU plan']);
    const back = openPlan(storage, kept[0]!.id, dataset);
    expect(back.ok && back.workspace.scenarios).toEqual([mine]);
    const notice = screen.getByText(/^Opened the link\./).closest('.notice') as HTMLElement;
    expect(notice.textContent).toMatch(
      /What was here before \(“My GPU plan”\) is kept in Saved plans as “Autosaved before opening a link, 2026-05-12 14:03: My GPU plan”; Undo also brings it back\./,
    );
    // The link's plan becomes the autosave (this tab now holds it), and the address bar keeps the link.
    await rest();
    expect(storage.getItem(STORAGE_KEY)).toBe(text(workspaceOf(SMALL_ROUTABLE_VPC)));

    // Undo is enabled and brings the work back…
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(false);
    await user.click(undo);
    expect(planName()).toBe('My GPU plan');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(planName()).toBe('Small routable VPC');
    // …and so does the notice's button, from Saved plans.
    await user.click(within(notice).getByRole('button', { name: /^Open “Autosaved before opening a link/ }));
    expect(planName()).toBe('My GPU plan');
    expect(store.getState().scenarios.map((d) => d.name)).toEqual(['My GPU plan']);
  });

  it('keeps it once: the same link opened again (a reload) adds nothing, and no copy is made of the same work', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: text(workspaceOf(mine)) });
    openPage(link, storage);
    cleanup();
    // Another tab wrote the same work again, then the link opens a second time: still one kept copy.
    storage.setItem(STORAGE_KEY, text(workspaceOf(mine)));
    openPage(link, storage, new Date(2026, 4, 13, 9, 0));
    expect(saved(storage)).toHaveLength(1);
  });

  it('keeps nothing when there is nothing to lose: the link is the autosave, or the autosave is the untouched blank plan', () => {
    const same = memoryStorage({ [STORAGE_KEY]: text(workspaceOf(SMALL_ROUTABLE_VPC)) });
    expect(openInitialWorkspace(link, same, dataset)).toMatchObject({ notice: null });
    expect(saved(same)).toEqual([]);
    const blank = memoryStorage({ [STORAGE_KEY]: text(workspaceOf(BLANK_PLAN)) });
    expect(openInitialWorkspace(link, blank, dataset).notice).toBeNull();
    expect(saved(blank)).toEqual([]);
  });

  it('says so, as an error, when storage is full and the work cannot be kept: Undo is what is left', async () => {
    const storage = memoryStorage({ [STORAGE_KEY]: text(workspaceOf(mine)) });
    storage.quota = storage.getItem(STORAGE_KEY)!.length + STORAGE_KEY.length + 10;
    const { user } = openPage(link, storage);
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Opened the link over “My GPU plan”, which could not be kept in Saved plans \(.*local storage is full.*\): Undo brings it back while this tab is open\./,
    );
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(planName()).toBe('My GPU plan');
  });
});

describe('two tabs and one autosave', () => {
  const theirs = { ...GPU_TRAINING, name: 'Their plan' };
  /** Another tab writes the autosave: jsdom fires no storage event across pages, so the test sends it. */
  const otherTabWrites = (storage: Storage, ws: Workspace) =>
    act(() => {
      storage.setItem(STORAGE_KEY, text(ws));
      window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: text(ws) }));
    });

  it('a tab opened from a link writes the autosave once it has rested, or as it is left, whichever is first', async () => {
    const link = documentLink(SMALL_ROUTABLE_VPC, '');
    const storage = memoryStorage();
    openPage(link, storage);
    // Not in the frames that draw the page: the first write waits as an edit does.
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    await rest();
    expect(storage.getItem(STORAGE_KEY)).toBe(text(workspaceOf(SMALL_ROUTABLE_VPC)));
    cleanup();
    const left = memoryStorage();
    openPage(link, left);
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(left.getItem(STORAGE_KEY)).toBe(text(workspaceOf(SMALL_ROUTABLE_VPC)));
  });

  it('another tab writing the same work before this tab first wrote it: nothing to ask', async () => {
    const storage = memoryStorage();
    openPage(documentLink(SMALL_ROUTABLE_VPC, ''), storage);
    otherTabWrites(storage, workspaceOf(SMALL_ROUTABLE_VPC));
    expect(screen.queryByText(/changed in another tab/)).toBeNull();
    // This tab still holds the autosave and writes it.
    await rest();
    expect(storage.getItem(STORAGE_KEY)).toBe(text(workspaceOf(SMALL_ROUTABLE_VPC)));
  });

  it('another tab writing the autosave stops this tab writing it and asks; Keep mine keeps theirs in Saved plans', async () => {
    const storage = memoryStorage();
    const { user } = renderApp(SMALL_ROUTABLE_VPC, { sync: true, storage });
    await rest();
    otherTabWrites(storage, workspaceOf(theirs));
    const notice = screen
      .getByText(/^This plan was changed in another tab: the autosave now holds “Their plan” from there\./)
      .closest('.notice') as HTMLElement;
    // Edits here no longer overwrite the other tab's autosave; the address bar still follows this tab.
    await user.clear(screen.getByLabelText('Plan name'));
    await user.type(screen.getByLabelText('Plan name'), 'Mine, edited');
    await rest();
    expect(storage.getItem(STORAGE_KEY)).toBe(text(workspaceOf(theirs)));
    expect(decodeURIComponent(location.hash)).not.toBe('');

    await user.click(within(notice).getByRole('button', { name: 'Keep mine' }));
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).name).toBe('Mine, edited');
    const kept = saved(storage);
    expect(kept.map((p) => p.name)).toEqual([
      expect.stringMatching(/^From another tab, \d{4}-\d\d-\d\d \d\d:\d\d: Their plan$/),
    ]);
    const back = openPlan(storage, kept[0]!.id, dataset);
    expect(back.ok && back.workspace.scenarios).toEqual([theirs]);
    expect(
      screen.getByText(
        /^This tab's plan is the autosave again\. The other tab's \(“Their plan”\) is kept in Saved plans as “From another tab/,
      ),
    ).toBeTruthy();
  });

  it("Load theirs opens the other tab's plan here as one undo step", async () => {
    const storage = memoryStorage();
    const { user } = renderApp(SMALL_ROUTABLE_VPC, { sync: true, storage });
    await rest();
    otherTabWrites(storage, workspaceOf(theirs));
    await user.click(screen.getByRole('button', { name: 'Load theirs' }));
    expect(planName()).toBe('Their plan');
    expect(screen.queryByText(/changed in another tab/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(planName()).toBe('Small routable VPC');
    // This tab holds the autosave again: its next state is written.
    await rest();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).name).toBe('Small routable VPC');
  });

  it('a tab closed before answering keeps its edits in Saved plans; one that was not edited keeps nothing', async () => {
    const storage = memoryStorage();
    const { user } = renderApp(SMALL_ROUTABLE_VPC, { sync: true, storage });
    await rest();
    otherTabWrites(storage, workspaceOf(theirs));
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(saved(storage)).toEqual([]);
    await user.clear(screen.getByLabelText('Maximum nodes'));
    await user.type(screen.getByLabelText('Maximum nodes'), '12');
    act(() => void window.dispatchEvent(new Event('pagehide')));
    const kept = saved(storage);
    expect(kept.map((p) => p.name)).toEqual([
      expect.stringMatching(/^Edited in a tab that closed while another held the autosave, .*: Small routable VPC$/),
    ]);
    const back = openPlan(storage, kept[0]!.id, dataset);
    expect(back.ok && back.workspace.scenarios[0]!.nodeGroups[0]!.maxNodes).toBe(12);
    expect(storage.getItem(STORAGE_KEY)).toBe(text(workspaceOf(theirs)));
  });

  it('the same work written by another tab is no conflict', async () => {
    const storage = memoryStorage();
    renderApp(SMALL_ROUTABLE_VPC, { sync: true, storage });
    await rest();
    otherTabWrites(storage, workspaceOf(SMALL_ROUTABLE_VPC));
    expect(screen.queryByText(/changed in another tab/)).toBeNull();
  });
});

describe('a link that could not be opened', () => {
  it('stays in the address bar, and the message says so, until the plan is edited', async () => {
    const storage = memoryStorage();
    const { user } = openPage('#1.broken-link', storage);
    expect(screen.getByRole('alert').textContent).toMatch(
      /^The share link could not be opened: .*A blank plan is shown instead\. The link stays in the address bar/,
    );
    await rest();
    expect(location.hash).toBe('#1.broken-link');
    await user.clear(screen.getByLabelText('Plan name'));
    await user.type(screen.getByLabelText('Plan name'), 'Mine');
    await waitFor(() => expect(location.hash).toMatch(/^#1\.(?!broken)/));
    // The message stays (dismissible) but no longer says the link is in the address bar.
    expect(screen.getByRole('alert').textContent).not.toMatch(/stays in the address bar/);
  });

  it('stays until the message is dismissed', async () => {
    const { user } = openPage('#1.broken-link', memoryStorage());
    await rest();
    expect(location.hash).toBe('#1.broken-link');
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));
    await waitFor(() => expect(location.hash).toMatch(/^#1\.(?!broken)/));
  });

  it('pasted into the tab, it stays too, and the plan is unchanged', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC, { sync: true, storage: memoryStorage() });
    await waitFor(() => expect(location.hash).toMatch(/^#1\./));
    await act(async () => {
      location.hash = '#2.not-a-workspace';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('alert').textContent).toMatch(/Your plan is unchanged\. The link stays in the address bar/);
    await rest();
    expect(location.hash).toBe('#2.not-a-workspace');
    expect(planName()).toBe('Small routable VPC');
    await user.type(screen.getByLabelText('Plan name'), '!');
    await waitFor(() => expect(location.hash).toMatch(/^#1\./));
  });
});

describe('the first visit', () => {
  it('two presets picked in a row are two undo steps: Undo goes back to the first, not to the blank plan', async () => {
    const { user } = openPage('', memoryStorage());
    const picker = screen.getByLabelText('Preset');
    await user.selectOptions(picker, 'Small routable VPC');
    await user.selectOptions(picker, GPU_TRAINING.name);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(planName()).toBe('Small routable VPC');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(planName()).toBe('Blank plan');
  });

  it('opens on the blank plan, says in one line what the page is for and where to start, and lists every preset', async () => {
    const { user } = openPage('', memoryStorage());
    expect(planName()).toBe('Blank plan');
    expect(
      screen.getByText(
        /^Plan the IP addresses of an EKS cluster's VPC: add a node group on the left or pick a preset above, and see when each subnet runs out\.$/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Nothing to place yet' })).toBeTruthy();
    const picker = screen.getByLabelText('Preset') as HTMLSelectElement;
    const options = [...picker.options].slice(1).map((o) => o.textContent);
    expect(options[0]).toBe('Blank plan');
    expect([...options].sort()).toEqual(PRESETS.map((p) => p.name).sort());
    await user.selectOptions(picker, 'Small routable VPC');
    expect(planName()).toBe('Small routable VPC');
    // Once the plan has a node group, the newcomer's line has done its work.
    expect(screen.queryByText(/^Plan the IP addresses of an EKS cluster's VPC/)).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Does not fit at max' })).toBeTruthy();
  });
});
