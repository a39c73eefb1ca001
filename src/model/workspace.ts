/**
 * A workspace: one or more scenarios (what-if copies of a plan) that travel together in one share link
 * and one JSON file. Version 2 of the document format; a version-1 plan is a workspace of one scenario,
 * so every file and link ever written keeps opening (restoreDocument is the single way in).
 *
 * ```jsonc
 * { "version": 2, "active": 0, "scenarios": [ { "version": 1, "name": "A", … }, { "version": 1, "name": "B", … } ],
 *   "views": { "dns": { "name": "s3.us-east-2.amazonaws.com", "ndots": 2 } } }   // views optional
 * ```
 */
import LZString from 'lz-string';
import type { InstanceDataset } from './instances';
import type { Plan } from './plan';
import type { ValidationIssue } from './plan-schema';
import { compactPlan, decodePlanFragment, encodePlanFragment, expandPlan, MAX_DECODED_CHARS, MAX_LINK_CHARS } from './share-link';
import { validatePlan } from './validate-plan';
import type { VpcIssue } from './vpc-rules';
import { validateViews, type Views } from './views';

export const WORKSPACE_VERSION = 2;
export const MAX_SCENARIOS = 8;

export interface Workspace {
  version: 2;
  /** Index of the scenario being edited. */
  active: number;
  scenarios: Plan[];
  /** Inputs of the DNS and cross-AZ views (optional). */
  views?: Views;
}

export type DocumentRestore =
  | { ok: true; workspace: Workspace; warnings: VpcIssue[][]; fromVersion: number }
  | { ok: false; issues: ValidationIssue[] };

export function workspaceOf(plan: Plan): Workspace {
  return { version: 2, active: 0, scenarios: [plan] };
}

/**
 * Any plan document (version 1 plan or version 2 workspace) → a validated workspace. Never throws.
 * Scenario issues carry their path under `scenarios[i]` so the message says which scenario.
 */
export function restoreDocument(json: unknown, dataset: InstanceDataset): DocumentRestore {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, issues: [{ path: '', message: 'a plan must be a JSON object such as {"version": 1, "vpc": {...}, "nodeGroups": [...]}' }] };
  }
  const version = (json as { version?: unknown }).version;
  if (version === 1) {
    const v = validatePlan(json, dataset);
    return v.ok ? { ok: true, workspace: workspaceOf(v.plan), warnings: [v.warnings], fromVersion: 1 } : { ok: false, issues: v.issues };
  }
  if (version !== 2) {
    const future = typeof version === 'number' && version > WORKSPACE_VERSION;
    return {
      ok: false,
      issues: [{ path: 'version', message: future ? `version ${version} is newer than this planner understands (up to ${WORKSPACE_VERSION}); update the planner` : `version must be 1 (a plan) or 2 (scenarios), got ${JSON.stringify(version)}` }],
    };
  }
  const doc = json as Record<string, unknown>;
  const unknown = Object.keys(doc).filter((k) => !['version', 'active', 'scenarios', 'views'].includes(k));
  if (unknown.length) return { ok: false, issues: [{ path: '', message: `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}; a version 2 document has version, active, scenarios and views` }] };
  let views: Views | undefined;
  if (doc.views !== undefined) {
    const v = validateViews(doc.views);
    if (!v.ok) return { ok: false, issues: v.issues };
    views = v.views;
  }
  const list = doc.scenarios;
  if (!Array.isArray(list) || list.length === 0) return { ok: false, issues: [{ path: 'scenarios', message: 'scenarios must be a list of at least one plan' }] };
  if (list.length > MAX_SCENARIOS) return { ok: false, issues: [{ path: 'scenarios', message: `at most ${MAX_SCENARIOS} scenarios, got ${list.length}` }] };
  const scenarios: Plan[] = [];
  const warnings: VpcIssue[][] = [];
  const issues: ValidationIssue[] = [];
  list.forEach((s, i) => {
    const v = validatePlan(s, dataset);
    if (v.ok) {
      scenarios.push(v.plan);
      warnings.push(v.warnings);
    } else {
      for (const is of v.issues) issues.push({ path: `scenarios[${i}]${is.path ? '.' + is.path : ''}`, message: `scenario ${i + 1}: ${is.message}` });
    }
  });
  if (issues.length) return { ok: false, issues: issues.slice(0, 50) };
  const active = doc.active === undefined ? 0 : doc.active;
  if (typeof active !== 'number' || !Number.isInteger(active) || active < 0 || active >= scenarios.length) {
    return { ok: false, issues: [{ path: 'active', message: `active must be a scenario index from 0 to ${scenarios.length - 1}, got ${JSON.stringify(active)}` }] };
  }
  return { ok: true, workspace: { version: 2, active, scenarios, ...(views ? { views } : {}) }, warnings, fromVersion: 2 };
}

/** The JSON export: a single plan stays a version-1 plan (what `evaluate` and older tools read). */
export function documentOf(ws: Workspace): Plan | Workspace {
  return ws.scenarios.length === 1 && !hasViews(ws) ? ws.scenarios[0]! : ws;
}

/** Does any view (DNS, cross-AZ, EC2 API) hold inputs worth carrying? */
export const viewsInUse = (views: Views | undefined): boolean => Boolean(views && (views.dns || views.crossAz || views.scaleOut));
const hasViews = (ws: Workspace) => viewsInUse(ws.views);

/** Link fragment: format 1 for one scenario (short, and older planners read it), format 2 for several. */
export function encodeWorkspaceFragment(ws: Workspace): string {
  if (ws.scenarios.length === 1 && !hasViews(ws)) return encodePlanFragment(ws.scenarios[0]!);
  const body = { a: ws.active, p: ws.scenarios.map(compactPlan), ...(hasViews(ws) ? { v: ws.views } : {}) };
  return `2.${LZString.compressToEncodedURIComponent(JSON.stringify(body))}`;
}

export type WorkspaceLinkDecode = { ok: true; json: unknown } | { ok: false; error: string };

/** A link or fragment of format 1 or 2 → document JSON for restoreDocument. Never throws. */
export function decodeWorkspaceFragment(linkOrFragment: string): WorkspaceLinkDecode {
  if (typeof linkOrFragment !== 'string') return { ok: false, error: 'the share link is not text' };
  const frag = (linkOrFragment.includes('#') ? linkOrFragment.slice(linkOrFragment.indexOf('#') + 1) : linkOrFragment).trim();
  if (!frag.startsWith('2.')) return decodePlanFragment(frag);
  if (frag.length > MAX_LINK_CHARS) return { ok: false, error: `the share link is too long (${frag.length.toLocaleString('en-US')} characters)` };
  if (!/^2\.[A-Za-z0-9+\-$]*$/.test(frag)) return { ok: false, error: 'the share link is damaged; copy it again' };
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(frag.slice(2));
  } catch {
    text = null;
  }
  if (!text) return { ok: false, error: 'the share link is damaged or truncated (it does not decompress); copy the whole link again' };
  if (text.length > MAX_DECODED_CHARS) return { ok: false, error: `the share link's plan is too large (${text.length.toLocaleString('en-US')} characters)` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the share link is damaged or truncated (its plan is not valid JSON); copy the whole link again' };
  }
  if (!body || typeof body !== 'object' || !Array.isArray((body as { p?: unknown }).p)) return { ok: false, error: 'the share link is damaged (no scenarios in it)' };
  const b = body as { a?: unknown; p: unknown[]; v?: unknown };
  if (b.p.length > MAX_SCENARIOS) return { ok: false, error: `the share link has more than ${MAX_SCENARIOS} scenarios` };
  return { ok: true, json: { version: 2, active: b.a ?? 0, scenarios: b.p.map(expandPlan), ...(b.v !== undefined ? { views: b.v } : {}) } };
}

export function workspaceLink(ws: Workspace, base: string): string {
  return `${base.split('#')[0]}#${encodeWorkspaceFragment(ws)}`;
}
