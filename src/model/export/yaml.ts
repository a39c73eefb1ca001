/**
 * A small YAML emitter for the exports (eksctl, Karpenter, ENIConfig). The `yaml` package would add
 * about 48 KB minified (17 KB gzip, measured with esbuild for `stringify` alone) to an offline app that
 * only ever writes plain maps, lists, strings, numbers and booleans; this emitter covers exactly that.
 * Tests parse every output back with `yaml` (a devDependency) and compare, property-based.
 *
 * Strings are quoted unless unambiguous in YAML 1.1 and 1.2 alike: Kubernetes tools parse with go-yaml,
 * whose 1.1 rules read `on`, `yes`, `y` or `1:20` as something other than a string.
 */

import { commentSafe } from './common';

/** The values the emitter writes; `undefined` map entries are left out. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: YamlValue | undefined;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * A scalar as YAML text: plain when safe, else single-quoted, else double-quoted with escapes.
 * @example yamlScalar('us-east-1a') === 'us-east-1a'; yamlScalar('10.0.0.0/16') === "'10.0.0.0/16'"
 */
export function yamlScalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`yaml: cannot write ${v}`);
    return Object.is(v, -0) ? '-0' : String(v);
  }
  // `e5`: the yaml package's YAML 1.1 float pattern takes it for a number.
  if (PLAIN.test(v) && !RESERVED.has(v.toLowerCase()) && !/^[eE]\d/.test(v)) return v;
  if (ASCII_PRINTABLE.test(v)) return `'${v.replace(/'/g, "''")}'`;
  return doubleQuoted(v);
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0x2028 || c === 0x2029)
      out += `\\u${hex4(c)}`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += `\\u${hex4(c)}`;
    } else if (c >= 0xdc00 && c <= 0xdfff) out += `\\u${hex4(c)}`;
    else out += ch;
  }
  return `${out}"`;
}

const hex4 = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

const isMap = (v: YamlValue): v is YamlMap => typeof v === 'object' && v !== null && !Array.isArray(v);

function entries(m: YamlMap): [string, YamlValue][] {
  return Object.entries(m).filter((e): e is [string, YamlValue] => e[1] !== undefined);
}

/** Lines of a value written as the value of a key or a list item, at `indent` spaces. */
function block(v: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    const lines: string[] = [];
    for (const item of v as readonly YamlValue[]) {
      const inner = nested(item, indent + 2);
      if (inner === null) lines.push(`${pad}- ${yamlScalar(item as string)}`);
      else if (inner.inline !== undefined) lines.push(`${pad}- ${inner.inline}`);
      else lines.push(`${pad}- ${inner.lines[0]!.slice(indent + 2)}`, ...inner.lines.slice(1));
    }
    return lines;
  }
  if (isMap(v)) {
    const lines: string[] = [];
    for (const [k, val] of entries(v)) {
      const key = yamlScalar(k);
      const inner = nested(val, indent + 2);
      if (inner === null) lines.push(`${pad}${key}: ${yamlScalar(val as string)}`);
      else if (inner.inline !== undefined) lines.push(`${pad}${key}: ${inner.inline}`);
      else lines.push(`${pad}${key}:`, ...inner.lines);
    }
    return lines;
  }
  return [`${pad}${yamlScalar(v as string)}`];
}

/** null for scalars; `inline` for empty collections; else the block lines at `indent`. */
function nested(v: YamlValue, indent: number): { inline?: string; lines: string[] } | null {
  if (Array.isArray(v)) return v.length === 0 ? { inline: '[]', lines: [] } : { lines: block(v, indent) };
  if (isMap(v)) return entries(v).length === 0 ? { inline: '{}', lines: [] } : { lines: block(v, indent) };
  return null;
}

/**
 * One YAML document (no `---`), ending in a newline.
 * @example toYaml({ kind: 'ENIConfig', spec: { subnet: 'subnet-0abc' } }) === 'kind: ENIConfig\nspec:\n  subnet: subnet-0abc\n'
 */
export function toYaml(value: YamlValue): string {
  const inner = nested(value, 0);
  if (inner === null) return `${yamlScalar(value as string)}\n`;
  if (inner.inline !== undefined) return `${inner.inline}\n`;
  return `${inner.lines.join('\n')}\n`;
}

/** `# ` comment lines for a header (each input line becomes one comment line). */
export function yamlComments(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '#' : `# ${commentSafe(l)}`)).join('\n') + (lines.length ? '\n' : '');
}

/**
 * A stream of documents, each with optional comment lines before it, separated by `---`.
 * @example yamlStream([{ comments: ['one'], value: { a: 1 } }, { value: { b: 2 } }]) === '# one\na: 1\n---\nb: 2\n'
 */
export function yamlStream(docs: readonly { comments?: readonly string[]; value: YamlValue }[]): string {
  return docs.map((d) => yamlComments(d.comments ?? []) + toYaml(d.value)).join('---\n');
}
