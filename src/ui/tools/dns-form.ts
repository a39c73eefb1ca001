/**
 * The DNS view's inputs as typed, checked field by field with the model's rules (checkDnsInput), and
 * turned into the DnsView that travels in the share link once every field is valid.
 */
import { checkDnsInput, DEFAULT_CLUSTER_DOMAIN, KUBERNETES_DEFAULT_NDOTS, MAX_NDOTS } from '../../model/dns';
import { numberIn } from '../../model/number-text';
import { DnsViewSchema, type DnsView } from '../../model/views';
import { sentence } from './tool-parts';

export interface DnsDraft {
  name: string;
  namespace: string;
  clusterDomain: string;
  region: string;
  ndots: string;
}
export type DnsField = keyof DnsDraft;

/** What the view shows before anyone has touched it (issue: ndots 2 against the default 5). */
export const DNS_DEFAULTS: Required<DnsView> = {
  name: 's3.us-east-2.amazonaws.com',
  namespace: 'default',
  clusterDomain: DEFAULT_CLUSTER_DOMAIN,
  region: 'us-east-1',
  ndots: 2,
};

/** The one-click examples: an external name, a Service in another namespace, an absolute name. */
export const DNS_EXAMPLES: readonly { name: string; what: string }[] = [
  { name: 's3.us-east-2.amazonaws.com', what: 'an AWS endpoint (3 dots)' },
  { name: 'servicename.namespace', what: 'a Service in another namespace' },
  { name: 'servicename.namespace.svc.cluster.local.', what: 'fully qualified: the trailing dot skips the search list' },
];

/**
 * The draft of a stored value. Fields missing from a stored value (an older link) take the model's
 * defaults (ndots 5, as DnsInput says); no value at all takes {@link DNS_DEFAULTS}.
 */
export function dnsDraft(value: DnsView | undefined): DnsDraft {
  const v = value ?? DNS_DEFAULTS;
  return {
    name: String(v.name ?? ''),
    namespace: String(v.namespace ?? DNS_DEFAULTS.namespace),
    clusterDomain: String(v.clusterDomain ?? DNS_DEFAULTS.clusterDomain),
    region: String(v.region ?? DNS_DEFAULTS.region),
    ndots: String(v.ndots ?? KUBERNETES_DEFAULT_NDOTS),
  };
}

export interface CheckedDnsDraft {
  errors: Partial<Record<DnsField, string>>;
  /** The value to store, when every field is valid. */
  view: DnsView | null;
}

const first = (errors: string[]): string | undefined => (errors.length ? errors.map(sentence).join(' ') : undefined);

/** Each field alone against checkDnsInput (a valid name stands in for the others), plus what the link can hold. */
export function checkDnsDraft(d: DnsDraft): CheckedDnsDraft {
  const name = d.name.trim();
  const namespace = d.namespace.trim();
  const clusterDomain = d.clusterDomain.trim();
  const region = d.region.trim();
  const ndotsText = d.ndots.trim();
  const errors: Partial<Record<DnsField, string>> = {};
  const nameErrors = checkDnsInput({ name });
  if (nameErrors.length === 0 && name.length > 253)
    nameErrors.push(`the name is ${name.length} characters long; at most 253`);
  errors.name = first(nameErrors);
  errors.namespace =
    namespace === '' ? "Enter the Pod's namespace, e.g. default." : first(checkDnsInput({ name: 'a', namespace }));
  errors.clusterDomain = first(checkDnsInput({ name: 'a', clusterDomain }));
  errors.region = region === '' ? 'Enter an AWS Region, e.g. us-east-1.' : first(checkDnsInput({ name: 'a', region }));
  let ndots = NaN;
  const typedNdots = numberIn(ndotsText, { integer: true });
  if (typedNdots === null) {
    errors.ndots =
      ndotsText === ''
        ? `Enter ndots, a whole number from 0 to ${MAX_NDOTS}.`
        : `ndots must be a whole number from 0 to ${MAX_NDOTS}, got "${d.ndots}".`;
  } else {
    ndots = typedNdots;
    errors.ndots = first(checkDnsInput({ name: 'a', ndots }));
  }
  for (const k of Object.keys(errors) as DnsField[]) if (errors[k] === undefined) delete errors[k];
  if (Object.keys(errors).length > 0) return { errors, view: null };
  const view: DnsView = { name, namespace, clusterDomain, region, ndots };
  // The share link's schema is the last word; the checks above should already cover it.
  return DnsViewSchema.safeParse(view).success
    ? { errors, view }
    : { errors: { name: 'This input cannot be stored in a link.' }, view: null };
}
