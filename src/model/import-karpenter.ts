/**
 * A Karpenter NodePool (with its EC2NodeClass) as a node pool of the plan (issue 14). Pure: it takes the YAML
 * documents already parsed (the CLI and the page parse them with the `js-yaml` package) and never throws on bad
 * input; every problem names the document and the field.
 *
 * Mapping (karpenter.sh/v1 NodePool, karpenter.k8s.aws/v1 EC2NodeClass):
 * - `spec.template.spec.requirements` → `requirements`, as written (unknown label keys are kept: validatePlan's
 *   message names them); `minValues` is not modelled (said).
 * - EC2NodeClass `spec.kubelet.maxPods` (v1beta1: the NodePool's `spec.template.spec.kubelet.maxPods`) → `maxPods`.
 * - `networkInterfaces` with an `efa-only` interface → `efaLayout: 'ena-efa-only'`; none, with pods requesting
 *   `vpc.amazonaws.com/efa` → `efa` (Karpenter's default then).
 * - `spec.disruption.budgets[].nodes` → `disruptionBudget`: the most restrictive count among the budgets always
 *   in force (no schedule); a percentage is said in a warning, not guessed.
 * - `subnetSelectorTerms` → `subnets`: by ID, by Name tag, or by all the term's tags against the plan's subnets.
 * - A NodePool whose nodeClassRef is an `eks.amazonaws.com` NodeClass is an EKS Auto Mode pool: its
 *   eks.amazonaws.com/ labels are read as Karpenter's, `advancedNetworking.ipv4PrefixSize` and
 *   `podSubnetSelectorTerms` → `ipv4PrefixSize`, `podSubnets`.
 * The pods and their requests are not in a NodePool: they are given (`--pods`, `--pod-requests`), else the
 * defaults below, said in the notes.
 */
import { readLayout, selectSubnets } from './import-karpenter-node-class';
import { isObj, readBudget, readRequirements, type Obj } from './import-karpenter-node-pool';
import { readPodRequests, requirementIssues } from './node-pool';
import { DEFAULT_CNI, type NodeGroup, type Plan } from './plan';
import { LIMITS } from './plan-schema';
import { fmt } from './format';
import { numberIn } from './number-text';

/** One parsed YAML document and where it came from (for messages). */
export interface YamlDocumentIn {
  /** The file name or "pasted text". */
  source: string;
  /** 1-based position in its source. */
  index: number;
  /** The document as plain data (as the parser returns it); null for an empty document. */
  value: unknown;
}

export interface KarpenterImportInput {
  documents: readonly YamlDocumentIn[];
  /** The workload: pods at min, desired and max (default {@link DEFAULT_POOL_PODS}). */
  pods?: { min: number; desired: number; max: number };
  /** A pod's requests (default {@link DEFAULT_POD_REQUESTS}). */
  podRequests?: Record<string, string | number>;
  /** The plan to add the pools to; without one, a plan with an empty VPC. */
  plan?: Plan;
}

export type KarpenterImportResult =
  { ok: true; plan: Plan; groups: NodeGroup[]; warnings: string[]; notes: string[] } | { ok: false; errors: string[] };

export const DEFAULT_POOL_PODS = { min: 0, desired: 10, max: 100 } as const;
export const DEFAULT_POD_REQUESTS: Readonly<Record<string, string>> = { cpu: '1', memory: '2Gi' };

/**
 * Reads `--pods MIN/DESIRED/MAX` ("0/64/512"; one number N is 0/N/N).
 * @example parsePodsOption('0/64/512') // { ok: true, value: { min: 0, desired: 64, max: 512 } }
 */
export function parsePodsOption(
  text: string,
): { ok: true; value: { min: number; desired: number; max: number } } | { ok: false; error: string } {
  const parts = text
    .trim()
    .split('/')
    .map((p) => p.trim());
  if ((parts.length !== 1 && parts.length !== 3) || parts.some((p) => numberIn(p, { integer: true }) === null)) {
    return { ok: false, error: `pods must be MIN/DESIRED/MAX in whole numbers (e.g. 0/64/512), got "${text}"` };
  }
  const [min, desired, max] = parts.length === 1 ? [0, Number(parts[0]), Number(parts[0])] : parts.map(Number);
  if (max! > LIMITS.pods) return { ok: false, error: `pods: at most ${fmt(LIMITS.pods)}, got ${max}` };
  if (min! > desired! || desired! > max!) {
    return { ok: false, error: `pods must be MIN ≤ DESIRED ≤ MAX, got ${min}/${desired}/${max}` };
  }
  return { ok: true, value: { min: min!, desired: desired!, max: max! } };
}

/**
 * Reads `--pod-requests cpu=8,memory=64Gi,nvidia.com/gpu=1`; the quantities are checked by readPodRequests.
 * @example parsePodRequestsOption('cpu=500m,memory=1Gi') // { ok: true, value: { cpu: '500m', memory: '1Gi' } }
 */
export function parsePodRequestsOption(
  text: string,
): { ok: true; value: Record<string, string | number> } | { ok: false; error: string } {
  const out: Record<string, string | number> = {};
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0 || eq === item.length - 1) {
      return { ok: false, error: `pod requests are NAME=QUANTITY pairs (e.g. cpu=8,memory=64Gi), got "${item}"` };
    }
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    // Devices are counts: written as numbers, as plan files do ("nvidia.com/gpu": 1).
    out[name] = name !== 'cpu' && name !== 'memory' && /^\d+$/.test(value) ? Number(value) : value;
  }
  if (Object.keys(out).length === 0) return { ok: false, error: 'pod requests are empty; give e.g. cpu=2,memory=4Gi' };
  const read = readPodRequests(out, 'pod requests');
  if (!read.ok) return { ok: false, error: read.issues.map((i) => i.message).join('; ') };
  return { ok: true, value: out };
}

const EMPTY_PLAN = (): Plan => ({
  version: 1,
  name: 'Imported node pool',
  vpc: { cidrs: [], subnets: [] },
  cni: { ...DEFAULT_CNI },
  nodeGroups: [],
});

interface Found {
  where: string;
  doc: Obj;
}

/** "document 2 of pool.yaml (NodePool gpu)" */
function whereOf(d: YamlDocumentIn, doc: Obj): string {
  const name = isObj(doc.metadata) && typeof doc.metadata.name === 'string' ? ` ${doc.metadata.name}` : '';
  return `document ${d.index} of ${d.source} (${String(doc.kind)}${name})`;
}

const nameOf = (doc: Obj): string | null =>
  isObj(doc.metadata) && typeof doc.metadata.name === 'string' && doc.metadata.name !== '' ? doc.metadata.name : null;

/** A name not yet taken by a group of the plan. */
function freeName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}-${i}`;
  taken.add(n);
  return n;
}

/**
 * The node pools of the NodePools among the documents, added to the plan.
 * @example importKarpenter({ documents: [{ source: 'pool.yaml', index: 1, value: nodePool }] }).ok === true
 */
export function importKarpenter(input: KarpenterImportInput): KarpenterImportResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  const pools: Found[] = [];
  const classes = new Map<string, Found>();
  for (const d of input.documents) {
    if (d.value === null || d.value === undefined) continue;
    if (!isObj(d.value)) {
      errors.push(`document ${d.index} of ${d.source} is not a Kubernetes object (a map with apiVersion and kind)`);
      continue;
    }
    const doc = d.value;
    const where = whereOf(d, doc);
    if (doc.kind === 'NodePool') {
      if (typeof doc.apiVersion === 'string' && !doc.apiVersion.startsWith('karpenter.sh/')) {
        errors.push(`${where}: apiVersion ${doc.apiVersion} is not karpenter.sh/v1`);
      } else pools.push({ where, doc });
    } else if (doc.kind === 'EC2NodeClass' || doc.kind === 'NodeClass') {
      const name = nameOf(doc);
      if (!name) errors.push(`${where}: metadata.name is missing; a NodePool refers to its node class by name`);
      else classes.set(`${doc.kind}/${name}`, { where, doc });
    } else {
      warnings.push(`${where} is neither a NodePool nor an EC2NodeClass: skipped`);
    }
  }
  if (pools.length === 0 && errors.length === 0) {
    errors.push(
      'no NodePool (kind: NodePool, apiVersion: karpenter.sh/v1) among the documents; give the NodePool file, ' +
        'with its EC2NodeClass in the same file or a second one',
    );
  }
  const plan: Plan = input.plan ? structuredClone(input.plan) : EMPTY_PLAN();
  const pods = input.pods ?? { ...DEFAULT_POOL_PODS };
  const podRequests = input.podRequests ?? { ...DEFAULT_POD_REQUESTS };
  if (!input.pods)
    notes.push(`pods not given: assumed ${pods.min}/${pods.desired}/${pods.max} (min/desired/max); give --pods`);
  if (!input.podRequests) {
    const r = Object.entries(podRequests)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    notes.push(`pod requests not given: assumed ${r}; give --pod-requests (e.g. cpu=8,memory=64Gi,nvidia.com/gpu=1)`);
  }
  const taken = new Set(plan.nodeGroups.map((g) => g.name));
  const groups: NodeGroup[] = [];
  for (const { where, doc } of pools) {
    const spec = isObj(doc.spec) ? doc.spec : {};
    const template = isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec : null;
    if (!template) {
      errors.push(`${where}: spec.template.spec is missing; a NodePool holds its requirements there`);
      continue;
    }
    const ref = isObj(template.nodeClassRef) ? template.nodeClassRef : {};
    const autoMode = ref.group === 'eks.amazonaws.com';
    const classKind = autoMode ? 'NodeClass' : 'EC2NodeClass';
    const requirements = readRequirements(template.requirements, where, autoMode, errors, warnings);
    const cls = typeof ref.name === 'string' ? classes.get(`${classKind}/${ref.name}`) : undefined;
    const clsSpec = cls && isObj(cls.doc.spec) ? cls.doc.spec : null;
    if (!cls) {
      const which =
        typeof ref.name === 'string' ? `${classKind} ${ref.name}` : `its ${classKind} (nodeClassRef.name is missing)`;
      warnings.push(
        `${where}: ${which} is not among the documents: its max pods, interfaces and subnets are not read; ` +
          'the pool takes the node subnets of the plan',
      );
    }
    const group: NodeGroup = {
      name: freeName(nameOf(doc) ?? 'pool', taken),
      kind: autoMode ? 'auto-mode' : 'karpenter',
      subnets: [],
      maxPods: null,
      requirements,
      pods: { ...pods },
      podRequests: { ...podRequests },
    } as unknown as NodeGroup;
    if (group.name !== nameOf(doc) && nameOf(doc)) {
      warnings.push(`${where}: the plan has a group ${nameOf(doc)} already: imported as ${group.name}`);
    }
    const kubelet = isObj(clsSpec?.kubelet) ? clsSpec.kubelet : isObj(template.kubelet) ? template.kubelet : null;
    if (kubelet?.maxPods !== undefined) {
      const m = kubelet.maxPods;
      if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > LIMITS.maxPods) {
        errors.push(
          `${cls?.where ?? where}: spec.kubelet.maxPods must be a whole number from 1 to ${LIMITS.maxPods}, ` +
            `got ${JSON.stringify(m)}`,
        );
      } else group.maxPods = m;
    }
    if (kubelet?.podsPerCore !== undefined) {
      warnings.push(
        `${cls?.where ?? where}: spec.kubelet.podsPerCore ${String(kubelet.podsPerCore)} is not modelled: ` +
          'it can lower max pods further',
      );
    }
    const requestsEfa = Object.keys(podRequests).includes('vpc.amazonaws.com/efa');
    const layout = autoMode
      ? undefined
      : readLayout(clsSpec?.networkInterfaces, requestsEfa, cls?.where ?? where, errors, notes);
    if (layout) group.efaLayout = layout;
    const budget = readBudget(spec.disruption, where, errors, warnings);
    if (budget !== undefined) group.disruptionBudget = budget;
    if (clsSpec) {
      group.subnets = selectSubnets(
        clsSpec.subnetSelectorTerms,
        plan,
        cls!.where,
        'subnetSelectorTerms',
        errors,
        warnings,
      );
      if (autoMode) {
        const podSubnets = selectSubnets(
          clsSpec.podSubnetSelectorTerms,
          plan,
          cls!.where,
          'podSubnetSelectorTerms',
          errors,
          warnings,
        );
        if (podSubnets.length) group.podSubnets = podSubnets;
        const adv = isObj(clsSpec.advancedNetworking) ? clsSpec.advancedNetworking : null;
        const size = adv?.ipv4PrefixSize;
        if (size !== undefined) {
          if (size === 'Auto' || String(size) === '32') group.ipv4PrefixSize = size === 'Auto' ? 'Auto' : '32';
          else
            errors.push(
              `${cls!.where}: spec.advancedNetworking.ipv4PrefixSize must be "Auto" or "32", ` +
                `got ${JSON.stringify(size)}`,
            );
        }
      }
    }
    if (group.subnets.length === 0) {
      const used = [...new Set(plan.nodeGroups.flatMap((g) => g.subnets))];
      const podSubnets = new Set(plan.nodeGroups.flatMap((g) => g.podSubnets ?? []));
      group.subnets = used.length ? used : plan.vpc.subnets.filter((s) => !podSubnets.has(s.name)).map((s) => s.name);
      if (group.subnets.length) notes.push(`${where}: launch subnets taken from the plan: ${group.subnets.join(', ')}`);
      else warnings.push(`${where}: no launch subnets: the plan has none; add vpc.subnets and the pool's subnets`);
    }
    for (const issue of requirementIssues(
      requirements,
      `nodeGroups[${plan.nodeGroups.length + groups.length}].requirements`,
    )) {
      warnings.push(`${issue.path}: ${issue.message}`);
    }
    groups.push(group);
  }
  if (errors.length) return { ok: false, errors };
  plan.nodeGroups.push(...groups);
  if (!input.plan) {
    if (groups.length === 1) plan.name = groups[0]!.name;
    notes.push(
      'the plan has no VPC yet: add vpc.cidrs and vpc.subnets (or import with --vpcs/--subnets, or give --plan)',
    );
  }
  return { ok: true, plan, groups, warnings, notes };
}

/**
 * yaml's parsed documents (`parseAllDocuments(text)`) as the import's input, or the parse errors with their
 * line and column. Structural: the model does not import the parser.
 */
export function yamlDocumentsIn(
  docs: readonly {
    errors: readonly { message: string; linePos?: readonly { line: number; col: number }[] }[];
    toJS(): unknown;
  }[],
  source: string,
): { ok: true; documents: YamlDocumentIn[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const documents: YamlDocumentIn[] = [];
  docs.forEach((d, i) => {
    if (d.errors.length) {
      for (const e of d.errors) {
        const at = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : '';
        errors.push(`${source}: not valid YAML: ${at}${e.message.split('\n')[0]}`);
      }
      return;
    }
    try {
      documents.push({ source, index: i + 1, value: d.toJS() });
    } catch (e) {
      errors.push(`${source}: document ${i + 1} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, documents };
}

/**
 * The documents of `text` as the import's input, parsed by `loadAll` (js-yaml's, with its YAML 1.2 core
 * schema: the page and the CLI pass it in; the model does not import the parser), or the parse error with
 * its 1-based line and column. js-yaml stops at the first error and throws it with a 0-based `mark`.
 * @example yamlDocumentsLoaded((t) => loadAll(t, { schema: CORE_SCHEMA }), 'a: 1\n---\nb: 2\n', 'x.yaml')
 *   // { ok: true, documents: [{ source: 'x.yaml', index: 1, value: { a: 1 } }, { …index: 2… }] }
 */
export function yamlDocumentsLoaded(
  loadAll: (text: string) => unknown[],
  text: string,
  source: string,
): { ok: true; documents: YamlDocumentIn[] } | { ok: false; errors: string[] } {
  let values: unknown[];
  try {
    values = loadAll(text);
  } catch (e) {
    const err = (e ?? {}) as { reason?: unknown; message?: unknown; mark?: { line?: unknown; column?: unknown } };
    const line = err.mark?.line;
    const col = err.mark?.column;
    const at = typeof line === 'number' && typeof col === 'number' ? `line ${line + 1}, column ${col + 1}: ` : '';
    const why = typeof err.reason === 'string' ? err.reason : String(err.message ?? e).split('\n')[0];
    return { ok: false, errors: [`${source}: not valid YAML: ${at}${why}`] };
  }
  return { ok: true, documents: values.map((value, i) => ({ source, index: i + 1, value: value ?? null })) };
}
