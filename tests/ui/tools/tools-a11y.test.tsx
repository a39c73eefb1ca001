// @vitest-environment jsdom
/** Both views with axe (jsdom: no colour contrast) in their normal and invalid states, and by keyboard. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { SMALL_ROUTABLE_VPC } from '../../../src/model/presets';
import CrossAzView from '../../../src/ui/tools/cross-az-view';
import DnsView from '../../../src/ui/tools/dns-view';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function violations(): Promise<string[]> {
  // jsdom has no canvas; axe only uses it to spot icon ligatures.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  const r = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of the tool views', () => {
  it('no axe violations, valid and invalid', async () => {
    const { unmount } = render(
      <main>
        <DnsView value={undefined} onChange={() => {}} />
        <CrossAzView plan={SMALL_ROUTABLE_VPC} dataset={dataset} value={undefined} onChange={() => {}} />
      </main>,
    );
    expect(await violations()).toEqual([]);
    unmount();
    render(
      <main>
        <DnsView value={{ name: 'a..b', namespace: 'X', ndots: 2 }} onChange={() => {}} />
        <CrossAzView
          plan={SMALL_ROUTABLE_VPC}
          dataset={dataset}
          value={{ pods: 3, unit: 'step', bytesPerPod: 1, spread: { 'us-east-1a': 0 }, labelKey: '', labelValue: '-' }}
          onChange={() => {}}
        />
      </main>,
    );
    expect(
      screen.getAllByRole('textbox').filter((i) => i.getAttribute('aria-invalid') === 'true').length,
    ).toBeGreaterThanOrEqual(4);
    expect(await violations()).toEqual([]);
  });

  it('works from the keyboard: an example by Tab and Enter, the traffic unit by arrow keys', async () => {
    const onDns = vi.fn();
    const onAz = vi.fn();
    render(
      <main>
        <DnsView value={undefined} onChange={onDns} />
        <CrossAzView plan={SMALL_ROUTABLE_VPC} dataset={dataset} value={undefined} onChange={onAz} />
      </main>,
    );
    // jsdom lacks CSS.escape, which user-event uses to find a radio group's members by name.
    if (!globalThis.CSS?.escape) vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
    const user = userEvent.setup();
    screen.getByRole('textbox', { name: 'ndots' }).focus();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'servicename.namespace' }));
    await user.keyboard('{Enter}');
    expect(onDns).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'servicename.namespace' }));
    screen.getByRole('radio', { name: 'per hour' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(onAz).toHaveBeenLastCalledWith(expect.objectContaining({ unit: 'step', stepsPerHour: 60 }));
  });
});
