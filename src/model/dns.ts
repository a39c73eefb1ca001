/**
 * The queries a Pod's stub resolver sends for one name, following glibc's rules (resolv.conf(5),
 * `res_search` in resolv/res_query.c) over the search list that the kubelet writes into a
 * `dnsPolicy: ClusterFirst` Pod's /etc/resolv.conf.
 *
 * The rules:
 * 1. A name ending in a dot is absolute: only that name is queried, never the search list.
 * 2. Otherwise, when the name has at least `ndots` dots it is tried as given first, then with each
 *    search domain appended in order.
 * 3. With fewer than `ndots` dots, each search domain is appended in order first, and the name as given
 *    is tried last.
 * The resolver stops at the first candidate that answers.
 */

/** The kubelet's default `--cluster-domain`. */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';
/** `options ndots:5`, what the kubelet writes for ClusterFirst Pods. */
export const KUBERNETES_DEFAULT_NDOTS = 5;
/** The value the seed advises per Pod: `s3.us-east-2.amazonaws.com` goes straight out, `svc.ns` still resolves. */
export const RECOMMENDED_NDOTS = 2;
/** glibc caps `ndots` at 15 (RES_MAXNDOTS); larger values are silently lowered to 15. */
export const MAX_NDOTS = 15;
export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_REGION = 'us-east-1';

export interface DnsInput {
  name: string;
  /** The Pod's namespace (default `default`). */
  namespace?: string;
  /** The cluster domain (default `cluster.local`). */
  clusterDomain?: string;
  /** The AWS Region, which names the VPC's host search domain (default `us-east-1`). */
  region?: string;
  /** `options ndots:N` (default 5, the Kubernetes default). */
  ndots?: number;
}

export interface DnsQuery {
  /** The name queried: a candidate with a search domain appended, or the name as given. */
  name: string;
  type: 'A' | 'AAAA';
  /** true: the name exists (the answer); false: NXDOMAIN. */
  answer: boolean;
}

export interface DnsSequence {
  /** The Pod's resolv.conf `search` line, in order. */
  searchList: string[];
  /** Every query sent, in order, up to and including the answering candidate. */
  queries: DnsQuery[];
  /** NXDOMAIN responses (A and AAAA each) before the first answer; all of them if nothing answers. */
  nxdomainBeforeAnswer: number;
  /** The candidate that answered, or null when every candidate was NXDOMAIN (the lookup fails). */
  answeredBy: string | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * The VPC's host search domain that EC2 puts into a node's resolv.conf, which ClusterFirst Pods inherit.
 * @example hostSearchDomain('us-east-1') === 'ec2.internal'
 * @example hostSearchDomain('eu-west-1') === 'eu-west-1.compute.internal'
 */
export function hostSearchDomain(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

/**
 * The search list of a ClusterFirst Pod (kubelet `generateSearchesForDNSClusterFirst`): the namespace's
 * services, all services, the cluster domain, then the node's own search domains (here the host one).
 * @example podSearchList('default', 'cluster.local', 'us-east-2')
 *   // ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'us-east-2.compute.internal']
 */
export function podSearchList(namespace: string, clusterDomain: string, region: string): string[] {
  return [`${namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain, hostSearchDomain(region)];
}

/** `a.b.c.` → `a.b.c`, lower case: DNS names compare without case. */
function canonical(name: string): string {
  return (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
}

function isUnder(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

/**
 * Whether a fully qualified candidate answers, under this model's assumptions: under the cluster domain
 * only `SERVICE.NAMESPACE.svc.CLUSTERDOMAIN` answers (the Service is assumed to exist; Pod A records and
 * SRV names are not modelled); under the host search domain nothing answers; a single label (a top-level
 * domain) does not answer; any other name exists.
 * @example candidateAnswers('web.shop.svc.cluster.local', 'cluster.local', 'ec2.internal') === true
 * @example candidateAnswers('web.shop.default.svc.cluster.local', 'cluster.local', 'ec2.internal') === false
 */
export function candidateAnswers(candidate: string, clusterDomain: string, hostDomain: string): boolean {
  const name = canonical(candidate);
  const cd = canonical(clusterDomain);
  if (isUnder(name, cd)) {
    const suffix = `.svc.${cd}`;
    if (!name.endsWith(suffix)) return false;
    const labels = name.slice(0, -suffix.length).split('.');
    return labels.length === 2 && labels.every((l) => l.length > 0);
  }
  // A bare single label would be a top-level domain, which has no address records to speak of.
  if (!name.includes('.')) return false;
  return !isUnder(name, canonical(hostDomain));
}

/**
 * The candidate names in the order glibc's `res_search` tries them (resolv.conf(5), "ndots:n" and
 * "search"): absolute names alone; ≥ ndots dots: as given, then the search list; fewer: the search list,
 * then as given (glibc tries the bare name last unless `no-tld-query` is set, which Kubernetes does not set).
 * @example candidateNames('s3.us-east-2.amazonaws.com', ['a.b', 'c'], 2)
 *   // ['s3.us-east-2.amazonaws.com', 's3.us-east-2.amazonaws.com.a.b', 's3.us-east-2.amazonaws.com.c']
 */
export function candidateNames(name: string, searchList: readonly string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const searched = searchList.map((d) => `${name}.${d}`);
  return dots >= Math.min(ndots, MAX_NDOTS) ? [name, ...searched] : [...searched, name];
}

/**
 * The exact queries for one lookup from a ClusterFirst Pod, stopping at the first answering candidate.
 * Each candidate is sent as A then AAAA: glibc's getaddrinfo with AF_UNSPEC sends both in parallel by
 * default (unless `single-request`), so both responses count as round trips before the resolver moves on.
 * Assumes valid input (see {@link checkDnsInput}); it never throws.
 * @example resolveSequence({ name: 's3.us-east-2.amazonaws.com', region: 'us-east-2' }).nxdomainBeforeAnswer
 *   // 8: 3 dots < ndots 5, so four search domains × (A + AAAA) are NXDOMAIN before the name answers
 * @example resolveSequence({ name: 'servicename.namespace', ndots: 2 }).answeredBy
 *   // 'servicename.namespace.svc.cluster.local', after 2 NXDOMAIN (…namespace.default.svc.cluster.local)
 */
export function resolveSequence(input: DnsInput): DnsSequence {
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const clusterDomain = input.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const region = input.region ?? DEFAULT_REGION;
  const ndots = input.ndots ?? KUBERNETES_DEFAULT_NDOTS;
  const searchList = podSearchList(namespace, clusterDomain, region);
  const hostDomain = hostSearchDomain(region);
  const queries: DnsQuery[] = [];
  let nxdomainBeforeAnswer = 0;
  for (const candidate of candidateNames(input.name, searchList, ndots)) {
    const answer = candidateAnswers(candidate, clusterDomain, hostDomain);
    queries.push({ name: candidate, type: 'A', answer }, { name: candidate, type: 'AAAA', answer });
    if (answer) return { searchList, queries, nxdomainBeforeAnswer, answeredBy: candidate };
    nxdomainBeforeAnswer += 2;
  }
  return { searchList, queries, nxdomainBeforeAnswer, answeredBy: null };
}

const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
const DNS1123_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** Problems with a domain name's syntax (RFC 1035 labels of 1–63 characters, 253 in all), or none. */
function nameErrors(what: string, name: string, allowTrailingDot: boolean): string[] {
  const body = allowTrailingDot && name.endsWith('.') ? name.slice(0, -1) : name;
  if (body.length === 0) return [`${what} is empty`];
  if (body.length > 253) return [`${what} is ${body.length} characters long; DNS allows at most 253`];
  const bad = body.split('.').filter((l) => !LABEL.test(l));
  if (bad.length === 0) return [];
  const shown = bad.map((l) => (l === '' ? '(empty label: ".." or a leading dot)' : `"${l}"`)).join(', ');
  return [
    `${what} "${name}" has invalid labels: ${shown}; a label is 1-63 letters, digits, "-" or "_", ` +
      'not starting or ending with "-"',
  ];
}

/**
 * Every problem with a lookup's input, in words; empty when it is valid. ndots must be an integer
 * 0..15 (glibc caps it at 15); the namespace an RFC 1123 label; the region like `us-east-2`.
 */
export function checkDnsInput(input: DnsInput): string[] {
  const errors = nameErrors('the name', input.name, true);
  const ns = input.namespace;
  if (ns !== undefined && !DNS1123_LABEL.test(ns)) {
    errors.push(`namespace "${ns}" is not a valid namespace name (lower-case letters, digits and "-", at most 63)`);
  }
  if (input.clusterDomain !== undefined) errors.push(...nameErrors('the cluster domain', input.clusterDomain, false));
  if (input.region !== undefined && !REGION.test(input.region)) {
    errors.push(`region "${input.region}" does not look like an AWS Region such as us-east-1`);
  }
  const n = input.ndots;
  if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > MAX_NDOTS)) {
    errors.push(`ndots must be a whole number from 0 to ${MAX_NDOTS} (glibc caps it at ${MAX_NDOTS}), got ${n}`);
  }
  return errors;
}

/** {@link resolveSequence} after {@link checkDnsInput}: the errors instead of a sequence when invalid. */
export function planDnsLookup(input: DnsInput): Checked<DnsSequence> {
  const errors = checkDnsInput(input);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: resolveSequence(input) };
}

/** The chosen ndots against the Kubernetes default of 5, for the same lookup. */
export interface NdotsComparison {
  chosen: DnsSequence & { ndots: number };
  kubernetesDefault: DnsSequence & { ndots: number };
  /** NXDOMAIN responses saved per lookup by the chosen value (negative: it costs more). */
  nxdomainSaved: number;
}

/**
 * The lookup with the chosen ndots and with ndots:5.
 * @example compareNdots({ name: 's3.us-east-2.amazonaws.com', region: 'us-east-2', ndots: 2 }).nxdomainSaved === 8
 */
export function compareNdots(input: DnsInput): NdotsComparison {
  const ndots = input.ndots ?? KUBERNETES_DEFAULT_NDOTS;
  const chosen = { ...resolveSequence({ ...input, ndots }), ndots };
  const base = { ...resolveSequence({ ...input, ndots: KUBERNETES_DEFAULT_NDOTS }), ndots: KUBERNETES_DEFAULT_NDOTS };
  return { chosen, kubernetesDefault: base, nxdomainSaved: base.nxdomainBeforeAnswer - chosen.nxdomainBeforeAnswer };
}

/**
 * The Pod spec fragment that sets ndots (PodSpec `dnsConfig.options`, merged into the generated
 * resolv.conf). The value is quoted because Kubernetes takes option values as strings.
 * @example dnsConfigYaml(2) === 'dnsConfig:\n  options:\n    - name: ndots\n      value: "2"\n'
 */
export function dnsConfigYaml(ndots: number): string {
  return `dnsConfig:\n  options:\n    - name: ndots\n      value: "${ndots}"\n`;
}

/** Where the fragment goes, and where it does not. */
export const DNS_CONFIG_CAVEAT =
  'Set dnsConfig on the Pod spec (or the Deployment/StatefulSet/Job pod template) of the workloads that ' +
  "need it, not in the cluster-wide CoreDNS configuration: ndots is read by each Pod's own resolver from " +
  'its resolv.conf, and CoreDNS never sees it. Names with fewer dots than the value still walk the search ' +
  'list first, so with ndots:2 short in-cluster names (service, service.namespace) keep resolving there; ' +
  'below 2, service.namespace is first sent out as given.';
