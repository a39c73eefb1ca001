// @vitest-environment jsdom
/**
 * The workspace in the store and in the address bar: undo covers forks, deletes and the views' inputs
 * but not switching tabs; the URL fragment carries every scenario and the views (format 2), a lone plan
 * stays a format-1 link; a pasted link opens whole, as one undo step; an AWS import replaces the active
 * scenario's plan as one undo step and says so.
 */
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { GPU_TRAINING, SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { documentLink } from '../../src/model/share-link';
import type { Workspace } from '../../src/model/workspace';
import { loadInitialWorkspace } from '../../src/state/persistence';
import { createPlanStore } from '../../src/state/plan-store';
import { fixture, polyfillBlobText } from './exports/support';
import { expectPerNode } from './helpers';
import { renderApp } from './render-app';
import { activeDraft } from '../../src/state/workspace-state';

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('the store over a workspace', () => {
  it('undo covers a fork and a view change; switching tabs is no step; typing in B is one step', () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    const a = () => store.getState().actions;
    const t = () => store.temporal.getState();
    a().forkScenario();
    a().setCniText('warmIpTarget', '5');
    a().setCniText('warmIpTarget', '55');
    a().switchScenario(0);
    a().setDnsView({ name: 'example.com', ndots: 3 });
    expect(t().pastStates).toHaveLength(3); // fork, WARM_IP_TARGET, the DNS view
    t().undo();
    expect(store.getState().views).toEqual({});
    expect(store.getState().active).toBe(0);
    t().undo();
    // Back before the typing in B: B shows again, as it was when forked.
    expect(store.getState().active).toBe(1);
    expect(activeDraft(store.getState()).cni.warmIpTarget).toBe('');
    t().undo();
    expect(store.getState().scenarios).toHaveLength(1);
    expect(store.getState().active).toBe(0);
  });

  it('an edit changes only the active scenario; the others keep their drafts (and their cached results)', () => {
    const store = createPlanStore({ version: 2, active: 0, scenarios: [SMALL_ROUTABLE_VPC, GPU_TRAINING] });
    const other = store.getState().scenarios[1];
    store.getState().actions.setGroupField(0, 'podsPerNode', '60');
    expect(store.getState().scenarios[1]).toBe(other);
    expect(store.getState().scenarios[0]!.nodeGroups[0]!.podsPerNode).toBe('60');
  });
});

describe('the URL fragment', () => {
  it('round-trips two scenarios and the DNS view: a format-2 link that opens both in a fresh page', async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC, { sync: true });
    await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    await user.type(screen.getByLabelText('MINIMUM_IP_TARGET'), '25');
    await user.type(screen.getByLabelText('WARM_IP_TARGET'), '5');
    await user.click(screen.getByRole('tab', { name: 'DNS' }));
    const ndots = await screen.findByLabelText('ndots', {}, { timeout: 5000 });
    await user.clear(ndots);
    await user.type(ndots, '3');
    await waitFor(() => expect(location.hash).toMatch(/^#2\./));
    await waitFor(() => {
      const ws = loadInitialWorkspace(location.hash, null, dataset).workspace;
      expect(ws.views?.dns?.ndots).toBe(3);
    });
    const { workspace, notice } = loadInitialWorkspace(location.hash, null, dataset);
    expect(notice).toBeNull();
    expect(workspace.active).toBe(1);
    expect(workspace.scenarios.map((p) => p.name)).toEqual(['Small routable VPC', 'Small routable VPC (B)']);
    expect(workspace.scenarios[1]!.cni).toMatchObject({ minimumIpTarget: 25, warmIpTarget: 5 });
    expect(workspace.scenarios[0]).toEqual(SMALL_ROUTABLE_VPC);
    cleanup();

    // The link in a fresh page: both scenarios, B active, the DNS view's ndots.
    renderApp(workspace);
    expect(
      screen
        .getAllByRole('tab', { name: /^Small routable VPC/ })
        .map((t) => [t.textContent, t.getAttribute('aria-selected')]),
    ).toEqual([
      ['Small routable VPC', 'false'],
      ['Small routable VPC (B)', 'true'],
    ]);
    await expectPerNode('general', '26');
  });

  it('a lone plan without views stays a format-1 link', async () => {
    renderApp(SMALL_ROUTABLE_VPC, { sync: true });
    await waitFor(() => expect(location.hash).toMatch(/^#1\./));
  });

  it('a pasted link of several scenarios opens them all, as one undo step', async () => {
    const { user, store } = renderApp(SMALL_ROUTABLE_VPC, { sync: true });
    const ws: Workspace = { version: 2, active: 0, scenarios: [GPU_TRAINING, SMALL_ROUTABLE_VPC] };
    await act(async () => {
      location.hash = documentLink(ws, '').slice(1);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() =>
      expect(store.getState().scenarios.map((d) => d.name)).toEqual([GPU_TRAINING.name, SMALL_ROUTABLE_VPC.name]),
    );
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().scenarios.map((d) => d.name)).toEqual([SMALL_ROUTABLE_VPC.name]);
  });
});

describe('the Import tool', () => {
  beforeEach(polyfillBlobText);

  it("an AWS import replaces the active scenario's plan as one undo step, and says so", async () => {
    const { user } = renderApp(SMALL_ROUTABLE_VPC);
    await user.click(screen.getByRole('button', { name: 'Fork scenario' }));
    await user.click(screen.getByRole('tab', { name: 'Import' }));
    const paste = async (label: string, text: string) => {
      const box = await screen.findByLabelText(new RegExp(`^${label}`), { selector: 'textarea' }, { timeout: 5000 });
      await user.click(box);
      await user.paste(text);
    };
    await paste('describe-vpcs', fixture('describe-vpcs.json'));
    await paste('describe-subnets', fixture('describe-subnets.json'));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(screen.getByRole('button', { name: 'Replace the plan with this' }));
    expect((screen.getByLabelText('Plan name') as HTMLInputElement).value).toBe('prod-eks');
    expect(
      screen.getByText(
        /^“prod-eks” \(AWS import .*\) is now the plan of this scenario\. Undo \(Ctrl\+Z\) brings back the plan it replaced\.$/,
      ),
    ).toBeTruthy();
    expect(screen.getAllByRole('tab', { name: /Small routable|prod-eks/ }).map((t) => t.textContent)).toEqual([
      'Small routable VPC',
      'prod-eks',
    ]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect((screen.getByLabelText('Plan name') as HTMLInputElement).value).toBe('Small routable VPC (B)');
  });
});

describe('the EC2 API inputs travel with the workspace', () => {
  it('edits to the inputs in quick succession are one undo step and round-trip through the link', async () => {
    const store = createPlanStore(SMALL_ROUTABLE_VPC);
    const a = () => store.getState().actions;
    a().setScaleOut({ seconds: 20, buckets: {} });
    a().setScaleOut({ seconds: 20, buckets: { AttachNetworkInterface: { bucket: 80, refillPerSecond: 8 } } });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    const { workspaceOfDrafts } = await import('../../src/state/workspace-state');
    const { createDerivation } = await import('../../src/state/derive');
    const ws = workspaceOfDrafts(store.getState(), createDerivation(dataset)).workspace!;
    expect(ws.views?.scaleOut).toEqual({
      seconds: 20,
      buckets: { AttachNetworkInterface: { bucket: 80, refillPerSecond: 8 } },
    });
    const opened = loadInitialWorkspace(documentLink(ws, ''), null, dataset);
    expect(opened.workspace.views?.scaleOut?.seconds).toBe(20);
    store.temporal.getState().undo();
    expect(store.getState().views.scaleOut).toBeUndefined();
  });
});
