/**
 * `npm run build:cli`: the command line as one plain JavaScript file, dist-cli/eks-ip-planner.mjs, the
 * package's bin. An SSR build of src/cli/main.ts for Node 20 (ESM) with every library and the dataset
 * (data/instances.json) inlined, so the installed package needs no dependency and no TypeScript at run
 * time. Node's built-ins (node:fs, node:util, …) stay imports. main.ts runs itself when it is the entry
 * (its check at the bottom), so the bundle is the entry as it is.
 */
import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = 'dist-cli';
const BIN = 'eks-ip-planner.mjs';
// Built beside the bin, then renamed over it: a `npm pack` running at the same time (another test run in
// the same tree) sees the old file or the new one, never a missing or half-written one.
const STAGING = join(OUT_DIR, `.build-${process.pid}`);

/** Marks the bundle executable (`./dist-cli/eks-ip-planner.mjs` runs as a program) and moves it in place. */
function installBin(): Plugin {
  return {
    name: 'eks-ip-planner:install-bin',
    apply: 'build',
    buildStart() {
      mkdirSync(OUT_DIR, { recursive: true });
    },
    writeBundle(options, bundle) {
      const files = Object.keys(bundle);
      if (files.length !== 1 || files[0] !== BIN) {
        throw new Error(`build:cli: expected one file ${BIN}, got ${files.join(', ')}`);
      }
      const built = join(options.dir!, BIN);
      chmodSync(built, 0o755);
      renameSync(built, join(OUT_DIR, BIN));
      rmSync(options.dir!, { recursive: true, force: true });
    },
  };
}

export default defineConfig({
  // No public/ copy, no index.html: the CLI only.
  publicDir: false,
  logLevel: 'warn',
  plugins: [installBin()],
  ssr: {
    target: 'node',
    noExternal: true,
  },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: STAGING,
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    // Minified: half the bytes for Node to read and parse on every call (891 -> 457 KB), and no source-file
    // region comments naming .ts files in a bin that runs no TypeScript.
    minify: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        format: 'es',
        entryFileNames: BIN,
        banner: '#!/usr/bin/env node',
        // One file: nothing to split out.
        codeSplitting: false,
      },
    },
  },
});
