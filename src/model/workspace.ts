/**
 * A workspace: one or more scenarios (what-if copies of a plan) that travel together in one share link
 * and one JSON file. Version 2 of the document format; a version-1 plan is a workspace of one scenario,
 * so every file and link ever written keeps opening. restoreDocument is the single way in: it runs the
 * document through the chain of migrations (MIGRATIONS, version 1 → 2 → …) up to the newest version,
 * then validates that one shape. Golden documents of every version are in tests/golden/.
 *
 * ```jsonc
 * { "version": 2, "active": 0, "scenarios": [ { "version": 1, "name": "A", … }, { "version": 1, "name": "B", … } ],
 *   "views": { "dns": { "name": "s3.us-east-2.amazonaws.com", "ndots": 2 } } }   // views optional
 * ```
 */
import type { InstanceDataset } from './instances';
import type { Plan } from './plan';
import type { ValidationIssue } from './plan-schema';
import { validatePlan } from './validate-plan';
import type { VpcIssue } from './vpc-rules';
import { validateViews, viewsInUse, type Views } from './views';

export { viewsInUse };

export const MAX_SCENARIOS = 8;

type Doc = Record<string, unknown>;

/**
 * The document's history, oldest first: MIGRATIONS[i] turns a document of version i + 1 into one of
 * version i + 2, without validating (the newest shape is validated once, at the end). A new version is
 * one step added at the end (and a reader in share-link.ts if links carry it); a step is never edited,
 * since documents of its version exist.
 */
const MIGRATIONS: readonly ((doc: Doc) => Doc)[] = [
  // 1 → 2: a plan is a workspace of one scenario.
  (plan) => ({ version: 2, active: 0, scenarios: [plan] }),
];

/** The newest document version: the one every older document is migrated to. */
export const WORKSPACE_VERSION = MIGRATIONS.length + 1;

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
 * Scenario issues carry their path under `scenarios[i]` so the message says which scenario; the issues
 * of a version-1 document (one plan) are named as the plan's, as that is what its author wrote.
 */
export function restoreDocument(json: unknown, dataset: InstanceDataset): DocumentRestore {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return {
      ok: false,
      issues: [
        { path: '', message: 'a plan must be a JSON object such as {"version": 1, "vpc": {...}, "nodeGroups": [...]}' },
      ],
    };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > WORKSPACE_VERSION) {
    const future = typeof version === 'number' && version > WORKSPACE_VERSION;
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          message: future
            ? `version ${version} is newer than this planner understands (up to ${WORKSPACE_VERSION}); update the planner`
            : `version must be 1 (a plan) or 2 (scenarios), got ${JSON.stringify(version)}`,
        },
      ],
    };
  }
  let doc = json as Doc;
  for (let v = version; v < WORKSPACE_VERSION; v++) doc = MIGRATIONS[v - 1]!(doc);
  return validateWorkspace(doc, version, dataset);
}

/** The newest document shape (version 2) → a validated workspace; `fromVersion` only words the issues. */
function validateWorkspace(doc: Doc, fromVersion: number, dataset: InstanceDataset): DocumentRestore {
  const unknown = Object.keys(doc).filter((k) => !['version', 'active', 'scenarios', 'views'].includes(k));
  if (unknown.length)
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}; a version 2 document has version, active, scenarios and views`,
        },
      ],
    };
  let views: Views | undefined;
  if (doc.views !== undefined) {
    const v = validateViews(doc.views);
    if (!v.ok) return { ok: false, issues: v.issues };
    views = v.views;
  }
  const list = doc.scenarios;
  if (!Array.isArray(list) || list.length === 0)
    return { ok: false, issues: [{ path: 'scenarios', message: 'scenarios must be a list of at least one plan' }] };
  if (list.length > MAX_SCENARIOS)
    return {
      ok: false,
      issues: [{ path: 'scenarios', message: `at most ${MAX_SCENARIOS} scenarios, got ${list.length}` }],
    };
  const scenarios: Plan[] = [];
  const warnings: VpcIssue[][] = [];
  const issues: ValidationIssue[] = [];
  list.forEach((s, i) => {
    const v = validatePlan(s, dataset);
    if (v.ok) {
      scenarios.push(v.plan);
      warnings.push(v.warnings);
    } else if (fromVersion === 1) {
      issues.push(...v.issues);
    } else {
      // The path already names the field, so the message drops it:
      // "scenarios[0].nodeGroups[0].maxNodes: scenario 1: must be…", not the path twice.
      for (const is of v.issues) {
        const own = is.path && is.message.startsWith(`${is.path} `);
        const message = own ? is.message.slice(is.path.length + 1) : is.message;
        const path = `scenarios[${i}]${is.path ? '.' + is.path : ''}`;
        issues.push({ path, message: `scenario ${i + 1}: ${message}` });
      }
    }
  });
  if (issues.length) return { ok: false, issues: issues.slice(0, 50) };
  const active = doc.active === undefined ? 0 : doc.active;
  if (typeof active !== 'number' || !Number.isInteger(active) || active < 0 || active >= scenarios.length) {
    return {
      ok: false,
      issues: [
        {
          path: 'active',
          message: `active must be a scenario index from 0 to ${scenarios.length - 1}, got ${JSON.stringify(active)}`,
        },
      ],
    };
  }
  return { ok: true, workspace: { version: 2, active, scenarios, ...(views ? { views } : {}) }, warnings, fromVersion };
}

/**
 * The document a workspace is written as, in a JSON file and a link alike: a single plan without view
 * inputs stays a version-1 plan (what `evaluate`, older tools and older planners read).
 */
export function documentOf(ws: Workspace): Plan | Workspace {
  return ws.scenarios.length === 1 && !viewsInUse(ws.views) ? ws.scenarios[0]! : ws;
}
