/**
 * `import --vpcs F --subnets F [--enis F] [--vpc-id ID]`: a plan (JSON, on standard output) from the
 * output of `aws ec2 describe-vpcs`, `describe-subnets` and `describe-network-interfaces`. Offline: it
 * reads files, never AWS. The summary goes to standard error.
 *
 * `import --karpenter F [--karpenter F] [--plan PLAN | --vpcs F --subnets F] [--pods MIN/DESIRED/MAX]
 * [--pod-requests cpu=8,memory=64Gi,…]`: the NodePools of Karpenter YAML (with their EC2NodeClass, in the same
 * file or another) as node pools, added to the plan given, to the imported VPC, or to a plan with an empty VPC
 * (src/model/import-karpenter.ts). The YAML parser is loaded only for this form.
 */
import { dataset } from '../data/dataset';
import { importAwsVpc } from '../model/import-aws';
import {
  importKarpenter,
  parsePodRequestsOption,
  parsePodsOption,
  yamlDocumentsLoaded,
  type YamlDocumentIn,
} from '../model/import-karpenter';
import { canonicalGroup } from '../model/node-pool';
import type { Plan } from '../model/plan';
import { validatePlan } from '../model/validate-plan';
import { documentOf } from '../model/workspace';
import { strictParse } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { loadPlanArgument } from './load-plan';

export const IMPORT_USAGE = `Usage: eks-ip-planner import --vpcs FILE --subnets FILE [--enis FILE] [--vpc-id ID] > plan.json
       eks-ip-planner import --karpenter FILE [--karpenter FILE] [--plan PLAN | --vpcs FILE --subnets FILE]
                             [--pods MIN/DESIRED/MAX] [--pod-requests cpu=8,memory=64Gi,nvidia.com/gpu=1] > plan.json
  --vpcs     output of: aws ec2 describe-vpcs --vpc-ids vpc-…
  --subnets  output of: aws ec2 describe-subnets --filters Name=vpc-id,Values=vpc-…
  --enis     output of: aws ec2 describe-network-interfaces --filters Name=vpc-id,Values=vpc-…
             (optional: addresses in use are then counted from it, not from AvailableIpAddressCount)
  --vpc-id   which VPC, when the describe-vpcs output holds several
  --karpenter  YAML with Karpenter NodePools and their EC2NodeClasses (kubectl get nodepool,ec2nodeclass -o yaml,
             or your manifests); each NodePool becomes a node pool of the plan. Give it twice for two files
  --plan     the plan (file, share link or -) to add the node pools to; else the VPC of --vpcs/--subnets, else none
  --pods     the pool's pods, MIN/DESIRED/MAX (a NodePool does not say; default 0/10/100)
  --pod-requests  one pod's requests, NAME=QUANTITY,… (default cpu=1,memory=2Gi)
  FILE may be - for standard input (for one of them)`;

const FILE_OPTIONS = ['vpcs', 'subnets', 'enis'] as const;
/** Input files are capped (YAML or JSON from kubectl and the AWS CLI is far smaller). */
const MAX_FILE_CHARS = 5 * 1024 * 1024;

/** Prints the plan; exit 0, or 2 on a usage error, an unreadable file or input that does not import. */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(args, {
    vpcs: { type: 'string' },
    subnets: { type: 'string' },
    enis: { type: 'string' },
    'vpc-id': { type: 'string' },
    karpenter: { type: 'string', multiple: true },
    plan: { type: 'string' },
    pods: { type: 'string' },
    'pod-requests': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const usage = (msg: string) => {
    io.err(`import: ${msg}\n${IMPORT_USAGE}\n`);
    return EXIT_USAGE;
  };
  if (!p.ok) return usage(p.error);
  if (p.values.help) {
    io.out(IMPORT_USAGE + '\n');
    return EXIT_OK;
  }
  const v = p.values as Partial<
    Record<'vpcs' | 'subnets' | 'enis' | 'vpc-id' | 'plan' | 'pods' | 'pod-requests', string>
  >;
  const karpenter = (p.values as { karpenter?: string[] }).karpenter;
  if (karpenter !== undefined) return runKarpenterImport(karpenter, v, io, usage);
  for (const k of ['plan', 'pods', 'pod-requests'] as const) {
    if (v[k] !== undefined) return usage(`--${k} goes with --karpenter (a node pool from a NodePool)`);
  }
  if (v.vpcs === undefined) return usage('--vpcs is required (the output of aws ec2 describe-vpcs)');
  if (v.subnets === undefined) return usage('--subnets is required (the output of aws ec2 describe-subnets)');
  const stdin = FILE_OPTIONS.filter((k) => v[k] === '-');
  if (stdin.length > 1) return usage(`only one of --${stdin.join(', --')} can be - (standard input)`);
  const vpcId = v['vpc-id'];
  if (vpcId !== undefined && !/^vpc-[0-9a-f]{8,17}$/.test(vpcId))
    return usage(`--vpc-id must be a VPC ID such as vpc-0a1b2c3d4e5f67890, got "${vpcId}"`);

  const texts: Partial<Record<(typeof FILE_OPTIONS)[number], string>> = {};
  for (const k of FILE_OPTIONS) {
    const path = v[k];
    if (path === undefined) continue;
    const text = await readInput(`--${k}`, path, io);
    if (text === null) return EXIT_USAGE;
    texts[k] = text;
  }
  const r = importAwsVpc({ vpcs: texts.vpcs!, subnets: texts.subnets!, enis: texts.enis, vpcId });
  if (!r.ok) {
    for (const e of r.errors) io.err(`import: ${e}\n`);
    return EXIT_USAGE;
  }
  for (const line of r.summary) io.err(`import: ${line}\n`);
  io.out(JSON.stringify(r.plan, null, 2) + '\n');
  return EXIT_OK;
}

/** A file's text, or null after saying why it cannot be read. */
async function readInput(option: string, path: string, io: CliIo): Promise<string | null> {
  try {
    const text = path === '-' ? await io.readStdin() : await io.readFile(path);
    if (text.length > MAX_FILE_CHARS) {
      io.err(
        `import: ${option} ${path}: larger than ${MAX_FILE_CHARS / 1024 / 1024} MB; give the objects it needs only\n`,
      );
      return null;
    }
    return text;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (e instanceof Error ? e.message : 'error')})`;
    io.err(`import: ${option} ${path}: ${why}\n`);
    return null;
  }
}

/** A plan as a file writes it: pools without the fields the model fills in. */
const planFileOf = (plan: Plan): Plan => ({ ...plan, nodeGroups: plan.nodeGroups.map(canonicalGroup) });

/** `import --karpenter …`: the NodePools as node pools of a plan, printed as JSON. */
async function runKarpenterImport(
  files: string[],
  v: Partial<Record<'vpcs' | 'subnets' | 'enis' | 'vpc-id' | 'plan' | 'pods' | 'pod-requests', string>>,
  io: CliIo,
  usage: (msg: string) => number,
): Promise<number> {
  if (v.plan !== undefined && (v.vpcs !== undefined || v.subnets !== undefined)) {
    return usage('give --plan or --vpcs/--subnets, not both: the node pools go into one plan');
  }
  if ((v.vpcs === undefined) !== (v.subnets === undefined)) {
    return usage('--vpcs and --subnets go together (the VPC to add the node pools to)');
  }
  const stdin = [...files, v.plan, v.vpcs, v.subnets, v.enis].filter((f) => f === '-');
  if (stdin.length > 1) return usage('only one input can be - (standard input)');
  const pods = v.pods === undefined ? undefined : parsePodsOption(v.pods);
  if (pods && !pods.ok) return usage(`--${pods.error}`);
  const requests = v['pod-requests'] === undefined ? undefined : parsePodRequestsOption(v['pod-requests']);
  if (requests && !requests.ok) return usage(`--pod-requests: ${requests.error}`);

  let base: Plan | undefined;
  let workspace: Awaited<ReturnType<typeof loadPlanArgument>> | undefined;
  if (v.plan !== undefined) {
    workspace = await loadPlanArgument(v.plan, io);
    if (!workspace.ok) {
      io.err(`import: --plan: ${workspace.error}\n`);
      return EXIT_USAGE;
    }
    base = workspace.plan;
  } else if (v.vpcs !== undefined) {
    const vpcs = await readInput('--vpcs', v.vpcs, io);
    const subnets = vpcs === null ? null : await readInput('--subnets', v.subnets!, io);
    const enis = subnets === null || v.enis === undefined ? undefined : await readInput('--enis', v.enis, io);
    if (vpcs === null || subnets === null || enis === null) return EXIT_USAGE;
    const aws = importAwsVpc({ vpcs, subnets, enis, vpcId: v['vpc-id'] });
    if (!aws.ok) {
      for (const e of aws.errors) io.err(`import: ${e}\n`);
      return EXIT_USAGE;
    }
    for (const line of aws.summary) io.err(`import: ${line}\n`);
    base = aws.plan;
  }

  const { loadAll } = await import('js-yaml');
  const documents: YamlDocumentIn[] = [];
  for (const file of files) {
    const text = await readInput('--karpenter', file, io);
    if (text === null) return EXIT_USAGE;
    const source = file === '-' ? 'standard input' : file;
    // YAML 1.2 core (js-yaml's default; no timestamps), at most 100 aliases a document (no alias bomb).
    const parsed = yamlDocumentsLoaded((t) => loadAll(t, { maxAliases: 100 }), text, source);
    if (!parsed.ok) {
      for (const e of parsed.errors) io.err(`import: ${e}\n`);
      return EXIT_USAGE;
    }
    documents.push(...parsed.documents);
  }
  const r = importKarpenter({
    documents,
    plan: base,
    pods: pods?.ok ? pods.value : undefined,
    podRequests: requests?.ok ? requests.value : undefined,
  });
  if (!r.ok) {
    for (const e of r.errors) io.err(`import: ${e}\n`);
    return EXIT_USAGE;
  }
  for (const g of r.groups) {
    const reqs = g.requirements?.length ?? 0;
    io.err(
      `import: node pool ${g.name} (${g.kind}): ${reqs} requirement${reqs === 1 ? '' : 's'}, subnets ${g.subnets.join(', ') || 'none'}\n`,
    );
  }
  for (const n of r.notes) io.err(`import: ${n}\n`);
  for (const w of r.warnings) io.err(`import: warning: ${w}\n`);
  if (base) {
    const check = validatePlan(JSON.parse(JSON.stringify(planFileOf(r.plan))), dataset);
    const said = new Set(r.warnings);
    const left = check.ok ? [] : check.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`);
    if (!check.ok) {
      io.err('import: the plan does not evaluate yet; fix what is said above and below, then run evaluate\n');
      for (const line of left.filter((l) => !said.has(l))) io.err(`import:   ${line}\n`);
    }
  }
  const out = planFileOf(r.plan);
  if (workspace?.ok && workspace.workspace.scenarios.length > 1) {
    // The other scenarios of the document stay as they were; the active one gets the pools.
    const ws = workspace.workspace;
    const scenarios = ws.scenarios.map((s, i) => (i === ws.active ? out : planFileOf(s)));
    io.err(
      `import: added to scenario ${ws.active + 1} of ${scenarios.length}, ${JSON.stringify(out.name)} (the active one)\n`,
    );
    io.out(JSON.stringify(documentOf({ ...ws, scenarios }), null, 2) + '\n');
  } else io.out(JSON.stringify(out, null, 2) + '\n');
  return EXIT_OK;
}
