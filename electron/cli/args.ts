// The command line's grammar: option declarations that serve both node:util's parseArgs and the help text, the
// options every command takes, and the check of positional arguments against a command's usage.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The placeholder shown in help for a string option's value, e.g. DIR in `--data DIR`. */
  value?: string;
  help: string;
  required?: boolean;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
};

export const COMMON_OPTIONS = {
  data: { type: 'string', value: 'DIR', help: 'the library folder (default: the desktop app\'s data folder; commands that only read use a throw-away one)' },
  as: { type: 'string', value: 'NAME', help: 'the author written into records and the audit trail in this run (default: your name as set in Parley, else your user name)' },
  json: { type: 'boolean', help: 'print the result as JSON' },
  'passphrase-stdin': { type: 'boolean', help: 'read passphrases from standard input, one per line, instead of asking at the terminal' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies OptionSpecs;

export type CommonValues = OptionValues<typeof COMMON_OPTIONS>;

export interface ParsedLine<O extends OptionSpecs> {
  positionals: string[];
  options: OptionValues<O> & CommonValues;
}

/**
 * Parses a command's arguments. `args` is its usage, e.g. ['QUERY', 'FILE...']: each name is one required
 * argument, a trailing "..." lets the last one repeat, and a last one in brackets may be left out. Help wins over
 * every other check.
 */
export function parseCommandLine<O extends OptionSpecs>(
  command: { name: string; args: readonly string[]; options: O },
  argv: string[],
): ParsedLine<O> {
  const specs: OptionSpecs = { ...COMMON_OPTIONS, ...command.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(specs).map(([name, s]) => [name, s.short ? { type: s.type, short: s.short } : { type: s.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(describeParseError(err), command.name);
  }
  const options = parsed.values as OptionValues<O> & CommonValues;
  if (options.help) return { positionals: parsed.positionals, options };
  checkPositionals(command, parsed.positionals);
  for (const [name, spec] of Object.entries(specs)) {
    const value = (options as Record<string, unknown>)[name];
    if (spec.required && value === undefined) throw new UsageError(`--${name} is required`, command.name);
    if (typeof value === 'string' && !value.trim()) throw new UsageError(`--${name} needs a value`, command.name);
  }
  return { positionals: parsed.positionals, options };
}

function checkPositionals(command: { name: string; args: readonly string[] }, given: string[]): void {
  const repeats = command.args.at(-1)?.endsWith('...') ?? false;
  // An argument in brackets ("[COMMENTS]", last) may be left out; the command says when it is needed.
  const needed = command.args.filter((a) => !a.startsWith('[')).length;
  const allowed = command.args.length;
  if (given.length < needed) {
    throw new UsageError(`missing ${command.args.slice(given.length, needed).join(' ').replace('...', '')}`, command.name);
  }
  if (given.length > allowed && !repeats) {
    throw new UsageError(`unexpected argument "${given[allowed]}"`, command.name);
  }
}

/** parseArgs explains itself at length; a usage error is one short line. */
function describeParseError(err: unknown): string {
  const { code, message } = err as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': return `option ${option} ${/does not take/.test(message ?? '') ? 'takes no value' : 'needs a value'}`;
    default: return message ?? 'the command line could not be read';
  }
}

/**
 * A comma-separated option's values, each one of `allowed` ("--include deadlines,meetings"); undefined when the
 * option was not given. `items` names what they are in the message that refuses another ("sections").
 */
export function listOption<T extends string>(
  text: string | undefined, allowed: readonly T[], { option, items: noun, command }: { option: string; items: string; command: string },
): T[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length) throw new UsageError(`--${option} takes ${noun} among ${allowed.join(', ')}; not ${unknown.join(', ')}`, command);
  return items as T[];
}
