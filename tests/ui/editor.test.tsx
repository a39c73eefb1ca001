// @vitest-environment jsdom
/** The editor's helpers: the instance-type combobox, secondary CIDRs, the carve helper, the share link. */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPANDED_VPC, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { decodeLink } from '../../src/model/share-link';
import { describedText, expectPerNode } from './helpers';
import { renderApp } from './render-app';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the instance-type combobox', () => {
  it('type-ahead and the keyboard pick m5.8xlarge: 8 × 30 IPv4, max pods 234 / 234 / 232, and 60 addresses with 20 pods', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = screen.getByRole('combobox', { name: 'Instance type' });
    await user.clear(box);
    await user.type(box, 'm5.8');
    const list = screen.getByRole('listbox');
    const first = within(list).getAllByRole('option')[0]!;
    expect(first.textContent).toMatch(/^m5\.8xlarge8 × 30 IPv4 · 32 vCPU · max pods 234 \/ 234 \/ 232/);
    await user.keyboard('{Enter}');
    expect((box as HTMLInputElement).value).toBe('m5.8xlarge');
    await expectPerNode('general', '60');
  });

  it('arrow keys move through the family; Escape restores the last valid type (issue 11.11)', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    const box = screen.getByRole('combobox', { name: 'Instance type' }) as HTMLInputElement;
    await user.clear(box);
    await user.type(box, 'p5');
    await user.keyboard('{ArrowDown}');
    const highlighted = screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');
    expect(highlighted?.textContent).toMatch(/^p5/);
    await user.keyboard('{Escape}');
    expect(box.value).toBe('m5.16xlarge');
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('VPC CIDRs', () => {
  it('adds 100.64.0.0/16 as a secondary CIDR and checks AWS association rules as you type', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Add secondary CIDR' }));
    const second = screen.getByLabelText('Secondary VPC CIDR 1') as HTMLInputElement;
    expect(second.value).toBe('100.64.0.0/16');
    await user.clear(second);
    await user.type(second, '192.168.0.0/16');
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(second)).toMatch(/cannot be added to a VPC whose CIDRs include 10\.0\.0\.0\/22/);
    await user.click(screen.getByRole('button', { name: /Remove secondary CIDR/ }));
    expect(screen.queryByLabelText('Secondary VPC CIDR 1')).toBeNull();
  });

  it("shows each CIDR's free space: the /22 has 256 addresses in no subnet", () => {
    renderApp(SMALL_ROUTABLE_VPC);
    expect(describedText(screen.getByLabelText('VPC CIDR'))).toMatch(
      /1,024 addresses · 3 subnets · 256 not in any subnet/,
    );
  });
});

describe('the carve helper', () => {
  it('lays out three /26 subnets per AZ around the existing ones', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Carve subnets…' }));
    const size = await screen.findByLabelText('Subnet size', {}, { timeout: 5000 }); // a lazy chunk: slow when the machine is busy
    await user.selectOptions(size, '26');
    const preview = screen.getByRole('list', { name: 'Subnets to add' });
    expect(preview.textContent).toBe(
      'nodes-a-2 us-east-1a 10.0.3.0/26nodes-b-2 us-east-1b 10.0.3.64/26nodes-c-2 us-east-1c 10.0.3.128/26',
    );
    await user.click(screen.getByRole('button', { name: 'Add 3 subnets' }));
    expect(screen.getAllByLabelText('Subnet CIDR').map((i) => (i as HTMLInputElement).value)).toEqual([
      '10.0.0.0/24',
      '10.0.1.0/24',
      '10.0.2.0/24',
      '10.0.3.0/26',
      '10.0.3.64/26',
      '10.0.3.128/26',
    ]);
  });
});

describe('custom networking', () => {
  it('pod subnets per AZ: the expanded preset puts pod ENIs in 100.64.0.0/16 and friends', async () => {
    renderApp(EXPANDED_VPC);
    expect((screen.getByLabelText('Pod subnet in us-east-1a') as HTMLSelectElement).value).toBe('pods-a');
    // The node subnet keeps 1 address per node under custom networking.
    // 1 node IP in the node subnet; in the pod subnet 2 pod ENIs × 49 held + their 2 primaries.
    await expectPerNode('general', '101');
    expect(screen.getByRole('heading', { name: 'Fits at max' })).toBeTruthy();
  });
});

describe('Copy share link', () => {
  it('copies a link that decodes to the plan, and says so', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect((await screen.findByText('Share link copied to the clipboard.')).getAttribute('aria-live')).toBe('polite');
    const link = writeText.mock.calls[0]![0];
    const decoded = decodeLink(link);
    expect(decoded.ok && (decoded.json as { name: string }).name).toBe('Small routable VPC');
  });
});
