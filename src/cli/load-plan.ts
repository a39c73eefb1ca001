/** Reads the PLAN argument of a command: a file path, a share link, or - for standard input. */
import { dataset } from '../data/dataset';
import type { Plan } from '../model/plan';
import { decodePlanFragment } from '../model/share-link';
import { validatePlan } from '../model/validate-plan';
import type { VpcIssue } from '../model/vpc-rules';
import type { CliIo } from './io';

/** Largest plan file read (bytes). */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

export type LoadedPlan = { ok: true; plan: Plan; warnings: VpcIssue[] } | { ok: false; error: string };

const looksLikeLink = (s: string) => /^https?:\/\//i.test(s) || s.includes('#');

export async function loadPlanArgument(arg: string, io: CliIo): Promise<LoadedPlan> {
  let text: string;
  let where: string;
  if (arg === '-') {
    text = await io.readStdin();
    where = 'standard input';
  } else if (looksLikeLink(arg)) {
    const d = decodePlanFragment(arg);
    if (!d.ok) return { ok: false, error: d.error };
    return fromJson(d.json, 'the share link');
  } else {
    try {
      text = await io.readFile(arg);
    } catch (e) {
      const code = (e as { code?: string }).code;
      return { ok: false, error: code === 'ENOENT' ? `${arg}: no such file` : `${arg}: cannot read it (${code ?? 'error'})` };
    }
    where = arg;
  }
  if (text.length > MAX_PLAN_BYTES) return { ok: false, error: `${where}: the plan is larger than ${MAX_PLAN_BYTES / 1024 / 1024} MB` };
  const trimmed = text.trim();
  if (looksLikeLink(trimmed) && !trimmed.startsWith('{')) return loadPlanArgument(trimmed, io);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${where}: not valid JSON (${(e as Error).message})` };
  }
  return fromJson(json, where);
}

function fromJson(json: unknown, where: string): LoadedPlan {
  const v = validatePlan(json, dataset);
  if (!v.ok) return { ok: false, error: `${where} is not a valid plan:\n${v.issues.map((i) => `  - ${!i.path || i.message.includes(i.path) ? i.message : `${i.path}: ${i.message}`}`).join('\n')}` };
  return { ok: true, plan: v.plan, warnings: v.warnings };
}
