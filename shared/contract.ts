// The API contract: every operation's name, its input schema and its output type. The core's dispatcher, the
// Electron preload and IPC registration, the browser harness and the command line are all driven by this list,
// so an operation is added here once, with its handler in electron/core/api/handlers.ts.
import { MAX_ATTACHMENT_BYTES } from './attachments.js';
import { z } from 'zod';
import type {
  AttachmentTextState, AuditEntry, BriefPreview, CaseInfo, ChangesExported, MergeConflictView, MergeSummary, CaseSearchHit, CertificateComparison, CertifiedState, CustodyCertificate, Dashboard, DueReminderView, KeyDates, LibraryEntry, LibraryIndexProgress, LinksOfRecord, ReviewPrompt,
  LockedCase, ReceivedReviewComment, ResolvedRecordId, ReviewComment, ReviewImport, ScheduleChange, ScheduledDeadline, SearchHit, SharingChoiceInForce, UpcomingReminder,
  VerifyReport,
} from './api-types.js';
import { CALENDAR_CONTENTS, type CalendarContent, type CalendarTally } from './calendar.js';
import type { Digest } from './digest.js';
import { MEETING_BRIEF_SECTION_IDS } from './documents/brief-sections.js';
import { profileInputSchema, settingsInputSchema, type ProfileInfo } from './profile.js';
import { briefSectionListSchema, templateIdSchema, templateTitleSchema, type FirmTemplateInfo, type TemplateListing } from './templates.js';
import { DocumentSchema, type DocumentNode } from './documents/model.js';
import { CONFIDENCE_LEVELS, DISCLOSABLE_KINDS, DRAFT_TYPES, LINKABLE_KINDS, REVIEWABLE_KINDS, SHARING_CHOICES } from './enums.js';
import { auditHeadText, createSchemaOf, isoDate, recordId, sha256Text, timeOfDay, timeZone, updateSchemaOf, type Shape } from './fields.js';
import {
  COMPUTED_FIELDS, KINDS, KIND_NAMES, MAX_REVIEW_COMMENT_LENGTH, type CreatableKind, type CreateInputOf, type DeletableKind, type KindName,
  type ListableKind, type RecordOf, type UpdatableKind, type UpdateInputOf,
} from './records.js';
import type { RecordSharing } from './sharing.js';
import { DELETABLE_KIND_NAMES, type DeletedRecord, type DeletionImpact, type UndoOutcome, type UndoState } from './deletion.js';

/** An operation: the schema its input must pass, and (as a type only) what it returns. */
export interface OpDef<I = unknown, O = unknown> {
  input: z.ZodType<I>;
  /** Never set; carries the output type. */
  readonly output?: O;
}

function op<O>() {
  return <S extends z.ZodType>(input: S): OpDef<z.output<S>, O> => ({ input }) as OpDef<z.output<S>, O>;
}

export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  dataBase64: string;
}

const caseId = recordId.describe('the case id returned by case.open or case.create');
const casePath = z.string().min(1).max(4_096).refine((p) => !p.includes('\0'), 'must not contain NUL characters');
/** A case file's new name in its own folder: no folders in it, nothing hidden. */
const caseFileName = z
  .string()
  .trim()
  .min(1, 'give the new name')
  .max(200)
  .refine((n) => !/[/\\\0]/.test(n), 'must be a file name without folders (no / or \\)')
  .refine((n) => !n.startsWith('.'), 'must not begin with a dot');
const reason = z.string().max(10_000).optional();
const expectedVersion = z.number().int().min(1).optional();
/** A passphrase that opens an encrypted file: any length (the file decides whether it is right). */
const passphrase = z.string().min(1).max(1_024);
/** A passphrase a file is to be encrypted with. */
const newPassphrase = z.string().min(8, 'must be at least 8 characters').max(1_024);

// The largest attachment (shared/attachments.ts): 25 MiB, what e-mail usually carries. Every way in keeps the whole
// call in memory several times over while it is read, checked, decoded and written (the harness's body, the parsed
// string, the decoded bytes, SQLite's copy), so the limit is what the browser harness and Electron's IPC carry
// without the process growing by gigabytes.
export { MAX_ATTACHMENT_BYTES };
/** The base64 text of the largest attachment. */
export const MAX_ATTACHMENT_BASE64_LENGTH = 4 * Math.ceil(MAX_ATTACHMENT_BYTES / 3);
const ATTACHMENT_TOO_LARGE = `an attachment can be at most 25 MB (${MAX_ATTACHMENT_BYTES.toLocaleString('en-US')} bytes); this one is larger`;

/**
 * Whether a text is base64 (padded). A loop over the characters rather than z.base64()'s regular expression, which
 * takes seconds over the 33 million characters of a 25 MB file, all of it on the thread that answers calls.
 */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const end = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const base64 = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!base64) return false;
  }
  return true;
}

/** The largest review comments file, in bytes, and as base64 (see electron/core/review-comments-file.ts). */
export const MAX_COMMENTS_FILE_BYTES = 20 * 1024 * 1024;
const MAX_COMMENTS_FILE_BASE64_LENGTH = 4 * Math.ceil(MAX_COMMENTS_FILE_BYTES / 3);
const COMMENTS_FILE_TOO_LARGE = 'a review comments file can be at most 20 MB; this one is larger';

// ---- case files, search, history, links, attachments, the library ----------------------------------------------

const directiveCreate = createSchemaOf(KINDS.directive.fields as Shape);

export const CaseExportSchema = z.object({
  format: z.literal('parley-case-export'),
  formatVersion: z.literal(1),
  caseId: recordId,
  exportedAt: z.string(),
  schemaVersion: z.number().int(),
  records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  attachments: z.record(z.string(), z.string()).optional(),
});
export type CaseExport = z.infer<typeof CaseExportSchema>;

/**
 * A custody certificate given back to be compared with (written by `verify --certificate --json`, case.certificate
 * or export for transfer). Every field a certificate has always had is required; caseId is not, since certificates
 * written before it was added lack it. Keys not named here are dropped, so later certificates still read. Each text
 * is held to its form, since the CLI prints some of them.
 */
export const CertificateSchema = z.object({
  caseId: recordId.optional(),
  fileName: z.string().max(4_096),
  path: z.string().max(4_096),
  sha256: sha256Text,
  auditHead: auditHeadText,
  auditEntries: z.number().int().min(0),
  // Only kinds of record Parley has: a key such as "constructor" would otherwise read as a count of something.
  recordCounts: z.record(z.string().refine((k) => (KIND_NAMES as readonly string[]).includes(k)), z.number().int().min(0)),
  schemaVersion: z.number().int().min(0),
  encrypted: z.boolean(),
  issuedAt: z.iso.datetime(),
}) satisfies z.ZodType<CertifiedState>;

/**
 * A change that may move deadlines: to a trigger (an event, a deadline, a meeting: its date, its rule or its trigger)
 * or to the case's calendar and dates (the directive), as update takes it; or one of a deadline's own steps:
 * `dateDeadline` gives a deadline (TBD or not) its date by hand, `tbdDeadline` makes it not yet known again, with
 * the window it is expected in. A meeting's own deadline is dated through its meeting.
 */
const scheduleChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('deadline'), id: recordId, changes: updateSchemaOf(userShape('deadline')) }),
  z.strictObject({ kind: z.literal('event'), id: recordId, changes: updateSchemaOf(userShape('event')) }),
  z.strictObject({ kind: z.literal('meeting'), id: recordId, changes: updateSchemaOf(userShape('meeting')) }),
  z.strictObject({ kind: z.literal('directive'), changes: updateSchemaOf(userShape('directive')) }),
  z.strictObject({ kind: z.literal('dateDeadline'), id: recordId, dueDate: isoDate, dueTime: timeOfDay.optional(), timeZone: timeZone.optional() }),
  z.strictObject({
    kind: z.literal('tbdDeadline'), id: recordId, windowStart: isoDate.optional(), windowEnd: isoDate.optional(),
    confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  }),
]);
export type ScheduleChangeInput = z.infer<typeof scheduleChange>;
const reminderKey = z.string().min(1).max(300);
/** Sections of a meeting brief the user leaves out (the shareable preview's checklist). */
const leaveOut = z.array(z.enum(MEETING_BRIEF_SECTION_IDS)).max(MEETING_BRIEF_SECTION_IDS.length).optional();
/** The sections of a meeting brief chosen, in the order chosen (the dialog's list, a brief template). */
const sections = briefSectionListSchema.optional();
const BUILT_IN_TEMPLATES = ['positionPaper', 'agencyLetter', 'internalMemo'] as const;

export interface IcsExport {
  fileName: string;
  /** The calendar, RFC 5545 text. */
  text: string;
  /** How many entries are on it (deadlines, meetings and action items with a date). */
  events: number;
  /** The kinds of entries asked for. */
  included: CalendarContent[];
  /** How many of each kind are on it, and what was left out and why (shared/calendar.ts says it in words). */
  tally: CalendarTally;
  /** Case files of the library that could not be read, and why. */
  problems: { path: string; message: string }[];
  /**
   * Case files of the library left out on purpose: 'locked' is an encrypted file that is not open, so there is no
   * passphrase to read it with. Opening it and exporting again puts its deadlines in.
   */
  skipped: { path: string; reason: 'locked' }[];
}

export const STATIC_OPERATIONS = {
  'case.create': op<CaseInfo>()(z.strictObject({ path: casePath, directive: directiveCreate, passphrase: newPassphrase.optional() })),
  'case.open': op<CaseInfo>()(z.strictObject({ path: casePath, readOnly: z.boolean().optional(), passphrase: passphrase.optional() })),
  'case.close': op<null>()(z.strictObject({ caseId })),
  'case.info': op<CaseInfo>()(z.strictObject({ caseId })),
  'case.listOpen': op<CaseInfo[]>()(z.strictObject({})),
  'case.verify': op<VerifyReport>()(z.strictObject({ caseId })),
  'case.export': op<CaseExport>()(z.strictObject({ caseId, includeAttachments: z.boolean().optional() })),
  'case.import': op<CaseInfo>()(z.strictObject({ path: casePath, data: CaseExportSchema })),
  'case.search': op<SearchHit[]>()(z.strictObject({ caseId, query: z.string().max(1_000), limit: z.number().int().min(1).max(500).optional() })),
  'case.recentChanges': op<AuditEntry[]>()(
    z.strictObject({ caseId, limit: z.number().int().min(1).max(1_000).optional(), beforeSeq: z.number().int().min(1).optional() }),
  ),
  'case.keyDates': op<KeyDates>()(z.strictObject({ caseId, today: isoDate })),
  // Issues to review since a watch item linked to them moved (its stage, or marked triggered).
  'issue.reviewPrompts': op<ReviewPrompt[]>()(z.strictObject({ caseId })),
  'record.history': op<AuditEntry[]>()(z.strictObject({ caseId, id: recordId })),
  'record.resolveId': op<ResolvedRecordId>()(
    z.strictObject({ caseId, prefix: z.string().min(1).max(36), kind: z.enum(KIND_NAMES as [KindName, ...KindName[]]).optional() }),
  ),
  'record.links': op<LinksOfRecord>()(z.strictObject({ caseId, kind: z.enum(LINKABLE_KINDS), id: recordId })),
  // Deleting with care (shared/deletion.ts): what a delete would take with it, the deleted records, and undo/redo
  // of the changes made through the record verbs while the case is open (electron/core/undo-history.ts).
  'record.deletionImpact': op<DeletionImpact>()(z.strictObject({ caseId, kind: z.enum(DELETABLE_KIND_NAMES as [KindName, ...KindName[]]), id: recordId })),
  'case.deleted': op<DeletedRecord[]>()(z.strictObject({ caseId, limit: z.number().int().min(1).max(1_000).optional() })),
  'case.undoState': op<UndoState>()(z.strictObject({ caseId })),
  // `expected`: what the caller showed ("deleting the issue “Scope”"); refused if the last change is now another.
  'case.undo': op<UndoOutcome>()(z.strictObject({ caseId, expected: z.string().max(1_000).optional() })),
  'case.redo': op<UndoOutcome>()(z.strictObject({ caseId, expected: z.string().max(1_000).optional() })),
  'attachment.add': op<RecordOf<'attachment'>>()(
    z.strictObject({
      caseId,
      name: z.string().trim().min(1).max(1_000),
      mediaType: z.string().min(1).max(255),
      description: z.string().max(50_000).nullable().optional(),
      // The record it is attached to; without it, the case itself.
      attachedTo: z.strictObject({ kind: z.enum(LINKABLE_KINDS), id: recordId }).optional(),
      // Only what cannot be a file Parley takes is refused here; the core refuses a file of another type, an empty one
      // or one a few bytes over the limit with its name in the sentence (shared/attachments.ts, attachmentRefusal).
      dataBase64: z.string().max(MAX_ATTACHMENT_BASE64_LENGTH, ATTACHMENT_TOO_LARGE).refine(isBase64, 'must be base64 text'),
    }),
  ),
  // Where reading an attachment's text for search stands (the app asks until it is no longer 'pending').
  'attachment.textState': op<AttachmentTextState>()(z.strictObject({ caseId, id: recordId })),
  'attachment.read': op<{ name: string; mediaType: string; dataBase64: string }>()(z.strictObject({ caseId, id: recordId })),
  'brief.build': op<DocumentNode>()(z.strictObject({ caseId, meetingId: recordId, shareable: z.boolean().optional(), leaveOut, sections })),
  'brief.regenerateSection': op<DocumentNode>()(
    // The edited brief is checked here like any input, so a malformed one is refused before the handler runs.
    z.strictObject({ caseId, meetingId: recordId, shareable: z.boolean().optional(), leaveOut, sections, document: DocumentSchema, sectionId: z.string().max(64) }),
  ),
  // The shareable brief before it is written: its sections (in, left out, internal) with what the sharing rules
  // leave out of each, and warnings about shareable texts that quote internal ones.
  'brief.preview': op<BriefPreview>()(z.strictObject({ caseId, meetingId: recordId, leaveOut, sections })),
  // Who may see a record and each of its fields (shared/sharing.ts); a person's choice, audited.
  'sharing.get': op<RecordSharing>()(z.strictObject({ caseId, kind: z.enum(DISCLOSABLE_KINDS), id: recordId })),
  'sharing.set': op<RecordSharing>()(
    z.strictObject({
      caseId, kind: z.enum(DISCLOSABLE_KINDS), id: recordId,
      // The field chosen for; without one, the record as a whole.
      field: z.string().regex(/^[a-zA-Z]{1,64}$/, 'must be a field name').nullable().optional(),
      level: z.enum(SHARING_CHOICES),
      reason,
    }),
  ),
  'sharing.list': op<SharingChoiceInForce[]>()(z.strictObject({ caseId })),
  // A built-in template (`template`) or one of the firm's (`templateId`, as template.list gives it), filled from the case.
  'template.fill': op<{ title: string; draftType: string; shareable: boolean; doc: DocumentNode; missing: string[]; unresolved: string[] }>()(
    z.strictObject({ caseId, template: z.enum(BUILT_IN_TEMPLATES).optional(), templateId: templateIdSchema.optional() })
      .refine((i) => (i.template === undefined) !== (i.templateId === undefined), { path: ['template'], message: 'give either a built-in template or one of the firm\'s, not both' }),
  ),
  // The firm's templates, files in the templates folder of the data folder (shared/templates.ts): drafts saved as
  // templates and brief templates. The core makes each file's name; a caller names a template by its id only.
  'template.list': op<TemplateListing>()(z.strictObject({})),
  'template.save': op<FirmTemplateInfo>()(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('draft'), title: templateTitleSchema, draftType: z.enum(DRAFT_TYPES), shareable: z.boolean(), document: DocumentSchema }),
      z.strictObject({ kind: z.literal('brief'), title: templateTitleSchema, sections: briefSectionListSchema }),
    ]),
  ),
  'template.rename': op<FirmTemplateInfo>()(z.strictObject({ templateId: templateIdSchema, title: templateTitleSchema })),
  'template.remove': op<null>()(z.strictObject({ templateId: templateIdSchema })),
  'brief.export': op<ExportedFile>()(
    z.strictObject({
      caseId,
      meetingId: recordId,
      shareable: z.boolean().optional(),
      leaveOut,
      sections,
      format: z.enum(EXPORT_FORMATS),
      marking: z.string().max(200).optional(),
    }),
  ),
  'document.export': op<ExportedFile>()(
    z.strictObject({
      caseId,
      document: DocumentSchema,
      format: z.enum(EXPORT_FORMATS),
      title: z.string().trim().min(1).max(500),
      marking: z.string().max(200).optional(),
      // A draft that leaves the team (draft.shareable): written without record links, under the shareable marking.
      shareable: z.boolean().optional(),
    }),
  ),
  // `today`: the day each case's next deadline is for (the user's today if not given).
  'library.list': op<LibraryEntry[]>()(z.strictObject({ today: isoDate.optional() })),
  'library.forget': op<null>()(z.strictObject({ path: casePath })),
  // Managing a file the library lists: archived (out of the dashboard, search and calendar export, still listed),
  // renamed in its folder (a bare file name; the extension is kept), or duplicated beside itself as another copy of
  // the same case, which can be merged with it later.
  'library.archive': op<null>()(z.strictObject({ path: casePath, archived: z.boolean() })),
  'library.rename': op<{ path: string }>()(z.strictObject({ path: casePath, name: caseFileName })),
  'library.duplicate': op<{ path: string }>()(z.strictObject({ path: casePath })),
  // `firstFew`: each list holds at most its first so many rows (its totals say how many it has in all), so that the
  // answer stays small however large the library; without it, every row.
  'library.dashboard': op<Dashboard>()(
    z.strictObject({ today: isoDate.optional(), withinDays: z.number().int().min(1).max(366).optional(), firstFew: z.number().int().min(1).max(10_000).optional() }),
  ),
  // The Today panel and the daily digest: what falls due now and what others changed since the user last read it
  // (the profile's digestReadAt). `timeZone` is the user's (where their today begins).
  'library.digest': op<Digest>()(z.strictObject({ timeZone: timeZone.optional(), now: z.iso.datetime().optional() })),
  'library.search': op<CaseSearchHit[]>()(z.strictObject({ query: z.string().max(1_000), limit: z.number().int().min(1).max(500).optional() })),
  // Brings the library index up to date for about `budgetMs` (at least one file per call), for a progress bar: the
  // dashboard, list and search bring it up to date themselves before answering.
  'library.prepareIndex': op<LibraryIndexProgress>()(z.strictObject({ budgetMs: z.number().int().min(10).max(5_000).optional() })),
  'schedule.get': op<ScheduledDeadline[]>()(z.strictObject({ caseId })),
  'schedule.preview': op<ScheduleChange>()(z.strictObject({ caseId, change: scheduleChange })),
  'schedule.confirm': op<ScheduleChange>()(
    z.strictObject({ caseId, change: scheduleChange, reason: z.string().trim().min(1, 'give the reason for moving these deadlines').max(10_000), expectedVersion }),
  ),
  'reminder.due': op<DueReminderView[]>()(
    // Without a caseId: the reminders of every open case. `timeZone` is the user's (where a date-only deadline's day begins).
    z.strictObject({ caseId: caseId.optional(), timeZone: timeZone.optional(), now: z.iso.datetime().optional() }),
  ),
  'reminder.snooze': op<RecordOf<'deadline'>>()(z.strictObject({ caseId, key: reminderKey, until: z.iso.datetime() })),
  'reminder.dismiss': op<RecordOf<'deadline'>>()(z.strictObject({ caseId, key: reminderKey })),
  // The reminders of every open case still to come after `now` (snoozed ones at the end of their snooze, dismissed
  // ones left out): what the desktop app plans its notifications from.
  'reminder.upcoming': op<UpcomingReminder[]>()(z.strictObject({ timeZone: timeZone.optional(), now: z.iso.datetime().optional() })),
  'calendar.ics': op<IcsExport>()(
    // The named open cases, or, without caseIds, every case in the library; of each, the kinds of entries in
    // `include` (all of them when it is not given).
    z.strictObject({
      caseIds: z.array(caseId).min(1).max(1_000).optional(),
      include: z.array(z.enum(CALENDAR_CONTENTS)).min(1, 'choose at least one of deadlines, meetings and action items').max(CALENDAR_CONTENTS.length).optional(),
    }),
  ),
  // Review mode: the case opens read-only; comments go to a file of their own in the data folder.
  'case.openForReview': op<CaseInfo>()(z.strictObject({ path: casePath, passphrase: passphrase.optional() })),
  'review.list': op<ReviewComment[]>()(
    z.strictObject({ caseId, recordKind: z.enum(REVIEWABLE_KINDS).optional(), recordId: recordId.optional() }),
  ),
  'review.add': op<ReviewComment>()(
    z.strictObject({ caseId, recordKind: z.enum(REVIEWABLE_KINDS), recordId, text: z.string().trim().min(1).max(MAX_REVIEW_COMMENT_LENGTH) }),
  ),
  'review.resolve': op<ReviewComment>()(z.strictObject({ caseId, id: recordId, resolved: z.boolean() })),
  'review.remove': op<null>()(z.strictObject({ caseId, id: recordId })),
  // Review comments that travel: the reviewer exports them as a file (sealed with the passphrase of an encrypted
  // case); the case's owner imports that file into the case, where each comment is a record, audited.
  'review.export': op<ExportedFile>()(z.strictObject({ caseId })),
  'review.import': op<ReviewImport>()(
    z.strictObject({
      caseId,
      dataBase64: z.base64().max(MAX_COMMENTS_FILE_BASE64_LENGTH, COMMENTS_FILE_TOO_LARGE),
      // The passphrase of the copy the reviewer read, where it is not this case's own (a copy made for transfer).
      passphrase: passphrase.optional(),
    }),
  ),
  'review.received': op<ReceivedReviewComment[]>()(z.strictObject({ caseId })),
  'reviewComment.resolve': op<RecordOf<'reviewComment'>>()(z.strictObject({ caseId, id: recordId, resolved: z.boolean(), expectedVersion })),
  // Who is using Parley: the name written as author of their changes, and their initials (profile.json in the data
  // folder). The next change is written under a name set now.
  'profile.get': op<ProfileInfo>()(z.strictObject({})),
  'profile.set': op<ProfileInfo>()(profileInputSchema),
  // Their settings, kept in the same file: the settings given change, the others stay.
  'settings.set': op<ProfileInfo>()(settingsInputSchema),
  // App lock: every case file closed; the list says what to open again on unlocking.
  'session.lock': op<LockedCase[]>()(z.strictObject({})),
  // Encryption at rest: each writes a new file through a consistent copy and replaces the old one atomically.
  // Only for a file that is not open.
  'case.encrypt': op<{ path: string; encrypted: boolean }>()(z.strictObject({ path: casePath, passphrase: newPassphrase })),
  'case.rekey': op<{ path: string; encrypted: boolean }>()(z.strictObject({ path: casePath, passphrase, newPassphrase })),
  'case.decrypt': op<{ path: string; encrypted: boolean }>()(z.strictObject({ path: casePath, passphrase })),
  // Custody: what a receiver compares to show a file is the one sent, and an encrypted copy made for sending.
  'case.certificate': op<CustodyCertificate>()(z.strictObject({ caseId })),
  'case.exportForTransfer': op<{ path: string; certificate: CustodyCertificate }>()(
    // shareable: a new case (its own id and a fresh history) holding only the shareable projection of this one.
    z.strictObject({ caseId, path: casePath, passphrase: newPassphrase, shareable: z.boolean().optional() }),
  ),
  // Save a Copy As: a checked copy of the open case under its own key, replacing the file at `path`.
  'case.saveCopy': op<{ path: string }>()(z.strictObject({ caseId, path: casePath })),
  // The open case against a certificate made of it earlier: the same file, a faithful continuation, or not.
  'case.verifyAgainst': op<CertificateComparison>()(z.strictObject({ caseId, certificate: CertificateSchema })),

  // Copies of one case that merge (docs/ARCHITECTURE.md, "Copies and merging"). `preview` works a merge out in full
  // and changes nothing; moves of rule-built deadlines need `confirmMoves` with a reason, as other moves do.
  'case.merge': op<MergeSummary>()(
    z.strictObject({ caseId, from: casePath, passphrase: passphrase.optional(), preview: z.boolean().optional(), confirmMoves: z.boolean().optional(), reason }),
  ),
  'changes.export': op<ChangesExported>()(
    z.strictObject({ caseId, path: casePath, since: z.union([isoDate, z.iso.datetime()]).optional().describe('only changes made on or after this day or instant') }),
  ),
  'changes.import': op<MergeSummary>()(
    z.strictObject({ caseId, path: casePath, passphrase: passphrase.optional(), preview: z.boolean().optional(), confirmMoves: z.boolean().optional(), reason }),
  ),
  'conflict.list': op<MergeConflictView[]>()(z.strictObject({ caseId })),
  // Keeps one side (`side`, its index) or writes a new `value`; returns the conflicts still open.
  'conflict.resolve': op<MergeConflictView[]>()(
    z.strictObject({ caseId, id: z.number().int().min(1), side: z.number().int().min(0).optional(), value: z.unknown().optional(), reason, confirmMoves: z.boolean().optional() })
      .refine((i) => (i.side === undefined) !== (i.value === undefined), 'give either side (the value to keep) or value (a new one), not both'),
  ),
};

/** Operations whose handlers return a promise (they print through Chromium or build Word files). */
export type AsyncOpName = 'document.export' | 'brief.export';
export const ASYNC_OPERATIONS: ReadonlySet<string> = new Set<AsyncOpName>(['document.export', 'brief.export']);

// ---- the generic verbs of each record kind ---------------------------------------------------------------------

type Computed<K extends KindName> = K extends 'deadline' ? 'dueAt' | 'reminderState' : K extends 'draftRevision' ? 'revisionNumber' : K extends 'event' ? 'directiveDate' : never;
type CreateOp<K extends CreatableKind> = OpDef<{ caseId: string; fields: Omit<CreateInputOf<K>, Computed<K>>; reason?: string }, RecordOf<K>>;
type IdInput = { caseId: string; id: string };
type ChangeInput = IdInput & { expectedVersion?: number; reason?: string };
export type ListInput = { caseId: string; filter?: Record<string, string | null>; includeDeleted?: boolean; limit?: number; offset?: number };

export type RecordOperations = { [K in CreatableKind as `${K}.create`]: CreateOp<K> } & {
  [K in ListableKind as `${K}.get`]: OpDef<IdInput, RecordOf<K>>;
} & { [K in ListableKind as `${K}.list`]: OpDef<ListInput, RecordOf<K>[]> } & {
  [K in Exclude<UpdatableKind, 'directive'> as `${K}.update`]: OpDef<
    ChangeInput & { changes: Omit<UpdateInputOf<K>, Computed<K>>; meetingId?: string; recordedOn?: string },
    RecordOf<K>
  >;
} & { [K in DeletableKind as `${K}.delete` | `${K}.restore`]: OpDef<ChangeInput, RecordOf<K>> } & {
  [K in DeletableKind as `${K}.purge`]: OpDef<ChangeInput, null>;
} & {
  'directive.get': OpDef<{ caseId: string }, RecordOf<'directive'>>;
  'directive.update': OpDef<{ caseId: string; changes: UpdateInputOf<'directive'>; expectedVersion?: number; reason?: string }, RecordOf<'directive'>>;
};

/** The verbs a kind supports, by its mode (see KindMode in records.ts). */
export function verbsOf(kind: KindName): ('create' | 'get' | 'list' | 'update' | 'delete' | 'restore' | 'purge')[] {
  switch (KINDS[kind].mode) {
    case 'singleton': return ['get', 'update'];
    case 'appendOnly': return ['create', 'get', 'list'];
    case 'attachment': return ['get', 'list', 'update', 'delete', 'restore', 'purge'];
    case 'editable': return ['create', 'get', 'list', 'update', 'delete', 'restore', 'purge'];
    case 'imported': return ['get', 'list'];
  }
}

function userShape(kind: KindName): Shape {
  const computed = new Set(COMPUTED_FIELDS[kind] ?? []);
  return Object.fromEntries(Object.entries(KINDS[kind].fields).filter(([name]) => !computed.has(name))) as Shape;
}

const filterValue = z.string().max(1_000).nullable();

function recordOperations(): Record<string, OpDef> {
  const ops: Record<string, OpDef> = {};
  for (const kind of KIND_NAMES) {
    const shape = userShape(kind);
    const idInput = kind === 'directive' ? { caseId } : { caseId, id: recordId };
    for (const verb of verbsOf(kind)) {
      let input: z.ZodType;
      switch (verb) {
        case 'create': input = z.strictObject({ caseId, fields: createSchemaOf(shape), reason }); break;
        case 'get': input = z.strictObject(idInput); break;
        case 'list':
          input = z.strictObject({
            caseId,
            filter: z.record(z.string(), filterValue).optional(),
            includeDeleted: z.boolean().optional(),
            limit: z.number().int().min(1).max(100_000).optional(),
            offset: z.number().int().min(0).optional(),
          });
          break;
        case 'update':
          input = z.strictObject({ ...idInput, changes: updateSchemaOf(shape), expectedVersion, reason, ...(kind === 'issue' ? { meetingId: recordId.optional(), recordedOn: isoDate.optional() } : {}) });
          break;
        default: input = z.strictObject({ caseId, id: recordId, expectedVersion, reason });
      }
      ops[`${kind}.${verb}`] = { input };
    }
  }
  return ops;
}

export type Contract = typeof STATIC_OPERATIONS & RecordOperations;
export type OpName = keyof Contract & string;
export type SyncOpName = Exclude<OpName, AsyncOpName>;
export type InputOf<N extends OpName> = Contract[N] extends OpDef<infer I, unknown> ? I : never;
export type OutputOf<N extends OpName> = Contract[N] extends OpDef<unknown, infer O> ? O : never;

export const CONTRACT: Readonly<Record<OpName, OpDef>> = { ...STATIC_OPERATIONS, ...recordOperations() } as Record<OpName, OpDef>;
export const OPERATION_NAMES = Object.keys(CONTRACT) as OpName[];

export function isOperationName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.hasOwn(CONTRACT, name);
}
