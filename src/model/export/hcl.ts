/**
 * Just enough HCL writing for the Terraform export: quoted strings, identifiers, and blocks laid out
 * as `terraform fmt` would (two-space indent, `=` aligned over consecutive one-line attributes).
 */

import { commentSafe } from './common';

/** An attribute (its value may span lines, e.g. a heredoc), a nested block or object, a comment, a blank line. */
export type HclItem =
  | { t: 'attr'; key: string; value: string }
  | { t: 'block'; open: string; body: HclItem[]; close?: string }
  | { t: 'comment'; text: string }
  | { t: 'blank' };

export const attr = (key: string, value: string): HclItem => ({ t: 'attr', key, value });
export const block = (open: string, body: HclItem[], close = '}'): HclItem => ({ t: 'block', open, body, close });
export const comment = (text: string): HclItem => ({ t: 'comment', text });
export const blank: HclItem = { t: 'blank' };

/**
 * An HCL quoted string: escapes `"`, `\`, control characters and template sequences (`${`, `%{`).
 * @example hclString('a "b" ${c}') === '"a \\"b\\" $${c}"'
 */
export function hclString(s: string): string {
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // Line and paragraph separators too: legal in HCL strings, but editors and diffs break lines there.
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\$\{/g, '$$$${')
    .replace(/%\{/g, '%%{');
  return `"${body}"`;
}

/** A list of already-written expressions on one line. */
export function hclList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

/** An object key: bare when it is an identifier, else quoted. */
export function hclKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : hclString(k);
}

/**
 * A resource or module name (letters, digits, `_`), unique among `taken`: nodes-a → nodes_a.
 * @example hclIdentifier('10.0 nodes', new Set(), 'subnet') === 'subnet_10_0_nodes'
 */
export function hclIdentifier(name: string, taken: Set<string>, prefix: string): string {
  let base = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[A-Za-z_]/.test(base)) base = base === '' ? prefix : `${prefix}_${base}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

/** Renders items at `indent` spaces, aligning `=` over runs of consecutive attributes. */
export function renderHcl(items: readonly HclItem[], indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (item.t === 'attr') {
      let j = i;
      while (j < items.length && items[j]!.t === 'attr') j++;
      const run = items.slice(i, j) as { key: string; value: string }[];
      const width = Math.max(...run.map((a) => a.key.length));
      for (const a of run) {
        const [first, ...rest] = a.value.split('\n');
        out.push(`${pad}${a.key.padEnd(width)} = ${first}`);
        for (const r of rest) out.push(r === '' ? '' : `${pad}${r}`);
      }
      i = j;
      continue;
    }
    if (item.t === 'block') {
      out.push(`${pad}${item.open}`, ...renderHcl(item.body, indent + 2), `${pad}${item.close ?? '}'}`);
    } else if (item.t === 'comment') {
      for (const line of item.text.split('\n')) out.push(`${pad}# ${commentSafe(line)}`.trimEnd());
    } else out.push('');
    i++;
  }
  return out;
}
