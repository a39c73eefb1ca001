/** Reads the PLAN argument of a command: a file path, a share link, or - for standard input. */
import { dataset } from '../data/dataset';
import type { Plan } from '../model/plan';
import type { ValidationIssue } from '../model/plan-schema';
import type { VpcIssue } from '../model/vpc-rules';
import { parseDocumentText } from '../model/document-text';
import { linkFailureText, openLink } from '../model/share-link';
import type { DocumentRestore, Workspace } from '../model/workspace';
import type { CliIo } from './io';

/** `plan` is the workspace's active scenario (a version-1 file is a workspace of one). */
export type LoadedPlan =
  | { ok: true; plan: Plan; warnings: VpcIssue[]; workspace: Workspace; allWarnings: VpcIssue[][] }
  | { ok: false; error: string };

const looksLikeLink = (s: string) => /^https?:\/\//i.test(s) || s.includes('#');

export async function loadPlanArgument(arg: string, io: CliIo): Promise<LoadedPlan> {
  let text: string;
  let where: string;
  if (arg === '-') {
    text = await io.readStdin();
    where = 'standard input';
  } else if (looksLikeLink(arg)) {
    const r = openLink(arg, dataset);
    if (r.ok) return loaded(r);
    const f = r.failure;
    return { ok: false, error: f.kind === 'invalid-plan' ? notValid('the share link', f.issues) : linkFailureText(f) };
  } else {
    try {
      text = await io.readFile(arg);
    } catch (e) {
      const code = (e as { code?: string }).code;
      return {
        ok: false,
        error: code === 'ENOENT' ? `${arg}: no such file` : `${arg}: cannot read it (${code ?? 'error'})`,
      };
    }
    where = arg;
  }
  const trimmed = text.trim();
  if (looksLikeLink(trimmed) && !trimmed.startsWith('{') && trimmed.length < 300_000)
    return loadPlanArgument(trimmed, io);
  const v = parseDocumentText(text, dataset, where);
  return v.ok ? loaded(v) : { ok: false, error: notValid(where, v.issues) };
}

/** "<where> is not a valid plan:" and the issues, one a line (a file's and a link's alike). */
const notValid = (where: string, issues: ValidationIssue[]) =>
  `${where} is not a valid plan:\n${issues.map((i) => `  - ${!i.path || i.message.includes(i.path) ? i.message : `${i.path}: ${i.message}`}`).join('\n')}`;

function loaded(v: Extract<DocumentRestore, { ok: true }>): LoadedPlan {
  const ws = v.workspace;
  return {
    ok: true,
    plan: ws.scenarios[ws.active]!,
    warnings: v.warnings[ws.active]!,
    workspace: ws,
    allWarnings: v.warnings,
  };
}

/** Picks a scenario by 1-based number or name (`--scenario`), else the active one. */
export function pickScenario(
  loaded: Extract<LoadedPlan, { ok: true }>,
  which: string | undefined,
): { ok: true; plan: Plan; warnings: VpcIssue[] } | { ok: false; error: string } {
  if (which === undefined) return { ok: true, plan: loaded.plan, warnings: loaded.warnings };
  const list = loaded.workspace.scenarios;
  const byNumber = /^\d+$/.test(which) ? Number(which) - 1 : -1;
  const i = byNumber >= 0 ? byNumber : list.findIndex((p) => p.name === which);
  if (i < 0 || i >= list.length)
    return {
      ok: false,
      error: `--scenario: no scenario "${which}"; the document has ${list.map((p, k) => `${k + 1} (${p.name})`).join(', ')}`,
    };
  return { ok: true, plan: list[i]!, warnings: loaded.allWarnings[i]! };
}
