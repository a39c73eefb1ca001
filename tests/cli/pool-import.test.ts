/**
 * `import --karpenter`: NodePool + EC2NodeClass YAML (one multi-document file or two files) as a node pool of a
 * plan (--plan), of an imported VPC (--vpcs/--subnets) or of a plan with an empty VPC; --pods and --pod-requests
 * give the workload a NodePool does not hold. The Karpenter export of the example pools read back gives the plan
 * file again; bad YAML, a file without a NodePool and an unknown operator exit 2 naming the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runImport } from '../../src/cli/import-command';
import { cli, runWithFiles } from './run-cli';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const GPU_PLAN = read('../fixtures/plans/gpu-pool.json');
const GENERAL_PLAN = read('../fixtures/plans/general-pool.json');
/** The golden Karpenter export of the general pool: what `export --format karpenter` writes for it. */
const GENERAL_YAML = read('../golden/general-pool.karpenter.yaml');
const [nodeClassDoc, nodePoolDoc] = GENERAL_YAML.split(/^---$/m);

const files: Record<string, string> = {
  'general.yaml': GENERAL_YAML,
  'nodeclass.yaml': nodeClassDoc!,
  'nodepool.yaml': nodePoolDoc!,
  'gpu.yaml': read('../golden/gpu-pool.karpenter.yaml'),
  'general.json': GENERAL_PLAN,
  'gpu-plan.json': GPU_PLAN,
  'vpcs.json': read('../fixtures/aws/describe-vpcs.json'),
  'subnets.json': read('../fixtures/aws/describe-subnets.json'),
  'bad.yaml': 'apiVersion: karpenter.sh/v1\nkind: NodePool\nspec:\n  template: {spec: [oops\n',
  'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
  'equals.yaml': nodePoolDoc!.replace('operator: In', 'operator: Equals'),
};
const run = (args: string[], stdin = '') => runWithFiles(runImport, files, args, stdin);

/** The plan file without its pool: the VPC the pool is imported into. */
const vpcOf = (plan: string) => JSON.stringify({ ...JSON.parse(plan), nodeGroups: [] });
const WORKLOAD = ['--pods', '0/500/2000', '--pod-requests', 'cpu=2,memory=4Gi'];

describe('eks-ip-planner import --karpenter', () => {
  it('the exported general pool read back into its VPC is the plan file again (one file, or two)', async () => {
    const withVpc = { ...files, 'vpc.json': vpcOf(GENERAL_PLAN) };
    for (const yamls of [['general.yaml'], ['nodepool.yaml', 'nodeclass.yaml']]) {
      const args = [...yamls.flatMap((f) => ['--karpenter', f]), '--plan', 'vpc.json', ...WORKLOAD];
      const r = await runWithFiles(runImport, withVpc, args);
      expect(r.code).toBe(0);
      const { cni: _cni, ...plan } = JSON.parse(r.out);
      expect(plan).toEqual(JSON.parse(GENERAL_PLAN));
      expect(r.err).toContain(
        'import: node pool general (karpenter): 2 requirements, subnets nodes-a, nodes-b, nodes-c\n',
      );
      expect(r.err).not.toContain('warning');
    }
  });

  it('added to a plan that has groups, under a free name; the plan evaluates', async () => {
    const r = await run(['--karpenter', 'general.yaml', '--plan', 'general.json', ...WORKLOAD]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan.nodeGroups.map((g: { name: string }) => g.name)).toEqual(['general', 'general-2']);
    expect(r.err).toContain('the plan has a group general already: imported as general-2');
    const evaluated = await cli(['evaluate', '-', '--json'], r.out);
    expect([0, 1]).toContain(evaluated.code);
    expect(JSON.parse(evaluated.out).nodeGroups[1].candidates).toBe(385);
  });

  it('without --plan: a plan with an empty VPC, the defaults of pods and requests said', async () => {
    const r = await run(['--karpenter', 'gpu.yaml']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan.vpc).toEqual({ cidrs: [], subnets: [] });
    expect(plan.nodeGroups[0]).toMatchObject({
      name: 'training',
      kind: 'karpenter',
      pods: { min: 0, desired: 10, max: 100 },
      podRequests: { cpu: '1', memory: '2Gi' },
    });
    expect(r.err).toContain('import: pods not given: assumed 0/10/100 (min/desired/max); give --pods\n');
    expect(r.err).toContain('import: pod requests not given: assumed cpu=1,memory=2Gi; give --pod-requests');
    expect(r.err).toContain('the plan has no VPC yet');
    expect(r.err).toContain(
      'import: warning: document 1 of gpu.yaml (EC2NodeClass training): spec.subnetSelectorTerms[0]: no subnet of the plan has the tags Name=nodes-a; kept as "nodes-a"',
    );
  });

  it('--pods and --pod-requests as given (devices as counts); with --vpcs/--subnets the imported VPC', async () => {
    const r = await run([
      '--karpenter',
      'gpu.yaml',
      '--vpcs',
      'vpcs.json',
      '--subnets',
      'subnets.json',
      '--pods',
      '0/64/512',
      '--pod-requests',
      'cpu=8,memory=64Gi,nvidia.com/gpu=1',
    ]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan.vpc.vpcId).toBe('vpc-0a1b2c3d4e5f60718');
    expect(plan.nodeGroups[0]).toMatchObject({
      pods: { min: 0, desired: 64, max: 512 },
      podRequests: { cpu: '8', memory: '64Gi', 'nvidia.com/gpu': 1 },
    });
    // The imported VPC has subnets named nodes-a and nodes-b: the Name tags select them.
    expect(plan.nodeGroups[0].subnets).toEqual(['nodes-a', 'nodes-b']);
  });

  it('the GPU pool read back: the plan file but its EFA layout, which no NodeClass field holds', async () => {
    const withVpc = { ...files, 'vpc.json': vpcOf(GPU_PLAN) };
    const args = [
      '--karpenter',
      'gpu.yaml',
      '--plan',
      'vpc.json',
      '--pods',
      '0/64/512',
      '--pod-requests',
      'cpu=8,memory=64Gi,nvidia.com/gpu=1',
    ];
    const r = await runWithFiles(runImport, withVpc, args);
    expect(r.code).toBe(0);
    const { efaLayout, ...expected } = JSON.parse(GPU_PLAN).nodeGroups[0];
    expect(efaLayout).toBe('efa'); // Karpenter attaches EFA for pods that request vpc.amazonaws.com/efa
    expect(JSON.parse(r.out).nodeGroups[0]).toEqual(expected);
  });
});

describe('import --karpenter: bad input, exit 2, the field named', () => {
  it.each([
    [['--karpenter', 'bad.yaml'], /^import: bad\.yaml: not valid YAML: line \d+, column \d+: /],
    [
      ['--karpenter', 'deploy.yaml'],
      /^import: no NodePool \(kind: NodePool, apiVersion: karpenter\.sh\/v1\) among the documents/,
    ],
    [
      ['--karpenter', 'equals.yaml'],
      /^import: document 1 of equals\.yaml \(NodePool general\): spec\.template\.spec\.requirements\[0\]\.operator "Equals" is not one of In, NotIn, Exists, DoesNotExist, Gt, Lt/,
    ],
    [['--karpenter', 'missing.yaml'], /^import: --karpenter missing\.yaml: no such file\n$/],
    [['--karpenter', 'gpu.yaml', '--plan', 'nothing.json'], /^import: --plan: nothing\.json: no such file\n$/],
    [
      ['--karpenter', 'general.yaml', '--pods', '10/5/100'],
      /^import: --pods must be MIN ≤ DESIRED ≤ MAX, got 10\/5\/100\n/,
    ],
    [
      ['--karpenter', 'general.yaml', '--pod-requests', 'cpu=2 cores'],
      /^import: --pod-requests: cpu "2 cores" is not a Kubernetes quantity/,
    ],
    [
      ['--karpenter', 'general.yaml', '--plan', 'general.json', '--vpcs', 'vpcs.json', '--subnets', 'subnets.json'],
      /^import: give --plan or --vpcs\/--subnets, not both/,
    ],
    [['--karpenter', 'general.yaml', '--vpcs', 'vpcs.json'], /^import: --vpcs and --subnets go together/],
    [['--pods', '0/1/2', '--vpcs', 'vpcs.json', '--subnets', 'subnets.json'], /^import: --pods goes with --karpenter/],
  ])('%j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('a label key the planner does not know: imported, kept, and what evaluate will say reported', async () => {
    const typo = {
      ...files,
      'typo.yaml': GENERAL_YAML.replace('karpenter.k8s.aws/instance-size', 'karpenter.k8s.aws/instance-sise'),
      'vpc.json': vpcOf(GENERAL_PLAN),
    };
    const r = await runWithFiles(runImport, typo, ['--karpenter', 'typo.yaml', '--plan', 'vpc.json', ...WORKLOAD]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).nodeGroups[0].requirements[1].key).toBe('karpenter.k8s.aws/instance-sise');
    expect(r.err).toContain(
      'import: warning: nodeGroups[0].requirements[1].key: unknown label key "karpenter.k8s.aws/instance-sise"',
    );
    expect(r.err).toContain('import: the plan does not evaluate yet');
    const evaluated = await cli(['evaluate', '-'], r.out);
    expect(evaluated.code).toBe(2);
    expect(evaluated.err).toContain('unknown label key "karpenter.k8s.aws/instance-sise"');
  });

  it('the YAML the export writes is what the CRD-checked golden holds (the round trip starts from it)', () => {
    expect(parseAllDocuments(GENERAL_YAML).map((d) => d.toJS().kind)).toEqual(['EC2NodeClass', 'NodePool']);
  });
});
