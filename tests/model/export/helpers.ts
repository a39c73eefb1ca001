/** Shared by the export tests: the reference plan, golden files, and structure checks. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import type { Plan } from '../../../src/model/plan';
import { validatePlan } from '../../../src/model/validate-plan';
import referenceJson from '../../fixtures/reference-plan.json';

/** A plan fixture through the same validation every surface uses (it must be valid). */
export function validPlan(input: unknown): Plan {
  const v = validatePlan(input, dataset);
  if (!v.ok) throw new Error(`fixture is not a valid plan: ${JSON.stringify(v.issues)}`);
  return v.plan;
}

/** tests/fixtures/reference-plan.json: the expanded VPC (10.0.0.0/20 + three 100.64-66/16), custom networking. */
export const referencePlan = (): Plan => validPlan(structuredClone(referenceJson));

const goldenDir = fileURLToPath(new URL('../../golden/', import.meta.url));

/**
 * Compares with tests/golden/NAME. `UPDATE_GOLDEN=1 npx vitest run ...` rewrites the file: do that only
 * after reading the new output by hand.
 */
export function expectGolden(name: string, actual: string): void {
  const path = goldenDir + name;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`golden file tests/golden/${name} is missing: run with UPDATE_GOLDEN=1 and read it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF) for checking the CSV export. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; }
      else if (c === '"') { quoted = false; i++; }
      else { field += c; i++; }
    } else if (c === '"' && field === '') { quoted = true; i++; }
    else if (c === ',') { row.push(field); field = ''; i++; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; }
    else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else { field += c; i++; }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('last record lacks CRLF');
  return rows;
}
