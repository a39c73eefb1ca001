// @vitest-environment jsdom
/** The DNS view: the exact query sequence for ndots 5 against the chosen value, the dnsConfig, validation. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DnsView as DnsViewValue } from '../../../src/model/views';
import DnsView from '../../../src/ui/tools/dns-view';
import { describedText } from '../helpers';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The view controlled the way the app does it: the last value passed to onChange is the value. */
function setup(initial?: DnsViewValue) {
  const onChange = vi.fn();
  function Host() {
    const [value, setValue] = useState(initial);
    return (
      <DnsView
        value={value}
        onChange={(v) => {
          onChange(v);
          setValue(v);
        }}
      />
    );
  }
  const user = userEvent.setup();
  render(<Host />);
  return { user, onChange };
}

/** Rows of the query table with this caption: [#, name, type, answer]. */
function rows(caption: RegExp): string[][] {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent!.replace('✕ ', '')),
    );
}
const nx = (r: string[][]) => r.filter((x) => x[3] === 'NXDOMAIN').length;
const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

describe('DNS lookups and ndots', () => {
  it('opens on s3.us-east-2.amazonaws.com with ndots 2: 8 NXDOMAIN under ndots:5, none under ndots:2', () => {
    setup();
    const section = screen.getByRole('region', { name: 'DNS lookups and ndots' });
    expect(within(section).getByRole('heading', { level: 2, name: 'DNS lookups and ndots' })).toBeTruthy();
    expect([
      input('Name to resolve').value,
      input('Namespace').value,
      input('Cluster domain').value,
      input('Region').value,
      input('ndots').value,
    ]).toEqual(['s3.us-east-2.amazonaws.com', 'default', 'cluster.local', 'us-east-1', '2']);
    const base = rows(/ndots:5 \(Kubernetes default\)/);
    expect(base).toHaveLength(10);
    expect(nx(base)).toBe(8);
    expect(base.slice(0, 8).map((r) => r[1])).toEqual([
      's3.us-east-2.amazonaws.com.default.svc.cluster.local',
      's3.us-east-2.amazonaws.com.default.svc.cluster.local',
      's3.us-east-2.amazonaws.com.svc.cluster.local',
      's3.us-east-2.amazonaws.com.svc.cluster.local',
      's3.us-east-2.amazonaws.com.cluster.local',
      's3.us-east-2.amazonaws.com.cluster.local',
      's3.us-east-2.amazonaws.com.ec2.internal',
      's3.us-east-2.amazonaws.com.ec2.internal',
    ]);
    expect(base.slice(0, 2).map((r) => r[2])).toEqual(['A', 'AAAA']);
    expect(base[8]).toEqual(['9', 's3.us-east-2.amazonaws.com', 'A', 'Answer (address)']);
    const chosen = rows(/ndots:2 \(chosen\)/);
    expect(chosen.map((r) => r[1])).toEqual(['s3.us-east-2.amazonaws.com', 's3.us-east-2.amazonaws.com']);
    expect(nx(chosen)).toBe(0);
    expect(screen.getByText('ndots:2 saves 8 NXDOMAIN round trips on every lookup of this name.')).toBeTruthy();
  });

  it('region us-east-2 searches us-east-2.compute.internal; with ndots 5 alone there is one table', () => {
    setup({ name: 's3.us-east-2.amazonaws.com', namespace: 'default', region: 'us-east-2', ndots: 5 });
    expect(screen.getAllByRole('table')).toHaveLength(1);
    const base = rows(/ndots:5/);
    expect(nx(base)).toBe(8);
    expect(base[6]![1]).toBe('s3.us-east-2.amazonaws.com.us-east-2.compute.internal');
    expect(screen.getByText(/Host search domain: us-east-2\.compute\.internal/)).toBeTruthy();
  });

  it('servicename.namespace, one click: 2 NXDOMAIN then servicename.namespace.svc.cluster.local answers with ndots 2', async () => {
    const { user, onChange } = setup();
    await user.click(screen.getByRole('button', { name: 'servicename.namespace' }));
    expect(onChange).toHaveBeenLastCalledWith({
      name: 'servicename.namespace',
      namespace: 'default',
      clusterDomain: 'cluster.local',
      region: 'us-east-1',
      ndots: 2,
    });
    const chosen = rows(/ndots:2 \(chosen\)/);
    expect(chosen.map((r) => [r[1], r[3]])).toEqual([
      ['servicename.namespace.default.svc.cluster.local', 'NXDOMAIN'],
      ['servicename.namespace.default.svc.cluster.local', 'NXDOMAIN'],
      ['servicename.namespace.svc.cluster.local', 'Answer (address)'],
      ['servicename.namespace.svc.cluster.local', 'Answer (address)'],
    ]);
    expect(nx(rows(/ndots:5/))).toBe(2);
    expect(screen.getByText(/sends the same NXDOMAIN queries/)).toBeTruthy();
  });

  it('a trailing dot skips the search list: exactly 2 queries, whatever ndots', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'servicename.namespace.svc.cluster.local.' }));
    for (const caption of [/ndots:2/, /ndots:5/]) {
      expect(rows(caption).map((r) => [r[1], r[2], r[3]])).toEqual([
        ['servicename.namespace.svc.cluster.local.', 'A', 'Answer (address)'],
        ['servicename.namespace.svc.cluster.local.', 'AAAA', 'Answer (address)'],
      ]);
    }
  });

  it('typing ndots updates the tables and the dnsConfig YAML; copy puts it on the clipboard', async () => {
    const { user, onChange } = setup();
    await user.clear(input('ndots'));
    await user.type(input('ndots'), '3');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ ndots: 3 }));
    expect(nx(rows(/ndots:3 \(chosen\)/))).toBe(0);
    const yaml = 'dnsConfig:\n  options:\n    - name: ndots\n      value: "3"\n';
    expect(screen.getByText((_, el) => el?.tagName === 'CODE' && el.textContent === yaml)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy Pod dnsConfig for ndots:3' }));
    // user-event puts its own clipboard on navigator.
    expect(await navigator.clipboard.readText()).toBe(yaml);
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    expect(screen.getByText(/not in the cluster-wide CoreDNS configuration/)).toBeTruthy();
  });

  it('shows invalid input beside the field and keeps the last valid value', async () => {
    const { user, onChange } = setup();
    const ndots = input('ndots');
    await user.clear(ndots);
    await user.type(ndots, 'abc');
    expect(ndots.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(ndots)).toMatch(/ndots must be a whole number from 0 to 15, got "abc"/);
    await user.clear(ndots);
    await user.type(ndots, '16');
    expect(describedText(ndots)).toMatch(/glibc caps it at 15/);
    const ns = input('Namespace');
    await user.clear(ns);
    await user.type(ns, 'Bad_NS');
    expect(ns.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(ns)).toMatch(/^Namespace "Bad_NS" is not a valid namespace name/);
    expect(screen.queryAllByRole('table')).toHaveLength(0);
    expect(screen.getByText('Fix the marked fields to see the queries.')).toBeTruthy();
    expect(onChange.mock.calls.every(([v]) => v.ndots <= 15 && v.namespace !== 'Bad_NS')).toBe(true);
  });

  it('renders a name from a link as text, even <script>', () => {
    setup({ name: '<script>alert(1)</script>', region: 'us-east-1', ndots: 2 });
    const name = input('Name to resolve');
    expect(name.value).toBe('<script>alert(1)</script>');
    expect(describedText(name)).toContain('"<script>alert(1)</script>" has invalid labels');
    expect(document.querySelector('script')).toBeNull();
  });

  it('follows a new value from outside (undo, a link) and fills what a stored value leaves out', () => {
    const { rerender } = render(<DnsView value={{ name: 'a.b' }} onChange={() => {}} />);
    expect(input('ndots').value).toBe('5');
    expect(input('Namespace').value).toBe('default');
    rerender(<DnsView value={{ name: 'web.shop', namespace: 'shop', ndots: 1 }} onChange={() => {}} />);
    expect(input('Name to resolve').value).toBe('web.shop');
    expect(rows(/ndots:1 \(chosen\)/)[0]![1]).toBe('web.shop');
  });
});
