/**
 * `eks-ip-planner dns NAME [--namespace NS] [--ndots N] [--region R] [--cluster-domain D] [--json]`:
 * the queries a ClusterFirst Pod's resolver sends for NAME, with the chosen ndots against ndots:5.
 */
import { parseArgs } from 'node:util';
import { numberIn } from '../model/number-text';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_USAGE } from './io';
import {
  compareNdots,
  checkDnsInput,
  dnsConfigYaml,
  DNS_CONFIG_CAVEAT,
  KUBERNETES_DEFAULT_NDOTS,
  RECOMMENDED_NDOTS,
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_NAMESPACE,
  DEFAULT_REGION,
  type DnsInput,
  type DnsSequence,
} from '../model/dns';

export const DNS_USAGE =
  'usage: eks-ip-planner dns NAME [--namespace NS] [--ndots N] [--region R] [--cluster-domain D] [--json]\n' +
  `  defaults: --namespace ${DEFAULT_NAMESPACE} --ndots ${KUBERNETES_DEFAULT_NDOTS} --region ${DEFAULT_REGION} ` +
  `--cluster-domain ${DEFAULT_CLUSTER_DOMAIN}\n` +
  '  A trailing dot (NAME.) makes the name absolute: no search list.\n';

const OPTIONS = {
  namespace: { type: 'string' },
  ndots: { type: 'string' },
  region: { type: 'string' },
  'cluster-domain': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = { ok: true; input: Required<DnsInput>; json: boolean; help: boolean } | { ok: false; error: string };

/** node:util's messages, reworded to name the option and what to do. */
function parseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  const option = /'(-[^' <]+)/.exec(message)?.[1];
  const positional = /'([^']*)'/.exec(message)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? `option ${option} takes no value`
        : `option ${option} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${positional ?? message}`;
    default:
      return message;
  }
}

/** The arguments of `dns`, checked; errors are messages for io.err, never exceptions. */
export function parseDnsArgs(args: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (e) {
    return { ok: false, error: parseError(e) };
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length !== 1) {
    return {
      ok: false,
      error:
        positionals.length === 0
          ? 'missing NAME to resolve'
          : `expected one NAME, got ${positionals.length}: ${positionals.join(' ')}`,
    };
  }
  let ndots = KUBERNETES_DEFAULT_NDOTS;
  if (values.ndots !== undefined) {
    const n = numberIn(values.ndots, { integer: true });
    if (n === null) return { ok: false, error: `option --ndots needs a whole number, got "${values.ndots}"` };
    ndots = n;
  }
  const input: Required<DnsInput> = {
    name: positionals[0] ?? '',
    namespace: values.namespace ?? DEFAULT_NAMESPACE,
    region: values.region ?? DEFAULT_REGION,
    clusterDomain: values['cluster-domain'] ?? DEFAULT_CLUSTER_DOMAIN,
    ndots,
  };
  if (!help) {
    const errors = checkDnsInput(input);
    if (errors.length > 0) return { ok: false, error: errors.join('\n') };
  }
  return { ok: true, input, json: values.json === true, help };
}

function queryTable(seq: DnsSequence): string {
  const width = Math.max(5, ...seq.queries.map((q) => q.name.length));
  const rows = seq.queries.map(
    (q, i) =>
      `  ${String(i + 1).padStart(2)}  ${q.name.padEnd(width)}  ${q.type.padEnd(4)}  ${q.answer ? 'answer' : 'NXDOMAIN'}`,
  );
  return [`  ${'#'.padStart(2)}  ${'query'.padEnd(width)}  type  result`, ...rows].join('\n');
}

function outcome(seq: DnsSequence): string {
  return seq.answeredBy === null
    ? `no candidate answers: the lookup fails after ${seq.queries.length} NXDOMAIN responses`
    : `${seq.nxdomainBeforeAnswer} NXDOMAIN before the answer from ${seq.answeredBy} (${seq.queries.length} queries)`;
}

function why(name: string, ndots: number): string {
  if (name.endsWith('.')) return 'trailing dot: absolute name, no search list';
  const dots = name.split('.').length - 1;
  return dots >= ndots
    ? `${dots} dot${dots === 1 ? '' : 's'} >= ndots ${ndots}: the name as given first, then the search list`
    : `${dots} dot${dots === 1 ? '' : 's'} < ndots ${ndots}: the search list first, the name as given last`;
}

function humanReport(input: Required<DnsInput>): string {
  const cmp = compareNdots(input);
  const { chosen, kubernetesDefault: base } = cmp;
  const lines = [
    `${input.name} from a Pod in namespace ${input.namespace} (${input.region}, cluster domain ${input.clusterDomain})`,
    `search ${chosen.searchList.join(' ')}`,
    '',
    `ndots:${chosen.ndots}: ${why(input.name, chosen.ndots)}`,
    queryTable(chosen),
    outcome(chosen),
    '',
  ];
  if (chosen.ndots === KUBERNETES_DEFAULT_NDOTS) {
    const rec = compareNdots({ ...input, ndots: RECOMMENDED_NDOTS }).chosen;
    lines.push(
      `ndots:${KUBERNETES_DEFAULT_NDOTS} is the Kubernetes default. With ndots:${RECOMMENDED_NDOTS}: ${outcome(rec)}.`,
    );
  } else {
    lines.push(`With ndots:${KUBERNETES_DEFAULT_NDOTS} (the Kubernetes default): ${outcome(base)}.`);
    if (cmp.nxdomainSaved !== 0) {
      const verb = cmp.nxdomainSaved > 0 ? 'saves' : 'adds';
      lines.push(
        `ndots:${chosen.ndots} ${verb} ${Math.abs(cmp.nxdomainSaved)} NXDOMAIN responses per lookup of this name.`,
      );
    }
    lines.push('', dnsConfigYaml(chosen.ndots).trimEnd(), '', DNS_CONFIG_CAVEAT);
  }
  return lines.join('\n') + '\n';
}

function jsonReport(input: Required<DnsInput>): string {
  const { chosen, kubernetesDefault: base, nxdomainSaved } = compareNdots(input);
  return (
    JSON.stringify({
      name: input.name,
      namespace: input.namespace,
      region: input.region,
      clusterDomain: input.clusterDomain,
      ndots: chosen.ndots,
      searchList: chosen.searchList,
      queries: chosen.queries,
      nxdomainBeforeAnswer: chosen.nxdomainBeforeAnswer,
      answeredBy: chosen.answeredBy,
      comparison: {
        ndots: base.ndots,
        queries: base.queries.length,
        nxdomainBeforeAnswer: base.nxdomainBeforeAnswer,
        answeredBy: base.answeredBy,
        nxdomainSaved,
      },
      dnsConfig: dnsConfigYaml(chosen.ndots),
    }) + '\n'
  );
}

/**
 * Runs `dns`. Exit 0 with the report (also when nothing answers: that is a finding, not an error);
 * 2 with a message on io.err for usage errors.
 */
export async function runDns(args: string[], io: CliIo): Promise<number> {
  const parsed = parseDnsArgs(args);
  if (!parsed.ok) {
    io.err(`dns: ${parsed.error}\n${DNS_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.out(DNS_USAGE);
    return EXIT_OK;
  }
  io.out(parsed.json ? jsonReport(parsed.input) : humanReport(parsed.input));
  return EXIT_OK;
}
