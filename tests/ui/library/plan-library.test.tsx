// @vitest-environment jsdom
/**
 * The Saved plans panel: save, open, rename inline, duplicate, delete and undo, all by keyboard; names
 * as text; what the library set aside shown and told; no storage; a full storage; axe.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { EXPANDED_VPC, GPU_TRAINING, SMALL_ROUTABLE_VPC } from '../../../src/model/presets';
import { workspaceOf, type Workspace } from '../../../src/model/workspace';
import { LIBRARY_KEY, listPlans, savePlanAs } from '../../../src/state/library';
import PlanLibrary from '../../../src/ui/library/plan-library';
import { memoryStorage } from './memory-storage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const TWO: Workspace = { version: 2, active: 0, scenarios: [SMALL_ROUTABLE_VPC, EXPANDED_VPC] };
const EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function setup(storage: Storage | null = memoryStorage(), current: Workspace = TWO, currentName = 'Review with ACME') {
  const onOpen = vi.fn();
  const onNotice = vi.fn();
  const user = userEvent.setup();
  render(
    <main>
      <PlanLibrary
        storage={storage}
        dataset={dataset}
        current={current}
        currentName={currentName}
        onOpen={onOpen}
        onNotice={onNotice}
      />
    </main>,
  );
  return { user, onOpen, onNotice, storage };
}
const rows = () => within(screen.getByRole('list', { name: 'Saved plans, newest first' })).getAllByRole('listitem');
const rowNames = () => rows().map((r) => r.querySelector('.library-name')?.textContent);
const status = () => screen.getByRole('status');

describe('Saved plans', () => {
  it('saves the current plan under a name, by keyboard, and lists it with its date and scenarios', async () => {
    const s = memoryStorage();
    savePlanAs(s, 'Older plan', workspaceOf(GPU_TRAINING));
    const { user } = setup(s);
    expect(rowNames()).toEqual(['Older plan']);
    const name = screen.getByRole('textbox', { name: 'Save current plan as' });
    expect((name as HTMLInputElement).value).toBe('Review with ACME');
    await user.click(name);
    await user.keyboard('{Control>}a{/Control}Plan B{Enter}');
    expect(status().textContent).toBe('Saved “Plan B”.');
    expect(rowNames()).toEqual(['Plan B', 'Older plan']);
    expect(rows()[0]!.querySelector('time')?.getAttribute('dateTime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rows()[0]!.querySelector('.library-meta')?.textContent).toMatch(/^Saved .+ · 2 scenarios$/);
    expect(rows()[1]!.querySelector('.library-meta')?.textContent).toMatch(/ · 1 scenario$/);
  });

  it('opens a plan: onOpen gets the workspace and name, and the app is told', async () => {
    const s = memoryStorage();
    const saved = savePlanAs(s, 'Two scenarios', TWO);
    const { user, onOpen, onNotice } = setup(s);
    await user.click(screen.getByRole('button', { name: 'Open Two scenarios' }));
    expect(onOpen).toHaveBeenCalledWith(TWO, 'Two scenarios', saved.ok && saved.entry.id);
    expect(onNotice).toHaveBeenCalledWith('Opened the saved plan “Two scenarios”.', false);
  });

  it('renames inline from the keyboard: Enter saves, Escape cancels, focus returns to Rename', async () => {
    const s = memoryStorage();
    savePlanAs(s, 'Draft', TWO);
    const { user } = setup(s);
    screen.getByRole('button', { name: 'Rename Draft' }).focus();
    await user.keyboard('{Enter}');
    const input = screen.getByRole('textbox', { name: 'New name for Draft' });
    expect(document.activeElement).toBe(input);
    await user.keyboard('{Control>}a{/Control}{Backspace}{Enter}');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give the plan a name.')).toBeTruthy();
    await user.keyboard('Final{Enter}');
    expect(rowNames()).toEqual(['Final']);
    expect(status().textContent).toBe('Renamed “Draft” to “Final”.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Final' }));
    await user.keyboard('{Enter}x{Escape}');
    expect(rowNames()).toEqual(['Final']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Final' }));
  });

  it('duplicates, deletes with Undo in the status line, and Undo brings it back', async () => {
    const s = memoryStorage();
    savePlanAs(s, 'Base', TWO);
    const { user } = setup(s);
    await user.click(screen.getByRole('button', { name: 'Duplicate Base' }));
    expect(rowNames()).toEqual(['Base', 'Base (copy)']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open Base (copy)' }));
    await user.click(screen.getByRole('button', { name: 'Delete Base' }));
    expect(rowNames()).toEqual(['Base (copy)']);
    expect(status().getAttribute('aria-live')).toBe('polite');
    expect(within(status()).getByText('Deleted “Base”.')).toBeTruthy();
    const undo = within(status()).getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    await user.keyboard('{Enter}');
    expect(rowNames()).toEqual(['Base', 'Base (copy)']);
    expect(status().textContent).toBe('Restored “Base”.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open Base' }));
  });

  it('renders names as text, never as markup', async () => {
    const s = memoryStorage();
    const { user } = setup(s, TWO, EVIL);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(rowNames()).toEqual([EVIL]);
    const panel = screen.getByRole('region', { name: 'Saved plans' });
    expect(panel.querySelectorAll('img, script')).toHaveLength(0);
    expect(panel.textContent).toContain(EVIL);
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('shows what it set aside in storage and tells the app, as errors', () => {
    const s = memoryStorage({ [LIBRARY_KEY]: 'not json' });
    const { onNotice } = setup(s);
    const note =
      /The list of saved plans is not valid JSON; it was set aside in local storage under "eks-ip-planner:quarantine:\d+", not deleted\./;
    expect(screen.getByText(note)).toBeTruthy();
    expect(onNotice).toHaveBeenCalledWith(expect.stringMatching(note), true);
    expect(screen.getByText('No saved plans yet.')).toBeTruthy();
  });

  it('a saved plan that no longer validates: says why, sets it aside, and the list follows another tab', async () => {
    const s = memoryStorage();
    const saved = savePlanAs(s, 'Stale', TWO);
    const { user, onOpen, onNotice } = setup(s);
    s.setItem(
      `${LIBRARY_KEY}:plan:${saved.ok && saved.entry.id}`,
      '{"version":1,"name":"x","vpc":{"cidrs":["nope"],"subnets":[]},"nodeGroups":[]}',
    );
    await user.click(screen.getByRole('button', { name: 'Open Stale' }));
    expect(onOpen).not.toHaveBeenCalled();
    expect(status().textContent).toMatch(
      /^"Stale" could not be opened: vpc\.cidrs\[0\].*set aside and taken off the list\.$/,
    );
    expect(screen.getByText(/The saved plan "Stale" is not a valid plan/)).toBeTruthy();
    expect(onNotice).toHaveBeenCalledWith(
      expect.stringMatching(/set aside in local storage under "eks-ip-planner:quarantine:/),
      true,
    );
    expect(screen.getByText('No saved plans yet.')).toBeTruthy();
    // Another tab saves a plan: the storage event lists it here.
    savePlanAs(s, 'From another tab', TWO);
    window.dispatchEvent(new StorageEvent('storage', { key: LIBRARY_KEY }));
    await screen.findByRole('button', { name: 'Open From another tab' });
    expect(rowNames()).toEqual(['From another tab']);
  });

  it('says when the browser allows no storage, and when storage is full', async () => {
    setup(null);
    expect(screen.getByText(/This browser does not allow this page to keep data/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    cleanup();
    const full = memoryStorage({}, 100);
    const { user } = setup(full);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(status().textContent).toMatch(/^Could not save the plan: local storage is full/);
    expect(ok(listPlans(full))).toEqual([]);
  });

  it('has no axe violations (jsdom: no colour contrast), with plans, renaming and a status', async () => {
    const s = memoryStorage();
    savePlanAs(s, 'A', TWO);
    savePlanAs(s, 'B', TWO);
    const { user } = setup(s);
    await user.click(screen.getByRole('button', { name: 'Delete A' }));
    await user.click(screen.getByRole('button', { name: 'Rename B' }));
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const r = await axe.run(document.body, {
      rules: { 'color-contrast': { enabled: false } },
      resultTypes: ['violations'],
    });
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

function ok(r: ReturnType<typeof listPlans>) {
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.plans;
}
