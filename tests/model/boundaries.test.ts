import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// style.md: src/model is plain TypeScript — no React, no store, no DOM, no shipped dataset (it is a parameter).
const root = new URL('../../src/model/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : [],
  );

describe('src/model stays framework-free', () => {
  const all = files(root);
  it('has model files to check', () => expect(all.length).toBeGreaterThan(15));
  for (const f of all) {
    it(f.slice(root.length), () => {
      const src = readFileSync(f, 'utf8');
      const imports = [...src.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const i of imports) {
        expect(i, `${f} imports ${i}`).not.toMatch(
          /^(react|react-dom|zustand|recharts|zundo)(\/|$)|\/(ui|state|cli|data)\//,
        );
      }
      // Code only (comments may say "the YAML document."), and a member access after the dot.
      const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
      expect(code, 'no DOM globals').not.toMatch(/\b(document|window|localStorage|navigator)\.[A-Za-z_]/);
    });
  }
});
