// `parley review export` and `parley review import`: a reviewer's comments travel back to the case's owner. The
// reviewer's comments are the ones kept in the library folder (--data) for that case; the owner's case takes them
// as records, each with its audit entry. Both go through the same operations as the app (review.export,
// review.import).
import { dispatch } from '../../core/api/dispatcher.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { count } from '../output.js';
import { outputOptions, readUserFile, writeUserFile } from './files.js';

const COMMAND = 'review';

export default defineCommand({
  name: COMMAND,
  summary: 'Export the review comments made on a case, or import a reviewer\'s comments into it (review export|import)',
  description: [
    'review export FILE: the comments made on FILE in review mode (in the desktop app, kept in the library folder, --data) as a comments file: who reviewed, when, and each comment with the record it is about by title and id, with a SHA-256 over it all. FILE is opened for review and left byte-identical. The comments of an encrypted case are encrypted with its passphrase. The file goes to standard output unless -o names one.',
    'review import FILE COMMENTS: takes the comments of the file COMMENTS into the case FILE, each as a review comment record with its audit entry. Comments the case has already are left as they are, so importing a file twice adds nothing. A file about another case, or changed after it was exported, is refused and nothing is imported.',
    'Passphrases are asked for at the terminal, without echo, or read from standard input with --passphrase-stdin, one per line: the case\'s first, then (with --comments-passphrase) the one the comments were sealed with.',
  ],
  args: ['ACTION', 'FILE', '[COMMENTS]'],
  options: {
    ...outputOptions('the comments file (export)'),
    'comments-passphrase': { type: 'boolean', help: 'import: the comments were sealed with another passphrase than the case\'s (a copy made for transfer); ask for it' },
  },
  library: 'user',
  run(ctx, [action, file, comments], options) {
    if (action === 'export') {
      if (comments !== undefined) throw new UsageError(`unexpected argument "${comments}": review export takes one case file`, COMMAND);
      if (options['comments-passphrase']) throw new UsageError('--comments-passphrase goes with review import', COMMAND);
      return ctx.withCase(file!, 'review', (info) => {
        const made = ctx.call('review.list', { caseId: info.caseId });
        const exported = ctx.call('review.export', { caseId: info.caseId });
        const bytes = Buffer.from(exported.dataBase64, 'base64');
        if (options.output === undefined) {
          // The same JSON value (characters a terminal would act on escaped), so its SHA-256 still holds.
          ctx.out.jsonValue(JSON.parse(bytes.toString('utf8')));
          return EXIT.ok;
        }
        writeUserFile(options.output, bytes, !!options.force);
        const summary = { path: options.output, comments: made.length, encrypted: info.encrypted, suggestedName: exported.fileName };
        ctx.out.result(summary, () => [`Exported ${count(made.length, 'review comment')} on case ${info.caseId} to ${options.output}${info.encrypted ? ' (encrypted with the case\'s passphrase)' : ''}`]);
        return EXIT.ok;
      });
    }
    if (action === 'import') {
      if (comments === undefined) throw new UsageError('missing COMMENTS: review import takes the case file and the comments file', COMMAND);
      if (options.output !== undefined || options.force) throw new UsageError('-o and --force go with review export', COMMAND);
      const text = readUserFile(comments, () => ctx.io.readStdin());
      return ctx.withCase(file!, 'edit', (info) => {
        const passphrase = options['comments-passphrase'] ? ctx.passphrases.ask(comments) : undefined;
        const result = dispatch(ctx.session, 'review.import', { caseId: info.caseId, dataBase64: Buffer.from(text, 'utf8').toString('base64'), passphrase }, ctx.logInternalError);
        if (!result.ok) {
          const hint = result.error.code === 'passphrase_required' ? ' (use --comments-passphrase)' : '';
          throw new CliError(`${comments}: ${result.error.message}${hint}`, EXIT.failed);
        }
        const { added, alreadyThere, aboutMissing } = result.data;
        ctx.out.result(result.data, () => [
          `Imported ${count(added, 'review comment')} into case ${info.caseId}`,
          ...(alreadyThere ? [`${count(alreadyThere, 'comment')} the case had already, left as ${alreadyThere === 1 ? 'it was' : 'they were'}`] : []),
          ...(aboutMissing ? [`${count(aboutMissing, 'comment')} about a record no longer in the case (shown with the title it had)`] : []),
        ]);
        return EXIT.ok;
      });
    }
    throw new UsageError(`unknown action "${action}"; the actions are export and import`, COMMAND);
  },
});
