/**
 * Checks exports against each tool's own schema, vendored in tests/fixtures/schemas/ (each file's header
 * names the upstream repository, path and commit):
 * - `checkSchema`: the OpenAPI v3 / JSON Schema subset those files use (type, properties, required, enum,
 *   items, additionalProperties, pattern, min/max, $ref), an object with `properties` being closed unless it
 *   says `x-kubernetes-preserve-unknown-fields` (Kubernetes drops or, under strict field validation, rejects
 *   unknown fields; eksctl says `additionalProperties: false` everywhere);
 * - the CEL rules (`x-kubernetes-validations`) quoted in the fixtures, each implemented below by hand from
 *   its text; a rule the table does not know fails the check, so a fixture cannot carry an unchecked rule;
 * - `terraformInputs`: the module inputs a Terraform export writes, read from its module "eks" block.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | false;
  required?: string[];
  enum?: unknown[];
  items?: Schema;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  maxProperties?: number;
  $ref?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-validations'?: { rule: string }[];
}

/** A vendored schema file (YAML with its source in the header comment). */
export function loadFixture<T = Record<string, unknown>>(name: string): T {
  return parse(readFileSync(new URL(`../../fixtures/schemas/${name}`, import.meta.url), 'utf8')) as T;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: unknown, k: string) => isObj(o) && o[k] !== undefined;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** Labels of the kubernetes.io domain a NodePool requirement may name (the CRD's list). */
const KUBERNETES_IO_KEYS = [
  'beta.kubernetes.io/instance-type',
  'failure-domain.beta.kubernetes.io/region',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'failure-domain.beta.kubernetes.io/zone',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'node.kubernetes.io/windows-build',
];
/** Labels of the karpenter.k8s.aws domain a NodePool requirement may name (the CRD's list). */
const KARPENTER_AWS_KEYS = [
  'ec2nodeclass',
  'instance-encryption-in-transit-supported',
  'instance-category',
  'instance-hypervisor',
  'instance-family',
  'instance-generation',
  'instance-local-nvme',
  'instance-size',
  'instance-cpu',
  'instance-cpu-manufacturer',
  'instance-cpu-sustained-clock-speed-mhz',
  'instance-memory',
  'instance-ebs-bandwidth',
  'instance-network-bandwidth',
  'instance-gpu-name',
  'instance-gpu-manufacturer',
  'instance-gpu-count',
  'instance-gpu-memory',
  'instance-accelerator-name',
  'instance-accelerator-manufacturer',
  'instance-accelerator-count',
].map((k) => `karpenter.k8s.aws/${k}`);

/** The text of a CRD key rule: `self in [allowed] || self.find(...).endsWith(sub) || … || !…endsWith(domain)`. */
function domainRule(domain: string, allowed: string[], subdomains: string[]): string {
  const find = 'self.find("^([^/]+)")';
  const parts = [
    ...(allowed.length ? [`self in [${allowed.map((k) => `"${k}"`).join(', ')}]`] : []),
    ...subdomains.map((d) => `${find}.endsWith("${d}")`),
    `!${find}.endsWith("${domain}")`,
  ];
  return parts.join(' || ');
}

/** The CEL rules of the fixtures, by their exact text, as predicates on `self`. */
const CEL: Record<string, (self: unknown) => boolean> = {
  // EC2NodeClass spec
  '(has(self.role) && !has(self.instanceProfile)) || (!has(self.role) && has(self.instanceProfile))': (s) =>
    has(s, 'role') !== has(s, 'instanceProfile'),
  'self.amiSelectorTerms.exists(x, has(x.alias)) ? true : has(self.amiFamily)': (s) =>
    list((s as Obj).amiSelectorTerms).some((x) => has(x, 'alias')) || has(s, 'amiFamily'),
  // amiSelectorTerms
  'self.all(x, has(x.tags) || has(x.id) || has(x.name) || has(x.alias) || has(x.ssmParameter))': (s) =>
    list(s).every((x) => ['tags', 'id', 'name', 'alias', 'ssmParameter'].some((k) => has(x, k))),
  '!(self.exists(x, has(x.alias)) && self.size() != 1)': (s) =>
    !(list(s).some((x) => has(x, 'alias')) && list(s).length !== 1),
  "self.matches('^[a-zA-Z0-9]+@.+$')": (s) => /^[a-zA-Z0-9]+@.+$/.test(String(s)),
  "self.split('@')[0] in ['al2','al2023','bottlerocket','windows2019','windows2022','windows2025']": (s) =>
    ['al2', 'al2023', 'bottlerocket', 'windows2019', 'windows2022', 'windows2025'].includes(String(s).split('@')[0]!),
  // networkInterfaces
  "self.size() == 0 || self.exists(x, x.deviceIndex == 0 && x.networkCardIndex == 0 && x.interfaceType == 'interface')":
    (s) =>
      list(s).length === 0 ||
      list(s).some((x) => x.deviceIndex === 0 && x.networkCardIndex === 0 && x.interfaceType === 'interface'),
  "self.all(x, self.filter(y, x.networkCardIndex == y.networkCardIndex && x.deviceIndex == y.deviceIndex).size() == 1 && (x.interfaceType != 'efa-only' || self.filter(y, x.networkCardIndex == y.networkCardIndex && y.interfaceType == 'efa-only').size() == 1))":
    (s) =>
      list(s).every(
        (x) =>
          list(s).filter((y) => x.networkCardIndex === y.networkCardIndex && x.deviceIndex === y.deviceIndex).length ===
            1 &&
          (x.interfaceType !== 'efa-only' ||
            list(s).filter((y) => x.networkCardIndex === y.networkCardIndex && y.interfaceType === 'efa-only')
              .length === 1),
      ),
  // role, nodeClassRef fields
  "self != ''": (s) => s !== '',
  // selector terms
  'self.size() != 0': (s) => list(s).length !== 0,
  'self.all(x, has(x.tags) || has(x.id) || has(x.name))': (s) =>
    list(s).every((x) => has(x, 'tags') || has(x, 'id') || has(x, 'name')),
  'self.all(x, has(x.tags) || has(x.id))': (s) => list(s).every((x) => has(x, 'tags') || has(x, 'id')),
  '!self.all(x, has(x.id) && has(x.tags))': (s) => !list(s).every((x) => has(x, 'id') && has(x, 'tags')),
  "self.all(k, k != '' && self[k] != '')": (s) => isObj(s) && Object.entries(s).every(([k, v]) => k !== '' && v !== ''),
  // NodePool disruption budgets
  'self.all(x, has(x.schedule) == has(x.duration))': (s) =>
    list(s).every((x) => has(x, 'schedule') === has(x, 'duration')),
  // NodePool requirement keys: the restricted label domains (`self.find("^([^/]+)")` is the part before any "/")
  ...Object.fromEntries(
    [
      ['kubernetes.io', KUBERNETES_IO_KEYS, ['node.kubernetes.io', 'node-restriction.kubernetes.io']],
      ['k8s.io', [], ['kops.k8s.io']],
      ['karpenter.sh', ['karpenter.sh/capacity-type', 'karpenter.sh/nodepool'], []],
      ['karpenter.k8s.aws', KARPENTER_AWS_KEYS, []],
    ].map(([domain, allowed, subdomains]) => [
      domainRule(domain as string, allowed as string[], subdomains as string[]),
      (s: unknown) => {
        const prefix = /^([^/]+)/.exec(String(s))?.[1] ?? '';
        return (
          (allowed as string[]).includes(String(s)) ||
          (subdomains as string[]).some((d) => prefix.endsWith(d)) ||
          !prefix.endsWith(domain as string)
        );
      },
    ]),
  ),
  'self != "karpenter.sh/nodepool"': (s) => s !== 'karpenter.sh/nodepool',
  'self != "kubernetes.io/hostname"': (s) => s !== 'kubernetes.io/hostname',
  // NodePool requirements
  "self.all(x, x.operator == 'In' ? x.values.size() != 0 : true)": (s) =>
    list(s).every((x) => x.operator !== 'In' || (Array.isArray(x.values) && x.values.length !== 0)),
  "self.all(x, (x.operator == 'Gt' || x.operator == 'Lt') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)": (
    s,
  ) =>
    list(s).every(
      (x) =>
        (x.operator !== 'Gt' && x.operator !== 'Lt') ||
        (Array.isArray(x.values) && x.values.length === 1 && /^\d+$/.test(String(x.values[0]))),
    ),
};

const typeOk = (v: unknown, t: Schema['type']): boolean => {
  switch (t) {
    case undefined:
      return true;
    case 'object':
      return isObj(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
  }
};

/**
 * Problems of `value` against `schema` ("spec.networkInterfaces[1].interfaceType: efa is not one of …"),
 * [] when it conforms. `root` resolves `$ref: '#/definitions/X'`.
 */
export function checkSchema(
  value: unknown,
  schema: Schema,
  root: { definitions?: Record<string, Schema> } = {},
  path = '',
): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = root.definitions?.[name];
    if (!target) return [`${path}: the fixture has no definition ${name}`];
    return checkSchema(value, target, root, path);
  }
  const at = path || '(document)';
  const out: string[] = [];
  if (schema['x-kubernetes-int-or-string']) {
    if (!Number.isInteger(value) && typeof value !== 'string')
      out.push(`${at}: must be an integer or a string, got ${JSON.stringify(value)}`);
  } else if (!typeOk(value, schema.type)) {
    return [`${at}: must be ${schema.type}, got ${JSON.stringify(value)}`];
  }
  if (schema.enum && !schema.enum.includes(value))
    out.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      out.push(`${at}: "${value}" does not match ${schema.pattern}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      out.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${at}: ${value} is below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${at}: ${value} is above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      out.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      out.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => out.push(...checkSchema(v, schema.items!, root, `${path}[${i}]`)));
  }
  if (isObj(value)) {
    for (const r of schema.required ?? [])
      if (value[r] === undefined) out.push(`${at}: required field ${r} is missing`);
    if (schema.maxProperties !== undefined && Object.keys(value).length > schema.maxProperties)
      out.push(`${at}: more than ${schema.maxProperties} keys`);
    const closed =
      schema.additionalProperties === false ||
      (schema.properties !== undefined &&
        schema.additionalProperties === undefined &&
        !schema['x-kubernetes-preserve-unknown-fields']);
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      const sub = schema.properties?.[k] ?? (schema.additionalProperties || undefined);
      if (sub) out.push(...checkSchema(v, sub, root, p));
      else if (closed) out.push(`${p}: unknown field (not in the schema)`);
    }
  }
  for (const { rule } of schema['x-kubernetes-validations'] ?? []) {
    const f = CEL[rule];
    if (!f) out.push(`${at}: the checker does not implement the rule ${rule}`);
    else if (!f(value)) out.push(`${at}: fails the rule ${rule}`);
  }
  return out;
}

/** A Kubernetes CRD fixture: its group, version, kind and the object schema. */
export interface CrdFixture {
  group: string;
  version: string;
  kind: string;
  schema: Schema;
}

/** Problems of one manifest against a CRD fixture: apiVersion and kind first, then the schema. */
export function checkManifest(doc: unknown, crd: CrdFixture): string[] {
  const out: string[] = [];
  if (!isObj(doc)) return ['not an object'];
  if (doc.apiVersion !== `${crd.group}/${crd.version}`)
    out.push(`apiVersion: ${String(doc.apiVersion)} is not ${crd.group}/${crd.version}`);
  if (doc.kind !== crd.kind) out.push(`kind: ${String(doc.kind)} is not ${crd.kind}`);
  return [...out, ...checkSchema(doc, crd.schema)];
}

/** One HCL attribute or block of the export: `key = value` or `key = {` … `}` (children). */
export interface HclNode {
  key: string;
  value?: string;
  children?: HclNode[];
}

/**
 * The export's HCL as a tree, from the renderer's layout (one attribute or block opening per line; heredoc
 * bodies skipped). Keys are as written (quotes stripped); list elements `{` have the key "".
 */
export function hclTree(text: string): HclNode[] {
  const root: HclNode = { key: '', children: [] };
  const stack: HclNode[] = [root];
  let heredoc: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (heredoc !== null) {
      if (line === heredoc) heredoc = null;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    if (/^[}\])]+$/.test(line) || line === '})') {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1]!;
    const blockHead =
      /^(?:(resource|data|module|variable|output)((?: "[^"]+")+)|([^=]+?)\s*=\s*(?:jsonencode\()?)\s*[{[]$/.exec(line);
    if (line === '{' || blockHead) {
      const key =
        line === '{' ? '' : blockHead![1] ? `${blockHead![1]}${blockHead![2]}` : blockHead![3]!.replace(/^"|"$/g, '');
      // `x = jsonencode({ … })` is a string whose body is an object
      const node: HclNode = {
        key,
        children: [],
        ...(/=\s*jsonencode\($/.test(line.slice(0, -1)) ? { value: 'jsonencode(…)' } : {}),
      };
      top.children!.push(node);
      stack.push(node);
      continue;
    }
    const a = /^("[^"]+"|[A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*)$/.exec(line);
    if (!a) {
      const bare = /^([a-z_]+)\s*\{$/.exec(line);
      if (bare) {
        const node: HclNode = { key: bare[1]!, children: [] };
        top.children!.push(node);
        stack.push(node);
        continue;
      }
      throw new Error(`hclTree: unexpected line ${line}`);
    }
    const value = a[2]!;
    const h = /^<<-([A-Z]+)$/.exec(value);
    if (h) heredoc = h[1]!;
    top.children!.push({ key: a[1]!.replace(/^"|"$/g, ''), value });
  }
  return root.children!;
}

/** A Terraform variable type of the fixture, checked against an expression the export wrote. */
export function hclValueFits(type: string, node: HclNode): boolean {
  const v = node.value;
  if (v !== undefined && /^var\.[a-z0-9_]+$/.test(v)) return true;
  switch (type) {
    case 'bool':
      return v === 'true' || v === 'false';
    case 'number':
      return v !== undefined && /^\d+$/.test(v);
    case 'string':
      return v !== undefined && (/^".*"$/.test(v) || /^<<-[A-Z]+$/.test(v) || v === 'jsonencode(…)');
    case 'list(number)':
      return v !== undefined && /^\[(\d+(, \d+)*)?\]$/.test(v);
    case 'list(string)':
      return v !== undefined && /^\[.*\]$/.test(v);
    case 'list(object)':
      return node.children !== undefined && node.children.every((c) => c.key === '');
    case 'map':
    case 'object':
      return node.children !== undefined;
    default:
      return false;
  }
}
