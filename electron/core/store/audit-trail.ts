// The tamper-evident audit trail. Each entry's hash is SHA-256 over the previous entry's hash and a canonical
// form of the entry, so editing, deleting or reordering an entry breaks the chain. The chain's head is also kept
// in case_meta, and verify checks that every record's current state is the state its last entry recorded, so that
// cutting entries off the end, or editing a record behind Parley's back, is caught as well. The entries are read
// back here too, as a record's history and the case's recent changes show them.
import type { AuditEntry, AuditOperation } from '../../../shared/api-types.js';
import type { KindName } from '../../../shared/records.js';
import type { Db } from '../db/connection.js';
import { ParleyError } from '../errors.js';
import { canonicalJson, sameJson, sha256Hex } from './canonical.js';
import { ChangeLog, hasChangeLog, type Change, type EntryRow } from './change-log.js';

export const GENESIS_HASH = '0'.repeat(64);

/** An audit entry as stored: what it records (store/change-log.ts) and its place in the hash chain. */
export interface AuditRow extends EntryRow {
  prev_hash: string;
  hash: string;
}

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256Hex(
    JSON.stringify([row.seq, row.at, row.actor, row.operation, row.record_kind, row.record_id, row.before_json, row.after_json, row.reason, row.prev_hash]),
  );
}

export class AuditTrail {
  private readonly insert;
  private readonly head;
  private readonly setMeta;
  readonly changes: ChangeLog;

  constructor(private readonly db: Db) {
    this.changes = new ChangeLog(db);
    this.insert = db.prepare(
      `INSERT INTO audit_log (seq, at, actor, operation, record_kind, record_id, before_json, after_json, reason, prev_hash, hash)
       VALUES (@seq, @at, @actor, @operation, @record_kind, @record_id, @before_json, @after_json, @reason, @prev_hash, @hash)`,
    );
    this.head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.setMeta = db.prepare('INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  /**
   * Appends an entry, and the change it is (store/change-log.ts); must run inside the transaction that makes the
   * change. `as` is what a change merged from another copy brings (its id, patch, parents, copy); a change made here
   * works those out, `alsoWrote` naming fields it wrote even where the value stayed (a conflict resolved).
   */
  append(
    entry: { at: string; actor: string; operation: AuditOperation; kind: string; id: string; before: unknown; after: unknown; reason?: string | null },
    as?: { merged?: Change; alsoWrote?: readonly string[] },
  ): AuditRow {
    const last = this.head.get() as { seq: number; hash: string } | undefined;
    const row: Omit<AuditRow, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: entry.at,
      actor: entry.actor,
      operation: entry.operation,
      record_kind: entry.kind,
      record_id: entry.id,
      before_json: entry.before == null ? null : canonicalJson(entry.before),
      after_json: entry.after == null ? null : canonicalJson(entry.after),
      reason: entry.reason ?? null,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const full: AuditRow = { ...row, hash: entryHash(row) };
    this.insert.run(full);
    this.setMeta.run('audit_head', `${full.seq}:${full.hash}`);
    if (as?.merged) this.changes.recordMerged(full.seq, as.merged);
    else this.changes.recordLocal(full, entry.before as Record<string, unknown> | null, entry.after as Record<string, unknown> | null, as?.alsoWrote);
    return full;
  }
}

export interface ChainProblem {
  seq: number | null;
  message: string;
}

/** Walks the whole chain and cross-checks it with the records; returns every problem found. */
export function verifyAuditChain(db: Db, currentRecords: () => Iterable<{ kind: string; id: string; canonical: string }>): { entries: number; head: string; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const lastAfter = new Map<string, string | null>();
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    entries++;
    if (row.seq !== expectedSeq) problems.push({ seq: row.seq, message: `entry ${expectedSeq} is missing (the next entry is ${row.seq})` });
    if (row.prev_hash !== prevHash) problems.push({ seq: row.seq, message: `entry ${row.seq} does not follow the entry before it (removed or reordered entries)` });
    if (entryHash(row) !== row.hash) problems.push({ seq: row.seq, message: `entry ${row.seq} was altered after it was written` });
    lastAfter.set(`${row.record_kind}:${row.record_id}`, row.after_json);
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const headRow = db.prepare("SELECT value FROM case_meta WHERE key = 'audit_head'").get() as { value: string } | undefined;
  const head = entries ? `${expectedSeq - 1}:${prevHash}` : '';
  if ((headRow?.value ?? '') !== head) problems.push({ seq: null, message: 'the audit trail ends before its recorded head (entries were cut off the end)' });
  for (const rec of currentRecords()) {
    const key = `${rec.kind}:${rec.id}`;
    const recorded = lastAfter.get(key);
    if (recorded === undefined) problems.push({ seq: null, message: `${rec.kind} ${rec.id} has no audit entry` });
    else if (recorded !== rec.canonical) problems.push({ seq: null, message: `${rec.kind} ${rec.id} differs from its last audited state (changed outside Parley)` });
    lastAfter.delete(key);
  }
  for (const [key, after] of lastAfter) {
    if (after !== null) problems.push({ seq: null, message: `${key.replace(':', ' ')} is in the audit trail but missing from the file` });
  }
  return { entries, head: prevHash, problems };
}

/** Every audit entry about one record, oldest first. */
export function auditEntriesOf(db: Db, recordId: string): AuditEntry[] {
  const rows = db.prepare(`${entriesSql(db)} WHERE a.record_id = ? ORDER BY a.seq`).all(recordId) as EntryWithChange[];
  return rows.map(toAuditEntry);
}

/** An entry with what the change log says of it: the copy it was made in, and what it wrote if merged from another. */
type EntryWithChange = AuditRow & { copy_label: string | null; patch: string | null; other_copy: number };
const ENTRIES_SQL = `SELECT a.*, k.label AS copy_label, c.patch,
    coalesce(c.copy_id <> (SELECT value FROM case_meta WHERE key = 'copy_id'), 0) AS other_copy
  FROM audit_log a LEFT JOIN change_log c ON c.seq = a.seq LEFT JOIN case_copy k ON k.id = c.copy_id`;
/** The same for a file made before copies merged (schema 7 and earlier), open read-only. */
const OLD_ENTRIES_SQL = 'SELECT a.*, NULL AS copy_label, NULL AS patch, 0 AS other_copy FROM audit_log a';

function entriesSql(db: Db): string {
  return hasChangeLog(db) ? ENTRIES_SQL : OLD_ENTRIES_SQL;
}

/** The newest audit entries of the whole case before `beforeSeq` (all when not given), newest first. */
export function recentAuditEntries(db: Db, limit: number, beforeSeq?: number): AuditEntry[] {
  const rows = db.prepare(`${entriesSql(db)} WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`).all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as EntryWithChange[];
  return rows.map(toAuditEntry);
}

/** The stored hash of the audit entry numbered `seq`, or null if the trail has no such entry. */
export function auditHashAt(db: Db, seq: number): string | null {
  return (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined) ?? null;
}

function toAuditEntry(row: EntryWithChange): AuditEntry {
  const before = auditState(row, row.before_json);
  const after = auditState(row, row.after_json);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changedFields = [...keys].filter(
    (k) => !['version', 'updatedAt', 'updatedBy'].includes(k) && !sameJson(before?.[k], after?.[k]),
  );
  return {
    seq: row.seq, at: row.at, actor: row.actor, operation: row.operation, kind: row.record_kind as KindName,
    recordId: row.record_id, before, after, reason: row.reason, changedFields,
    copy: row.copy_label ?? null,
    fromOtherCopy: row.other_copy === 1,
    // A change merged from another copy: what it wrote there, which a conflict may keep out of `after` here.
    wrote: row.patch === null || row.patch === undefined ? null : (JSON.parse(row.patch) as Record<string, unknown>),
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
