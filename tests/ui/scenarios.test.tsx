// @vitest-environment jsdom
/**
 * Scenarios (issue "What-if") in the page, with the small routable preset's numbers: A (WARM_ENI_TARGET=1)
 * holds 100 addresses per m5.16xlarge and does not fit, nodes-a running out at 7 nodes; B with
 * MINIMUM_IP_TARGET=25 and WARM_IP_TARGET=5 holds max(20 + 5, 25) = 25 + 1 primary = 26 and fits, with
 * nothing running out up to 18 nodes (twice max). The advisor's first fix is that same change.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { expectPerNode, stat } from './helpers';
import { renderApp } from './render-app';

afterEach(cleanup);

const tabs = () =>
  screen
    .getAllByRole('tab', { name: /Small routable|MINIMUM_IP_TARGET/ })
    .map((t) => [t.textContent, t.getAttribute('aria-selected')]);
/** A row of a comparison table as [label, cell, cell, …]. */
const compareRow = (table: string, label: string) => {
  const t = screen.getByRole('table', { name: table });
  const row = within(t).getByRole('rowheader', { name: label }).closest('tr')!;
  return [...row.children].map((c) => c.textContent);
};

describe('scenarios', () => {
  it('fork → edit B → compare: A does not fit (nodes-a at 7 nodes), B with MIT 25 / WIT 5 fits at 26 addresses per node', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    expect(tabs()).toEqual([
      ['Small routable VPC', 'false'],
      ['Small routable VPC (B)', 'true'],
    ]);
    expect((screen.getByLabelText('Plan name') as HTMLInputElement).value).toBe('Small routable VPC (B)');
    await user.type(screen.getByLabelText('MINIMUM_IP_TARGET'), '25');
    await user.type(screen.getByLabelText('WARM_IP_TARGET'), '5');
    expect(screen.getByRole('heading', { name: 'Fits at max' })).toBeTruthy();
    await expectPerNode('general', '26');
    expect(stat('Addresses used at max')).toBe('258'); // 9 × 26 + 3 × 8 reserved

    await user.click(screen.getByRole('button', { name: 'Compare scenarios' }));
    await screen.findByRole('heading', { name: 'Compare scenarios' }, { timeout: 5000 });
    await waitFor(() =>
      expect(compareRow('At a glance', 'Fits at max')).toEqual([
        'Fits at max',
        'No',
        'Yesagainst the baseline: now fits (better)',
      ]),
    );
    expect(compareRow('At a glance', 'Nodes until the first subnet runs out')).toEqual([
      'Nodes until the first subnet runs out',
      '7 (nodes-a)',
      'none up to 18against the baseline: no longer runs out (better)',
    ]);
    expect(compareRow('At a glance', 'Addresses used at max')).toEqual([
      'Addresses used at max',
      '924 of 753',
      '258 of 753against the baseline: −666 (better)',
    ]);
    expect(compareRow('At a glance', 'Warm pool share at desired')).toEqual([
      'Warm pool share at desired',
      '72 %',
      '15 %against the baseline: −57 % (better)',
    ]);
    expect(compareRow('Subnets: addresses used at max / usable', 'nodes-a')).toEqual([
      'nodes-a',
      '308 / 251',
      '86 / 251against the baseline: −222 (better)',
    ]);
    expect(compareRow('Node groups', 'Addresses per node')).toEqual([
      'Addresses per node',
      '100',
      '26against the baseline: −74 (better)',
    ]);
    // A: 2 nodes of 100 addresses per /24 (251 usable, 8 reserved) × 3 subnets = 6; B: 9 of 26 each = 27, 18 beyond max.
    // The difference counts the nodes at max that fit (6 → 9), never the room beyond max.
    expect(compareRow('Node groups', 'Nodes at max that fit')).toEqual([
      'Nodes at max that fit',
      '6 of 9',
      'all 9, room for 18 moreagainst the baseline: +3 (better)',
    ]);
    // The difference is in the text, the colour only repeats it.
    const cell = within(screen.getByRole('table', { name: 'Node groups' })).getByText('−74');
    expect(cell.closest('.diff')!.className).toBe('diff better');
  });

  it('switching tabs shows each scenario; arrow keys move between the tabs', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    await user.type(screen.getByLabelText('WARM_IP_TARGET'), '5');
    await expectPerNode('general', '26');
    const a = screen.getByRole('tab', { name: 'Small routable VPC' });
    await user.click(a);
    await expectPerNode('general', '100');
    expect(document.getElementById('scenario-panel')!.getAttribute('aria-labelledby')).toBe(a.id);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Small routable VPC (B)' }));
    await expectPerNode('general', '26');
    expect((screen.getByLabelText('WARM_IP_TARGET') as HTMLInputElement).value).toBe('5');
  });

  it('deleting a scenario can be undone: B comes back with its edits', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    await user.type(screen.getByLabelText('MINIMUM_IP_TARGET'), '25');
    await user.click(screen.getByRole('button', { name: 'Delete scenario Small routable VPC (B)' }));
    expect(tabs()).toEqual([['Small routable VPC', 'true']]);
    expect(document.querySelector('.scenario-status')!.textContent).toBe(
      'Deleted the scenario “Small routable VPC (B)”. Undo brings it back.',
    );
    expect((screen.getByRole('button', { name: /^Delete scenario/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(tabs()).toEqual([
      ['Small routable VPC', 'false'],
      ['Small routable VPC (B)', 'true'],
    ]);
    expect((screen.getByLabelText('MINIMUM_IP_TARGET') as HTMLInputElement).value).toBe('25');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(tabs()).toEqual([['Small routable VPC', 'true']]);
  });

  it('"Make it a scenario" adds the advisor\'s first fix (MIT 25, WIT 5) as a scenario that fits, and switches to it', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const advisor = await screen.findByRole('region', { name: /^Fixes, measured/ }, { timeout: 5000 });
    const first = await within(advisor).findByRole(
      'heading',
      { name: /^1\W*MINIMUM_IP_TARGET=25, WARM_IP_TARGET=5$/ },
      { timeout: 5000 },
    );
    const make = within(first.closest('li')!).getByRole('button', { name: 'Make it a scenario' });
    expect(make.getAttribute('aria-describedby')).toBe(first.id);
    await waitFor(() => expect((make as HTMLButtonElement).disabled).toBe(false));
    // Its measured headroom: fits, nothing runs out within 2× max, 258 addresses at max, 15 % warm.
    const item = make.closest('li')!;
    expect([...item.querySelectorAll('.figures dd')].map((d) => d.textContent)).toEqual([
      'Yes',
      'not within 2× max',
      '258',
      '15 %',
    ]);
    await user.click(make);
    // A short name (the plan's and the fix's in a few words), not the whole title; the new tab has the focus.
    expect(tabs()).toEqual([
      ['Small routable VPC', 'false'],
      ['Small routable VPC + MIT 25/WIT 5', 'true'],
    ]);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Small routable VPC + MIT 25/WIT 5' })),
    );
    expect(screen.getByRole('heading', { name: 'Fits at max' })).toBeTruthy();
    expect((screen.getByLabelText('MINIMUM_IP_TARGET') as HTMLInputElement).value).toBe('25');
    await expectPerNode('general', '26');
  });

  it('forks up to 8 scenarios, then says why not', async () => {
    const { user, store } = renderApp(SMALL_ROUTABLE_VPC);
    for (let i = 0; i < 7; i++) await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    expect(store.getState().scenarios.map((d) => d.name.slice(-3))).toEqual([
      'VPC',
      '(B)',
      '(C)',
      '(D)',
      '(E)',
      '(F)',
      '(G)',
      '(H)',
    ]);
    expect((screen.getByRole('button', { name: 'Fork scenario' }) as HTMLButtonElement).disabled).toBe(true);
    expect(store.getState().actions.forkScenario()).toBe(false);
    expect(store.getState().notice).toEqual({ kind: 'full', max: 8 });
    // the scenario bar's live region words the store's fact
    await waitFor(() =>
      expect(document.querySelector('.scenario-status')!.textContent).toBe('At most 8 scenarios: delete one first.'),
    );
  });
});
