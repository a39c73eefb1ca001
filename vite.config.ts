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

/**
 * The page reads the instance dataset as a file beside its scripts: src/data/dataset-file.ts (the JSON
 * inlined, for the command line and the tests) becomes dataset-file.browser.ts (the JSON as an asset,
 * fetched), and the built index.html preloads that asset so it arrives while the scripts compile. Inlined,
 * its 154 KB object literal was a third of the first chunk, and Chromium compiled it before running any
 * of it (40-group link, verdict in page 316 -> 298 ms median of 21, first quartile 300 -> 270).
 */
function datasetAsset(): Plugin {
  return {
    name: 'eks-ip-planner:dataset-asset',
    enforce: 'pre',
    resolveId(source, importer) {
      if (process.env.VITEST || !importer || !/[\\/]dataset-file$/.test(source)) return null;
      return this.resolve(`${source}.browser.ts`, importer);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const asset = Object.values(ctx.bundle).find(
          (f) => f.type === 'asset' && f.originalFileNames.some((n) => n.endsWith('data/instances.json')),
        );
        if (!asset) throw new Error('build: the dataset asset (data/instances.json) is not in the bundle');
        // crossorigin="anonymous": the same request mode and credentials as the page's fetch(), so it is reused.
        return html.replace(
          '</title>',
          `</title>\n    <link rel="preload" href="./${asset.fileName}" as="fetch" crossorigin="anonymous" />`,
        );
      },
    },
  };
}

// `npm start -- --port N` passes --port straight to vite.
export default defineConfig({
  plugins: [datasetAsset(), react(), contentSecurityPolicy()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // What the first paint needs in two chunks, React (react, react-dom, scheduler: 214 KB) and the rest
        // (the app and its libraries: 283 KB; the dataset is a JSON file, datasetAsset above). Chromium
        // compiles each script as it streams in, on a background thread, and runs none until the last is
        // compiled: one 646 KB chunk took ~60 ms there while the main thread waited; two compile side by side
        // (40-group link: verdict 287 -> 275 ms median, 265 -> 244 ms first quartile, 21 loads each; +0.6 KB gzip). Split by default, the modules the lazy
        // panels share with it would come as several small chunks, each compressing worse than the whole.
        // Likewise the modules two or more lazy panels share (use-rested, the tools' and exports' helpers,
        // api-calls, advisor-parts): one chunk, not six of 0.2-1.3 KB.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
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
