import type { CaseExport } from '../../../shared/contract.js';
import { withCaseFileExtension } from '../../../shared/file-names.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT } from '../errors.js';
import { checkpoint } from '../stop.js';
import { caseSummaryLines, recordCountLines } from './case-summary.js';
import { readUserFile } from './files.js';

export default defineCommand({
  name: 'import',
  summary: 'Make a new case file from a JSON export',
  description: [
    'JSON is a file written by `parley export` (or "-" to read it from standard input). FILE must not exist yet (.parley is added to a name without an extension); the new file keeps the case id and every record of the export (its audit trail starts afresh, one entry per record) and joins the library.',
  ],
  args: ['JSON', 'FILE'],
  options: {},
  library: 'user',
  async run(ctx, [source, file]) {
    const text = readUserFile(source!, ctx.io.readStdin);
    await checkpoint(); // reading a large export takes a while: a signal then stops the run before anything is made
    const data = parseJson(text, source!);
    await checkpoint();
    // Once begun, the import is one step: it makes the whole case file, or none.
    const info = ctx.call('case.import', { path: withCaseFileExtension(file!), data });
    ctx.out.result(info, () => [`Imported ${source === '-' ? 'standard input' : source} into ${info.path}`, ...caseSummaryLines(info), ...recordCountLines(info)]);
    return EXIT.ok;
  },
});

/** The export as a value. Typed as an export only nominally: the dispatcher checks its shape against the contract. */
function parseJson(text: string, source: string): CaseExport {
  try {
    return JSON.parse(text) as CaseExport;
  } catch (err) {
    throw new CliError(`${source === '-' ? 'standard input' : source} is not valid JSON (${(err as Error).message})`);
  }
}
