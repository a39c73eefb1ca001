/**
 * No HTML or code from strings anywhere in src/: untrusted text (plan, subnet and node group names, file
 * and link contents) reaches the page only as React text or attribute values. Backs up the built app's
 * Content-Security-Policy (no eval, no inline script), which tests/browser/csp.test.mjs checks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx|js|mjs)$/.test(f) ? [p] : [];
  });
}

/** Sinks that turn a string into markup or code. */
const SINKS: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML assignment', /\.(inner|outer)HTML\s*\+?=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser on HTML', /parseFromString\([^)]*text\/html/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['eval', /(^|[^\w.$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(|(^|[^\w.$])Function\s*\(\s*['"`]/],
  ['string timers', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['inline event handler attributes', /setAttribute\(\s*['"`]on/i],
  ['javascript: URLs', /['"`]javascript:/i],
];

describe('no HTML or code from strings in src/', () => {
  const files = sources(join(ROOT, 'src'));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith('plan-library.tsx'))).toBe(true);
  });

  it.each(SINKS)('no %s', (_, re) => {
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (re.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('index.html has no inline script or handler (the policy would block it)', () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc=/);
    expect(html).not.toMatch(/\son[a-z]+=|<style\b|\sstyle=/i);
  });
});
