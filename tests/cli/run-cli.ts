/** Runs the CLI in-process with captured output (tests/cli/*), and as a real process for the entry point. */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { main } from '../../src/cli/main';

export async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => stdin,
    readFile: (p) => readFile(p, 'utf8'),
  });
  return { code, out, err };
}

/** `npm run --silent cli -- ...` as a user runs it. */
export function cliProcess(args: string[], stdin = '') {
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { input: stdin, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs one command with an in-memory file system (`files`), capturing what it prints. */
export async function runWithFiles(
  runner: (args: string[], io: import('../../src/cli/io').CliIo) => Promise<number>,
  files: Record<string, string>,
  args: string[],
  stdin = '',
) {
  let out = '';
  let err = '';
  const code = await runner(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => stdin,
    readFile: async (p) => {
      if (Object.prototype.hasOwnProperty.call(files, p)) return files[p]!;
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    },
  });
  return { code, out, err };
}
