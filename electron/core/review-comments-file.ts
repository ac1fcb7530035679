// The file a reviewer sends back to the case's owner: the comments made in review mode on one case (kept in the
// reviewer's data folder, see review.ts), with what they are about. It is JSON a person can read: its format and
// version, the case (id, title, audit head of the copy reviewed), who reviewed and when it was exported, and each
// comment with its author, times, text and the record it is about by kind, id and title. A SHA-256 over the
// canonical form of all that is inside the file: a change by anyone who does not recompute it is refused on import.
// It is not a signature; anyone can recompute it (docs/SECURITY.md, "Review mode").
//
// The comments on an encrypted case are as secret as the case, so their file is encrypted with the case's
// passphrase: the same JSON, sealed with AES-256-GCM under a key derived from the passphrase with PBKDF2-HMAC-SHA512
// (SQLCipher 4's derivation, 256,000 iterations, with a random salt), in a JSON envelope that shows only the format
// and the cipher's parameters. GCM authenticates what it seals, so a sealed file changed in any byte does not open.
import { z } from 'zod';
import type { ReviewComment } from '../../shared/api-types.js';
import { MAX_COMMENTS_FILE_BYTES, type ExportedFile } from '../../shared/contract.js';
import { REVIEWABLE_KINDS } from '../../shared/enums.js';
import { auditHeadText, recordId, sha256Text, shortText } from '../../shared/fields.js';
import { safeFileName } from '../../shared/file-names.js';
import { KINDS, MAX_REVIEW_COMMENT_LENGTH, type KindName } from '../../shared/records.js';
import { isoToday } from './today.js';
import { ParleyError } from './errors.js';
import { seal, sealedSchema, unseal } from './sealed-json.js';
import { canonicalJson, sha256Hex } from './store/canonical.js';

export const COMMENTS_FORMAT = 'parley-review-comments';
export const COMMENTS_FORMAT_VERSION = 1;
export const COMMENTS_FILE_EXTENSION = '.parley-comments';

const commentSchema = z
  .strictObject({
    id: recordId,
    author: shortText,
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    resolvedBy: shortText.nullable(),
    about: z.strictObject({ kind: z.enum(REVIEWABLE_KINDS), id: recordId, title: shortText }),
    text: z.string().trim().min(1, 'must not be empty').max(MAX_REVIEW_COMMENT_LENGTH),
  })
  .refine((c) => (c.resolvedAt === null) === (c.resolvedBy === null), 'when a comment was resolved and who resolved it go together: give both or neither');

const commentsSchema = z.strictObject({
  format: z.literal(COMMENTS_FORMAT),
  formatVersion: z.literal(COMMENTS_FORMAT_VERSION),
  caseId: recordId,
  caseTitle: shortText,
  caseAuditHead: auditHeadText,
  reviewer: shortText,
  exportedAt: z.iso.datetime(),
  comments: z.array(commentSchema).max(10_000),
  sha256: sha256Text,
});

/** A comments file as read and checked. */
export type CommentsFile = z.output<typeof commentsSchema>;
/** What a comments file says, before its format, version and SHA-256 are added. */
export type CommentsContent = Omit<z.input<typeof commentsSchema>, 'format' | 'formatVersion' | 'sha256'>;

const SEALED = sealedSchema(COMMENTS_FORMAT, COMMENTS_FORMAT_VERSION);

/** The file's bytes: the content with its SHA-256, as readable JSON; sealed with `passphrase` unless it is null. */
export function commentsFileBytes(content: CommentsContent, passphrase: string | null): Buffer {
  const body = { format: COMMENTS_FORMAT, formatVersion: COMMENTS_FORMAT_VERSION, ...content };
  const json = `${JSON.stringify({ ...body, sha256: sha256Hex(canonicalJson(body)) }, null, 2)}\n`;
  return Buffer.from(passphrase === null ? json : `${JSON.stringify(seal(json, passphrase, COMMENTS_FORMAT, COMMENTS_FORMAT_VERSION), null, 2)}\n`, 'utf8');
}

/**
 * Reads a comments file: opens it with `passphrase` if it is sealed, checks its form and that its content is what
 * its SHA-256 says. Every refusal says why in words; nothing is read from a file that fails any check.
 */
export function readCommentsFile(bytes: Buffer, passphrase: string | null): CommentsFile {
  let value = parsedFile(bytes.toString('utf8'));
  if (isObject(value) && 'encryption' in value) value = parsedFile(unseal(checked(SEALED, value), passphrase, SEALED_WORDS));
  const file = checked(commentsSchema, value);
  const { sha256, ...body } = value as Record<string, unknown>; // as written: the checked copy has its text trimmed
  if (sha256Hex(canonicalJson(body)) !== sha256) {
    throw new ParleyError('damaged', 'These review comments were changed after they were exported: their content no longer matches the SHA-256 the file carries. Nothing was imported; ask the reviewer to export them again.');
  }
  return file;
}

/** What exporting comments reads of the case under review (a CaseFile; named here so this file needs nothing of it). */
export interface CaseUnderReview {
  readonly caseId: string;
  directive(): { title: string };
  info(): { auditHead: string };
  recordTitle(kind: KindName, id: string): string | null;
  sealingPassphrase(): string | null;
}

/**
 * The comments of a case open for review, as the file the reviewer sends back, named by the case, the reviewer and
 * the day; an encrypted case's file leaves out the case's title, which is as secret as the case.
 */
export function exportReviewComments(cf: CaseUnderReview, comments: ReviewComment[], reviewer: string): ExportedFile {
  const caseTitle = cf.directive().title;
  const content: CommentsContent = {
    caseId: cf.caseId,
    caseTitle,
    caseAuditHead: cf.info().auditHead,
    reviewer,
    exportedAt: new Date().toISOString(),
    comments: comments.map((c) => ({
      id: c.id,
      author: c.author,
      createdAt: c.createdAt,
      resolvedAt: c.resolvedAt,
      resolvedBy: c.resolvedBy,
      about: { kind: c.recordKind, id: c.recordId, title: cf.recordTitle(c.recordKind, c.recordId) ?? `${KINDS[c.recordKind].label} not in this copy of the case` },
      text: c.text,
    })),
  };
  const passphrase = cf.sealingPassphrase();
  const bytes = commentsFileBytes(content, passphrase);
  if (bytes.length > MAX_COMMENTS_FILE_BYTES) {
    throw new ParleyError('invalid_input', `These ${comments.length} comments make a file of ${Math.ceil(bytes.length / 1024 / 1024)} MB, more than the 20 MB an import takes: resolve and delete the comments dealt with, then export again.`);
  }
  const stem = `${passphrase === null ? `${caseTitle} - ` : ''}review by ${reviewer} - ${isoToday()}`;
  return {
    fileName: `${safeFileName(stem, 'review comments')}${COMMENTS_FILE_EXTENSION}`,
    mediaType: 'application/json',
    dataBase64: bytes.toString('base64'),
  };
}

const SEALED_WORDS = {
  needPassphrase: 'These review comments are encrypted: give the passphrase of the copy of the case the reviewer read.',
  wrong: 'The passphrase does not open these review comments, or the file was changed after it was exported. Nothing was imported.',
};

/** The file as a value; a file that is not JSON, or another kind of file, is refused as such. */
function parsedFile(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notCommentsFile('it is not JSON');
  }
  if (!isObject(value) || value.format !== COMMENTS_FORMAT) throw notCommentsFile(`it does not say it is "${COMMENTS_FORMAT}"`);
  if (typeof value.formatVersion === 'number' && value.formatVersion > COMMENTS_FORMAT_VERSION) {
    throw new ParleyError('newer_version', `These review comments were written by a newer Parley (format version ${value.formatVersion}); update Parley to import them. Nothing was imported.`);
  }
  return value;
}

function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw notCommentsFile(`${issue.path.join('.') || 'the file'}: ${issue.message}`);
}

function notCommentsFile(why: string): ParleyError {
  return new ParleyError('invalid_input', `This is not a review comments file Parley can read (${why}). Nothing was imported.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
