/**
 * Document ⇄ URL fragment: the one link writer (documentLink), the one link reader (decodeLink) and the
 * one way a link opens (openLink: decodeLink then restoreDocument, for the page and the CLI alike, with
 * a typed failure each words as it shows it). The fragment is
 * `<format>.<payload>`; a link of format N carries a document of version N (workspace.ts) in a compact
 * form (short keys, subnets referenced by index, the CNI settings as a tuple) compressed with lz-string
 * into URL-safe text. Format 1 is one plan, format 2 a workspace (`{ a: active, p: [plan…], v?: views }`).
 * Decoding is strict and total: size caps first, then decompression, then restoreDocument (the document
 * migrations and the same schema as every other input), so a link can never carry what a JSON file
 * could not.
 *
 * Formats 1 and 2 are frozen: the golden links in tests/golden/share-links-v1.json and
 * share-links-v2.json must decode to the same workspace forever (tests/model/share-link.test.ts,
 * tests/model/golden-v2.test.ts). An optional field added at the end of a tuple or object, that old links
 * simply lack, is compatible; renaming, reordering or giving a key a new meaning is a new format.
 */
import LZString from 'lz-string';
import { CNI_KEYS, CNI_SETTINGS, cniValue, type CniSettingSpec } from './cni-settings';
import type { InstanceDataset } from './instances';
import type { CniSettings, NodeGroup, Plan, Subnet } from './plan';
import type { ValidationIssue } from './plan-schema';
import { viewsInUse, type Views } from './views';
import { documentOf, restoreDocument, type DocumentRestore, type Workspace } from './workspace';
import { fmt } from './format';

/** The newest link format this build writes and reads (it reads every format from 1 to this one). */
export const LINK_FORMAT = 2;
/** Longest fragment accepted (characters): far above any real plan, far below a denial of service. */
export const MAX_LINK_CHARS = 200_000;
/** Largest decompressed payload accepted (characters). */
export const MAX_DECODED_CHARS = 256 * 1024;

type CompactSubnet = [
  name: string,
  az: string,
  cidr: string,
  reservedIps?: number,
  prefixReservation?: string | 0,
  added?: Record<string, unknown>,
];
/** The subnet fields with a place in the tuple; others (added after format 1, e.g. an imported `id`) travel by name. */
const POSITIONAL_SUBNET_KEYS = new Set<string>(['name', 'az', 'cidr', 'reservedIps', 'prefixReservation']);
/** The VPC fields the compact plan has keys for; others (added after format 1) travel by name in `x`. */
const COMPACT_VPC_KEYS = new Set<string>(['cidrs', 'subnets', 'cidrQuota']);
/** The plan fields the compact plan has keys for; others (added after format 1) travel by name in `t`. */
const COMPACT_PLAN_KEYS = new Set<string>(['version', 'name', 'vpc', 'cni', 'nodeGroups']);
type CompactGroup = [
  name: string,
  instanceType: string,
  subnets: number[],
  podSubnets: number[] | 0,
  min: number,
  desired: number,
  max: number,
  pods: number,
  maxPods: number | null,
  branchPods?: number,
  added?: Record<string, unknown>,
];

/** The node-group fields with a place in the tuple; every other field (added after format 1) travels by name in `added`. */
const POSITIONAL_GROUP_KEYS = new Set<string>([
  'name',
  'instanceType',
  'subnets',
  'podSubnets',
  'minNodes',
  'desiredNodes',
  'maxNodes',
  'podsPerNode',
  'maxPods',
  'branchPodsPerNode',
]);
/** The settings by CNI_SETTINGS[k].linkIndex: numbers as they are, flags as 0/1; added ones only when set. */
type CompactCni = (number | null)[];
interface CompactPlanV1 {
  n: string;
  c: string[];
  s: CompactSubnet[];
  k: CompactCni;
  g: CompactGroup[];
  q?: number;
  /** VPC fields added after format 1, by name (`vpcId`, `associatedCidrs`). */
  x?: Record<string, unknown>;
  /** Plan fields added after format 1, by name. */
  t?: Record<string, unknown>;
}

/** The fields of `o` not in `positional`, by name, undefined ones left out. */
const addedFields = (o: object, positional: Set<string>) =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => !positional.has(k) && v !== undefined));

/** Copies decoded added fields into `out`; "__proto__" would replace its prototype rather than name a field. */
function copyAdded(out: Record<string, unknown>, added: unknown, positional: Set<string>) {
  if (!added || typeof added !== 'object' || Array.isArray(added)) return;
  for (const [k, v] of Object.entries(added as Record<string, unknown>))
    if (!positional.has(k) && k !== '__proto__') out[k] = v;
}

export function compactPlan(plan: Plan): CompactPlanV1 {
  const idx = new Map(plan.vpc.subnets.map((s, i) => [s.name, i]));
  const ref = (names: string[]) => names.map((n) => idx.get(n) ?? -1);
  const c = plan.cni;
  return {
    n: plan.name,
    c: plan.vpc.cidrs,
    s: plan.vpc.subnets.map((s) => {
      const row: CompactSubnet = [s.name, s.az, s.cidr];
      const added = addedFields(s, POSITIONAL_SUBNET_KEYS);
      const more = Object.keys(added).length > 0;
      if (s.reservedIps || s.prefixReservation || more) row.push(s.reservedIps ?? 0);
      if (s.prefixReservation || more) row.push(s.prefixReservation ?? 0);
      if (more) row.push(added);
      return row;
    }),
    k: compactCni(c),
    g: plan.nodeGroups.map((g) => {
      const row: CompactGroup = [
        g.name,
        g.instanceType,
        ref(g.subnets),
        g.podSubnets ? ref(g.podSubnets) : 0,
        g.minNodes,
        g.desiredNodes,
        g.maxNodes,
        g.podsPerNode,
        g.maxPods,
      ];
      const added = Object.fromEntries(
        Object.entries(g).filter(([k, v]) => !POSITIONAL_GROUP_KEYS.has(k) && v !== undefined),
      );
      if (g.branchPodsPerNode || Object.keys(added).length) row.push(g.branchPodsPerNode ?? 0);
      if (Object.keys(added).length) row.push(added);
      return row;
    }),
    ...(plan.vpc.cidrQuota !== undefined ? { q: plan.vpc.cidrQuota } : {}),
    ...(Object.keys(addedFields(plan.vpc, COMPACT_VPC_KEYS)).length
      ? { x: addedFields(plan.vpc, COMPACT_VPC_KEYS) }
      : {}),
    ...(Object.keys(addedFields(plan, COMPACT_PLAN_KEYS)).length ? { t: addedFields(plan, COMPACT_PLAN_KEYS) } : {}),
  };
}

function compactCni(c: CniSettings): CompactCni {
  const k: CompactCni = [];
  for (const key of CNI_KEYS) {
    const spec: CniSettingSpec = CNI_SETTINGS[key];
    const v = cniValue(c, key);
    if (spec.added && v === spec.default) continue;
    k[spec.linkIndex] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  // An added setting left at its default leaves a hole: write its default so the tuple stays a plain list.
  for (let i = 0; i < k.length; i++) {
    if (k[i] === undefined) {
      const spec: CniSettingSpec = CNI_SETTINGS[CNI_KEYS.find((key) => CNI_SETTINGS[key].linkIndex === i)!];
      k[i] = spec.type === 'flag' ? (spec.default ? 1 : 0) : spec.default;
    }
  }
  return k;
}

function expandCni(k: readonly unknown[]): Record<string, unknown> {
  const cni: Record<string, unknown> = {};
  for (const key of CNI_KEYS) {
    const spec: CniSettingSpec = CNI_SETTINGS[key];
    const v = k[spec.linkIndex];
    if (spec.added && v === undefined) continue;
    cni[key] = spec.type === 'flag' && (v === 0 || v === 1) ? v === 1 : v;
  }
  return cni;
}

/**
 * Rebuilds plan-shaped JSON from the compact form. It does not validate: the result goes through
 * validatePlan like any file. Anything of the wrong shape becomes a value the schema will name.
 */
export function expandPlan(x: unknown): unknown {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return x;
  const p = x as Partial<CompactPlanV1>;
  const subnets = Array.isArray(p.s) ? p.s : [];
  const name = (i: unknown) => (typeof i === 'number' && Array.isArray(subnets[i]) ? subnets[i]![0] : `#${String(i)}`);
  const k = Array.isArray(p.k) ? p.k : [];
  const cni = expandCni(k);
  const planAdded: Record<string, unknown> = {};
  copyAdded(planAdded, p.t, COMPACT_PLAN_KEYS);
  return {
    ...planAdded,
    version: 1,
    name: p.n,
    vpc: {
      cidrs: p.c,
      subnets: subnets.map((s): Partial<Record<keyof Subnet, unknown>> | unknown => {
        if (!Array.isArray(s)) return s;
        const out: Record<string, unknown> = { name: s[0], az: s[1], cidr: s[2] };
        if (s[3]) out.reservedIps = s[3];
        // 0 holds the place of an absent prefix reservation when added fields follow
        if (s[4] !== undefined && !(s[4] === 0 && s[5] !== undefined)) out.prefixReservation = s[4];
        copyAdded(out, s[5], POSITIONAL_SUBNET_KEYS);
        return out;
      }),
      ...(p.q !== undefined ? { cidrQuota: p.q } : {}),
      ...vpcAdded(p.x),
    },
    cni,
    nodeGroups: (Array.isArray(p.g) ? p.g : []).map((g): Partial<Record<keyof NodeGroup, unknown>> | unknown => {
      if (!Array.isArray(g)) return g;
      const out: Record<string, unknown> = {
        name: g[0],
        instanceType: g[1],
        subnets: Array.isArray(g[2]) ? g[2].map(name) : g[2],
        minNodes: g[4],
        desiredNodes: g[5],
        maxNodes: g[6],
        podsPerNode: g[7],
        maxPods: g[8],
      };
      if (Array.isArray(g[3])) out.podSubnets = g[3].map(name);
      if (g[9] !== undefined && !(g[9] === 0 && g[10] !== undefined)) out.branchPodsPerNode = g[9];
      // Fields added after format 1, by name; the schema rejects any it does not know.
      if (g[10] && typeof g[10] === 'object' && !Array.isArray(g[10])) {
        // "__proto__" would replace the decoded group's prototype rather than name a field: skip it
        for (const [k, v] of Object.entries(g[10] as Record<string, unknown>)) {
          if (!POSITIONAL_GROUP_KEYS.has(k) && k !== '__proto__') out[k] = v;
        }
      }
      return out;
    }),
  };
}

/** The VPC fields a link carries by name (`x`), as plan-shaped JSON for the schema to check. */
function vpcAdded(x: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  copyAdded(out, x, COMPACT_VPC_KEYS);
  return out;
}

/** A format-2 body: the active scenario, every scenario's compact plan, and the views' inputs when in use. */
interface CompactWorkspaceV2 {
  a: number;
  p: CompactPlanV1[];
  v?: Views;
}

/**
 * The one link writer: `base` (anything after its '#' dropped), '#', then the document's fragment;
 * `documentLink(doc, '')` is the fragment alone with its '#' (for the address bar). A document of
 * version N is written as a link of format N: a version-1 plan as format 1 (short, and older planners
 * read it), a workspace as documentOf (workspace.ts) says, as for a JSON file: a lone plan without view
 * inputs as format 1, else format 2.
 * @example documentLink(plan, 'https://p/#old') // 'https://p/#1.N4Ig…'
 */
export function documentLink(doc: Plan | Workspace, base: string): string {
  const d = doc.version === 1 ? doc : documentOf(doc);
  const body: CompactPlanV1 | CompactWorkspaceV2 =
    d.version === 1
      ? compactPlan(d)
      : { a: d.active, p: d.scenarios.map(compactPlan), ...(viewsInUse(d.views) ? { v: d.views } : {}) };
  return `${base.split('#')[0]}#${d.version}.${LZString.compressToEncodedURIComponent(JSON.stringify(body))}`;
}

/**
 * Why a link does not decode, as facts: what the CLI and the page show is worded from these
 * (linkFailureText for the decoding, each front end for an invalid plan).
 */
export type LinkDecodeFailure =
  | { kind: 'not-text' }
  | { kind: 'empty' }
  | { kind: 'too-long'; chars: number; max: number }
  /** After '#' is not `<format>.<letters and digits>` (markup, a script URL, a cut-off format). */
  | { kind: 'malformed' }
  | { kind: 'newer-format'; format: number; newest: number }
  | { kind: 'unknown-format'; format: number }
  /** Damaged or truncated: the payload does not decompress. */
  | { kind: 'not-compressed' }
  | { kind: 'too-large'; chars: number; max: number }
  /** Damaged or truncated: the decompressed payload is not JSON. */
  | { kind: 'not-json' }
  /** A format-2 body without its list of scenarios. */
  | { kind: 'no-scenarios' };

/** Why a link does not open: it does not decode, or its document does not restore (the validation issues). */
export type LinkFailure = LinkDecodeFailure | { kind: 'invalid-plan'; issues: ValidationIssue[] };

/** The reason a link does not decode, as the CLI and the page both show it ("the share link is …"). */
export function linkFailureText(f: LinkDecodeFailure): string {
  switch (f.kind) {
    case 'not-text':
      return 'the share link is not text';
    case 'empty':
      return 'the share link has no plan after "#"';
    case 'too-long':
      return `the share link is too long (${fmt(f.chars)} characters; at most ${fmt(f.max)})`;
    case 'malformed':
      return 'the share link is damaged (after "#" it should be a format number, a dot, then letters and digits); copy it again';
    case 'newer-format':
      return `the share link was made by a newer planner (link format ${f.format}; this one reads formats 1 to ${f.newest}); open it there or update`;
    case 'unknown-format':
      return `unknown share link format ${f.format}`;
    case 'not-compressed':
      return 'the share link is damaged or truncated (it does not decompress); copy the whole link again';
    case 'too-large':
      return `the share link's plan is too large (${fmt(f.chars)} characters; at most ${fmt(f.max)})`;
    case 'not-json':
      return 'the share link is damaged or truncated (its plan is not valid JSON); copy the whole link again';
    case 'no-scenarios':
      return 'the share link is damaged (no scenarios in it)';
  }
}

/** A decoded link's document JSON, or why it does not decode (`error`: the failure worded by linkFailureText). */
export type FragmentDecode = { ok: true; json: unknown } | { ok: false; failure: LinkDecodeFailure; error: string };

type BodyRead = { ok: true; json: unknown } | { ok: false; failure: LinkDecodeFailure };

/**
 * Each link format's body → the JSON of the document of the same version (not validated: restoreDocument
 * migrates it to the newest version and validates it). Format N is read here forever; a new format is a
 * new entry, and LINK_FORMAT follows it.
 */
const READERS: Readonly<Record<number, (body: unknown) => BodyRead>> = {
  1: (body) => ({ ok: true, json: expandPlan(body) }),
  2: (body) => {
    const b = body as Partial<Record<keyof CompactWorkspaceV2, unknown>> | null;
    if (!b || typeof b !== 'object' || !Array.isArray(b.p)) return { ok: false, failure: { kind: 'no-scenarios' } };
    return {
      ok: true,
      json: {
        version: 2,
        active: b.a ?? 0,
        scenarios: b.p.map(expandPlan),
        ...(b.v !== undefined ? { views: b.v } : {}),
      },
    };
  },
};

/**
 * The one link reader: a fragment or whole link of any format this build reads → document JSON for
 * restoreDocument (a version-1 plan or a version-2 workspace). Never throws. Size caps first, then the
 * format, then decompression and JSON.parse, then the format's reader. To open a link, use openLink.
 * @example decodeLink('https://x/#1.N4Ig…') → { ok: true, json: { version: 1, … } }
 */
export function decodeLink(linkOrFragment: string): FragmentDecode {
  const r = readLink(linkOrFragment);
  return r.ok ? r : { ok: false, failure: r.failure, error: linkFailureText(r.failure) };
}

function readLink(linkOrFragment: string): BodyRead {
  const fail = (failure: LinkDecodeFailure): BodyRead => ({ ok: false, failure });
  if (typeof linkOrFragment !== 'string') return fail({ kind: 'not-text' });
  const hash = linkOrFragment.indexOf('#');
  const frag = (hash >= 0 ? linkOrFragment.slice(hash + 1) : linkOrFragment).trim();
  if (!frag) return fail({ kind: 'empty' });
  if (frag.length > MAX_LINK_CHARS) return fail({ kind: 'too-long', chars: frag.length, max: MAX_LINK_CHARS });
  const m = /^(\d{1,6})\.([A-Za-z0-9+\-$]*)$/.exec(frag);
  if (!m) return fail({ kind: 'malformed' });
  const version = Number(m[1]);
  if (version > LINK_FORMAT) return fail({ kind: 'newer-format', format: version, newest: LINK_FORMAT });
  const read = READERS[version];
  if (!read) return fail({ kind: 'unknown-format', format: version });
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(m[2]!);
  } catch {
    text = null;
  }
  if (!text) return fail({ kind: 'not-compressed' });
  if (text.length > MAX_DECODED_CHARS) return fail({ kind: 'too-large', chars: text.length, max: MAX_DECODED_CHARS });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail({ kind: 'not-json' });
  }
  return read(parsed);
}

/** A link opened: its validated workspace (as restoreDocument gives it), or why it does not open. */
export type LinkOpen = Extract<DocumentRestore, { ok: true }> | { ok: false; failure: LinkFailure };

/**
 * The one way to open a link, for the page and the CLI alike: decodeLink, then restoreDocument (the
 * migrations and the schema). Never throws; the caller words a failure.
 * @example openLink('https://x/#1.N4Ig…', dataset) → { ok: true, workspace: { version: 2, … }, warnings, fromVersion: 1 }
 */
export function openLink(linkOrFragment: string, dataset: InstanceDataset): LinkOpen {
  const d = readLink(linkOrFragment);
  if (!d.ok) return d;
  const r = restoreDocument(d.json, dataset);
  return r.ok ? r : { ok: false, failure: { kind: 'invalid-plan', issues: r.issues } };
}
