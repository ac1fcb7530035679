// One open .parley case file: made, opened, copied and closed here, and the operations the API calls on it. What
// they do lives beside it: reads and audited writes (store/record-store.ts), the change path (record-changes.ts)
// with each kind's rules (store/kind-rules.ts), the schedule (deadlines/), imports, verify and the audit trail's
// entries. Every method that changes data runs in one IMMEDIATE transaction, so a change is all there or not at all.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type {
  AttachmentTextState, AuditEntry, CaseInfo, MergeConflictView, MergeSummary, LinksOfRecord, ReceivedReviewComment, ResolvedRecordId, ReviewImport, ScheduleChange, ScheduledDeadline, SearchHit, VerifyReport,
} from '../../shared/api-types.js';
import { KINDS, KIND_NAMES, type KindName, type RecordOf } from '../../shared/records.js';
import { AttachmentTexts, attachmentsAwaitingText, hasText, textJobOf, textStateOf, writeAttachmentText } from './attachments/attachment-texts.js';
import { importRecords } from './case-import.js';
import { catchUp, catchUpWork } from './catch-up.js';
import { closeCaseDatabase, createCaseDatabase, openCaseDatabase, type Db, type OpenOptions } from './db/connection.js';
import { isKeyed, keyOf } from './db/encryption.js';
import { IdleCheckpoint } from './db/idle-checkpoint.js';
import { copyWithKey } from './db/rewrite.js';
import { insertDirective } from './deadlines/date-companions.js';
import { changeReminder, type ReminderChange } from './deadlines/reminder-state.js';
import { scheduleOf } from './deadlines/schedule-changes.js';
import { ParleyError, toParleyError, unlessDamaged } from './errors.js';
import { importReviewComments, receivedReviewComments, refuseOtherCase } from './received-comments.js';
import { RecordChanges, type NewAttachment } from './record-changes.js';
import { linksOf } from './record-links.js';
import type { CommentsFile } from './review-comments-file.js';
import { readAttachment } from './store/attachment-bytes.js';
import { auditEntriesOf, auditHashAt, recentAuditEntries } from './store/audit-trail.js';
import { changeLogBehind, establishCopy, fillChangeLog, newCopy } from './store/change-log.js';
import { listConflicts, openConflictCount, resolveConflict, type ConflictChoice } from './merge/conflicts.js';
import { changesFrom, changesOfOtherCopy } from './merge/copies.js';
import { mergeChanges, type IncomingChanges, type MergeOptions } from './merge/merge-changes.js';
import type { ChangeOptions } from './store/change-context.js';
import type { FieldOf } from './store/kind-sql.js';
import { resolveRecordId } from './record-ids.js';
import { now, RecordStore, throwNoDirective, titleOf, type FieldsRead, type ListOptions } from './store/record-store.js';
import type { StoredRecord } from './store/record-table.js';
import { searchCase } from './store/search-index.js';
import { readAsStored } from './store/snapshot.js';
import { verifyCase } from './verify-case.js';
import { deletedRecords, deletionImpact } from './deletion.js';
import { UndoHistory } from './undo-history.js';
import type { DeletedRecord, DeletionImpact } from '../../shared/deletion.js';

export class CaseFile {
  private readonly records: RecordStore;
  private readonly changes: RecordChanges;
  readonly caseId: string;
  /** Opened for review (see Session.openForReview): read-only, with comments kept outside the file. */
  review = false;
  /** The changes made through the record verbs while the case is open, to undo and redo (see undo-history.ts). */
  readonly undoHistory = new UndoHistory();
  /** Attachments whose text is being read, in a worker thread (attachments/attachment-texts.ts). */
  private readonly attachmentTexts = new AttachmentTexts({
    job: (id) => (this.isOpen ? textJobOf(this.records, id) : null),
    write: (id, sha256, reading, actor) => {
      if (this.isOpen) this.inTransaction(() => writeAttachmentText(this.records, id, sha256, reading, actor));
    },
  });

  /**
   * The passphrase of an encrypted file, kept in memory while it is open (null for a plain file) so that a
   * consistent copy of it can be read from a second connection: "export for transfer". Never written or shown.
   */
  readonly #passphrase: string | null;

  /** Folds the WAL into the file once writes pause, not inside an edit (db/idle-checkpoint.ts); none when read-only. */
  private readonly checkpoint: IdleCheckpoint | null;

  private constructor(
    readonly path: string,
    private readonly db: Db,
    readonly readOnly: boolean,
    passphrase: string | undefined,
  ) {
    this.records = new RecordStore(db);
    this.caseId = this.meta('case_id') ?? '';
    this.changes = new RecordChanges(this.records, this.caseId);
    this.#passphrase = isKeyed(db) ? passphrase ?? null : null;
    this.checkpoint = readOnly ? null : new IdleCheckpoint(db);
  }

  /** Makes a new case file holding its directive; encrypted if a passphrase is given. */
  static create(path: string, directive: Record<string, unknown>, actor: string, passphrase?: string): CaseFile {
    const at = now();
    const key = createCaseDatabase(path, { caseId: randomUUID(), actor, at }, (db) => {
      const records = new RecordStore(db);
      db.transaction(() => {
        newCopy(db, path);
        insertDirective(records, directive, actor, at);
      }).immediate();
    }, passphrase);
    return CaseFile.open(path, { skipIntegrityCheck: true, passphrase, key });
  }

  /**
   * Makes a new case file holding the records of an export (transfer.ts parses them), each as it was exported: its
   * id, versions, authors and times, deleted or not. Every rule a change through the API meets holds for them too,
   * checked once all are in (a record may point at one later in the export); anything that breaks one leaves no
   * file. `bytesOf` gives an attachment's bytes; the file is encrypted under `passphrase` if one is given.
   */
  static createFrom(path: string, caseId: string, records: ReadonlyMap<KindName, StoredRecord[]>, bytesOf: (attachment: StoredRecord) => Buffer, by: { actor: string; reason: string }, passphrase?: string): CaseFile {
    const key = createCaseDatabase(path, { caseId, actor: by.actor, at: now() }, (db) => {
      db.transaction(() => newCopy(db, path)).immediate();
      // Not yet a file anyone has open: a change path over it lends the import the rules and the write path.
      importRecords(new RecordChanges(new RecordStore(db), caseId), records, bytesOf, by);
    }, passphrase);
    return CaseFile.open(path, { skipIntegrityCheck: true, passphrase, key });
  }

  static open(path: string, opts: OpenOptions = {}): CaseFile {
    const db = openCaseDatabase(path, opts);
    try {
      const cf = new CaseFile(path, db, !!opts.readOnly, opts.passphrase);
      cf.shownDirective(); // there, and what every opening shows of it reads
      if (!opts.readOnly) cf.readyForChanges();
      return cf;
    } catch (err) {
      // The first read of the case's own tables (a file opened read-only is not checked first) met damage. Closed as
      // any case is, so that a refused file is left as one self-contained file.
      closeCaseDatabase(db);
      throw toParleyError(err);
    }
  }

  /**
   * Before any change: the file knows which copy it is (a copy made with the file manager becomes a copy of its own
   * here), and every audit entry made before copies merged has its change (store/change-log.ts).
   */
  private readyForChanges(): void {
    establishCopy(this.db, this.path);
    if (changeLogBehind(this.db)) this.db.transaction(() => fillChangeLog(this.db)).immediate();
  }

  /** The file is encrypted at rest. */
  get encrypted(): boolean {
    return isKeyed(this.db);
  }

  /**
   * Writes a consistent copy of this file as it is now to `target` (which must not exist): encrypted under
   * `passphrase`, or plain if that is null. Edits may go on meanwhile; the copy is one snapshot.
   */
  copyTo(target: string, passphrase: string | null): void {
    copyWithKey(this.path, keyOf(this.db) ?? null, target, passphrase);
  }

  /**
   * Writes a consistent copy of this file as it is now to `target` (which must not exist) under this file's own key
   * (a plain file's copy is plain, an encrypted file's is encrypted under the same passphrase), then opens the copy
   * as anyone will open it (read-only, with that passphrase) and gives it to `check` before closing it again. The
   * passphrase itself never leaves this instance. See case-copy.ts (Save a Copy As).
   */
  copyUnderOwnKey<T>(target: string, check: (copy: CaseFile) => T): T {
    const key = copyWithKey(this.path, keyOf(this.db) ?? null, target, this.#passphrase);
    const copy = CaseFile.open(target, { readOnly: true, passphrase: this.#passphrase ?? undefined, key });
    try {
      return check(copy);
    } finally {
      copy.close();
    }
  }

  close(): void {
    this.attachmentTexts.stop();
    this.checkpoint?.stop();
    closeCaseDatabase(this.db);
  }

  /** Runs `read` on exactly the state the file's own bytes hold (a custody certificate): see store/snapshot.ts. */
  readAsStored<T>(read: () => T): T {
    return readAsStored(this.db, this.path, this.readOnly, read);
  }

  /** The stored hash of the audit entry numbered `seq`, or null if the trail has no such entry. */
  auditHashAt(seq: number): string | null {
    return auditHashAt(this.db, seq);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  private meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM case_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? undefined;
  }

  private inTransaction<T>(fn: () => T): T {
    if (this.readOnly) throw new ParleyError('read_only', 'This case file is open read-only; nothing can be changed in it.');
    const result = this.db.transaction(fn).immediate();
    this.checkpoint?.wrote();
    return result;
  }

  // ---- reading ---------------------------------------------------------------------------------------------

  get<K extends KindName>(kind: K, id: string): RecordOf<K> {
    return this.records.get(kind, id);
  }

  /** The record, live or deleted, or null if the file does not hold it (purged, or never here). */
  find<K extends KindName>(kind: K, id: string): RecordOf<K> | null {
    return this.records.find(kind, id);
  }

  /** What deleting the record would take with it (see deletion.ts). */
  deletionImpact(kind: KindName, id: string): DeletionImpact {
    return deletionImpact(this.db, this.records, kind, id);
  }

  /** The deleted records, newest first, each with what went with it: the Recently deleted view. */
  deletedRecords(limit: number): DeletedRecord[] {
    return deletedRecords(this.db, this.records, limit);
  }

  directive(): RecordOf<'directive'> {
    return this.records.directive();
  }

  /** Live records of a kind with only some fields (see RecordTable.listFields), in the order `list` gives them;
   *  `where` is SQL from the code. */
  listFields<K extends KindName, F extends FieldOf<K>>(kind: K, fields: readonly F[], where = 'TRUE'): FieldsRead<K, F>[] {
    return this.records.listFields(kind, fields, where);
  }

  list<K extends KindName>(kind: K, opts: ListOptions = {}): RecordOf<K>[] {
    const fields = KINDS[kind].fields as Record<string, unknown>;
    for (const name of Object.keys(opts.filter ?? {})) {
      // An own field only: "constructor" is in every object.
      if (!Object.hasOwn(fields, name)) throw new ParleyError('invalid_input', `${KINDS[kind].plural} cannot be filtered by "${name}".`);
    }
    const { filter, includeDeleted, limit = 100_000, offset } = opts;
    return this.records.list(kind, { filter, includeDeleted, limit, offset });
  }

  /** The directive's title and status, which every opening shows. */
  private shownDirective(): Pick<RecordOf<'directive'>, 'title' | 'status'> {
    // Only the fields shown: a damaged cell elsewhere in the directive must not keep the file from opening read-only.
    return this.listFields('directive', ['title', 'status'])[0] ?? throwNoDirective();
  }

  info(): CaseInfo {
    const d = this.shownDirective();
    const counts: CaseInfo['counts'] = {};
    for (const kind of KIND_NAMES) {
      // A damaged file can be open read-only; the count of a table that cannot be read is left out.
      const n = unlessDamaged<number | null>(() => this.records.count(kind), () => null);
      if (n !== null) counts[kind] = n;
    }
    const head = this.meta('audit_head') ?? '';
    return {
      caseId: this.caseId,
      path: this.path,
      readOnly: this.readOnly,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      title: d.title,
      status: d.status,
      createdAt: this.meta('created_at') ?? '',
      counts,
      auditEntries: head ? Number(head.split(':')[0]) : 0,
      auditHead: head,
      review: this.review,
      encrypted: this.encrypted,
      // A file older than copies that merge, open read-only, has no conflicts table.
      openConflicts: unlessDamaged<number>(() => openConflictCount(this.records), () => 0),
    };
  }

  search(text: string, limit = 50): SearchHit[] {
    return searchCase(this.db, text, limit);
  }

  /** Every audit entry about one record, oldest first. */
  history(recordId: string): AuditEntry[] {
    return auditEntriesOf(this.db, recordId);
  }

  /** The newest audit entries of the whole case, newest first ("what changed recently"). */
  recentChanges(limit: number, beforeSeq?: number): AuditEntry[] {
    return recentAuditEntries(this.db, limit, beforeSeq);
  }

  /** The links from and to a record, each with the title of the record at its other end. */
  links(kind: KindName, id: string): LinksOfRecord {
    return linksOf(this.records, this.caseId, kind, id);
  }

  /** An attachment's bytes, only if they are the ones its record (and so the audit trail) describes. */
  readAttachment(id: string): { name: string; mediaType: string; bytes: Buffer } {
    return readAttachment(this.records, id);
  }

  /** The one record (of `kind` if given) whose id starts with `prefix`; refused if none or several do. */
  resolveId(prefix: string, kind?: KindName): ResolvedRecordId {
    return resolveRecordId(this.records, prefix, kind);
  }

  /** The title a record goes by (as lists and links show it), or null if the case does not hold it. */
  recordTitle(kind: KindName, id: string): string | null {
    const rec = this.records.find(kind, id);
    return rec ? titleOf(kind, rec) : null;
  }

  /**
   * The passphrase an encrypted case was opened with, null for a plain case: the comments of a review of it are
   * sealed with it, so that they are as protected as the case (see review-comments-file.ts).
   */
  sealingPassphrase(): string | null {
    return this.#passphrase;
  }

  /** The review comments imported into the case, oldest comment first, each with whether its record is still here. */
  receivedReviewComments(): ReceivedReviewComment[] {
    return receivedReviewComments(this.records);
  }

  /** Every rule-built deadline's formula and explanation, as the engine gives them from the stored records. */
  schedule(): ScheduledDeadline[] {
    return scheduleOf(this.changes.schedule);
  }

  /** Integrity of the file, its foreign keys, the rules between records, and the audit chain against the records. */
  verify(): VerifyReport {
    return verifyCase(this.records, this.caseId);
  }

  /** Exposed for the library's cross-case queries, which read many files with plain SQL. */
  get connection(): Db {
    return this.db;
  }

  // ---- changing --------------------------------------------------------------------------------------------

  /** Takes a reviewer's comments into the case (review.import): see received-comments.ts. */
  importReviewComments(file: CommentsFile, actor: string): ReviewImport {
    refuseOtherCase(file, this.caseId);
    return this.inTransaction(() => importReviewComments(this.changes, file, actor));
  }

  /** Marks a review comment dealt with, or open again; audited like any change. Already so, it is left as it is. */
  resolveReviewComment(id: string, resolved: boolean, actor: string, opts: ChangeOptions = {}): RecordOf<'reviewComment'> {
    const now = this.get('reviewComment', id);
    if ((now.resolvedAt !== null) === resolved) return now;
    return this.update('reviewComment', id, resolved ? { resolvedAt: new Date().toISOString(), resolvedBy: actor } : { resolvedAt: null, resolvedBy: null }, actor, opts);
  }

  create<K extends KindName>(kind: K, fields: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): RecordOf<K> {
    return this.inTransaction(() => this.changes.create(kind, fields, actor, opts)) as RecordOf<K>;
  }

  update<K extends KindName>(kind: K, id: string, changes: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): RecordOf<K> {
    return this.updateFrom(kind, id, changes, actor, opts).record;
  }

  /** An update, with the record as it was before it (for the undo history), read once, in the change's transaction. */
  updateFrom<K extends KindName>(kind: K, id: string, changes: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): { before: RecordOf<K>; record: RecordOf<K> } {
    const { before, record } = this.inTransaction(() => this.changes.update(kind, id, changes, actor, opts));
    return { before: before as RecordOf<K>, record: record as RecordOf<K> };
  }

  /**
   * An update and, when the user confirmed them (`confirmMoves`, with a reason), the moves of every deadline that
   * hangs on the record, in one transaction; each moved deadline's audit entry carries the reason.
   */
  updateWithMoves(kind: KindName, id: string, changes: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): ScheduleChange {
    const { before: _before, ...change } = this.inTransaction(() => this.changes.update(kind, id, changes, actor, opts));
    return change;
  }

  /** What an update would store and which deadlines it would move, without changing anything. */
  previewUpdate(kind: KindName, id: string, changes: Record<string, unknown>, opts: ChangeOptions = {}): ScheduleChange {
    const { after, schedule } = this.changes.planUpdate(kind, id, changes, opts);
    return { record: after, moves: schedule.moves };
  }

  /** Fills in, audited, what migration 0007 added for records made before it (see catch-up.ts); cheap when there is nothing. */
  catchUp(actor: string): void {
    const work = catchUpWork(this.records);
    if (work) this.inTransaction(() => catchUp(this.records, work, actor));
  }

  /** Snoozes a reminder until an instant, or dismisses it: kept on its deadline, through the write path. */
  changeReminder(key: string, change: ReminderChange, actor: string): RecordOf<'deadline'> {
    return this.inTransaction(() => changeReminder(this.records, key, change, actor));
  }

  /** Soft delete: the record leaves every list and the search index, and can be restored. */
  delete(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): StoredRecord {
    return this.inTransaction(() => this.changes.delete(kind, id, actor, opts));
  }

  restore(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): StoredRecord {
    return this.inTransaction(() => this.changes.restore(kind, id, actor, opts));
  }

  /** Hard delete, only when asked for; links and sharing choices go with the record (see RecordChanges.purge). */
  purge(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): void {
    this.inTransaction(() => this.changes.purge(kind, id, actor, opts));
  }

  /** A new attachment (see RecordChanges.addAttachment); its text is read afterwards, in a worker thread. */
  addAttachment(input: NewAttachment, actor: string): RecordOf<'attachment'> {
    const rec = this.inTransaction(() => this.changes.addAttachment(input, actor));
    if (rec.textStatus === 'pending') this.attachmentTexts.read([rec.id], actor);
    return rec;
  }

  /**
   * Starts reading the text of every attachment still waiting for it: added when the case was last closed before its
   * text was read, brought by a merge or an import, or made before Parley read text (an image of then is marked 'none'
   * at once). Opening a case for editing and merging call it.
   */
  readAwaitingTexts(actor: string): void {
    if (this.readOnly) return;
    const awaiting = attachmentsAwaitingText(this.records);
    const withoutText = awaiting.filter((a) => !hasText(a.mediaType));
    if (withoutText.length) {
      this.inTransaction(() => {
        for (const a of withoutText) writeAttachmentText(this.records, a.id, this.records.get('attachment', a.id).sha256, { status: 'none' }, actor);
      });
    }
    this.attachmentTexts.read(awaiting.filter((a) => hasText(a.mediaType)).map((a) => a.id), actor);
  }

  /** Resolves once the texts being read are written (the command line waits for them before closing the case). */
  textsRead(): Promise<void> {
    return this.attachmentTexts.settled();
  }

  /** Where reading an attachment's text stands. */
  attachmentTextState(id: string): AttachmentTextState {
    return textStateOf(this.records, id);
  }

  // ---- copies and merging (merge/) ---------------------------------------------------------------------------

  /**
   * Takes in the changes of another copy this one lacks (read from the other file, which is never modified), or
   * with `preview`, works the merge out in full and changes nothing: the same transaction, rolled back.
   */
  mergeCopy(from: string, passphrase: string | undefined, actor: string, opts: MergeOptions & { preview?: boolean } = {}): MergeSummary {
    if (path.resolve(from) === path.resolve(this.path)) throw new ParleyError('invalid_input', 'That is this very file: choose another copy of the case to merge.');
    const incoming = changesOfOtherCopy(from, passphrase ?? this.#passphrase ?? undefined, this.db, this.caseId);
    return this.mergeChanges(incoming, actor, opts);
  }

  /** Takes in changes (a bundle's, or another copy's), or previews doing so; see mergeCopy. */
  mergeChanges(incoming: IncomingChanges, actor: string, opts: MergeOptions & { preview?: boolean } = {}): MergeSummary {
    if (!opts.preview) {
      const merged = this.inTransaction(() => mergeChanges(this.changes, incoming, actor, opts));
      this.readAwaitingTexts(actor); // attachments the other copy added before reading their text
      return { ...merged, preview: false };
    }
    // A preview is the merge itself, its moves taken as confirmed, then rolled back.
    let summary: Omit<MergeSummary, 'preview'> | undefined;
    try {
      this.inTransaction(() => {
        summary = mergeChanges(this.changes, incoming, actor, { ...opts, confirmMoves: true, reason: opts.reason || 'preview' });
        throw new PreviewDone();
      });
    } catch (err) {
      if (!(err instanceof PreviewDone)) throw err;
    }
    return { ...summary!, preview: true };
  }

  /** This copy's changes (all, or those made since an instant or day), with what a bundle carries beside them. */
  changesForBundle(since?: string): IncomingChanges {
    // As the instants are written (UTC, with milliseconds), so that they compare as text; a day is from its start in UTC.
    const from = since ? new Date(since.length === 10 ? `${since}T00:00:00.000Z` : since).toISOString() : null;
    return changesFrom(this.db, this.caseId, () => true, (c) => from === null || c.at >= from);
  }

  /** The conflicts merges kept, open. */
  conflicts(): MergeConflictView[] {
    return listConflicts(this.records);
  }

  /** Resolves a conflict by keeping one side or writing a new value; audited (see merge/conflicts.ts). */
  resolveConflict(id: number, choice: ConflictChoice, actor: string, opts: { reason?: string; confirmMoves?: boolean } = {}): MergeConflictView[] {
    this.inTransaction(() => resolveConflict(this.changes, id, choice, actor, opts));
    return this.conflicts();
  }
}

/** Ends a merge preview's transaction, so that it rolls back. */
class PreviewDone extends Error {}
