// `parley call FILE OPERATION --input JSON`: any operation of the core on one case file, for scripts. The call goes
// through the same dispatcher, schema check and write path as the app's own, so whatever the app refuses is
// refused here too, with the same sentence; the command adds only the opening and closing of the file.
import { dispatchAsync } from '../../core/api/dispatcher.js';
import { isOperationName, OPERATION_NAMES, type OpName } from '../../../shared/contract.js';
import type { CaseInfo } from '../../../shared/api-types.js';
import { caseKeyOf } from '../../../shared/operation-summaries.js';
import { defineCommand, type CommandContext } from '../command.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { ID_FIELDS, resolveIdsIn } from '../record-ids.js';
import { readUserFile } from './files.js';

const COMMAND = 'call';

export default defineCommand({
  name: COMMAND,
  summary: 'Run one operation of the core on a case file and print its result as JSON',
  description: [
    'OPERATION is one of those `parley operations` lists with a *, e.g. directive.get, deadline.create or schedule.confirm. Its input is JSON: --input \'{"fields": {...}}\', --input - for standard input, or --input @FILE. The case id is filled in; give it only if you like (it must then be this file\'s).',
    `Record ids may be shortened to a unique start of at least 4 characters ("id": "3f2a" for 3f2a81c0-…): the input's ${Object.keys(ID_FIELDS).join(', ')} are looked up, at the top level and in "fields" and "changes", and given to the operation in full. A start that no record's id has, or several have, is refused and the records it could mean are listed.`,
    'With --each, the input is a JSON list and the operation runs once per element, in order, on the one open file; the results are printed as a list. Each element is saved as it succeeds: at the first refusal the run stops and says how many were saved.',
    'The file is opened for editing (--read-only opens it read-only; changes are then refused) and closed at the end. An encrypted file asks for its passphrase as every command does.',
    'Exit status: 0 done; 1 the core refused (the message says why, nothing of that call was changed); 2 the command line or the input JSON is wrong; 3 the file cannot be opened.',
  ],
  args: ['FILE', 'OPERATION'],
  options: {
    input: { type: 'string', value: 'JSON', help: 'the operation\'s input: JSON text, - for standard input, or @FILE (default {})' },
    each: { type: 'boolean', help: 'the input is a list: run the operation once for each element' },
    'read-only': { type: 'boolean', help: 'open the file read-only' },
  },
  library: 'throwaway',
  async run(ctx, [file, operation], options) {
    const name = knownOperation(operation!);
    const caseKey = caseKeyOf(name);
    if (!caseKey) {
      throw new UsageError(`${name} does not work on one open case (it takes file paths, or works on the whole library); use the parley command for it`, COMMAND);
    }
    if (options.input === '-' && options['passphrase-stdin']) {
      throw new UsageError('--input - and --passphrase-stdin both read standard input: put the input in a file and give --input @FILE', COMMAND);
    }
    const input = parseInput(options.input ?? '{}', () => ctx.io.readStdin());
    const inputs = options.each ? asList(input) : [input];
    for (const one of inputs) if (!isPlainObject(one)) throw new UsageError(`the input of ${name} must be a JSON object${options.each ? ' (each element of the list)' : ''}`, COMMAND);

    const results = await ctx.withCase(file!, options['read-only'] ? 'read' : 'edit', async (info) => {
      const done: unknown[] = [];
      for (const [i, one] of inputs.entries()) {
        try {
          const withIds = caseKey === 'caseId' ? resolveIdsIn(ctx, info.caseId, name, one as Record<string, unknown>) : (one as Record<string, unknown>);
          done.push(await runOne(ctx, name, inputForCase(withIds, caseKey, info)));
        } catch (err) {
          if (!(err instanceof CliError) || !options.each) throw err;
          const saved = done.length === 0 ? 'nothing was saved' : `the ${done.length} before it ${done.length === 1 ? 'was' : 'were'} saved`;
          throw new CliError(`element ${i + 1} of ${inputs.length}: ${err.message} (${saved}; the rest were not run)`, err.exitCode);
        }
      }
      return done;
    });
    ctx.out.jsonValue(options.each ? results : results[0]);
    return EXIT.ok;
  },
});

function knownOperation(operation: string): OpName {
  if (isOperationName(operation)) return operation;
  const prefix = operation.split('.')[0]!;
  const near = OPERATION_NAMES.filter((n) => n.startsWith(`${prefix}.`)).sort();
  const hint = near.length ? `; ${prefix} has ${near.join(', ')}` : '; `parley operations` lists them';
  throw new UsageError(`there is no operation "${operation}"${hint}`, COMMAND);
}

function parseInput(text: string, readStdin: () => string): unknown {
  const source = text === '-' ? 'standard input' : text.startsWith('@') ? text.slice(1) : null;
  const json = text === '-' || text.startsWith('@') ? readUserFile(text === '-' ? '-' : text.slice(1), readStdin) : text;
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new UsageError(`${source ?? '--input'} is not valid JSON (${(err as Error).message})`, COMMAND);
  }
}

function asList(input: unknown): unknown[] {
  if (!Array.isArray(input)) throw new UsageError('with --each, the input must be a JSON list', COMMAND);
  return input;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The input with this file's case filled in; a case id that names another case is a mistake worth stopping at. */
function inputForCase(input: Record<string, unknown>, key: 'caseId' | 'caseIds', info: CaseInfo): Record<string, unknown> {
  if (key === 'caseIds') return { caseIds: [info.caseId], ...input };
  if (input.caseId !== undefined && input.caseId !== info.caseId) {
    throw new UsageError(`the input's caseId is not the case in this file (${info.caseId}); leave it out and it is filled in`, COMMAND);
  }
  return { ...input, caseId: info.caseId };
}

async function runOne(ctx: CommandContext, name: OpName, input: unknown): Promise<unknown> {
  const result = await dispatchAsync(ctx.session, name, input, ctx.logInternalError);
  if (result.ok) return result.data;
  throw new CliError(`${name} refused (${result.error.code}): ${result.error.message}`, EXIT.failed);
}
