#!/usr/bin/env node
// The package's bin: runs the TypeScript CLI through tsx (installed with the package's dev dependencies).
import { register } from 'tsx/esm/api';
register();
const { main, processIo } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), processIo);
