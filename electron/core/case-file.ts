// One open .parley case file: the domain rules on top of the write path. Every method that changes data runs in
// one IMMEDIATE transaction, so a change is all there or not there at all.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { basename } from 'node:path';
import type { AuditEntry, CaseInfo, LinksOfRecord, ReceivedReviewComment, ReviewImport, ScheduleChange, ScheduledDeadline, SearchHit, VerifyProblem, VerifyReport } from '../../shared/api-types.js';
import { TriggerCycleError, zonedTimeToInstant, type DeadlineInput } from '../../shared/deadlines/index.js';
import { COMPUTED_FIELDS, KINDS, KIND_NAMES, POSITION_SOURCES, type KindName, type RecordOf } from '../../shared/records.js';
import { ParleyError, toParleyError } from './errors.js';
import { closeCaseDatabase, createCaseDatabase, openCaseDatabase, type Db, type OpenOptions } from './db/connection.js';
import { isKeyed } from './db/encryption.js';
import { copyWithKey } from './db/rewrite.js';
import type { CommentsFile } from './review-comments-file.js';
import { LATEST_SCHEMA_VERSION } from './db/migrations.js';
import { verifyAuditChain, type AuditRow } from './store/audit-trail.js';
import { canonicalJson, sha256Hex } from './store/canonical.js';
import type { StoredRecord } from './store/record-table.js';
import { searchCase } from './store/search-index.js';
import { WritePath } from './store/write-path.js';
import {
  applyComputedDue, computeScheduleOf, detachIfDatedByHand, movesInWords, NO_SCHEDULE_CHANGE, planScheduleChange,
  touchesSchedule, workingCalendarOf, DEADLINE_INPUT_FIELDS, MEETING_INPUT_FIELDS, type SchedulePlan, type ScheduleSource,
} from './schedule.js';
import { isoToday } from './library.js';

/** A deadline's own due fields: changing any of them by hand dates it. */
const DEADLINE_DUE_FIELDS = ['dueType', 'dueDate', 'dueTime', 'timeZone', 'windowStart', 'windowEnd'] as const;

export interface ChangeOptions {
  /** Refuse the change if the record is no longer at this version (someone else changed it). */
  expectedVersion?: number;
  /** Why: kept in the audit trail (and, for negotiation positions, in their history). */
  reason?: string;
  /** The meeting in which a negotiation position changed. */
  meetingId?: string;
  /** The caller has shown the user which deadlines this change moves and the user confirmed (with a reason). */
  confirmMoves?: boolean;
  /** The day a negotiation position changed (its time of record); the meeting's date, else today, when not given. */
  recordedOn?: string;
}

/**
 * A record changed along with the one the caller changed, to keep one fact in one place: the directive's dates and
 * their events, a meeting and its own deadline. Written in the same transaction, each with its own audit entry.
 */
interface Companion {
  kind: KindName;
  op: 'create' | 'update' | 'delete';
  before: StoredRecord | null;
  after: StoredRecord;
  reason: string;
}

/** A change to a record worked out in full, before anything is written. */
interface PlannedUpdate {
  before: StoredRecord;
  after: StoredRecord;
  schedule: SchedulePlan;
  companions: Companion[];
}

/** The events that are the directive's dates: which field, and the event's title and kind. */
const DIRECTIVE_DATE_EVENTS = [
  { field: 'issuedOn', title: 'Order issued', eventKind: 'order_issued' },
  { field: 'receivedOn', title: 'Order received', eventKind: 'order_received' },
] as const;

/** Kinds recorded in a meeting, and the field that holds the day they record (their time of record). */
const TIME_OF_RECORD: Partial<Record<KindName, string>> = { note: 'recordedOn', decision: 'recordedOn', positionChange: 'recordedOn', concession: 'madeOn' };

/**
 * What a record may point at. A change through the API may only point at live records. A record of an import or of
 * a file being verified may point at a deleted one too: an attendee of a meeting deleted after it was added, a link
 * to a precedent deleted since. Either way the record pointed at must be in the file.
 */
type Reach = 'live' | 'stored';

export interface ListOptions {
  filter?: Record<string, string | null>;
  includeDeleted?: boolean;
  limit?: number;
  offset?: number;
}

/** How many snoozed and dismissed reminder keys a deadline keeps. */
const MAX_REMINDER_KEYS = 50;

/** Default sort per kind: the order a user reads them in. */
const ORDER_BY: Partial<Record<KindName, string>> = {
  deadline: "CASE due_type WHEN 'tbd' THEN 1 ELSE 0 END, due_date, due_time, title",
  event: 'occurred_on, occurred_time, created_at',
  meeting: "meeting_date IS NULL, meeting_date, start_time",
  note: 'created_at',
  issue: "sort_order IS NULL, sort_order, CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, created_at",
  positionChange: 'created_at, rowid',
  draftRevision: 'revision_number',
  actionItem: "status <> 'open', due_date IS NULL, due_date, created_at",
  reviewComment: 'reviewed_at, rowid',
};

/** Bytes are the ones an attachment's record describes: its size and SHA-256. */
function bytesAsRecorded(bytes: Buffer, recorded: { size: number; sha256: string }): boolean {
  return bytes.length === recorded.size && sha256Hex(bytes) === recorded.sha256;
}

/** The size of the WAL beside a file (0 when there is none). */
function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Every case file holds its directive from the moment it is made (createCaseDatabase builds it in), and Parley never
 * deletes it: a file without one was changed outside Parley, or is damaged.
 */
function throwNoDirective(): never {
  throw new ParleyError('damaged', 'The case file is damaged: it has no directive (the record every case is built on), so it was changed outside Parley. Open a backup of the case file.');
}

const orderOf = (kind: KindName): string => ORDER_BY[kind] ?? 'created_at, rowid';

export class CaseFile {
  private readonly writes: WritePath;
  readonly caseId: string;
  /** Opened for review (see Session.openForReview): read-only, with comments kept outside the file. */
  review = false;

  /**
   * The passphrase of an encrypted file, kept in memory while it is open (null for a plain file) so that a
   * consistent copy of it can be read from a second connection: "export for transfer". Never written or shown.
   */
  readonly #passphrase: string | null;

  private constructor(
    readonly path: string,
    private readonly db: Db,
    readonly readOnly: boolean,
    passphrase: string | undefined,
  ) {
    this.writes = new WritePath(db);
    this.caseId = this.meta('case_id') ?? '';
    this.#passphrase = isKeyed(db) ? passphrase ?? null : null;
  }

  /** Makes a new case file holding its directive; encrypted if a passphrase is given. */
  static create(path: string, directive: Record<string, unknown>, actor: string, passphrase?: string): CaseFile {
    const at = now();
    createCaseDatabase(path, { caseId: randomUUID(), actor, at }, (db) => {
      const writes = new WritePath(db);
      db.transaction(() => {
        const rec = newRecord(directive, actor, at);
        validate('directive', rec);
        writes.insert('directive', rec);
        for (const { field } of DIRECTIVE_DATE_EVENTS) {
          if (rec[field]) writes.insert('event', directiveDateEvent(field, rec[field] as string, actor, at), 'the directive\'s date, as an event of the case');
        }
      }).immediate();
    }, passphrase);
    return CaseFile.open(path, { skipIntegrityCheck: true, passphrase });
  }

  /**
   * Makes a new case file holding the records of an export (transfer.ts parses them), each as it was exported: its
   * id, versions, authors and times, deleted or not. Every rule a change through the API meets holds for them too,
   * checked once all are in (a record may point at one later in the export); anything that breaks one leaves no
   * file. `bytesOf` gives an attachment's bytes; the file is encrypted under `passphrase` if one is given.
   */
  static createFrom(path: string, caseId: string, records: ReadonlyMap<KindName, StoredRecord[]>, bytesOf: (attachment: StoredRecord) => Buffer, by: { actor: string; reason: string }, passphrase?: string): CaseFile {
    createCaseDatabase(path, { caseId, actor: by.actor, at: now() }, (db) => {
      // Not yet a file anyone has open: this instance lends the import the rules and the write path, and is dropped.
      const cf = new CaseFile(path, db, false, undefined);
      try {
        db.transaction(() => cf.insertImported(records, bytesOf, by)).immediate();
      } catch (err) {
        // The deferred foreign keys are checked at commit: a reference the checks before did not see.
        if (((err as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')) {
          throw new ParleyError('invalid_input', 'The export is inconsistent: some records refer to records it does not hold.');
        }
        throw err;
      }
    }, passphrase);
    return CaseFile.open(path, { skipIntegrityCheck: true, passphrase });
  }

  static open(path: string, opts: OpenOptions = {}): CaseFile {
    const db = openCaseDatabase(path, opts);
    try {
      const cf = new CaseFile(path, db, !!opts.readOnly, opts.passphrase);
      cf.shownDirective(); // there, and what every opening shows of it reads
      return cf;
    } catch (err) {
      // The first read of the case's own tables (a file opened read-only is not checked first) met damage. Closed as
      // any case is, so that a refused file is left as one self-contained file.
      closeCaseDatabase(db);
      throw toParleyError(err);
    }
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
    copyWithKey(this.path, this.#passphrase, target, passphrase);
  }

  /**
   * Writes a consistent copy of this file as it is now to `target` (which must not exist) under this file's own key
   * (a plain file's copy is plain, an encrypted file's is encrypted under the same passphrase), then opens the copy
   * as anyone will open it (read-only, with that passphrase) and gives it to `check` before closing it again. The
   * passphrase itself never leaves this instance. See case-copy.ts (Save a Copy As).
   */
  copyUnderOwnKey<T>(target: string, check: (copy: CaseFile) => T): T {
    copyWithKey(this.path, this.#passphrase, target, this.#passphrase);
    const copy = CaseFile.open(target, { readOnly: true, passphrase: this.#passphrase ?? undefined });
    try {
      return check(copy);
    } finally {
      copy.close();
    }
  }

  close(): void {
    closeCaseDatabase(this.db);
  }

  /**
   * Runs `read` in one read transaction whose state is exactly the one the file's own bytes hold, so that what it
   * reads and a hash of the file taken inside it describe one and the same case (a custody certificate).
   *
   * SQLite keeps committed changes in the WAL beside the file until a checkpoint copies them in; a connection reads
   * file and WAL together. So a case open here for editing has its WAL folded in first (TRUNCATE, which leaves the
   * WAL empty), and that must be complete: another program's read that began before our latest changes keeps them
   * out of the file (PRAGMA wal_checkpoint then reports busy). Inside the transaction the WAL must still be empty:
   * our snapshot is then the file alone, and no checkpoint (ours or another program's) can write into the file
   * while we hold it, since SQLite never overwrites pages a reader of the file alone may still read.
   *
   * A file open read-only with a non-empty WAL beside it (another program has it open for editing, or a crash left
   * committed changes there) is refused rather than described by its main file alone: the file alone is not what
   * anyone opening it reads (SQLite applies the WAL), it may not even be a consistent state (a checkpoint cut short
   * by a crash leaves a transaction half copied in, made whole only by the WAL), and folding the WAL in would write
   * to a file we promised to leave untouched. Parley folds it in when it closes a file it has open for editing.
   */
  readAsStored<T>(read: () => T): T {
    const name = basename(this.path);
    if (!this.readOnly) {
      // A reader elsewhere is an answer, not something to wait for: the window would hang for the busy timeout.
      const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
      let result: { busy: number } | undefined;
      try {
        this.db.pragma('busy_timeout = 0');
        [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      } finally {
        this.db.pragma(`busy_timeout = ${timeout}`);
      }
      if (result?.busy) {
        throw new ParleyError(
          'pending_changes',
          `Another program is reading ${name}, so the latest changes to it cannot be written into the file itself yet, and a certificate of its bytes would not include them. Close it in the other program (or let it finish) and try again.`,
        );
      }
    }
    return this.db.transaction(() => {
      this.meta('case_id'); // the first read starts the snapshot
      if (walBytes(this.path) > 0) {
        throw new ParleyError(
          'pending_changes',
          this.readOnly
            ? `${name} has changes that are not yet written into the file itself (they are in ${name}-wal beside it): another program has it open, or it was not closed cleanly. A certificate must describe the very bytes it hashes, so Parley will not certify it as it is. Close it in the other program, or open it in Parley for editing and close it, then try again.`
            : `Another program is writing to ${name}, so its bytes are not the whole case at this moment. Close it in the other program and try again.`,
        );
      }
      return read();
    }).deferred();
  }

  /** The stored hash of the audit entry numbered `seq`, or null if the trail has no such entry. */
  auditHashAt(seq: number): string | null {
    return (this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined) ?? null;
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  private meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM case_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? undefined;
  }

  private assertWritable(): void {
    if (this.readOnly) throw new ParleyError('read_only', 'This case file is open read-only; nothing can be changed in it.');
  }

  private inTransaction<T>(fn: () => T): T {
    this.assertWritable();
    return this.db.transaction(fn).immediate();
  }

  // ---- reading ---------------------------------------------------------------------------------------------

  get<K extends KindName>(kind: K, id: string): RecordOf<K> {
    const rec = this.writes.table(kind).get(id);
    if (!rec) throw new ParleyError('not_found', `There is no ${KINDS[kind].label.toLowerCase()} with id ${id} in this case file.`);
    return rec as RecordOf<K>;
  }

  directive(): RecordOf<'directive'> {
    return (this.writes.table('directive').first() ?? throwNoDirective()) as unknown as RecordOf<'directive'>;
  }

  /** Live records of a kind with only some fields (see RecordTable.listFields), in the order `list` gives them;
   *  `where` is SQL from the code. */
  listFields<K extends KindName, F extends keyof RecordOf<K> & string>(kind: K, fields: readonly F[], where = 'TRUE'): (Pick<RecordOf<K>, F> & { id: string })[] {
    return this.writes.table(kind).listFields(fields, where, orderOf(kind)) as unknown as (Pick<RecordOf<K>, F> & { id: string })[];
  }

  list<K extends KindName>(kind: K, opts: ListOptions = {}): RecordOf<K>[] {
    const fields = KINDS[kind].fields as Record<string, unknown>;
    for (const name of Object.keys(opts.filter ?? {})) {
      // An own field only: "constructor" is in every object.
      if (!Object.hasOwn(fields, name)) throw new ParleyError('invalid_input', `${KINDS[kind].plural} cannot be filtered by "${name}".`);
    }
    return this.writes.table(kind).list({
      filter: opts.filter,
      includeDeleted: opts.includeDeleted,
      limit: opts.limit ?? 100_000,
      offset: opts.offset ?? 0,
      orderBy: orderOf(kind),
    }) as RecordOf<K>[];
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
      const n = unlessDamaged<number | null>(() => this.writes.table(kind).count(), () => null);
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
    };
  }

  search(text: string, limit = 50): SearchHit[] {
    return searchCase(this.db, text, limit);
  }

  /** Every audit entry about one record, oldest first. */
  history(recordId: string): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE record_id = ? ORDER BY seq').all(recordId) as AuditRow[];
    return rows.map(toAuditEntry);
  }

  /** The newest audit entries of the whole case, newest first ("what changed recently"). */
  recentChanges(limit: number, beforeSeq?: number): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?')
      .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    return rows.map(toAuditEntry);
  }

  links(kind: KindName, id: string): LinksOfRecord {
    this.get(kind, id);
    const table = this.writes.table('link');
    const view = (l: RecordOf<'link'>, other: 'from' | 'to') => {
      const otherKind = other === 'to' ? l.toKind : l.fromKind;
      const otherId = other === 'to' ? l.toId : l.fromId;
      if (other === 'to' && l.toCaseId) return { link: l, otherTitle: l.toTitle };
      const rec = this.writes.table(otherKind).get(otherId);
      return { link: l, otherTitle: rec && !rec.deletedAt ? titleOf(otherKind, rec) : null };
    };
    return {
      outgoing: (table.list({ filter: { fromId: id }, limit: 10_000, offset: 0, orderBy: 'created_at' }) as unknown as RecordOf<'link'>[]).map((l) => view(l, 'to')),
      incoming: (table.list({ filter: { toId: id }, limit: 10_000, offset: 0, orderBy: 'created_at' }) as unknown as RecordOf<'link'>[])
        .filter((l) => !l.toCaseId || l.toCaseId === this.caseId)
        .map((l) => view(l, 'from')),
    };
  }

  /**
   * An attachment's bytes, only if they are the ones its record (and so the audit trail) describes: the bytes sit in
   * a column of their own that no audit entry holds, so another program could change them without touching the
   * chain, and the app would hand them out as the document recorded.
   */
  readAttachment(id: string): { name: string; mediaType: string; bytes: Buffer } {
    const a = this.get('attachment', id);
    const bytes = this.db.prepare('SELECT bytes FROM attachment WHERE id = ?').pluck().get(id) as Buffer;
    if (!bytesAsRecorded(bytes, a)) {
      throw new ParleyError('damaged', `The bytes of the attachment ${a.name} are not the ones recorded (their size or SHA-256 differs): the case file was changed outside Parley or is damaged. Nothing was read.`);
    }
    return { name: a.name, mediaType: a.mediaType, bytes };
  }

  /** The title a record goes by (as lists and links show it), or null if the case does not hold it. */
  recordTitle(kind: KindName, id: string): string | null {
    const rec = this.writes.table(kind).get(id);
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
    return this.list('reviewComment').map((comment) => ({
      comment,
      recordPresent: this.writes.table(comment.recordKind).presence(comment.recordId) === 'live',
    }));
  }

  // ---- changing --------------------------------------------------------------------------------------------

  /**
   * Takes a reviewer's comments into the case (review.import): each comment not already here becomes a record,
   * written with its audit entry, whose reason names the reviewer and the export. A comment the case has (by the id
   * the reviewer's Parley gave it) is left as it is, so importing a file again adds nothing. A comment about a record
   * no longer here is taken all the same: it keeps the title the record had.
   */
  importReviewComments(file: CommentsFile, actor: string): ReviewImport {
    if (file.caseId !== this.caseId) {
      throw new ParleyError('invalid_input', `These review comments are about another case (“${file.caseTitle}”, case id ${file.caseId}), not this one. Nothing was imported.`);
    }
    return this.inTransaction(() => {
      const result: ReviewImport = { added: 0, alreadyThere: 0, aboutMissing: 0 };
      const reason = `Review comments of ${file.reviewer}, exported ${file.exportedAt}`;
      const comments = this.writes.table('reviewComment');
      for (const c of file.comments) {
        const known = comments.list({ filter: { commentId: c.id }, includeDeleted: true, limit: 1, offset: 0, orderBy: 'rowid' });
        if (known.length) {
          result.alreadyThere++;
          continue;
        }
        if (this.writes.table(c.about.kind).presence(c.about.id) !== 'live') result.aboutMissing++;
        this.insertRecord('reviewComment', {
          commentId: c.id, recordKind: c.about.kind, recordId: c.about.id, recordTitle: c.about.title, text: c.text,
          reviewer: c.author, reviewedAt: c.createdAt, reviewedAuditHead: file.caseAuditHead,
          resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy, commentsSha256: file.sha256,
        }, actor, { reason });
        result.added++;
      }
      return result;
    });
  }

  /** Marks a review comment dealt with, or open again; audited like any change. Already so, it is left as it is. */
  resolveReviewComment(id: string, resolved: boolean, actor: string, opts: ChangeOptions = {}): RecordOf<'reviewComment'> {
    const now = this.get('reviewComment', id);
    if ((now.resolvedAt !== null) === resolved) return now;
    return this.update('reviewComment', id, resolved ? { resolvedAt: new Date().toISOString(), resolvedBy: actor } : { resolvedAt: null, resolvedBy: null }, actor, opts);
  }

  create<K extends KindName>(kind: K, fields: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): RecordOf<K> {
    return this.inTransaction(() => this.insertRecord(kind, fields, actor, opts)) as RecordOf<K>;
  }

  private insertRecord(kind: KindName, fields: Record<string, unknown>, actor: string, opts: ChangeOptions, reach: Reach = 'live'): StoredRecord {
    const rec = newRecord(fields, actor, now());
    if (kind === 'draftRevision') rec.revisionNumber = this.nextRevisionNumber(rec.draftId as string);
    if (kind === 'deadline') rec.reminderState = null;
    if (kind === 'event') rec.directiveDate = null;
    this.fillTimeOfRecord(kind, rec);
    const companions = this.companionsOf(kind, null, rec, fields);
    this.planSchedule(kind, null, rec, companions);
    this.prepare(kind, rec, reach);
    for (const c of companions) this.prepare(c.kind, c.after, 'live', c.before);
    this.writes.insert(kind, rec, opts.reason ?? null);
    this.writeCompanions(companions, actor);
    if (kind === 'issue') this.recordPositionChanges(null, rec, actor, opts);
    return rec;
  }

  /**
   * The records of an export (see createFrom), inside the import's transaction. First each record on its own, as
   * prepare works it out for a change (derived fields, its kind's rules), written with an audit entry naming the
   * import; then, with every record in, the rules between records; then what the core keeps for the user
   * (rule-built dates, the history of negotiation positions), each change audited with the import's reason.
   */
  private insertImported(records: ReadonlyMap<KindName, StoredRecord[]>, bytesOf: (attachment: StoredRecord) => Buffer, by: { actor: string; reason: string }): void {
    const at = now();
    this.db.pragma('defer_foreign_keys = ON'); // records may refer to ones later in the export
    const each = (use: (kind: KindName, rec: StoredRecord) => void) => {
      for (const kind of KIND_NAMES) {
        for (const rec of records.get(kind) ?? []) {
          try {
            use(kind, rec);
          } catch (err) {
            throw inExportedRecord(kind, rec, err);
          }
        }
      }
    };
    each((kind, rec) => {
      this.derive(kind, rec);
      if (kind === 'attachment') this.writes.insertAttachment(rec, bytesOf(rec), by.reason, { actor: by.actor, at });
      else this.writes.insert(kind, rec, by.reason, { actor: by.actor, at });
    });
    const cleared = new Set<string>();
    each((kind, rec) => {
      this.checkRules(kind, rec, 'stored', cleared);
      if (rec.deletedAt) this.refuseIfTrigger(kind, rec, 'import');
    });
    this.dateByRules(by.actor, by.reason);
    for (const issue of records.get('issue') ?? []) this.recordPositionsNotInHistory(issue, by.actor, by.reason);
  }

  /**
   * Rule-built deadlines get the dates the engine gives them, as on every change through the API; one whose stored
   * date differs (an export from another tool, or made with other holiday data) is moved, and the move audited.
   */
  private dateByRules(actor: string, reason: string): void {
    for (const computed of computeScheduleOf(this.scheduleSource(null).source).values()) {
      const was = this.writes.table('deadline').get(computed.deadlineId)!;
      const next = { ...was };
      applyComputedDue(next, computed);
      if (sameFields('deadline', was, next)) continue;
      this.derive('deadline', next);
      stamp(next, was, actor);
      this.writes.replace('deadline', 'update', was, next, `${reason}; dated by its rule`);
    }
  }

  /**
   * The core records every negotiation position an issue is given as a position change. An imported issue holding
   * a position its history never recorded (an export from another tool, or an altered one) gets that record now.
   */
  private recordPositionsNotInHistory(issue: StoredRecord, actor: string, reason: string): void {
    const recorded = this.writes.table('positionChange').list({ filter: { issueId: issue.id }, includeDeleted: true, limit: -1, offset: 0, orderBy: orderOf('positionChange') });
    const before: StoredRecord = { ...issue };
    for (const { field, side, position } of POSITION_SOURCES) {
      if (!recorded.some((pc) => pc.side === side && pc.position === position)) before[field] = null;
    }
    this.recordPositionChanges(before, issue, actor, { reason: `${reason}; the position was not in the issue's history` }, 'stored');
  }

  update<K extends KindName>(kind: K, id: string, changes: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): RecordOf<K> {
    return this.updateWithMoves(kind, id, changes, actor, opts).record as unknown as RecordOf<K>;
  }

  /**
   * An update and, when the user confirmed them (`confirmMoves`, with a reason), the moves of every deadline that
   * hangs on the record, in one transaction; each moved deadline's audit entry carries the reason.
   */
  updateWithMoves(kind: KindName, id: string, changes: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): ScheduleChange {
    return this.inTransaction(() => {
      const { before, after, schedule, companions } = this.planUpdate(kind, id, changes, opts);
      if (sameFields(kind, before, after) && companions.length === 0) return { record: before, moves: schedule.moves };
      const moved = schedule.moves.filter((m) => m.changed);
      // A meeting's own deadline is the meeting's date: it moves with the meeting; what hangs on it needs a confirmation.
      const toConfirm = moved.filter((m) => !m.followsMeeting);
      if (toConfirm.length && !opts.confirmMoves) {
        throw new ParleyError('needs_confirmation', `This change would move ${toConfirm.length === 1 ? 'another deadline' : `${toConfirm.length} other deadlines`}: ${movesInWords(toConfirm)}. Preview the change and confirm it with a reason; nothing was changed.`);
      }
      if (toConfirm.length && !opts.reason?.trim()) {
        throw new ParleyError('invalid_input', 'Moving deadlines needs a reason, kept in the audit trail; nothing was changed.', [{ path: 'reason', message: 'must not be empty' }]);
      }
      if (!sameFields(kind, before, after)) {
        stamp(after, before, actor);
        this.writes.replace(kind, 'update', before, after, opts.reason ?? null);
      }
      this.writeCompanions(companions, actor, opts.reason);
      if (kind === 'issue') this.recordPositionChanges(before, after, actor, opts);
      const trigger = titleOf(kind, after);
      for (const move of moved) {
        const was = this.writes.table('deadline').get(move.deadlineId)!;
        const next = { ...was };
        applyComputedDue(next, schedule.computed.get(move.deadlineId)!);
        this.prepare('deadline', next, 'live', was);
        stamp(next, was, actor);
        const why = opts.reason?.trim() || 'the meeting\'s date changed';
        this.writes.replace('deadline', 'update', was, next, `${why} (moved with “${trigger}”)`);
      }
      return { record: after, moves: schedule.moves };
    });
  }

  /** What an update would store and which deadlines it would move, without changing anything. */
  previewUpdate(kind: KindName, id: string, changes: Record<string, unknown>, opts: ChangeOptions = {}): ScheduleChange {
    const { after, schedule } = this.planUpdate(kind, id, changes, opts);
    return { record: after, moves: schedule.moves };
  }

  private planUpdate(kind: KindName, id: string, changes: Record<string, unknown>, opts: ChangeOptions): PlannedUpdate {
    const before = this.current(kind, id, opts);
    const after: StoredRecord = { ...before, ...changes };
    for (const f of COMPUTED_FIELDS[kind] ?? []) after[f] = before[f];
    if (kind === 'deadline') detachIfDatedByHand(before, changes, after);
    // A watch item watched again has not been triggered: its trigger date goes with its status.
    if (kind === 'watchItem' && after.status === 'watching') after.triggeredOn = null;
    const companions = this.companionsOf(kind, before, after, changes);
    const schedule = this.planSchedule(kind, before, after, companions);
    this.prepare(kind, after, 'live', before);
    for (const c of companions) this.prepare(c.kind, c.after, 'live', c.before);
    return { before, after, schedule, companions };
  }

  /**
   * The records that change with this one (see Companion): the directive's issued and received dates and the events
   * that are those dates; a meeting's date and its own deadline, whichever of the two is given the date.
   */
  private companionsOf(kind: KindName, before: StoredRecord | null, after: StoredRecord, changes: Record<string, unknown>): Companion[] {
    const changedField = (f: string) => (before?.[f] ?? null) !== (after[f] ?? null);
    const companions: Companion[] = [];
    if (kind === 'directive') {
      for (const { field, title } of DIRECTIVE_DATE_EVENTS) {
        if (!changedField(field)) continue;
        const event = this.directiveEvent(field);
        const date = (after[field] as string | null) ?? null;
        if (date && event) {
          companions.push({ kind: 'event', op: 'update', before: event, after: { ...event, occurredOn: date }, reason: `the directive's ${dateWords(field)} changed` });
        } else if (date) {
          companions.push({ kind: 'event', op: 'create', before: null, after: directiveDateEvent(field, date, '', now()), reason: 'the directive\'s date, as an event of the case' });
        } else if (event) {
          this.refuseIfTrigger('event', event, 'delete', `The directive's ${dateWords(field)} is the event “${title}”, and deadlines count from it`);
          companions.push({ kind: 'event', op: 'delete', before: event, after: { ...event, deletedAt: now() }, reason: `the directive's ${dateWords(field)} was cleared` });
        }
      }
    }
    if (kind === 'event' && after.directiveDate && before && changedField('occurredOn')) {
      const directive = this.directive() as unknown as StoredRecord;
      const field = after.directiveDate as string;
      companions.push({ kind: 'directive', op: 'update', before: directive, after: { ...directive, [field]: after.occurredOn }, reason: `the event “${String(after.title)}” is the directive's ${dateWords(field)}` });
    }
    if (kind === 'deadline' && after.meetingId) {
      const meeting = this.writes.table('meeting').get(after.meetingId as string);
      const datedHere = DEADLINE_DUE_FIELDS.some((f) => f in changes && canonicalJson(changes[f] ?? null) !== canonicalJson(before?.[f] ?? null));
      const linkedNow = !before || before.meetingId !== after.meetingId;
      // Dated from its deadline: the date goes to the meeting, the one place it is kept. A deadline newly linked to a
      // meeting that has no date yet gives the meeting its own.
      const toMeeting = linkedNow ? !meeting?.meetingDate && after.dueType !== 'tbd' && Boolean(after.dueDate) : datedHere;
      if (meeting && !meeting.deletedAt && toMeeting) {
        const timed = after.dueType === 'datetime' && after.dueTime;
        const next: StoredRecord = { ...meeting, meetingDate: after.dueType === 'tbd' ? null : (after.dueDate as string | null) ?? null };
        if (timed) Object.assign(next, { startTime: after.dueTime, timeZone: after.timeZone ?? meeting.timeZone });
        if (timed && next.endTime && (next.endTime as string) < (next.startTime as string)) next.endTime = null;
        if (!sameFields('meeting', meeting, next)) {
          companions.push({ kind: 'meeting', op: 'update', before: meeting, after: next, reason: `dated from its deadline “${String(after.title)}”` });
        }
      }
    }
    return companions;
  }

  /** The live event that is the directive's date `field`, or null. */
  private directiveEvent(field: string): StoredRecord | null {
    return this.writes.table('event').list({ filter: { directiveDate: field }, limit: 1, offset: 0, orderBy: 'rowid' })[0] ?? null;
  }

  /** Writes the companions of a change, each audited; `reason` is the user's, put before the core's own. */
  private writeCompanions(companions: readonly Companion[], actor: string, reason?: string): void {
    for (const c of companions) {
      const why = reason?.trim() ? `${reason.trim()} (${c.reason})` : c.reason;
      if (c.op === 'create') {
        Object.assign(c.after, { createdBy: actor, updatedBy: actor });
        this.writes.insert(c.kind, c.after, why);
        continue;
      }
      const current = this.writes.table(c.kind).get(c.before!.id)!;
      const next = stamp({ ...c.after }, current, actor);
      if (c.op === 'delete') Object.assign(next, { deletedAt: next.updatedAt, deletedBy: actor });
      this.writes.replace(c.kind, c.op, current, next, why);
    }
  }

  /** A note, decision, concession or position change records a day: the one given, else its meeting's date, else `fallback`. */
  private fillTimeOfRecord(kind: KindName, rec: StoredRecord, fallback = isoToday()): void {
    const field = TIME_OF_RECORD[kind];
    if (!field || rec[field]) return;
    const meeting = rec.meetingId ? this.writes.table('meeting').get(rec.meetingId as string) : null;
    rec[field] = (meeting?.meetingDate as string | null | undefined) ?? fallback;
  }

  /**
   * What migration 0007 added, filled in for records made before it, each change audited as the core's: the time of
   * record of notes, decisions, concessions and position changes (their meeting's date, else the day they were
   * typed), and the events that are the directive's dates (an event of that kind on that date already in the case
   * becomes it). Reads a few rows and writes nothing when there is nothing to fill, as in every file made since.
   */
  catchUp(actor: string): void {
    const unfilled = Object.entries(TIME_OF_RECORD).filter(([kind, field]) => {
      const column = field === 'madeOn' ? 'made_on' : 'recorded_on';
      return this.db.prepare(`SELECT 1 FROM ${KINDS[kind as KindName].table} WHERE ${column} IS NULL LIMIT 1`).get() !== undefined;
    }).map(([kind]) => kind as KindName);
    const directive = this.directive() as unknown as StoredRecord;
    const missingEvents = DIRECTIVE_DATE_EVENTS.filter((e) => directive[e.field] && !this.directiveEvent(e.field));
    if (!unfilled.length && !missingEvents.length) return;
    const reason = 'filled in by Parley for a record made before it kept this (time of record; the directive\'s dates as events)';
    this.inTransaction(() => {
      for (const kind of unfilled) {
        const field = TIME_OF_RECORD[kind]!;
        for (const rec of this.writes.table(kind).list({ filter: { [field]: null }, includeDeleted: true, limit: -1, offset: 0, orderBy: 'rowid' })) {
          const next = { ...rec };
          this.fillTimeOfRecord(kind, next, (rec.createdAt as string).slice(0, 10));
          validate(kind, next);
          this.writes.replace(kind, 'update', rec, stamp(next, rec, actor), reason);
        }
      }
      for (const { field, eventKind } of missingEvents) {
        const date = directive[field] as string;
        const same = this.writes.table('event').list({ filter: { eventKind, occurredOn: date, directiveDate: null }, limit: 1, offset: 0, orderBy: 'rowid' })[0];
        if (same) this.writes.replace('event', 'update', same, stamp({ ...same, directiveDate: field }, same, actor), reason);
        else this.writes.insert('event', directiveDateEvent(field, date, actor, now()), reason);
      }
    });
  }

  /**
   * Works out the schedule after a change to `after` (null `before` for a new record): a rule-built deadline's
   * own due is written onto it, and the deadlines that hang on it are returned with their due before and after.
   */
  private planSchedule(kind: KindName, before: StoredRecord | null, after: StoredRecord, companions: readonly Companion[] = []): SchedulePlan {
    const touching = [{ kind, before, rec: after }, ...companions.map((c) => ({ kind: c.kind, before: c.before, rec: c.after }))]
      .filter((c) => touchesSchedule(c.kind, c.before, c.rec));
    if (!touching.length) return NO_SCHEDULE_CHANGE;
    // A loop is named from the deadline being changed, before the engine meets it wherever its walk begins.
    if (kind === 'deadline') this.checkTriggerChain(after, new Set());
    let reach: Map<string, StoredRecord> | null = new Map();
    for (const c of touching) {
      const r = this.deadlinesReachedBy(c.kind, c.before, c.rec);
      if (r === null) {
        reach = null;
        break;
      }
      for (const [id, d] of r) reach.set(id, d);
    }
    const now = this.scheduleSource(reach);
    const explanationsBefore = new Map([...computeScheduleOf(now.source).values()].map((c) => [c.deadlineId, c.explanation]));
    const changed = this.scheduleSource(reach, touching);
    const plan = planScheduleChange(touching.map((c) => ({ kind: c.kind, id: c.rec.id })), changed.source, now.stored, explanationsBefore);
    const own = plan.computed.get(after.id);
    if (kind === 'deadline' && own) applyComputedDue(after, own);
    return plan;
  }

  /**
   * The live deadlines a change to one record can touch: those that hang on it down any chain, and (for a deadline)
   * the chain of triggers it hangs on before and after the change. Found through the trigger indexes, so a change
   * reads a few rows, not every deadline of the case. Null for the case's calendar, which every deadline counts over.
   */
  private deadlinesReachedBy(kind: KindName, before: StoredRecord | null, after: StoredRecord): Map<string, StoredRecord> | null {
    if (kind === 'directive') return null;
    const table = this.writes.table('deadline');
    const hangingOn = (filter: Record<string, string>) => table.list({ filter, limit: -1, offset: 0, orderBy: 'rowid' });
    const reached = new Map<string, StoredRecord>();
    let frontier = kind === 'event' ? hangingOn({ triggerEventId: after.id })
      : kind === 'meeting' ? [...hangingOn({ triggerMeetingId: after.id }), ...hangingOn({ meetingId: after.id })]
        : hangingOn({ triggerDeadlineId: after.id });
    while (frontier.length) {
      const next: StoredRecord[] = [];
      for (const d of frontier) {
        if (reached.has(d.id)) continue;
        reached.set(d.id, d);
        next.push(...hangingOn({ triggerDeadlineId: d.id }));
      }
      frontier = next;
    }
    if (kind !== 'deadline') return reached;
    if (before) reached.set(before.id, before);
    for (const start of [before, after]) {
      let trigger = (start?.triggerDeadlineId as string | null) ?? null;
      while (trigger && !reached.has(trigger)) {
        const d = table.get(trigger);
        if (!d || d.deletedAt) break;
        reached.set(d.id, d);
        trigger = (d.triggerDeadlineId as string | null) ?? null;
      }
    }
    return reached;
  }

  /**
   * What the engine reads: the given deadlines (or every live one) with the events they hang on, and the case's
   * working calendar; `replacing` puts one record in as it would be after a change.
   */
  private scheduleSource(reach: Map<string, StoredRecord> | null, replacing: readonly { kind: KindName; rec: StoredRecord }[] = []): { source: ScheduleSource; stored: Map<string, StoredRecord> } {
    const withChange = (kind: KindName, records: StoredRecord[]): StoredRecord[] => {
      let result = records;
      for (const r of replacing) {
        if (r.kind !== kind) continue;
        const others = result.filter((x) => x.id !== r.rec.id);
        result = r.rec.deletedAt ? others : [...others, r.rec];
      }
      return result;
    };
    // Every deadline: only the fields the engine and a plan read, since whole records of ten thousand deadlines
    // took most of the time (moved deadlines are read whole again when they are written).
    const deadlines = reach ? [...reach.values()] : (this.listFields('deadline', DEADLINE_INPUT_FIELDS) as unknown as StoredRecord[]);
    const deadlinesAfter = withChange('deadline', deadlines);
    let events: StoredRecord[];
    if (reach) {
      const eventTable = this.writes.table('event');
      const ids = new Set(deadlinesAfter.map((d) => d.triggerEventId as string | null).filter((id) => id !== null));
      events = [...ids].map((id) => eventTable.get(id)).filter((e): e is StoredRecord => e !== null && !e.deletedAt);
    } else {
      events = this.list('event') as unknown as StoredRecord[];
    }
    let meetings: StoredRecord[];
    if (reach) {
      const meetingTable = this.writes.table('meeting');
      const ids = new Set(deadlinesAfter.flatMap((d) => [d.meetingId, d.triggerMeetingId] as (string | null)[]).filter((id) => id != null));
      meetings = [...ids].map((id) => meetingTable.get(id)).filter((m): m is StoredRecord => m !== null && !m.deletedAt);
    } else {
      meetings = this.listFields('meeting', MEETING_INPUT_FIELDS) as unknown as StoredRecord[];
    }
    const directive = replacing.find((r) => r.kind === 'directive')?.rec ?? (this.directive() as unknown as StoredRecord);
    return {
      source: {
        deadlines: deadlinesAfter as never,
        events: withChange('event', events) as never,
        meetings: withChange('meeting', meetings) as never,
        ...workingCalendarOf(directive),
      },
      stored: new Map(deadlines.map((d) => [d.id, d])),
    };
  }

  /** Every rule-built deadline's formula and explanation, as the engine gives them from the stored records. */
  schedule(): ScheduledDeadline[] {
    return [...computeScheduleOf(this.scheduleSource(null).source).values()].map(({ deadlineId, formula, explanation, problem }) => ({ deadlineId, formula, explanation, problem }));
  }

  // ---- reminders --------------------------------------------------------------------------------------------

  // The reminders due and to come are read across the open cases: deadline-operations.ts.

  /** Snoozes a reminder until an instant, or dismisses it: kept on its deadline, through the write path. */
  changeReminder(key: string, change: { snoozeUntil: string } | { dismiss: true }, actor: string): RecordOf<'deadline'> {
    const deadlineId = key.split('|')[0] ?? '';
    return this.inTransaction(() => {
      const before = this.writes.table('deadline').get(deadlineId);
      if (!before || before.deletedAt) throw new ParleyError('not_found', 'That reminder belongs to no deadline in this case file.');
      const state = (before.reminderState as RecordOf<'deadline'>['reminderState']) ?? { dismissed: [], snoozedUntil: {} };
      const snoozedUntil = { ...state.snoozedUntil };
      delete snoozedUntil[key];
      let dismissed = state.dismissed.filter((k) => k !== key);
      if ('dismiss' in change) dismissed.push(key);
      else snoozedUntil[key] = change.snoozeUntil;
      // Keys name a due moment; once a deadline has moved, old ones hide nothing. Keep the newest few.
      dismissed = dismissed.slice(-MAX_REMINDER_KEYS);
      const snoozes = Object.entries(snoozedUntil).slice(-MAX_REMINDER_KEYS);
      const after = stamp({ ...before, reminderState: { dismissed, snoozedUntil: Object.fromEntries(snoozes) } }, before, actor);
      validate('deadline', after);
      const reason = 'dismiss' in change ? 'Reminder dismissed' : `Reminder snoozed until ${change.snoozeUntil}`;
      this.writes.replace('deadline', 'update', before, after, reason);
      return after;
    }) as unknown as RecordOf<'deadline'>;
  }

  /** Soft delete: the record leaves every list and the search index, and can be restored. */
  delete(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): StoredRecord {
    return this.inTransaction(() => {
      const before = this.current(kind, id, opts);
      this.refuseIfTrigger(kind, before, 'delete');
      const after = stamp({ ...before, deletedBy: actor }, before, actor);
      after.deletedAt = after.updatedAt;
      this.writes.replace(kind, 'delete', before, after, opts.reason ?? null);
      // The event that is a date of the directive: deleting it clears that date, as clearing the date deletes it.
      if (kind === 'event' && before.directiveDate) this.setDirectiveDate(before.directiveDate as string, null, actor, `the event “${String(before.title)}” was deleted`);
      return after;
    });
  }

  restore(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): StoredRecord {
    return this.inTransaction(() => {
      const before = this.get(kind, id) as StoredRecord;
      if (!before.deletedAt) throw new ParleyError('invalid_input', `This ${KINDS[kind].label.toLowerCase()} is not deleted.`);
      checkVersion(before, opts);
      const after = stamp({ ...before, deletedAt: null, deletedBy: null }, before, actor);
      const field = kind === 'event' ? (before.directiveDate as string | null) : null;
      if (field && this.directive()[field as 'issuedOn']) {
        throw new ParleyError('invalid_input', `This event was the directive's ${dateWords(field)}, which is now set again (another event holds it); change the directive's date instead. Nothing was restored.`);
      }
      this.planSchedule(kind, before, after); // a rule-built deadline's date follows its trigger as it is now
      this.prepare(kind, after); // what it points at may have gone meanwhile
      this.writes.replace(kind, 'restore', before, after, opts.reason ?? null);
      if (field) this.setDirectiveDate(field, after.occurredOn as string, actor, `the event “${String(after.title)}” was restored`);
      return after;
    });
  }

  /**
   * Hard delete, only when asked for. Links from and to the record, and the sharing choices about it, go with it;
   * other records that still point at it stop the purge, so nothing is left pointing at nothing.
   */
  purge(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): void {
    this.inTransaction(() => {
      const before = this.get(kind, id) as StoredRecord;
      checkVersion(before, opts);
      const at = now();
      const linkTable = this.writes.table('link');
      for (const filter of [{ fromId: id }, { toId: id }] as Record<string, string>[]) {
        for (const link of linkTable.list({ filter, includeDeleted: true, limit: 100_000, offset: 0, orderBy: 'created_at' })) {
          if (link.id !== id) this.writes.purge('link', link, actor, at, `purged with ${KINDS[kind].label.toLowerCase()} ${id}`);
        }
      }
      const choices = this.writes.table('disclosure').list({ filter: { recordId: id }, includeDeleted: true, limit: -1, offset: 0, orderBy: 'rowid' });
      for (const choice of choices) this.writes.purge('disclosure', choice, actor, at, `purged with ${KINDS[kind].label.toLowerCase()} ${id}`);
      try {
        this.writes.purge(kind, before, actor, at, opts.reason ?? null);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new ParleyError('has_dependants', `Other records still refer to this ${KINDS[kind].label.toLowerCase()}; purge or re-point them first. Nothing was removed.`);
        }
        throw err;
      }
    });
  }

  addAttachment(input: { name: string; mediaType: string; description?: string | null; bytes: Buffer }, actor: string): RecordOf<'attachment'> {
    return this.inTransaction(() => {
      const rec = newRecord({ name: input.name, mediaType: input.mediaType, description: input.description ?? null }, actor, now());
      rec.size = input.bytes.length;
      rec.sha256 = sha256Hex(input.bytes);
      this.prepare('attachment', rec);
      this.writes.insertAttachment(rec, input.bytes);
      return rec;
    }) as unknown as RecordOf<'attachment'>;
  }

  /**
   * A trigger is not deleted while live deadlines hang on it: they would be left counting from nothing. `when` says
   * whether a delete is refused, or an import holding such a deleted trigger.
   */
  private refuseIfTrigger(kind: KindName, rec: StoredRecord, when: 'delete' | 'import', why?: string): void {
    if (kind !== 'deadline' && kind !== 'event' && kind !== 'meeting') return;
    const where = kind === 'deadline' ? 'trigger_deadline_id = @id' : kind === 'event' ? 'trigger_event_id = @id' : '(trigger_meeting_id = @id OR meeting_id = @id)';
    const titles = this.db.prepare(`SELECT title FROM deadline WHERE deleted_at IS NULL AND ${where} ORDER BY title`).pluck().all({ id: rec.id }) as string[];
    if (!titles.length) return;
    const named = titles.map((t) => `“${t}”`).join(', ');
    const label = KINDS[kind].label.toLowerCase();
    if (when === 'import') throw new ParleyError('invalid_input', `Live deadlines (${named}) count from this ${label}, which is deleted; a deadline's trigger must be live.`);
    if (why) throw new ParleyError('has_dependants', `${why} (${named}); give them another trigger or delete them first. Nothing was changed.`);
    throw new ParleyError('has_dependants', `Deadlines count from this ${label} (${named}); give them another trigger or delete them first. Nothing was deleted.`);
  }

  /** Sets one of the directive's dates to follow its event (deleted or restored), audited. */
  private setDirectiveDate(field: string, date: string | null, actor: string, reason: string): void {
    const before = this.directive() as unknown as StoredRecord;
    if ((before[field] ?? null) === date) return;
    const after = stamp({ ...before, [field]: date }, before, actor);
    validate('directive', after);
    this.writes.replace('directive', 'update', before, after, reason);
  }

  /** A live record at the version the caller expects. */
  private current(kind: KindName, id: string, opts: ChangeOptions): StoredRecord {
    const rec = this.get(kind, id) as StoredRecord;
    if (rec.deletedAt) throw new ParleyError('not_found', `This ${KINDS[kind].label.toLowerCase()} is deleted; restore it first.`);
    checkVersion(rec, opts);
    return rec;
  }

  private nextRevisionNumber(draftId: string): number {
    this.get('draft', draftId);
    const max = this.db.prepare('SELECT max(revision_number) FROM draft_revision WHERE draft_id = ?').pluck().get(draftId) as number | null;
    return (max ?? 0) + 1;
  }

  /**
   * Computes derived fields and checks every rule a record must meet before it is stored. Given the record as it
   * was (`before`), a reference it keeps may point at a record deleted since it was set: a deadline whose owner was
   * deleted can still be renamed, or moved with its trigger. Only a reference being set must reach as `reach` says.
   */
  private prepare(kind: KindName, rec: StoredRecord, reach: Reach = 'live', before: StoredRecord | null = null): void {
    this.derive(kind, rec);
    this.checkRules(kind, rec, reach, new Set(), before);
  }

  /** A record on its own: its derived fields worked out, and its kind's rules checked. */
  private derive(kind: KindName, rec: StoredRecord): void {
    if (kind === 'deadline') rec.dueAt = dueInstant(rec);
    // A link that names this very case as its "other" case is a link within the file; say so before the rules run,
    // or the rule against linking a record to itself would not apply to it.
    if (kind === 'link' && rec.toCaseId === this.caseId) Object.assign(rec, { toCaseId: null, toCasePath: null });
    validate(kind, rec);
  }

  /**
   * The rules between a record and the others: what it refers to is in the file, a deadline's triggers do not come
   * round to it, a link's ends exist. `cleared` carries deadlines known to lead to no circle across many checks.
   */
  private checkRules(kind: KindName, rec: StoredRecord, reach: Reach, cleared = new Set<string>(), before: StoredRecord | null = null): void {
    this.checkReferences(kind, rec, reach, before);
    if (kind === 'deadline') this.checkTriggerChain(rec, cleared);
    if (kind === 'deadline' && rec.meetingId && !rec.deletedAt) {
      const other = this.db.prepare('SELECT title FROM deadline WHERE meeting_id = ? AND deleted_at IS NULL AND id <> ?').pluck().get(rec.meetingId, rec.id) as string | undefined;
      if (other !== undefined) {
        const meeting = this.writes.table('meeting').get(rec.meetingId as string);
        throw new ParleyError('invalid_input', `The meeting “${String(meeting?.title ?? rec.meetingId)}” already has its deadline “${other}”; a meeting has one.`, [{ path: 'fields.meetingId', message: 'already has a deadline' }]);
      }
    }
    if (kind === 'event' && rec.directiveDate && !rec.deletedAt) {
      const other = this.db.prepare('SELECT title FROM event WHERE directive_date = ? AND deleted_at IS NULL AND id <> ?').pluck().get(rec.directiveDate, rec.id) as string | undefined;
      if (other !== undefined) throw new ParleyError('invalid_input', `The directive's ${dateWords(rec.directiveDate as string)} is already the event “${other}”.`);
    }
    if (kind === 'link') {
      const problem = this.linkEndProblem(rec, reach, before);
      if (problem) throw new ParleyError('invalid_input', problem);
    }
    if (kind === 'disclosure') {
      // A choice about a record that is not there would wait, unseen, for a record of that id.
      const why = this.missing(rec.recordKind, rec.recordId, reach);
      if (why) throw new ParleyError('invalid_input', `The ${KINDS[rec.recordKind as KindName].label.toLowerCase()} this sharing choice is about ${why}.`, [{ path: 'fields.recordId', message: 'no such record' }]);
    }
  }

  /**
   * Why the file does not hold this record as `reach` asks (live, or deleted too), or null if it does. Kinds and
   * ids from a file are checked before they are looked up.
   */
  private missing(kind: unknown, id: unknown, reach: Reach): string | null {
    const presence = typeof kind === 'string' && typeof id === 'string' && Object.hasOwn(KINDS, kind) ? this.writes.table(kind as KindName).presence(id) : null;
    if (presence === 'live' || (presence === 'deleted' && reach === 'stored')) return null;
    return presence === 'deleted' ? 'is deleted (restore it first)' : 'does not exist in this case file';
  }

  private checkReferences(kind: KindName, rec: StoredRecord, reach: Reach, before: StoredRecord | null): void {
    for (const [field, def] of Object.entries(KINDS[kind].fields)) {
      const value = rec[field];
      if (!def.ref || value == null) continue;
      const why = this.missing(def.ref, value, before?.[field] === value ? 'stored' : reach);
      if (why) {
        throw new ParleyError('invalid_input', `${field} refers to a ${KINDS[def.ref as KindName].label.toLowerCase()} that ${why}.`, [
          { path: `fields.${field}`, message: 'no such record' },
        ]);
      }
    }
  }

  /** A deadline may hang on another deadline, which may hang on another: refuse any loop. */
  private checkTriggerChain(rec: StoredRecord, cleared: Set<string>): void {
    const table = this.writes.table('deadline');
    const loop = triggerLoop(rec, (id) => (id === rec.id ? rec : table.get(id)), cleared);
    if (loop) throw new ParleyError('cycle', cycleMessage(loop));
  }

  /**
   * What is wrong with a link's ends, or null: each must be a record in this file (the other file's are checked
   * there). An end the link had before (`before`) may have been deleted since.
   */
  private linkEndProblem(link: StoredRecord, reach: Reach, before: StoredRecord | null = null): string | null {
    const what = (kind: unknown, id: unknown) => `${Object.hasOwn(KINDS, String(kind)) ? KINDS[kind as KindName].label.toLowerCase() : 'record'} ${String(id)}`;
    const kept = (end: 'from' | 'to') => before !== null && before[`${end}Kind`] === link[`${end}Kind`] && before[`${end}Id`] === link[`${end}Id`];
    const fromMissing = this.missing(link.fromKind, link.fromId, kept('from') ? 'stored' : reach);
    if (fromMissing) return `The ${what(link.fromKind, link.fromId)} a link starts from ${fromMissing}.`;
    if (link.toCaseId && link.toCaseId !== this.caseId) return null;
    const toMissing = this.missing(link.toKind, link.toId, kept('to') ? 'stored' : reach);
    if (toMissing) return `The ${what(link.toKind, link.toId)} a link points to ${toMissing}.`;
    return null;
  }

  /** Appends a position change for every negotiation position that differs between before and after. */
  private recordPositionChanges(before: StoredRecord | null, after: StoredRecord, actor: string, opts: ChangeOptions, reach: Reach = 'live'): void {
    for (const { field, side, position } of POSITION_SOURCES) {
      const previous = (before?.[field] as string | null) ?? null;
      const value = (after[field] as string | null) ?? null;
      if (previous === value) continue;
      this.insertRecord('positionChange', {
        issueId: after.id, side, position, previousValue: previous, value,
        meetingId: opts.meetingId ?? null, reason: opts.reason ?? null, recordedOn: opts.recordedOn ?? null,
      }, actor, {}, reach);
    }
  }

  // ---- checking ---------------------------------------------------------------------------------------------

  /** Integrity of the file, its foreign keys, and the audit chain against the records. */
  verify(): VerifyReport {
    // On a damaged file (open read-only) any of these reads may fail; the failure is then what the report says.
    const integrity = unlessDamaged(
      () => (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
      (message) => [message],
    );
    const foreignKeys = unlessDamaged(
      () => (this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(({ table, rowid, parent }) => ({ table, rowid, parent })),
      () => [],
    );
    const stored = (kind: KindName) => this.writes.table(kind).list({ includeDeleted: true, limit: -1, offset: 0, orderBy: 'rowid', asStored: true });
    const links = unlessDamaged(
      () => stored('link').flatMap((link): VerifyProblem[] => {
        const problem = this.linkEndProblem(link, 'stored');
        return problem ? [{ ids: [link.id], message: problem }] : [];
      }),
      (message) => [{ ids: [], message: `The links could not be checked: ${message}` }],
    );
    const triggerCycles = unlessDamaged(
      () => {
        const deadlines = new Map(stored('deadline').map((d) => [d.id, d]));
        const cleared = new Set<string>();
        return [...deadlines.values()].flatMap((d): VerifyProblem[] => {
          const loop = triggerLoop(d, (id) => deadlines.get(id) ?? null, cleared);
          return loop ? [{ ids: loop.map((l) => l.id), message: cycleMessage(loop) }] : [];
        });
      },
      (message) => [{ ids: [], message: `The deadlines' triggers could not be checked: ${message}` }],
    );
    const auditChain = unlessDamaged(
      () => {
        const chain = verifyAuditChain(this.db, function* () {
          for (const kind of KIND_NAMES) {
            // As stored: a record changed outside Parley is reported below as differing from its audit trail.
            for (const rec of stored(kind)) yield { kind, id: rec.id, canonical: canonicalJson(rec) };
          }
        });
        // An attachment's record holds its bytes' size and SHA-256, and so does its audit entry; the bytes do not.
        const attachments = this.db.prepare('SELECT id, size, sha256, bytes FROM attachment ORDER BY rowid').iterate() as Iterable<{ id: string; size: number; sha256: string; bytes: Buffer }>;
        for (const a of attachments) {
          if (!bytesAsRecorded(a.bytes, a)) {
            chain.problems.push({ seq: null, message: `attachment ${a.id} differs from its last audited state: its bytes are not the ones recorded (size and SHA-256), changed outside Parley` });
          }
        }
        return chain;
      },
      (message) => ({ entries: 0, head: '', problems: [{ seq: null, message: `The audit trail could not be checked: ${message}` }] }),
    );
    const ok = integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0 && links.length === 0 && triggerCycles.length === 0
      && auditChain.problems.length === 0;
    return { ok, integrity, foreignKeys, links, triggerCycles, auditChain };
  }

  /** Exposed for the library's cross-case queries, which read many files with plain SQL. */
  get connection(): Db {
    return this.db;
  }
}

/** Runs a read; if the file turns out to be damaged there, returns what `fallback` makes of the message instead. */
function unlessDamaged<T>(read: () => T, fallback: (message: string) => T): T {
  try {
    return read();
  } catch (err) {
    const problem = toParleyError(err);
    if (problem.code !== 'damaged') throw err;
    return fallback(problem.message);
  }
}

function now(): string {
  return new Date().toISOString();
}

/**
 * Walks up the triggers from a deadline. Returns the deadlines that come round to themselves, each hanging on the
 * next and the last on the first, or null if the chain ends. `cleared` holds deadlines already walked past, known
 * to lead to no circle that has not been found; every deadline walked is added to it, so checking every deadline
 * of a case walks each chain once.
 */
function triggerLoop(start: StoredRecord, byId: (id: string) => StoredRecord | null, cleared: Set<string>): StoredRecord[] | null {
  const path: StoredRecord[] = [];
  const onPath = new Map<string, number>();
  let loop: StoredRecord[] | null = null;
  for (let current: StoredRecord | null = start; current && !cleared.has(current.id);) {
    const seenAt = onPath.get(current.id);
    if (seenAt !== undefined) {
      loop = path.slice(seenAt);
      break;
    }
    onPath.set(current.id, path.length);
    path.push(current);
    const next: unknown = current.triggerDeadlineId;
    current = typeof next === 'string' ? byId(next) : null;
  }
  for (const d of path) cleared.add(d.id);
  return loop;
}

/** The engine's words for a circle of triggers: "“A” hangs on “B”, which hangs on “A”". */
function cycleMessage(loop: StoredRecord[]): string {
  return new TriggerCycleError(loop.map((d) => ({ ...d, title: String(d.title) })) as unknown as DeadlineInput[]).message;
}

/** A refusal met by one record of an export, saying which record it is. */
function inExportedRecord(kind: KindName, rec: StoredRecord, err: unknown): unknown {
  if (!(err instanceof ParleyError)) return err;
  return new ParleyError(err.code, `The export's ${KINDS[kind].label.toLowerCase()} ${rec.id}: ${err.message}`, err.issues);
}

/** "issued date", "received date". */
function dateWords(field: string): string {
  return field === 'issuedOn' ? 'issued date' : 'received date';
}

/** The event that is one of the directive's dates. */
function directiveDateEvent(field: string, date: string, actor: string, at: string): StoredRecord {
  const { title, eventKind } = DIRECTIVE_DATE_EVENTS.find((e) => e.field === field)!;
  const rec = newRecord({ title, eventKind, occurredOn: date, directiveDate: field }, actor, at);
  validate('event', rec);
  return rec;
}

function newRecord(fields: Record<string, unknown>, actor: string, at: string): StoredRecord {
  return { ...fields, id: randomUUID(), version: 1, createdAt: at, createdBy: actor, updatedAt: at, updatedBy: actor, deletedAt: null, deletedBy: null } as StoredRecord;
}

function stamp(after: StoredRecord, before: StoredRecord, actor: string): StoredRecord {
  after.version = before.version + 1;
  after.updatedAt = now();
  after.updatedBy = actor;
  return after;
}

function checkVersion(rec: StoredRecord, opts: ChangeOptions): void {
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== rec.version) {
    throw new ParleyError('conflict', `This record was changed by someone else (now version ${rec.version}, you had version ${opts.expectedVersion}). Reload it and try again.`);
  }
}

function sameFields(kind: KindName, a: StoredRecord, b: StoredRecord): boolean {
  return Object.keys(KINDS[kind].fields).every((f) => canonicalJson(a[f] ?? null) === canonicalJson(b[f] ?? null));
}

/** Fills absent optional fields with null and applies the kind's cross-field rule. */
export function validate(kind: KindName, rec: StoredRecord): void {
  const def = KINDS[kind];
  for (const [name, f] of Object.entries(def.fields)) {
    if (rec[name] === undefined) rec[name] = null;
    if (f.required && rec[name] === null) throw new ParleyError('invalid_input', `${def.label}: ${name} is required.`, [{ path: `fields.${name}`, message: 'required' }]);
  }
  const problem = (def.check as ((r: StoredRecord) => string | null) | undefined)?.(rec);
  if (problem) throw new ParleyError('invalid_input', `${def.label}: ${problem}.`);
}

/**
 * The UTC instant a date-time deadline falls due, by the engine's reading of wall-clock times across daylight-saving
 * changes (a skipped time lands after the jump, a repeated one on its first occurrence): the same instant the
 * engine, the reminders and the calendar export use.
 */
function dueInstant(rec: StoredRecord): string | null {
  if (rec.dueType !== 'datetime' || !rec.dueDate || !rec.dueTime || !rec.timeZone) return null;
  return zonedTimeToInstant(rec.dueDate as string, rec.dueTime as string, rec.timeZone as string).toISOString();
}

function titleOf(kind: KindName, rec: StoredRecord): string {
  const v = rec[KINDS[kind].titleField];
  return typeof v === 'string' && v ? v.slice(0, 200) : KINDS[kind].label;
}

function toAuditEntry(row: AuditRow): AuditEntry {
  const before = auditState(row, row.before_json);
  const after = auditState(row, row.after_json);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changedFields = [...keys].filter(
    (k) => !['version', 'updatedAt', 'updatedBy'].includes(k) && canonicalJson(before?.[k] ?? null) !== canonicalJson(after?.[k] ?? null),
  );
  return {
    seq: row.seq, at: row.at, actor: row.actor, operation: row.operation, kind: row.record_kind as KindName,
    recordId: row.record_id, before, after, reason: row.reason, changedFields,
  };
}

/** A record's state as an audit entry keeps it; JSON that is not a record's is damage, said as such. */
function auditState(row: AuditRow, json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    state = undefined;
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new ParleyError('damaged', `The case file is damaged: audit entry ${row.seq} does not hold a record Parley can read (the file was changed outside Parley). Open a backup of the case file.`);
  }
  return state as Record<string, unknown>;
}

export { LATEST_SCHEMA_VERSION };
