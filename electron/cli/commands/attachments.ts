// `parley attach FILE PATH` and `parley attachments FILE`: files attached to a case or to one of its records, through
// the same operations as the app (attachment.add, attachment.list). attach waits for the file's text to be read for
// search (a worker thread in the core) before closing the case, so that the file is searchable when it returns.
import fs from 'node:fs';
import path from 'node:path';
import { acceptedType, acceptedTypesInWords, attachmentRefusal, formatFileSize, MAX_ATTACHMENT_BYTES, mediaTypeForFileName } from '../../../shared/attachments.js';
import { LINKABLE_KINDS, type LinkableKind } from '../../../shared/enums.js';
import { KINDS, type RecordOf } from '../../../shared/records.js';
import { fileSystemReason } from '../../core/errors.js';
import { defineCommand, type CommandContext } from '../command.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { columns, count, oneLine } from '../output.js';
import { resolveRecordId } from '../record-ids.js';

/** An attachment as the command line prints it: its text is left out (it can be long); its length says it is there. */
type AttachmentShown = Omit<RecordOf<'attachment'>, 'extractedText'> & { textLength: number | null; attachedToTitle: string | null };

export const attach = defineCommand({
  name: 'attach',
  summary: 'Attach a file (PDF, Word, text, image) to a case or to one of its records, its text read for search',
  description: [
    `PATH is the file to attach: its type comes from its extension. Parley takes ${acceptedTypesInWords()}, at most ${formatFileSize(MAX_ATTACHMENT_BYTES)}; anything else is refused and nothing is written.`,
    '--to KIND:ID attaches it to a record of the case (a note, a meeting, an issue ...; the id may be shortened to a unique start), otherwise to the case itself. The text of a PDF, Word document or text file is read, offline, before the command returns, so that `parley search` finds words inside it; a file whose text cannot be read (damaged, or protected by a password) is still attached, and the command says why.',
  ],
  args: ['FILE', 'PATH'],
  options: {
    to: { type: 'string', value: 'KIND:ID', help: 'the record to attach it to, e.g. note:3f2a (default: the case itself)' },
    description: { type: 'string', value: 'TEXT', help: 'what the file is, searchable too' },
  },
  library: 'throwaway',
  async run(ctx, [file, source], options) {
    if (source === undefined) throw new UsageError('missing PATH: attach takes the case file and the file to attach', 'attach');
    const bytes = readAttachedFile(source);
    const name = path.basename(source);
    const shown = await ctx.withCase(file!, 'edit', async (info) => {
      const attachedTo = options.to === undefined ? undefined : parseTarget(ctx, info.caseId, options.to);
      const added = ctx.call('attachment.add', {
        caseId: info.caseId, name, mediaType: mediaTypeForFileName(name) ?? 'application/octet-stream', description: options.description ?? null, attachedTo, dataBase64: bytes.toString('base64'),
      });
      await ctx.session.get(info.caseId).textsRead();
      return shownAttachment(ctx, info.caseId, ctx.call('attachment.get', { caseId: info.caseId, id: added.id }));
    });
    ctx.out.result(shown, () => attachedLines(shown));
    return EXIT.ok;
  },
});

export const attachments = defineCommand({
  name: 'attachments',
  summary: 'List the files attached to a case and to its records',
  description: ['Each file with its type, size, what it is attached to and whether its text is searchable. With --json, each attachment\'s record (its text left out, its length given as textLength).'],
  args: ['FILE'],
  options: {},
  library: 'throwaway',
  run(ctx, [file]) {
    const list = ctx.readCase(file!, (info) => ctx.call('attachment.list', { caseId: info.caseId }).map((a) => shownAttachment(ctx, info.caseId, a)));
    ctx.out.result(list, () => listLines(list));
    return EXIT.ok;
  },
});

/** The file's bytes; one too large is refused before it is read, in the sentence the app uses. */
function readAttachedFile(source: string): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(source);
    if (!stat.isFile()) throw new CliError(`cannot read ${source}: it is not a file`, EXIT.cannotOpen);
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${source}: ${fileSystemReason(err) ?? String((err as Error).message)}`, EXIT.cannotOpen);
  }
  const name = path.basename(source);
  if (size > MAX_ATTACHMENT_BYTES) throw new CliError(attachmentRefusal(name, mediaTypeForFileName(name) ?? 'application/octet-stream', size)!);
  return fs.readFileSync(source);
}

/** --to KIND:ID, the id given in full. */
function parseTarget(ctx: CommandContext, caseId: string, text: string): { kind: LinkableKind; id: string } {
  const [kind, id] = text.split(':', 2);
  if (!kind || !id || !(LINKABLE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--to must be KIND:ID, such as note:3f2a, where KIND is one of ${LINKABLE_KINDS.join(', ')}; not "${text}"`, 'attach');
  }
  return { kind: kind as LinkableKind, id: resolveRecordId(ctx, caseId, id, kind as LinkableKind) };
}

function shownAttachment(ctx: CommandContext, caseId: string, a: RecordOf<'attachment'>): AttachmentShown {
  const { extractedText, ...rest } = a;
  const attachedToTitle = a.attachedToKind && a.attachedToId ? ctx.call('record.resolveId', { caseId, prefix: a.attachedToId, kind: a.attachedToKind }).title : null;
  return { ...rest, textLength: extractedText === null ? null : extractedText.length, attachedToTitle };
}

function placeInWords(a: AttachmentShown): string {
  return a.attachedToKind ? `the ${KINDS[a.attachedToKind].label.toLowerCase()} “${oneLine(a.attachedToTitle)}”` : 'the case';
}

/** Whether its text is searchable, as a sentence. */
function textInWords(a: AttachmentShown): string {
  switch (a.textStatus) {
    case 'extracted': return `Its text is searchable (${count(a.textLength ?? 0, 'character')}).`;
    case 'failed': return oneLine(a.textError);
    case 'none': return 'Parley does not read the text of this type of file.';
    default: return 'Its text is not read yet.';
  }
}

function attachedLines(a: AttachmentShown): string[] {
  const type = acceptedType(a.mediaType)?.label ?? a.mediaType;
  return [`Attached “${oneLine(a.name)}” (${type}, ${formatFileSize(a.size)}) to ${placeInWords(a)} as ${a.id}.`, textInWords(a)];
}

function listLines(list: AttachmentShown[]): string[] {
  if (!list.length) return ['No attachments.'];
  const rows = list.map((a) => [a.id.slice(0, 8), oneLine(a.name), acceptedType(a.mediaType)?.label ?? a.mediaType, formatFileSize(a.size), placeInWords(a), a.textStatus === 'extracted' ? 'searchable' : a.textStatus === 'failed' ? 'text unreadable' : a.textStatus === 'none' ? 'no text' : 'text not read yet']);
  return [`${count(list.length, 'attachment')}:`, ...columns(rows, '  ')];
}
