/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built page's Content-Security-Policy: scripts, styles and connections from its own origin only,
 * no eval and no inline script or <style> (React's style={} goes through the CSSOM, which CSP allows),
 * images also from data: and blob: (the chart PNG is drawn from a data: SVG; downloads use blob: URLs),
 * no plugins, no <base>, no form submissions. A <meta>, so it holds on any static host. Build only:
 * Vite's dev server injects inline scripts for HMR. tests/browser/csp.test.mjs checks it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'eks-ip-planner:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset))
          throw new Error(`index.html: no ${charset} to put the Content-Security-Policy after`);
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html))
          throw new Error('index.html: an inline <script> would be blocked by the Content-Security-Policy');
        return html.replace(
          charset,
          `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        );
      },
    },
  };
}

// `npm start -- --port N` passes --port straight to vite.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Everything the first paint needs in one chunk: split by default, the modules the lazy panels share
        // with it would come as several small chunks, each compressing worse than the whole. Likewise the
        // modules two or more lazy panels share (use-rested, the tools' and exports' helpers, api-calls,
        // advisor-parts): one chunk, not six of 0.2-1.3 KB.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'panels-shared', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60000,
  },
});
