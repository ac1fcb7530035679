// `parley operations`: the contract every caller of the core uses (the app, the browser harness, `parley call`),
// listed with a line each and, with --json, each input's JSON Schema generated from the same zod schema that the
// dispatcher checks calls against, so the list cannot drift from what is accepted.
import { z } from 'zod';
import { ASYNC_OPERATIONS, CONTRACT, OPERATION_NAMES, type OpName } from '../../../shared/contract.js';
import { caseKeyOf, operationSummary } from '../../../shared/operation-summaries.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';

export interface OperationDescription {
  name: string;
  summary: string;
  /** How the input names the case (`parley call` fills it in), or null for operations on files and the library. */
  case: 'caseId' | 'caseIds' | null;
  /** The operation waits on Chromium or a Word writer; `parley call` waits for it too. */
  async: boolean;
  /** The input as JSON Schema (draft 2020-12). Checks the schema language cannot say are made when called. */
  input: unknown;
}

export function describeOperation(name: OpName): OperationDescription {
  return {
    name,
    summary: operationSummary(name),
    case: caseKeyOf(name),
    async: ASYNC_OPERATIONS.has(name),
    // 'input': what a caller sends (before defaults apply); 'any' for the few checks that are code, not schema.
    input: z.toJSONSchema(CONTRACT[name].input, { io: 'input', unrepresentable: 'any' }),
  };
}

export default defineCommand({
  name: 'operations',
  summary: 'List every operation of the core, for `parley call` (with --json: each input\'s JSON Schema)',
  description: [
    'Every operation the app itself uses, by name, with a line on what it does. Those marked * work on one open case: `parley call FILE OPERATION` runs them and fills in the case id.',
    'With --json: a list of {name, summary, case, async, input}, where input is the operation\'s input as JSON Schema (draft 2020-12), made from the schema every call is checked against.',
  ],
  args: [],
  options: {},
  library: 'throwaway',
  run(ctx) {
    const names = [...OPERATION_NAMES].sort();
    if (ctx.out.json) {
      ctx.out.jsonValue(names.map(describeOperation));
      return EXIT.ok;
    }
    const width = Math.max(...names.map((n) => n.length));
    ctx.out.lines(names.map((name) => `${caseKeyOf(name) ? '*' : ' '} ${name.padEnd(width)}  ${operationSummary(name)}`));
    return EXIT.ok;
  },
});
