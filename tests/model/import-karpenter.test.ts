/**
 * Importing a Karpenter NodePool + EC2NodeClass (and an EKS Auto Mode NodePool + NodeClass) as a node pool:
 * the exports read back give the plan's pool again (a round trip through YAML text, the parser the CLI and the
 * page use); the YAML of Karpenter's and EKS's own documentation maps field by field; bad input gives a message
 * naming the document and the field, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { dataset } from '../../src/data/dataset';
import { exportPlan } from '../../src/model/export/index';
import {
  DEFAULT_POD_REQUESTS,
  DEFAULT_POOL_PODS,
  importKarpenter,
  parsePodRequestsOption,
  parsePodsOption,
  yamlDocumentsIn,
  yamlDocumentsLoaded,
  type KarpenterImportInput,
} from '../../src/model/import-karpenter';
import { canonicalGroup } from '../../src/model/node-pool';
import type { NodeGroup, Plan } from '../../src/model/plan';
import { validatePlan } from '../../src/model/validate-plan';
import { evaluate } from '../../src/model/evaluate';
import { allFieldsPool, enaEfaOnlyPool, generalPool, generalPoolAutoMode, gpuPool } from './export/pool-plans';

/** As the page and the CLI parse: js-yaml (YAML 1.2 core), at most 100 aliases a document. */
const load = (t: string) => loadAll(t, { maxAliases: 100 });
const docs = (text: string, source = 'pool.yaml') => {
  const r = yamlDocumentsLoaded(load, text, source);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.documents;
};
const run = (text: string, extra: Partial<KarpenterImportInput> = {}) =>
  importKarpenter({ documents: docs(text), ...extra });
const ok = (r: ReturnType<typeof importKarpenter>) => {
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
};
const errorsOf = (r: ReturnType<typeof importKarpenter>) => (r.ok ? [] : r.errors);

/** The plan without its pool: the VPC the import adds it to. */
const vpcOnly = (p: Plan): Plan => ({ ...structuredClone(p), nodeGroups: [] });

/** Export a plan's pool as F, import it back into the plan's VPC with the same workload. */
function roundTrip(plan: Plan, format: 'karpenter' | 'auto-mode'): { group: NodeGroup; result: ReturnType<typeof ok> } {
  const g = plan.nodeGroups[0]!;
  const result = ok(
    run(exportPlan(plan, dataset, format), { plan: vpcOnly(plan), pods: g.pods, podRequests: g.podRequests }),
  );
  expect(result.groups).toHaveLength(1);
  return { group: result.groups[0]!, result };
}

describe('the exports read back give the pool again', () => {
  it('the general pool (Karpenter): every field', () => {
    const plan = generalPool();
    expect(roundTrip(plan, 'karpenter').group).toEqual(canonicalGroup(plan.nodeGroups[0]!));
  });

  it('a pool with every field: requirements, maxPods, the budget; RESERVED_ENIS is no NodeClass field', () => {
    const plan = allFieldsPool('karpenter');
    const { reservedEnis, ...rest } = canonicalGroup(plan.nodeGroups[0]!);
    expect(reservedEnis).toBe(1);
    expect(roundTrip(plan, 'karpenter').group).toEqual(rest);
  });

  it('ENA + EFA-only: networkInterfaces read back as the layout', () => {
    const plan = enaEfaOnlyPool(['p5.48xlarge']);
    const { group, result } = roundTrip(plan, 'karpenter');
    expect(group).toEqual(canonicalGroup(plan.nodeGroups[0]!));
    expect(result.notes.join('\n')).toContain('networkInterfaces with EFA-only interfaces: the ENA + EFA-only layout');
  });

  it('efa: no networkInterfaces, so only pods requesting vpc.amazonaws.com/efa make it the efa layout', () => {
    const plan = gpuPool();
    const { efaLayout, ...rest } = canonicalGroup(plan.nodeGroups[0]!);
    expect(efaLayout).toBe('efa');
    expect(roundTrip(plan, 'karpenter').group).toEqual(rest);
    const g = plan.nodeGroups[0]!;
    const efa = ok(
      run(exportPlan(plan, dataset, 'karpenter'), {
        plan: vpcOnly(plan),
        pods: g.pods,
        podRequests: { ...g.podRequests, 'vpc.amazonaws.com/efa': 1 },
      }),
    );
    expect(efa.groups[0]!.efaLayout).toBe('efa');
  });

  it("EKS Auto Mode: eks.amazonaws.com/ labels back to Karpenter's, pod subnets, ipv4PrefixSize", () => {
    const plan = generalPoolAutoMode();
    const { group } = roundTrip(plan, 'auto-mode');
    expect(group).toEqual({ ...canonicalGroup(plan.nodeGroups[0]!), ipv4PrefixSize: 'Auto' });
    expect(group.requirements![0]!.key).toBe('karpenter.k8s.aws/instance-category');
  });

  it('the imported plan validates and evaluates to the worst candidate of the exported one', () => {
    const plan = generalPool();
    const { result } = roundTrip(plan, 'karpenter');
    const v = validatePlan(JSON.parse(JSON.stringify(result.plan)), dataset);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expect(v.plan.nodeGroups[0]!.instanceType).toBe(plan.nodeGroups[0]!.instanceType);
    expect(evaluate(v.plan, dataset).fits).toBe(evaluate(plan, dataset).fits);
  });
});

// Karpenter's docs (karpenter.sh, "NodePools" / "NodeClasses" concepts pages, v1) in their own shape.
const KARPENTER_DOCS = `
apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: default
spec:
  template:
    spec:
      nodeClassRef:
        group: karpenter.k8s.aws
        kind: EC2NodeClass
        name: default
      requirements:
        - key: "karpenter.k8s.aws/instance-category"
          operator: In
          values: ["c", "m", "r"]
          minValues: 2
        - key: "karpenter.k8s.aws/instance-cpu"
          operator: In
          values: ["4", "8", "16", "32"]
        - key: karpenter.k8s.aws/instance-generation
          operator: Gt
          values: ["2"]
        - key: "karpenter.sh/capacity-type"
          operator: In
          values: ["spot", "on-demand"]
  disruption:
    consolidationPolicy: WhenEmptyOrUnderutilized
    consolidateAfter: 1m
    budgets:
    - nodes: "20%"
    - nodes: "5"
    - nodes: "0"
      schedule: "@daily"
      duration: 10m
---
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: default
spec:
  kubelet:
    podsPerCore: 2
    maxPods: 20
  subnetSelectorTerms:
    - tags:
        karpenter.sh/discovery: "\${CLUSTER_NAME}"
    - id: subnet-09fa4a0a8f233a921
  securityGroupSelectorTerms:
    - tags:
        karpenter.sh/discovery: "\${CLUSTER_NAME}"
  role: "KarpenterNodeRole-\${CLUSTER_NAME}"
`;

describe('a NodePool as Karpenter documents it', () => {
  const plan = generalPool();
  plan.vpc.subnets[0]!.tags = { 'karpenter.sh/discovery': '${CLUSTER_NAME}' };
  plan.vpc.subnets[1]!.tags = { 'karpenter.sh/discovery': '${CLUSTER_NAME}' };
  plan.vpc.subnets[2]!.id = 'subnet-09fa4a0a8f233a921';
  const r = ok(run(KARPENTER_DOCS, { plan: vpcOnly(plan) }));
  const g = r.groups[0]!;

  it('requirements as written (values as text), maxPods, subnets by tags and by ID', () => {
    expect(g.requirements).toEqual([
      { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
      { key: 'karpenter.k8s.aws/instance-cpu', operator: 'In', values: ['4', '8', '16', '32'] },
      { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: ['2'] },
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
    ]);
    expect(g.maxPods).toBe(20);
    expect(g.subnets).toEqual(['nodes-a', 'nodes-b', 'nodes-c']);
    expect(g.kind).toBe('karpenter');
    expect(g.name).toBe('default');
  });

  it('the budget: the always-active count (5); the share and the scheduled one said', () => {
    expect(g.disruptionBudget).toBe(5);
    const w = r.warnings.join('\n');
    expect(w).toContain(
      'spec.disruption.budgets[0].nodes "20%" is a share of the pool\'s nodes: the plan takes a count',
    );
    expect(w).toContain('spec.disruption.budgets[2].nodes "0" holds only on its schedule (@daily)');
    expect(w).toContain('minValues 2 is not modelled');
    expect(w).toContain('podsPerCore 2 is not modelled');
  });

  it('pods and requests not given: the defaults, said', () => {
    expect(g.pods).toEqual(DEFAULT_POOL_PODS);
    expect(g.podRequests).toEqual(DEFAULT_POD_REQUESTS);
    expect(r.notes).toContain('pods not given: assumed 0/10/100 (min/desired/max); give --pods');
    expect(r.notes.join('\n')).toContain('pod requests not given: assumed cpu=1,memory=2Gi; give --pod-requests');
  });
});

describe('bad input: a message naming the document and the field, nothing imported', () => {
  const pool = (reqs: string, extra = '') => `apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: gpu }
spec:
  template:
    spec:
      nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: gpu }
      requirements:
${reqs}
${extra}`;

  it('an unknown operator', () => {
    const r = run(pool('        - { key: karpenter.k8s.aws/instance-family, operator: Equals, values: [p5] }'));
    expect(errorsOf(r)).toEqual([
      'document 1 of pool.yaml (NodePool gpu): spec.template.spec.requirements[0].operator "Equals" is not one of In, ' +
        'NotIn, Exists, DoesNotExist, Gt, Lt; write one of them',
    ]);
  });

  it("an unknown label key is kept, and validatePlan's message reported", () => {
    const r = ok(run(pool('        - { key: karpenter.k8s.aws/instance-famly, operator: In, values: [p5] }')));
    expect(r.groups[0]!.requirements![0]!.key).toBe('karpenter.k8s.aws/instance-famly');
    expect(r.warnings.join('\n')).toContain(
      'nodeGroups[0].requirements[0].key: unknown label key "karpenter.k8s.aws/instance-famly"; ' +
        "use one of Karpenter's well-known labels such as karpenter.k8s.aws/instance-family",
    );
  });

  it('no NodePool among the documents; other kinds are skipped with a word', () => {
    expect(errorsOf(run('apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n'))).toEqual([
      expect.stringMatching(/^no NodePool \(kind: NodePool, apiVersion: karpenter.sh\/v1\) among the documents/),
    ]);
    const r = ok(
      run(
        `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n---\n${pool('        - { key: kubernetes.io/arch, operator: Exists }')}`,
      ),
    );
    expect(r.warnings[0]).toBe(
      'document 1 of pool.yaml (ConfigMap x) is neither a NodePool nor an EC2NodeClass: skipped',
    );
  });

  it('budgets that are no count, interfaces of an unknown type, a max pods that is no number, values that are maps', () => {
    const ec2 = (spec: string) =>
      `---\napiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata: { name: gpu }\nspec:\n${spec}\n`;
    const req = '        - { key: kubernetes.io/arch, operator: Exists }';
    expect(
      errorsOf(run(pool(req) + '  disruption: { consolidateAfter: 0s, budgets: [{ nodes: "a few" }] }\n')),
    ).toEqual([
      'document 1 of pool.yaml (NodePool gpu): spec.disruption.budgets[0].nodes "a few" is neither a count ("3") nor a share ("10%")',
    ]);
    expect(
      errorsOf(
        run(pool(req) + ec2('  networkInterfaces: [{ networkCardIndex: 0, deviceIndex: 0, interfaceType: efa }]')),
      ),
    ).toEqual([
      'document 2 of pool.yaml (EC2NodeClass gpu): spec.networkInterfaces[0].interfaceType "efa" is not one of interface, efa-only',
    ]);
    expect(errorsOf(run(pool(req) + ec2('  kubelet: { maxPods: lots }')))).toEqual([
      'document 2 of pool.yaml (EC2NodeClass gpu): spec.kubelet.maxPods must be a whole number from 1 to 100000, got "lots"',
    ]);
    expect(errorsOf(run(pool('        - { key: kubernetes.io/arch, operator: In, values: [{ a: 1 }] }')))).toEqual([
      'document 1 of pool.yaml (NodePool gpu): spec.template.spec.requirements[0].values must be a list of text values (e.g. ["p5", "p4d"])',
    ]);
    expect(errorsOf(run(pool('        key: kubernetes.io/arch')))).toEqual([
      'document 1 of pool.yaml (NodePool gpu): spec.template.spec.requirements must be a list of { key, operator, values }, got object',
    ]);
  });

  it('YAML that does not parse: the line and column', () => {
    const r = yamlDocumentsIn(parseAllDocuments('kind: NodePool\nspec:\n  template: [a, b\n'), 'bad.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^bad\.yaml: not valid YAML: line \d+, column \d+: /);
  });

  it('YAML that does not parse (js-yaml, as the page and CLI read it): the 1-based line and column', () => {
    // The flow sequence opened on line 3 is still open when the text ends: line 4, column 1.
    expect(yamlDocumentsLoaded(load, 'kind: NodePool\nspec:\n  template: [a, b\n', 'bad.yaml')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^bad\.yaml: not valid YAML: line 4, column 1: \S/)],
    });
    // A duplicated key is an error in YAML 1.2 (the second `name` is on line 3, column 3).
    const dup = yamlDocumentsLoaded(load, 'metadata:\n  name: a\n  name: b\n', 'dup.yaml');
    expect(dup.ok ? [] : dup.errors).toEqual([
      expect.stringMatching(/^dup\.yaml: not valid YAML: line 3, column 3: duplicated mapping key/),
    ]);
    // An alias bomb (11 levels of 10 aliases: 10^11 leaves) stops at 100 aliases instead of growing.
    const names = 'abcdefghijkl';
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${[...names.slice(1)].map((n, i) => `${n}: &${n} [${Array(10).fill(`*${names[i]}`).join(', ')}]`).join('\n')}\n`;
    expect(yamlDocumentsLoaded(load, bomb, 'bomb.yaml').ok).toBe(false);
  });

  it('js-yaml reads every export and Karpenter-style YAML as the yaml package does (YAML 1.2 core)', () => {
    const texts = [
      ...[generalPool(), allFieldsPool('karpenter'), enaEfaOnlyPool(['p5.48xlarge']), gpuPool()].map((p) =>
        exportPlan(p, dataset, 'karpenter'),
      ),
      exportPlan(generalPoolAutoMode(), dataset, 'auto-mode'),
      // Scalars where YAML 1.1 and 1.2 differ, timestamps, anchors, an empty document, block scalars.
      '---\n---\nkind: NodePool\nmetadata: {name: x, creationTimestamp: 2024-05-01T12:00:00Z}\nspec:\n  a: &r {k: v}\n  b: *r\n  on: yes\n  n: 0o17\n  o: 017\n  h: 0x1f\n  f: .5\n  e: 1e3\n  t: ~\n  s: |\n    two\n    lines\n',
    ];
    for (const text of texts) {
      const reference = parseAllDocuments(text).map((d) => (d.errors.length ? d.errors : d.toJS()));
      expect(load(text).map((v) => v ?? null)).toEqual(reference);
    }
  });

  it('whatever the documents hold, the import answers and never throws', () => {
    const anyYaml = fc.oneof(fc.jsonValue(), fc.anything()).map((v) => ({ source: 'x.yaml', index: 1, value: v }));
    const nodePoolish = fc
      .record({
        kind: fc.constantFrom('NodePool', 'EC2NodeClass', 'NodeClass'),
        apiVersion: fc.option(fc.constantFrom('karpenter.sh/v1', 'karpenter.k8s.aws/v1', 'eks.amazonaws.com/v1', 'x')),
        metadata: fc.option(fc.record({ name: fc.option(fc.string()) })),
        spec: fc.anything(),
      })
      .map((v) => ({ source: 'y.yaml', index: 2, value: v }));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyYaml, nodePoolish), { maxLength: 4 }), (documents) => {
        const r = importKarpenter({ documents });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('--pods and --pod-requests', () => {
  it('reads MIN/DESIRED/MAX and NAME=QUANTITY lists; says what is wrong', () => {
    expect(parsePodsOption('0/64/512')).toEqual({ ok: true, value: { min: 0, desired: 64, max: 512 } });
    expect(parsePodsOption('512')).toEqual({ ok: true, value: { min: 0, desired: 512, max: 512 } });
    expect(parsePodsOption('64/0/512')).toEqual({ ok: false, error: 'pods must be MIN ≤ DESIRED ≤ MAX, got 64/0/512' });
    expect(parsePodsOption('lots')).toEqual({
      ok: false,
      error: 'pods must be MIN/DESIRED/MAX in whole numbers (e.g. 0/64/512), got "lots"',
    });
    expect(parsePodRequestsOption('cpu=8,memory=64Gi,nvidia.com/gpu=1')).toEqual({
      ok: true,
      value: { cpu: '8', memory: '64Gi', 'nvidia.com/gpu': 1 },
    });
    expect(parsePodRequestsOption('cpu=2 cores')).toEqual({
      ok: false,
      error: 'cpu "2 cores" is not a Kubernetes quantity; write e.g. "500m", "2" or "0.5"',
    });
    expect(parsePodRequestsOption('cpu')).toEqual({
      ok: false,
      error: 'pod requests are NAME=QUANTITY pairs (e.g. cpu=8,memory=64Gi), got "cpu"',
    });
  });
});
