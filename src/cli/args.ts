/** Argument helpers shared by the commands: strict parsing with messages that name the option. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { numberField } from '../model/number-text';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** node:util parseArgs, strict, with its errors turned into one plain sentence. */
export function strictParse(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  allowPositionals = false,
) {
  // "--cni-max-eni -1": a negative number after an option that takes a value is that value (as in the
  // AWS script), not another option; parseArgs only accepts it written "--cni-max-eni=-1".
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name && options[name]?.type === 'string' && /^-\d+$/.test(args[i + 1] ?? '')) {
      joined.push(`${a}=${args[i + 1]}`);
      i++;
    } else joined.push(a);
  }
  args = joined;
  try {
    return { ok: true as const, ...parseArgs({ args, options, strict: true, allowPositionals }) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) return { ok: false as const, error: `unknown option ${unknown[1]}; see --help` };
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    if (missing) return { ok: false as const, error: `option ${missing[1]!.replace(/^-\w, /, '')} needs a value` };
    const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(msg);
    if (ambiguous)
      return {
        ok: false as const,
        error: `option ${ambiguous[1]} needs a value (a value starting with "-" is written ${ambiguous[1]}=-1)`,
      };
    const noArg = /Option '([^']+)' does not take an argument/.exec(msg);
    if (noArg) return { ok: false as const, error: `option ${noArg[1]} takes no value` };
    const positional = /Unexpected argument '([^']+)'/.exec(msg);
    if (positional) return { ok: false as const, error: `unexpected argument ${positional[1]}; see --help` };
    return { ok: false as const, error: msg.replace(/\. To specify.*$/s, '') };
  }
}

/** A whole number within [min, max], or an error naming the option. */
export function intOption(name: string, raw: string | undefined, min: number, max: number): Parsed<number | undefined> {
  if (raw === undefined) return { ok: true, value: undefined };
  return numberField(name, raw, { min, max, integer: true, signed: true });
}
