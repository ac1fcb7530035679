// Every audit entry is also a change that copies of the case exchange (migration 0008, docs/ARCHITECTURE.md "Copies
// and merging"). A change is what it did, not where it sits in one copy's trail: its record, operation, the fields it
// wrote (its patch), the record's changes it was made on (its parents), author, time, copy and reason. Its id is the
// SHA-256 of exactly that, so the same change has the same id in every copy, a change cannot be altered without
// changing its id, and importing one twice is seen as such.
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AuditOperation } from '../../../shared/api-types.js';
import type { KindName } from '../../../shared/records.js';
import type { Db } from '../db/connection.js';
import { statement } from '../db/statements.js';
import { ParleyError } from '../errors.js';
import { canonicalJson, sameJson, sha256Hex } from './canonical.js';

/** The field of a conflict that flags a record deleted in one copy and changed in another (merge/record-state.ts). */
export const DELETED_FIELD = '(deleted)';

/** An audit entry as stored, but for its place in the hash chain (store/audit-trail.ts). */
export interface EntryRow {
  seq: number;
  at: string;
  actor: string;
  operation: AuditOperation;
  record_kind: string;
  record_id: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

/** A change as copies exchange it. */
export interface Change {
  id: string;
  kind: KindName;
  recordId: string;
  op: AuditOperation;
  /** The fields it wrote, with the values it wrote (a purge writes none). */
  patch: Record<string, unknown>;
  /** The record's changes it was made on: none for a record's first change. */
  parents: string[];
  author: string;
  at: string;
  /** The copy it was made in; null for a change made before copies were told apart (schema 7 and earlier). */
  copy: string | null;
  reason: string | null;
}

/** Fields every version of a record restamps: not what a change did, and never a conflict. */
export const STAMP_FIELDS: ReadonlySet<string> = new Set(['id', 'version', 'updatedAt', 'updatedBy']);

/** The id a change has in every copy: the SHA-256 of what it is. */
export function changeIdOf(c: Omit<Change, 'id'>): string {
  return sha256Hex(canonicalJson([c.kind, c.recordId, c.op, c.patch, [...c.parents].sort(), c.author, c.at, c.copy, c.reason]));
}

/** The fields a change from `before` to `after` wrote; `also` are written even where the value stayed (a resolution). */
export function patchOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null, also: readonly string[] = []): Record<string, unknown> {
  if (!after) return {};
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    // Skipped as JSON skips them: the patch is the same whether worked out from the record or from its audit entry.
    if (STAMP_FIELDS.has(k) || v === undefined) continue;
    if (!before || also.includes(k) || !sameJson(before[k], v)) patch[k] = v ?? null;
  }
  return patch;
}

/** Where a copy lives: this machine and this path. A file copied or moved elsewhere is another copy from then on. */
function homeOf(file: string): string {
  return `${os.hostname()}\n${path.resolve(file)}`;
}

function labelOf(file: string): string {
  return `${path.basename(file)} on ${os.hostname()}`;
}

/**
 * Makes sure the file knows which copy it is: a new copy id when the file is not where its copy id was given (copied
 * with the file manager, sent to a colleague, restored from a backup). Runs when a file is opened for editing, before
 * any change is made in it.
 */
export function establishCopy(db: Db, file: string): void {
  const meta = db.prepare("SELECT key, value FROM case_meta WHERE key IN ('copy_id', 'copy_home')").all() as { key: string; value: string }[];
  const home = meta.find((m) => m.key === 'copy_home')?.value;
  if (home === homeOf(file) && meta.some((m) => m.key === 'copy_id')) return;
  db.transaction(() => newCopy(db, file)).immediate();
}

/** Gives the file a new copy id (inside the caller's transaction). */
export function newCopy(db: Db, file: string): void {
  const id = randomUUID();
  const set = db.prepare('INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  set.run('copy_id', id);
  set.run('copy_home', homeOf(file));
  db.prepare('INSERT OR IGNORE INTO case_copy (id, label) VALUES (?, ?)').run(id, labelOf(file));
}

interface ChangeLogRow {
  seq: number;
  change_id: string;
  parents: string;
  copy_id: string | null;
  patch: string | null;
}

/**
 * A record's heads (its newest changes) as a function of its id. Nearly always a record has one head, its last change
 * in this copy: change_head holds the heads only of records that have several (concurrent changes merged from another
 * copy), so that an edit writes no row there (a page fewer to sync per edit; migration 0013). A file of schema 8 to 12
 * opened read-only still lists single heads there, which read the same.
 */
export function recordHeads(db: Db): (recordId: string) => string[] {
  const several = statement(db, 'SELECT change_id FROM change_head WHERE record_id = ?').pluck();
  // The change of the record's newest audit entry that has one: while a change is being stored its own entry has
  // none yet (store/audit-trail.ts writes the entry first).
  const last = statement(db, 'SELECT c.change_id FROM audit_log a JOIN change_log c ON c.seq = a.seq WHERE a.record_id = ? ORDER BY a.seq DESC LIMIT 1').pluck();
  return (recordId) => {
    const heads = several.all(recordId) as string[];
    if (heads.length) return heads;
    const change = last.get(recordId) as string | undefined;
    return change === undefined ? [] : [change];
  };
}

/** A copy's changes, in its own file: written with each audit entry, read for merging and exporting. */
export class ChangeLog {
  private readonly insert;
  private readonly headsOf;
  private readonly dropHeads;
  private readonly addHead;
  private readonly copyId;
  private readonly closeConflicts;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO change_log (seq, change_id, parents, copy_id, patch) VALUES (?, ?, ?, ?, ?)');
    this.headsOf = recordHeads(db);
    this.dropHeads = db.prepare('DELETE FROM change_head WHERE record_id = ?');
    this.addHead = db.prepare('INSERT OR IGNORE INTO change_head (record_id, change_id) VALUES (?, ?)');
    this.copyId = db.prepare("SELECT value FROM case_meta WHERE key = 'copy_id'").pluck();
    this.closeConflicts = db.prepare('DELETE FROM merge_conflict WHERE record_id = ? AND field IN (SELECT value FROM json_each(?))');
  }

  /** The record's newest changes: what a change made now is made on. */
  heads(recordId: string): string[] {
    return this.headsOf(recordId);
  }

  /**
   * Records the change an audit entry made here is (inside its transaction): made on the record's heads, in this copy.
   * `also` are fields written even where the value stayed (a conflict resolved by keeping the value shown).
   */
  recordLocal(row: EntryRow, before: Record<string, unknown> | null, after: Record<string, unknown> | null, also: readonly string[] = []): Change {
    const patch = patchOf(before, after, also);
    const body: Omit<Change, 'id'> = {
      kind: row.record_kind as KindName, recordId: row.record_id, op: row.operation, patch, parents: this.heads(row.record_id).sort(),
      author: row.actor, at: row.at, copy: (this.copyId.get() as string | undefined) ?? null, reason: row.reason,
    };
    const change = { id: changeIdOf(body), ...body };
    // The patch is kept only where before and after do not show it (only fields written as they were can make it differ).
    const derived = !also.length || canonicalJson(patchOf(before, after)) === canonicalJson(patch);
    // Made on all the record's heads: they are its parents, read once.
    this.store(row.seq, change, derived ? null : patch, body.parents);
    // A change made here on every side of a conflict settles it (its parents are all the record's heads).
    const settled = Object.keys(patch);
    if ('deletedAt' in patch || row.operation === 'purge') settled.push(DELETED_FIELD);
    this.closeConflicts.run(row.record_id, JSON.stringify(settled));
    return change;
  }

  /** Records a change merged from another copy, appended here as the audit entry `seq`. */
  recordMerged(seq: number, change: Change): void {
    this.store(seq, change, change.patch);
  }

  /** Records the change an entry made before migration 0008 was: its patch is what its before and after show. */
  recordDerived(seq: number, change: Change): void {
    this.store(seq, change, null);
  }

  /**
   * Stores the change; the record's heads (`headsNow`, read if not given) become those it was not made on, and it.
   * When it is the only one, it is the record's last change, which needs no row (see recordHeads): deleting rows the
   * record does not have writes nothing.
   */
  private store(seq: number, change: Change, patch: Record<string, unknown> | null, headsNow = this.heads(change.recordId)): void {
    this.insert.run(seq, change.id, JSON.stringify(change.parents), change.copy, patch === null ? null : canonicalJson(patch));
    const others = headsNow.filter((h) => !change.parents.includes(h));
    this.dropHeads.run(change.recordId);
    if (others.length) for (const h of [...others, change.id]) this.addHead.run(change.recordId, h);
  }
}

/** How far the change log lags the audit trail: entries made before migration 0008, not yet given their change. */
export function changeLogBehind(db: Db): boolean {
  const audit = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null;
  const log = db.prepare('SELECT max(seq) FROM change_log').pluck().get() as number | null;
  return (audit ?? 0) !== (log ?? 0);
}

/**
 * Gives each audit entry made before migration 0008 its change (inside the caller's transaction): each made on the
 * record's entry before it, in no copy. Deterministic, so two copies of one old file, upgraded apart, agree on the
 * ids of the changes they share.
 */
export function fillChangeLog(db: Db): void {
  const log = new ChangeLog(db);
  for (const change of unloggedChanges(db, (id) => log.heads(id))) log.recordDerived(change.seq, change);
}

/** The changes of the audit entries the change log does not hold yet (see fillChangeLog), worked out in memory. */
function* unloggedChanges(db: Db, loggedHeads: (recordId: string) => string[]): Generator<Change & { seq: number }> {
  const from = hasChangeLog(db) ? ((db.prepare('SELECT max(seq) FROM change_log').pluck().get() as number | null) ?? 0) : 0;
  const heads = new Map<string, string[]>();
  // Read whole: the caller may write the change log as it goes.
  for (const row of db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(from) as EntryRow[]) {
    const body: Omit<Change, 'id'> = {
      kind: row.record_kind as KindName, recordId: row.record_id, op: row.operation,
      patch: patchOf(parseState(row, row.before_json), parseState(row, row.after_json)),
      parents: heads.get(row.record_id) ?? loggedHeads(row.record_id), author: row.actor, at: row.at, copy: null, reason: row.reason,
    };
    const change = { id: changeIdOf(body), ...body, seq: row.seq };
    heads.set(row.record_id, [change.id]);
    yield change;
  }
}

/** Whether the file has a change log: files made before copies merged (schema 7 and earlier) do not. */
export function hasChangeLog(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").get() !== undefined;
}

/**
 * Every change a copy holds, in the order it took them in, also from a file opened read-only that was made before
 * copies merged (schema 7 and earlier): its changes are worked out as fillChangeLog would write them.
 */
export function* changesOfCopy(db: Db, wanted: (id: string) => boolean = () => true): Generator<Change & { seq: number }> {
  const logged = hasChangeLog(db);
  if (logged) yield* allChanges(db, wanted);
  const headsOf = logged ? recordHeads(db) : () => [];
  for (const c of unloggedChanges(db, headsOf)) if (wanted(c.id)) yield c;
}

/** The labels of the copies a file knows, by id. */
export function copyLabels(db: Db): Record<string, string> {
  if (!hasChangeLog(db)) return {};
  return Object.fromEntries((db.prepare('SELECT id, label FROM case_copy').all() as { id: string; label: string }[]).map((c) => [c.id, c.label]));
}

function parseState(row: EntryRow, json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new ParleyError('damaged', `The case file is damaged: audit entry ${row.seq} does not hold a record Parley can read (the file was changed outside Parley). Open a backup of the case file.`);
  }
}

/** A change as this copy stores it, read back: from its audit entry and its change_log row. */
export function changeFromRows(row: EntryRow, log: ChangeLogRow): Change {
  const before = parseState(row, row.before_json);
  const after = parseState(row, row.after_json);
  return {
    id: log.change_id, kind: row.record_kind as KindName, recordId: row.record_id, op: row.operation,
    patch: log.patch === null ? patchOf(before, after) : (JSON.parse(log.patch) as Record<string, unknown>),
    parents: JSON.parse(log.parents) as string[], author: row.actor, at: row.at, copy: log.copy_id, reason: row.reason,
  };
}

const CHANGES_SQL = `SELECT a.*, c.change_id, c.parents, c.copy_id, c.patch FROM audit_log a JOIN change_log c ON c.seq = a.seq`;

/**
 * The changes this copy holds that `wanted` accepts (by id, before anything else of them is read), in the order it
 * took them in: a change always after those it was made on.
 */
export function* allChanges(db: Db, wanted: (id: string) => boolean = () => true): Generator<Change & { seq: number }> {
  const seqs = (db.prepare('SELECT seq, change_id FROM change_log ORDER BY seq').raw().all() as [number, string][]).filter(([, id]) => wanted(id));
  const read = db.prepare(`${CHANGES_SQL} WHERE a.seq = ?`);
  for (const [seq] of seqs) {
    const r = read.get(seq) as (EntryRow & ChangeLogRow) | undefined;
    // A change whose audit entry was removed behind Parley: verify says so (changeLogProblems); there is nothing to read.
    if (r) yield { ...changeFromRows(r, r), seq };
  }
}

/** The changes of one record this copy holds, in the order it took them in. */
export function changesOfRecord(db: Db, recordId: string): Change[] {
  return (statement(db, `${CHANGES_SQL} WHERE a.record_id = ? ORDER BY a.seq`).all(recordId) as (EntryRow & ChangeLogRow)[]).map((r) => changeFromRows(r, r));
}

/**
 * Whether this copy holds a change, for asking of many changes (a merge). A change's id is not indexed (an index of
 * random hashes cost every edit a page to write and sync; migration 0013): the ids are read once, and at each question
 * those of changes written since (a merge writes as it goes), found by seq.
 */
export function hasChange(db: Db): (id: string) => boolean {
  const ids = new Set<string>();
  let readTo = 0;
  const since = db.prepare('SELECT seq, change_id FROM change_log WHERE seq > ? ORDER BY seq').raw();
  return (id) => {
    for (const [seq, changeId] of since.all(readTo) as [number, string][]) {
      ids.add(changeId);
      readTo = seq;
    }
    return ids.has(id);
  };
}

/** The ids of every change this copy holds, read at once: for asking of many changes whether it holds them. */
export function changeIdsOf(db: Db): Set<string> {
  return new Set(db.prepare('SELECT change_id FROM change_log').pluck().all() as string[]);
}

/**
 * What is wrong with the change log (for verify): an audit entry without its change, a change whose id is not the
 * SHA-256 of what it did (altered), one held twice, or one made on a change the copy does not hold.
 */
export function changeLogProblems(db: Db): { seq: number | null; message: string }[] {
  if (!hasChangeLog(db)) return [];
  const problems: { seq: number | null; message: string }[] = [];
  const orphans = db.prepare('SELECT c.seq FROM change_log c LEFT JOIN audit_log a ON a.seq = c.seq WHERE a.seq IS NULL ORDER BY c.seq LIMIT 5').pluck().all() as number[];
  for (const seq of orphans) problems.push({ seq, message: `the change log holds a change of audit entry ${seq}, which is not in the audit trail (removed outside Parley)` });
  const missing = db.prepare('SELECT a.seq FROM audit_log a LEFT JOIN change_log c ON c.seq = a.seq WHERE c.seq IS NULL ORDER BY a.seq LIMIT 5').pluck().all() as number[];
  // A file opened read-only may not have been given the changes of entries made before copies merged.
  if (missing.length && db.prepare('SELECT count(*) FROM change_log').pluck().get() !== 0) {
    for (const seq of missing) problems.push({ seq, message: `audit entry ${seq} has no change in the change log (removed outside Parley)` });
  }
  const ids = new Set<string>();
  for (const c of allChanges(db)) {
    const { seq, id, ...body } = c;
    if (changeIdOf(body) !== id) problems.push({ seq, message: `change ${id.slice(0, 12)}… of audit entry ${seq} was altered: its content does not match its id` });
    if (ids.has(id)) problems.push({ seq, message: `change ${id.slice(0, 12)}… of audit entry ${seq} is held twice (added again outside Parley)` });
    for (const p of c.parents) if (!ids.has(p)) problems.push({ seq, message: `change ${id.slice(0, 12)}… of audit entry ${seq} is made on a change this copy does not hold` });
    ids.add(id);
  }
  return problems;
}
