// @vitest-environment jsdom
/**
 * The subnet tags editor: tagging the /20 kubernetes.io/role/cni=1 in the issue's plan makes it fit (the
 * warm ENIs move there), =0 does not; the tags reach the share link and a bad key is named at its field;
 * the IP family select.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeLink, documentLink } from '../../src/model/share-link';
import { draftToJson } from '../../src/state/draft';
import { issuePlan } from '../model/discovery-plans';
import { describedText } from './helpers';
import { renderApp } from './render-app';
import { activeDraft } from '../../src/state/workspace-state';

afterEach(cleanup);

const verdict = () => screen.getByRole('heading', { name: /fit at max|Fits at max/ }).textContent;

describe('subnet tags in the page', () => {
  it('"Pods here (=1)" on pods-a: the plan fits; "No pods (=0)": it does not', async () => {
    const { user, store } = renderApp(issuePlan());
    await waitFor(() => expect(verdict()).toBe('Does not fit at max'));
    await user.click(screen.getByText(/Subnet tags/));
    await user.click(screen.getByRole('button', { name: 'Tag pods-a kubernetes.io/role/cni=1' }));
    await waitFor(() => expect(verdict()).toBe('Fits at max'));
    const json = draftToJson(activeDraft(store.getState())) as { vpc: { subnets: { tags?: object }[] } };
    expect(json.vpc.subnets[1]!.tags).toEqual({ 'kubernetes.io/role/cni': '1' });
    expect((screen.getByRole('textbox', { name: 'Tag value 1 of pods-a' }) as HTMLInputElement).value).toBe('1');
    await user.click(screen.getByRole('button', { name: 'Tag pods-a kubernetes.io/role/cni=0' }));
    await waitFor(() => expect(verdict()).toBe('Does not fit at max'));
  });

  it('the node group detail says where the addresses of one node land: 50 in the node subnet, 50 by subnet discovery', async () => {
    // m5.16xlarge, 10 pods: 2 ENIs of 50 (AWS's table). The primary ENI stays in nodes-a; the secondary goes
    // to the most free of nodes-a and the tagged pods-a.
    const { user } = renderApp(issuePlan());
    await user.click(screen.getByText(/Subnet tags/));
    await user.click(screen.getByRole('button', { name: 'Tag pods-a kubernetes.io/role/cni=1' }));
    await waitFor(() => expect(verdict()).toBe('Fits at max'));
    const lines = () =>
      [
        ...screen
          .getByRole('list', { name: /Where one m5.16xlarge node of .* takes its addresses/ })
          .querySelectorAll('li'),
      ].map((li) => li.textContent);
    // The detail follows the verdict a frame later (use-painted-value.ts).
    await waitFor(() =>
      expect(lines()).toEqual([
        'From the node subnet (nodes-a): 50 = node IP and primary ENI',
        'By subnet discovery (the most free of nodes-a, pods-a): 50 = 1 secondary ENI with 50 addresses',
      ]),
    );
  });

  it('a tag typed by hand goes into the plan; a key longer than 128 characters is named at the field', async () => {
    const { user, store } = renderApp(issuePlan());
    await user.click(screen.getByText(/Subnet tags/));
    await user.click(screen.getByRole('button', { name: 'Add a tag to pods-a' }));
    const key = screen.getByRole('textbox', { name: 'Tag key 1 of pods-a' });
    await user.type(key, 'kubernetes.io/role/cni');
    await user.type(screen.getByRole('textbox', { name: 'Tag value 1 of pods-a' }), 'shared');
    await waitFor(() => expect(verdict()).toBe('Fits at max'));
    const link = documentLink(draftToJson(activeDraft(store.getState())) as never, '').slice(1);
    const back = decodeLink(link) as { ok: true; json: { vpc: { subnets: { tags?: object }[] } } };
    expect(back.json.vpc.subnets[1]!.tags).toEqual({ 'kubernetes.io/role/cni': 'shared' });
    await user.clear(key);
    await user.click(key);
    await user.paste('k'.repeat(129));
    await waitFor(() => expect(describedText(key)).toMatch(/the tag key is longer than 128 characters; shorten it/));
    expect(key.getAttribute('aria-invalid')).toBe('true');
  });

  it('the IP family select: IPv6 makes the issue’s plan fit (4 IPv4 addresses)', async () => {
    const { user, store } = renderApp(issuePlan());
    await user.selectOptions(screen.getByRole('combobox', { name: 'IP family' }), 'ipv6');
    await waitFor(() => expect(verdict()).toBe('Fits at max'));
    expect((draftToJson(activeDraft(store.getState())) as { vpc: { ipFamily?: string } }).vpc.ipFamily).toBe('ipv6');
  });
});
