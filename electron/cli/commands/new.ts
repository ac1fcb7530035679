import { DIRECTIVE_STATUSES } from '../../../shared/enums.js';
import { withCaseFileExtension } from '../../../shared/file-names.js';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { caseSummaryLines } from './case-summary.js';

type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];

export default defineCommand({
  name: 'new',
  summary: 'Create a case file for a directive',
  description: [
    'FILE must not exist yet; .parley is added to a name without an extension. The new file joins the library (the desktop app\'s list of case files).',
    'With --encrypt the file is encrypted from the start: the passphrase is asked for twice at the terminal, without echo, or read from the first line of standard input with --passphrase-stdin. It needs at least 8 characters.',
  ],
  args: ['FILE'],
  options: {
    title: { type: 'string', value: 'T', required: true, help: 'the directive\'s title' },
    status: { type: 'string', value: 'S', help: `the directive's status: ${DIRECTIVE_STATUSES.join(', ')} (default: received)` },
    encrypt: { type: 'boolean', help: 'encrypt the new file with a passphrase' },
  },
  library: 'user',
  run(ctx, [file], { title, status = 'received', encrypt }) {
    if (!isDirectiveStatus(status)) throw new UsageError(`--status must be one of ${DIRECTIVE_STATUSES.join(', ')}`, 'new');
    const path = withCaseFileExtension(file!);
    const passphrase = encrypt ? ctx.passphrases.askNew(path) : undefined;
    const info = ctx.call('case.create', { path, directive: { title: title!, status }, passphrase });
    ctx.out.result(info, () => [`Created ${info.path}`, ...caseSummaryLines(info)]);
    return EXIT.ok;
  },
});

function isDirectiveStatus(value: string): value is DirectiveStatus {
  return (DIRECTIVE_STATUSES as readonly string[]).includes(value);
}
