/**
 * Text of a plan file (import, drag and drop, standard input) → a validated workspace, with the same
 * messages everywhere. Untrusted: size-capped, parsed with JSON.parse (no reviver, no eval), validated
 * by the schema; never throws.
 */
import type { InstanceDataset } from './instances';
import { restoreDocument, type DocumentRestore } from './workspace';
import { fmt } from './format';

/** Largest plan document accepted (characters). A 40-group, 48-subnet plan is about 10 KB. */
export const MAX_DOCUMENT_CHARS = 1024 * 1024;

export function parseDocumentText(text: string, dataset: InstanceDataset, where = 'the file'): DocumentRestore {
  if (typeof text !== 'string') return { ok: false, issues: [{ path: '', message: `${where} is not text` }] };
  if (text.length > MAX_DOCUMENT_CHARS) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: `${where} is too large (${fmt(text.length / 1024)} KB; a plan is at most ${MAX_DOCUMENT_CHARS / 1024} KB)`,
        },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : 'syntax error';
    return { ok: false, issues: [{ path: '', message: `${where} is not valid JSON (${detail})` }] };
  }
  return restoreDocument(json, dataset);
}
