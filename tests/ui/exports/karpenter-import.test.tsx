// @vitest-environment jsdom
/**
 * The import panel's Karpenter NodePool section: pasted or dropped NodePool + EC2NodeClass YAML becomes
 * importKarpenter's pools added to the plan being edited, handed over only on "Add to the plan"; bad YAML, a
 * document that is no NodePool and an unknown operator list the problem naming the field and hand over nothing;
 * an edit of the plan since the import withdraws it.
 */
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import type { Plan } from '../../../src/model/plan';
import { validatePlan } from '../../../src/model/validate-plan';
import type { Workspace } from '../../../src/model/workspace';
import ImportPanel from '../../../src/ui/exports/import-panel';
import { polyfillBlobText } from './support';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const GENERAL_PLAN = JSON.parse(read('../../fixtures/plans/general-pool.json'));
const GENERAL_YAML = read('../../golden/general-pool.karpenter.yaml');

/** The general pool's VPC, validated as the app holds it, with no groups. */
function vpcPlan(): Plan {
  const v = validatePlan({ ...structuredClone(GENERAL_PLAN), nodeGroups: [] }, dataset);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.plan;
}

beforeEach(polyfillBlobText);
afterEach(cleanup);

function setup(plan: Plan | null = vpcPlan()) {
  const user = userEvent.setup();
  const onImportPlan = vi.fn<(plan: Plan, source: string) => void>();
  const onOpenWorkspace = vi.fn<(ws: Workspace, source: string) => void>();
  const view = render(
    <ImportPanel dataset={dataset} plan={plan} onImportPlan={onImportPlan} onOpenWorkspace={onOpenWorkspace} />,
  );
  const section = () => screen.getByRole('region', { name: 'Karpenter NodePool' });
  const type = async (label: string, text: string) => {
    const box = within(section()).getByLabelText(label);
    await user.clear(box);
    if (text) {
      await user.click(box);
      await user.paste(text);
    }
  };
  const importIt = () => user.click(within(section()).getByRole('button', { name: 'Import NodePool' }));
  return { user, onImportPlan, type, importIt, section, rerender: view.rerender, onOpenWorkspace };
}

describe('importing a Karpenter NodePool', () => {
  it('the pasted export of the general pool, with its pods and requests, gives the plan file; only on "Add to the plan"', async () => {
    const { user, onImportPlan, type, importIt, section } = setup();
    await type('NodePool and EC2NodeClass YAML', GENERAL_YAML);
    await type('Pods (min/desired/max)', '0/500/2000');
    await type('Pod requests', 'cpu=2,memory=4Gi');
    await importIt();
    const summary = await within(section()).findByRole('region', { name: /Ready to add one node pool/ });
    expect(summary.textContent).toContain(
      'general (Karpenter): 2 requirements, subnets nodes-a, nodes-b, nodes-c, pods 0/500/2000',
    );
    expect(onImportPlan).not.toHaveBeenCalled();
    await user.click(within(summary).getByRole('button', { name: 'Add to the plan' }));
    expect(onImportPlan).toHaveBeenCalledTimes(1);
    const [plan, source] = onImportPlan.mock.calls[0]!;
    expect(plan.nodeGroups).toEqual(GENERAL_PLAN.nodeGroups);
    expect(source).toBe('Karpenter import (the pasted YAML)');
    expect(within(section()).getByRole('status').textContent).toBe('Added the node pool general to the plan.');
  });

  it('empty pods and requests: the defaults, said beside the fields', async () => {
    const { user, onImportPlan, type, importIt, section } = setup();
    expect(section().textContent).toContain('empty fields take 0/10/100 pods of cpu=1,memory=2Gi');
    await type('NodePool and EC2NodeClass YAML', GENERAL_YAML);
    await importIt();
    await user.click(await within(section()).findByRole('button', { name: 'Add to the plan' }));
    expect(onImportPlan.mock.calls[0]![0].nodeGroups[0]).toMatchObject({
      pods: { min: 0, desired: 10, max: 100 },
      podRequests: { cpu: '1', memory: '2Gi' },
    });
  });

  it('a dropped pair of files (NodePool, EC2NodeClass) reads as one stream', async () => {
    const { user, onImportPlan, importIt, section } = setup();
    const [nodeClass, nodePool] = GENERAL_YAML.split(/^---$/m);
    const files = [new File([nodePool!], 'nodepool.yaml'), new File([nodeClass!], 'ec2nodeclass.yaml')];
    await user.upload(within(section()).getByLabelText('Choose NodePool YAML files'), files);
    expect(await within(section()).findByText(/From nodepool\.yaml, ec2nodeclass\.yaml\./)).toBeTruthy();
    await importIt();
    await user.click(await within(section()).findByRole('button', { name: 'Add to the plan' }));
    expect(onImportPlan.mock.calls[0]![0].nodeGroups[0]!.subnets).toEqual(['nodes-a', 'nodes-b', 'nodes-c']);
    expect(onImportPlan.mock.calls[0]![1]).toBe('Karpenter import (nodepool.yaml, ec2nodeclass.yaml)');
  });

  it.each([
    ['YAML that does not parse', 'kind: NodePool\nspec: {template: [oops\n', /not valid YAML: line \d+, column \d+/],
    [
      'no NodePool',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n',
      /no NodePool \(kind: NodePool, apiVersion: karpenter\.sh\/v1\) among the documents/,
    ],
    [
      'an unknown operator',
      GENERAL_YAML.replace('operator: In', 'operator: Equals'),
      /spec\.template\.spec\.requirements\[0\]\.operator "Equals" is not one of In, NotIn/,
    ],
  ])('%s: the problem named, nothing handed over', async (_, yaml, message) => {
    const { onImportPlan, type, importIt, section } = setup();
    await type('NodePool and EC2NodeClass YAML', yaml);
    await importIt();
    const alert = await within(section()).findByRole('alert');
    expect(alert.textContent).toMatch(message);
    expect(onImportPlan).not.toHaveBeenCalled();
  });

  it('pods and requests that do not read, and a plan with errors: said before any parsing', async () => {
    const { type, importIt, section } = setup(null);
    await type('NodePool and EC2NodeClass YAML', GENERAL_YAML);
    await type('Pods (min/desired/max)', '10/5/1');
    await type('Pod requests', 'cpu=2 cores');
    await importIt();
    const alert = within(section()).getByRole('alert');
    expect(alert.textContent).toContain('Pods: pods must be MIN ≤ DESIRED ≤ MAX, got 10/5/1');
    expect(alert.textContent).toContain('Pod requests: cpu "2 cores" is not a Kubernetes quantity');
    expect(alert.textContent).toContain('The plan has errors: fix the fields marked in the plan');
  });

  it('an edit of the plan since the import withdraws the result; text stays text', async () => {
    const { type, importIt, section, rerender, onImportPlan, onOpenWorkspace } = setup();
    const evil = GENERAL_YAML.replace('name: general\n', 'name: "<img src=x onerror=alert(1)>"\n');
    await type('NodePool and EC2NodeClass YAML', evil);
    await importIt();
    await within(section()).findByRole('region', { name: /Ready to add/ });
    expect(section().querySelector('img')).toBeNull();
    rerender(
      <ImportPanel dataset={dataset} plan={vpcPlan()} onImportPlan={onImportPlan} onOpenWorkspace={onOpenWorkspace} />,
    );
    expect(within(section()).queryByRole('region', { name: /Ready to add/ })).toBeNull();
  });
});
