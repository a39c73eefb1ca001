// @vitest-environment jsdom
/**
 * The import panel: AWS CLI output (pasted, dropped or picked) becomes importAwsVpc's plan, handed over
 * only after "Replace the plan with this"; bad input lists what is missing and hands over nothing; plan
 * files go through parseDocumentText with their field paths; file contents and names stay text.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { importAwsVpc } from '../../../src/model/import-aws';
import type { Plan } from '../../../src/model/plan';
import { EXPANDED_VPC } from '../../../src/model/presets';
import { workspaceOf, type Workspace } from '../../../src/model/workspace';
import ImportPanel from '../../../src/ui/exports/import-panel';
import { fixture, polyfillBlobText } from './support';

const VPCS = fixture('describe-vpcs.json');
const SUBNETS = fixture('describe-subnets.json');
const ENIS = fixture('describe-network-interfaces.json');
const EVIL = '<img src=x onerror=alert(1)>';

beforeEach(polyfillBlobText);
afterEach(cleanup);

function setup() {
  const user = userEvent.setup();
  const onImportPlan = vi.fn<(plan: Plan, source: string) => void>();
  const onOpenWorkspace = vi.fn<(ws: Workspace, source: string) => void>();
  const view = render(<ImportPanel dataset={dataset} onImportPlan={onImportPlan} onOpenWorkspace={onOpenWorkspace} />);
  const paste = async (label: string, text: string) => {
    const box = screen.getByLabelText(new RegExp(`^${label}`), { selector: 'textarea' });
    await user.clear(box);
    await user.click(box);
    await user.paste(text);
  };
  return { user, onImportPlan, onOpenWorkspace, paste, container: view.container };
}

const json = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const awsZone = () => screen.getByLabelText('Choose AWS CLI output files').closest<HTMLElement>('[data-drop-zone]')!;
const errorsBox = () => screen.getByRole('alert');

describe('importing a VPC from AWS CLI output', () => {
  it('pasted output imports to importAwsVpc’s plan, handed over only on "Replace the plan with this"', async () => {
    const { user, onImportPlan, paste } = setup();
    await paste('describe-vpcs', VPCS);
    await paste('describe-subnets', SUBNETS);
    await paste('describe-network-interfaces', ENIS);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const expected = importAwsVpc({ vpcs: VPCS, subnets: SUBNETS, enis: ENIS });
    if (!expected.ok) throw new Error('the fixtures import');
    // The summary: its lines and a row per subnet with its baseline addresses in use.
    const summary = screen.getByRole('region', { name: /Ready to import “prod-eks”/ });
    for (const line of expected.summary) expect(summary.textContent).toContain(line);
    const rows = within(summary).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual(
      expected.plan.vpc.subnets.map((s) => [s.name, s.az, s.cidr, expect.any(String), String(s.reservedIps ?? 0)]),
    );
    expect(within(summary).getByRole('rowheader', { name: 'nodes-a' }).parentElement!.textContent).toContain('1,019'); // a /22
    expect(onImportPlan).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Replace the plan with this' }));
    expect(onImportPlan).toHaveBeenCalledTimes(1);
    expect(onImportPlan.mock.calls[0]![0]).toEqual(expected.plan);
    expect(onImportPlan.mock.calls[0]![1]).toMatch(
      /^AWS import \(pasted describe-vpcs, pasted describe-subnets, pasted describe-network-interfaces\)$/,
    );
    expect(screen.queryByRole('button', { name: 'Replace the plan with this' })).toBeNull();
    expect(
      screen
        .getAllByRole('status')
        .map((s) => s.textContent)
        .join(' '),
    ).toMatch(/Replaced the plan with “prod-eks” \(6 subnets\)/);
  });

  it('Cancel, or editing an input, withdraws the import: nothing is handed over', async () => {
    const { user, onImportPlan, paste } = setup();
    await paste('describe-vpcs', VPCS);
    await paste('describe-subnets', SUBNETS);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Replace the plan with this' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await paste('describe-network-interfaces', ENIS);
    expect(screen.queryByRole('button', { name: 'Replace the plan with this' })).toBeNull();
    expect(onImportPlan).not.toHaveBeenCalled();
  });

  it('dropped files are recognised by their content and import the same plan', async () => {
    const { user, onImportPlan } = setup();
    // Names that do not say which is which: the content does.
    const files = [json('a.json', ENIS), json('b.json', SUBNETS), json('c.json', VPCS)];
    fireEvent.drop(awsZone(), { dataTransfer: { files, types: ['Files'] } });
    await waitFor(() =>
      expect((screen.getByLabelText(/^describe-vpcs/, { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe(
        VPCS,
      ),
    );
    expect((screen.getByLabelText(/^describe-subnets/, { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe(
      SUBNETS,
    );
    expect(
      (screen.getByLabelText(/^describe-network-interfaces/, { selector: 'textarea' }) as HTMLTextAreaElement).value,
    ).toBe(ENIS);
    expect(screen.getByRole('list', { name: 'Files' }).textContent).toContain('b.json: loaded as describe-subnets.');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(screen.getByRole('button', { name: 'Replace the plan with this' }));
    const expected = importAwsVpc({ vpcs: VPCS, subnets: SUBNETS, enis: ENIS });
    expect(onImportPlan).toHaveBeenCalledWith(expected.ok && expected.plan, 'AWS import (c.json, b.json, a.json)');
  });

  it('the file picker takes the files too, and the drop zone lights up while files are dragged over', async () => {
    const { user, onImportPlan } = setup();
    fireEvent.dragEnter(awsZone(), { dataTransfer: { types: ['Files'], files: [] } });
    expect(awsZone().className).toContain('over');
    fireEvent.dragLeave(awsZone());
    expect(awsZone().className).not.toContain('over');
    await user.upload(screen.getByLabelText('Choose AWS CLI output files'), [
      json('describe-vpcs.json', VPCS),
      json('describe-subnets.json', SUBNETS),
    ]);
    await waitFor(() =>
      expect((screen.getByLabelText(/^describe-subnets/, { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe(
        SUBNETS,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(screen.getByRole('button', { name: 'Replace the plan with this' }));
    const expected = importAwsVpc({ vpcs: VPCS, subnets: SUBNETS });
    expect(onImportPlan).toHaveBeenCalledWith(
      expected.ok && expected.plan,
      'AWS import (describe-vpcs.json, describe-subnets.json)',
    );
  });

  it('malformed input lists what is missing and never calls back', async () => {
    const { user, onImportPlan, paste } = setup();
    const broken = JSON.parse(SUBNETS) as { Subnets: Record<string, unknown>[] };
    delete broken.Subnets[3]!.CidrBlock;
    await paste('describe-vpcs', VPCS);
    await paste('describe-subnets', JSON.stringify(broken));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(errorsBox().textContent).toContain('describe-subnets: Subnets[3].CidrBlock is missing');
    expect(screen.queryByRole('button', { name: 'Replace the plan with this' })).toBeNull();

    await paste('describe-vpcs', '{"Vpcs": [');
    await paste('describe-subnets', '');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(errorsBox().textContent).toMatch(/describe-vpcs: not valid JSON/);
    expect(errorsBox().textContent).toContain('describe-subnets: the input is empty');
    expect(onImportPlan).not.toHaveBeenCalled();
  });

  it('refuses files over 5 MB before reading them, and files it does not recognise', async () => {
    const { onImportPlan } = setup();
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.json', { type: 'application/json' });
    fireEvent.drop(awsZone(), { dataTransfer: { files: [big, json('notes.json', '{"hello": 1}')], types: ['Files'] } });
    const files = await screen.findByRole('list', { name: 'Files' });
    expect(files.textContent).toContain('huge.json: the file is 5.0 MB; the limit is 5.0 MB');
    expect(files.textContent).toContain('notes.json: not recognised');
    expect(onImportPlan).not.toHaveBeenCalled();
  });

  it('renders names from the files as text', async () => {
    const { user, container, paste } = setup();
    const tagged = JSON.parse(SUBNETS) as { Subnets: { Tags?: { Key: string; Value: string }[] }[] };
    tagged.Subnets[0]!.Tags = [{ Key: 'Name', Value: EVIL }];
    await paste('describe-vpcs', VPCS);
    await paste('describe-subnets', JSON.stringify(tagged));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByRole('rowheader', { name: EVIL })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('opening a plan file', () => {
  const planPicker = () => screen.getByLabelText('Choose a plan file');

  it('a valid plan opens as a workspace, named by its file', async () => {
    const { user, onOpenWorkspace } = setup();
    await user.upload(planPicker(), json('plan.json', JSON.stringify(EXPANDED_VPC)));
    await waitFor(() => expect(onOpenWorkspace).toHaveBeenCalledTimes(1));
    expect(onOpenWorkspace).toHaveBeenCalledWith(workspaceOf(EXPANDED_VPC), 'plan.json');
    expect(
      screen
        .getAllByRole('status')
        .map((s) => s.textContent)
        .join(' '),
    ).toContain(`Opened plan.json: “${EXPANDED_VPC.name}”.`);
  });

  it('an unknown key shows the error with its field path and opens nothing', async () => {
    const { user, onOpenWorkspace } = setup();
    const bad = structuredClone(EXPANDED_VPC) as Plan & { nodeGroups: Record<string, unknown>[] };
    bad.nodeGroups[0]!.color = 'red';
    await user.upload(planPicker(), json('bad.json', JSON.stringify(bad)));
    const box = await screen.findByRole('alert');
    expect(box.textContent).toContain('bad.json was not opened');
    expect(box.querySelector('code')!.textContent).toBe('nodeGroups[0]');
    expect(box.textContent).toContain('unknown field "color" in nodeGroups[0]');
    expect(onOpenWorkspace).not.toHaveBeenCalled();
  });

  it('a dropped file with markup in its name shows the name as text', async () => {
    const { container, onOpenWorkspace } = setup();
    const zone = planPicker().closest<HTMLElement>('[data-drop-zone]')!;
    fireEvent.drop(zone, { dataTransfer: { files: [json(`${EVIL}.json`, 'not json')], types: ['Files'] } });
    const box = await screen.findByRole('alert');
    expect(box.textContent).toContain(`${EVIL}.json is not valid JSON`);
    expect(container.querySelector('img')).toBeNull();
    expect(onOpenWorkspace).not.toHaveBeenCalled();
  });
});
