// @vitest-environment jsdom
/**
 * The seed's fix by hand (issue 11 points 8–10): a secondary CIDR, pod subnets per AZ, custom networking,
 * max pods. Each step has a sensible default and the page never turns red on the natural path; where it must
 * (custom networking before any pod subnet) one click carves them; repeated findings are one line.
 * Expected CIDRs are worked out from the VPC's free space by hand (a /16 split for three AZs gives /18s).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPANDED_VPC, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import type { Plan } from '../../src/model/plan';
import { largePlan } from '../fixtures/large-plan';
import { expectPerNode } from './helpers';
import { renderApp } from './render-app';

afterEach(cleanup);
// jsdom lays nothing out: "Go to field" scrolls through this.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
});

const cidrValues = () => screen.getAllByLabelText('Subnet CIDR').map((i) => (i as HTMLInputElement).value);
const nameValues = () =>
  document.querySelectorAll<HTMLInputElement>('.subnet-table th input').length
    ? [...document.querySelectorAll<HTMLInputElement>('.subnet-table th input')].map((i) => i.value)
    : [];
const podSelect = (az: string) => screen.getByLabelText(`Pod subnet in ${az}`) as HTMLSelectElement;
const banner = () => document.querySelector('.stale-banner');

describe('the seed’s fix by hand', () => {
  it('secondary CIDR, carve, custom networking, recommended max pods: never red, fits at max', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Add secondary CIDR' }));
    expect((screen.getByLabelText('Secondary VPC CIDR 1') as HTMLInputElement).value).toBe('100.64.0.0/16');
    expect(banner()).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Carve subnets…' }));
    const source = (await screen.findByLabelText('From VPC CIDR')) as HTMLSelectElement;
    // Opens on the CIDR just added, with the AZs that have nothing there, at the largest size three fit.
    expect(source.value).toBe('100.64.0.0/16');
    expect(document.activeElement).toBe(source);
    expect((screen.getByLabelText('Subnet size') as HTMLSelectElement).value).toBe('18');
    expect(screen.getByRole('list', { name: 'Subnets to add' }).textContent).toBe(
      'pods-a us-east-1a 100.64.0.0/18pods-b us-east-1b 100.64.64.0/18pods-c us-east-1c 100.64.128.0/18',
    );
    await user.click(screen.getByRole('button', { name: 'Add 3 subnets' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Carve subnets…' }));
    expect(banner()).toBeNull();

    // Ticking custom networking picks each AZ's only free subnet: nothing to fix.
    await user.click(screen.getByLabelText('Custom networking'));
    expect(['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => podSelect(az).value)).toEqual([
      'pods-a',
      'pods-b',
      'pods-c',
    ]);
    expect(banner()).toBeNull();

    // m5.16xlarge under custom networking: (15 − 1) ENIs × 49 + 2 = 688, capped at 250 (max-pods-calculator.sh).
    await user.click(screen.getByRole('button', { name: 'Use recommended max pods (250) for general' }));
    expect(await screen.findByRole('heading', { name: 'Fits at max' })).toBeTruthy();
    // 1 node IP in the node subnet; 20 pods on one pod ENI of 49 + one warm ENI: 2 × 49 + 2 primaries + 1.
    await expectPerNode('general', '101');
  });

  it('Add subnet after a secondary CIDR proposes from that CIDR, per AZ, named for pods', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Add secondary CIDR' }));
    await user.click(screen.getByRole('button', { name: 'Add subnet' }));
    await user.click(screen.getByRole('button', { name: 'Add subnet' }));
    // The primary still has 10.0.3.0/24 free, but the newest CIDR with room comes first.
    expect(cidrValues().slice(3)).toEqual(['100.64.0.0/18', '100.64.64.0/18']);
    expect(nameValues().slice(3)).toEqual(['pods-a', 'pods-b']);
    expect(
      screen
        .getAllByLabelText('Availability Zone')
        .slice(3)
        .map((i) => (i as HTMLInputElement).value),
    ).toEqual(['us-east-1a', 'us-east-1b']);
  });

  it('custom networking before any pod subnet: the field says so, Go to field focuses it, one click carves them', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByLabelText('Custom networking'));
    const title = await screen.findByRole('heading', { name: /^1 field needs fixing/ });
    await user.click(within(title.closest('section')!).getByRole('button', { name: 'Go to field' }));
    expect(document.activeElement).toBe(podSelect('us-east-1a'));

    await user.click(screen.getByRole('button', { name: 'Carve pod subnets from 100.64.0.0/16' }));
    expect((screen.getByLabelText('Secondary VPC CIDR 1') as HTMLInputElement).value).toBe('100.64.0.0/16');
    expect(cidrValues().slice(3)).toEqual(['100.64.0.0/18', '100.64.64.0/18', '100.64.128.0/18']);
    expect(['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => podSelect(az).value)).toEqual([
      'pods-a',
      'pods-b',
      'pods-c',
    ]);
    await waitFor(() => expect(banner()).toBeNull());
  });

  it('an AZ with two free subnets stays for the user to pick', async () => {
    const plan: Plan = structuredClone(EXPANDED_VPC);
    plan.cni.customNetworking = false;
    plan.nodeGroups[0]!.podSubnets = [];
    plan.vpc.subnets.push({ name: 'pods-a-2', az: 'us-east-1a', cidr: '100.67.0.0/16' });
    plan.vpc.cidrs.push('100.67.0.0/16');
    const { user } = renderApp(plan);
    await user.click(screen.getByLabelText('Custom networking'));
    expect(['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => podSelect(az).value)).toEqual([
      '',
      'pods-b',
      'pods-c',
    ]);
    expect(await screen.findByRole('heading', { name: /^1 field needs fixing/ })).toBeTruthy();
  });
});

describe('the carve helper', () => {
  const threeSecondaries = (): Plan => {
    const plan = structuredClone(SMALL_ROUTABLE_VPC);
    plan.vpc.cidrs.push('100.64.0.0/16', '100.65.0.0/16', '100.66.0.0/16');
    return plan;
  };

  it('makes one pod subnet per AZ across three secondary CIDRs', async () => {
    const { user } = renderApp(threeSecondaries());
    await user.click(screen.getByRole('button', { name: 'Carve subnets…' }));
    const source = (await screen.findByLabelText('From VPC CIDR')) as HTMLSelectElement;
    expect(source.selectedOptions[0]!.textContent).toBe('One per AZ: 100.64.0.0/16, 100.65.0.0/16, 100.66.0.0/16');
    expect(screen.getByRole('list', { name: 'Subnets to add' }).textContent).toBe(
      'pods-a us-east-1a 100.64.0.0/16pods-b us-east-1b 100.65.0.0/16pods-c us-east-1c 100.66.0.0/16',
    );
    await user.click(screen.getByRole('button', { name: 'Add 3 subnets' }));
    expect(cidrValues().slice(3)).toEqual(['100.64.0.0/16', '100.65.0.0/16', '100.66.0.0/16']);
    expect(nameValues().slice(3)).toEqual(['pods-a', 'pods-b', 'pods-c']);
  });

  it('opens on the source it was last used with, and offers no size larger than the free space of it', async () => {
    const { user } = renderApp(threeSecondaries());
    await user.click(screen.getByRole('button', { name: 'Carve subnets…' }));
    await user.selectOptions(await screen.findByLabelText('From VPC CIDR'), '10.0.0.0/22');
    // 10.0.0.0/22 holds three /24s: a /24 is the largest block left, so the sizes run /24 … /28.
    const sizes = [...(screen.getByLabelText('Subnet size') as HTMLSelectElement).options].map((o) => o.value);
    expect(sizes).toEqual(['24', '25', '26', '27', '28']);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Carve subnets…' }));
    expect(((await screen.findByLabelText('From VPC CIDR')) as HTMLSelectElement).value).toBe('10.0.0.0/22');
  });

  it('a second carve from the same CIDR goes to the AZs without a subnet there', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Add secondary CIDR' }));
    await user.click(screen.getByRole('button', { name: 'Carve subnets…' }));
    await screen.findByLabelText('From VPC CIDR');
    await user.click(screen.getByLabelText('us-east-1b'));
    await user.click(screen.getByLabelText('us-east-1c'));
    // One AZ: the whole /16.
    expect(screen.getByRole('list', { name: 'Subnets to add' }).textContent).toBe('pods-a us-east-1a 100.64.0.0/16');
    await user.selectOptions(screen.getByLabelText('Subnet size'), '18');
    await user.click(screen.getByRole('button', { name: 'Add 1 subnet' }));
    await user.click(screen.getByRole('button', { name: 'Carve subnets…' }));
    await screen.findByLabelText('From VPC CIDR');
    expect(screen.getByRole('list', { name: 'Subnets to add' }).textContent).toBe(
      'pods-b us-east-1b 100.64.64.0/18pods-c us-east-1c 100.64.128.0/18',
    );
  });
});

describe('repeated findings', () => {
  // Ten of the benchmark plan's groups (all forty is the browser test's).
  it('custom networking over 10 node groups: one line for the 10, the list folded, one click fixes them', async () => {
    const plan = largePlan();
    plan.nodeGroups = plan.nodeGroups.slice(0, 10);
    plan.vpc.subnets = plan.vpc.subnets.slice(0, 30); // the ten triplets they launch in: no subnet left for pods
    const { user } = renderApp(plan);
    await user.click(screen.getByLabelText('Custom networking'));
    const title = await screen.findByRole('heading', { name: /^1 problem in 10 fields needs fixing/ });
    const section = title.closest('section')!;
    const lines = section.querySelectorAll(':scope > ul > li');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.textContent).toMatch(
      /^nodeGroups\[\*\]\.podSubnets 10 node groups: Custom networking puts pod ENIs/,
    );
    const which = within(section).getByText('Which 10').closest('details')!;
    expect(which.open).toBe(false);
    expect(within(which).getAllByRole('button', { name: 'Go to field' })).toHaveLength(10);
    // More than six cards with a problem: they stay folded (the first was open from the start), each with
    // its badge, and can be opened.
    const cards = [...document.querySelectorAll('.group-card')];
    const toggles = cards.map((c) => c.querySelector<HTMLButtonElement>('.disclosure')!);
    expect(toggles.map((t) => t.getAttribute('aria-expanded'))).toEqual(['true', ...Array(9).fill('false')]);
    expect(cards.filter((c) => c.querySelector('.badge-error')?.textContent === 'needs fixing')).toHaveLength(10);
    expect(toggles.filter((t) => t.disabled)).toHaveLength(0);
    // "Go to field" for group-07 unfolds its card and puts the focus in its first pod subnet select.
    await user.click(within(which).getAllByRole('button', { name: 'Go to field' })[6]!);
    await waitFor(() => expect(toggles[6]!.getAttribute('aria-expanded')).toBe('true'));
    await waitFor(() => expect(document.activeElement?.id).toMatch(/podSubnets/));
    expect(cards[6]!.contains(document.activeElement)).toBe(true);

    // 100.65.0.0/16, the newest pod CIDR, is empty now: a /16 split for three AZs gives /18s.
    await user.click(screen.getByRole('button', { name: 'Carve pod subnets from 100.65.0.0/16' }));
    await waitFor(() => expect(banner()).toBeNull());
    expect(cidrValues().slice(30)).toEqual(['100.65.0.0/18', '100.65.64.0/18', '100.65.128.0/18']);
  });
});

describe('repeated findings in the results', () => {
  it('five groups with the default max pods under custom networking: one finding, one button for the five', async () => {
    const plan: Plan = structuredClone(EXPANDED_VPC);
    const g = plan.nodeGroups[0]!;
    plan.nodeGroups = [1, 2, 3, 4, 5].map((i) => ({ ...g, name: `web-${i}`, maxPods: null, maxNodes: 9 }));
    const { user } = renderApp(plan);
    const panel = screen.getByRole('heading', { name: /^Findings/ }).closest('section')!;
    const line = within(panel).getByText('5 node groups').closest('li')!;
    // eni-max-pods.txt: m5.16xlarge 737 = 15 ENIs × 49 + 2; under custom networking 14 × 49 = 686 addresses.
    expect(line.querySelector('.w-msg')!.textContent).toBe(
      '5 node groups: custom networking takes the primary ENI away from pods, but the default max pods (737) does not know; ' +
        'the kubelet schedules up to 735 pods but only 686 get addresses',
    );
    const list = line.querySelector('details')!;
    expect(list.open).toBe(false);
    expect([...list.querySelectorAll('li')].map((li) => li.textContent!.split(':')[0])).toEqual([
      'web-1',
      'web-2',
      'web-3',
      'web-4',
      'web-5',
    ]);
    await user.click(within(line).getByRole('button', { name: 'Apply: max pods = 250 (all 5)' }));
    await waitFor(() => expect(within(panel).queryByText('5 node groups')).toBeNull());
    expect(screen.getAllByLabelText('Max pods').map((i) => (i as HTMLInputElement).value)).toEqual([
      '250',
      '250',
      '250',
      '250',
      '250',
    ]);
    // One undo step for the five.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getAllByLabelText('Max pods').map((i) => (i as HTMLInputElement).value)).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);
  });
});
