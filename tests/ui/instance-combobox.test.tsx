// @vitest-environment jsdom
/**
 * The instance-type combobox by keyboard only (issue 11 point 11), after the WAI-ARIA combobox pattern:
 * focus stays in the input, aria-activedescendant names the highlighted option, Tab and Enter take it,
 * Escape restores the last valid type, any case is accepted. And each option shows GPUs and EFA.
 * Expected figures are AWS's: m5.16xlarge and m5.24xlarge have 15 ENIs × 50 IPv4, m5.large 3 × 10
 * (eni-max-pods.txt: 737 and 29); p5.48xlarge carries 8 H100 GPUs and 32 EFA interfaces (EC2 accelerated
 * computing specs), dl1.24xlarge is not in Karpenter's table.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { draftToJson } from '../../src/state/draft';
import { expectPerNode } from './helpers';
import { renderApp } from './render-app';
import { activeDraft } from '../../src/state/workspace-state';

afterEach(cleanup);

const combobox = () => screen.getByRole('combobox', { name: 'Instance type' }) as HTMLInputElement;
/** The option aria-activedescendant points at (the highlighted one), or null. */
const highlighted = () => {
  const id = combobox().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
const optionName = (o: Element | null) => o?.querySelector('.opt-name')?.textContent ?? null;

/** Focuses the combobox from the page by Tab alone, as a keyboard user would. */
async function tabTo(user: ReturnType<typeof renderApp>['user'], el: HTMLElement) {
  for (let i = 0; i < 120 && document.activeElement !== el; i++) await user.tab();
  expect(document.activeElement).toBe(el);
}

describe('the instance-type combobox, keyboard only', () => {
  it('a full name then Tab: focus moves on to the next field (not the page body), the type is kept', async () => {
    const { user, store } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Control>}a{/Control}m5.24xlarge');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Node group kind'));
    expect(box.value).toBe('m5.24xlarge');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(
      (draftToJson(activeDraft(store.getState())) as { nodeGroups: { instanceType: string }[] }).nodeGroups[0]!
        .instanceType,
    ).toBe('m5.24xlarge');
    // 20 pods on 50-address ENIs: 2 ENIs × 49 held + 2 primaries, as on m5.16xlarge.
    await expectPerNode('general', '100');
  });

  it('ArrowDown on m5.16xlarge highlights m5.16xlarge itself, so Down+Enter changes nothing', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(optionName(highlighted())).toBe('m5.16xlarge');
    expect(highlighted()!.getAttribute('aria-selected')).toBe('true');
    // the highlighted option is in the listbox the input controls
    const listbox = document.getElementById(box.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).toBe('listbox');
    expect(listbox.contains(highlighted())).toBe(true);
    await user.keyboard('{Enter}');
    expect(box.value).toBe('m5.16xlarge');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(box);
  });

  it('Down moves on from the current type (m5.16xlarge → m5.24xlarge, next by vCPUs); Up moves back', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(optionName(highlighted())).toBe('m5.24xlarge');
    await user.keyboard('{ArrowUp}');
    expect(optionName(highlighted())).toBe('m5.16xlarge');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box.value).toBe('m5.24xlarge');
  });

  it('Alt+Down opens the list without moving; Alt+Up takes the highlighted option and closes it', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(highlighted()).toBeNull();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const name = optionName(highlighted());
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(box.value).toBe(name);
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape on a partial "p5.4" restores the last valid type, and the plan stays valid', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Control>}a{/Control}p5.4');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('{Escape}');
    expect(box.value).toBe('m5.16xlarge');
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('heading', { level: 2, name: 'Does not fit at max' })).toBeTruthy();
    await expectPerNode('general', '100');
  });

  it('Escape on a valid type only closes the list (it was already taken)', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Control>}a{/Control}m5.large{Escape}');
    expect(box.value).toBe('m5.large');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('"M5.LARGE" is accepted and written in lower case: 3 ENIs × 10 = 30 addresses for 20 pods', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Control>}a{/Control}M5.LARGE');
    expect(box.value).toBe('m5.large');
    expect(box.getAttribute('aria-invalid')).toBeNull();
    await user.tab();
    // m5.large: max pods 29 (27 pods), the CNI fills all 3 ENIs: 27 secondary IPs + 3 primaries.
    await expectPerNode('general', '30');
  });

  it('Tab takes the highlighted option: "m5.8" highlights m5.8xlarge first, Tab chooses it', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Control>}a{/Control}m5.8');
    expect(optionName(highlighted())).toBe('m5.8xlarge');
    await user.tab();
    expect(box.value).toBe('m5.8xlarge');
    expect(document.activeElement).toBe(screen.getByLabelText('Node group kind'));
    // m5.8xlarge: 8 ENIs × 30; 20 pods hold 2 ENIs × 29 + 2 primaries.
    await expectPerNode('general', '60');
  });

  it('an emptied field highlights nothing: Tab leaves it empty (and says why), picking no type', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Control>}a{/Control}{Backspace}');
    expect(highlighted()).toBeNull();
    await user.tab();
    expect(box.value).toBe('');
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('GPUs and EFA per option', () => {
  it('p5.48xlarge reads 8× H100 · 32 EFA beside its name; dl1.24xlarge says its EFA is unknown, not 0', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = combobox();
    await tabTo(user, box);
    await user.keyboard('{Control>}a{/Control}p5.48');
    const list = screen.getByRole('listbox');
    const p5 = within(list)
      .getAllByRole('option')
      .find((o) => optionName(o) === 'p5.48xlarge')!;
    expect(p5.querySelector('.opt-ai')!.textContent).toBe(', 8× H100 · 32 EFA');
    expect(p5.textContent).toMatch(/2 × 50 IPv4 · 192 vCPU · max pods 100 \//);
    await user.keyboard('{Control>}a{/Control}dl1.24');
    const dl1 = within(screen.getByRole('listbox'))
      .getAllByRole('option')
      .find((o) => optionName(o) === 'dl1.24xlarge')!;
    expect(dl1.querySelector('.opt-ai')!.textContent).toBe(', EFA unknown');
    // a type with neither GPUs nor EFA says nothing of them
    await user.keyboard('{Control>}a{/Control}m5.large');
    const m5 = within(screen.getByRole('listbox'))
      .getAllByRole('option')
      .find((o) => optionName(o) === 'm5.large')!;
    expect(m5.querySelector('.opt-ai')).toBeNull();
  });
});
