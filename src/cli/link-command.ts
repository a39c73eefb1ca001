/** `link PLAN [--base URL]`: prints a share link that `evaluate` and the app accept back. */
import { documentLink } from '../model/share-link';
import { strictParse } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { loadPlanArgument } from './load-plan';

export const DEFAULT_BASE = 'http://127.0.0.1:5173/';
export const LINK_USAGE = `Usage: eks-ip-planner link PLAN [--base URL]   (default base ${DEFAULT_BASE})`;

export async function runLink(args: string[], io: CliIo): Promise<number> {
  const p = strictParse(args, { base: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (!p.ok) {
    io.err(`link: ${p.error}\n${LINK_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (p.values.help) {
    io.out(LINK_USAGE + '\n');
    return EXIT_OK;
  }
  if (p.positionals.length !== 1) {
    io.err(`link: give exactly one PLAN (a file, a share link or -)\n${LINK_USAGE}\n`);
    return EXIT_USAGE;
  }
  const base = (p.values.base as string | undefined) ?? DEFAULT_BASE;
  if (!/^https?:\/\/[^\s#]+$/i.test(base)) {
    io.err(`link: --base must be an http(s) URL without "#", got "${base}"\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadPlanArgument(p.positionals[0]!, io);
  if (!loaded.ok) {
    io.err(`link: ${loaded.error}\n`);
    return EXIT_USAGE;
  }
  io.out(documentLink(loaded.workspace, base) + '\n');
  return EXIT_OK;
}
