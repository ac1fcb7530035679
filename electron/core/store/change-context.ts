// What a change is given and what the kinds' rules and the schedule may use of the change path while it runs. Kept
// apart from the change path itself (record-changes.ts), so that the rules it applies need not import it.
import type { KindName } from '../../../shared/records.js';
import type { RecordStore } from './record-store.js';
import type { StoredRecord } from './record-table.js';

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
  /**
   * Fields the change writes even where their value stays: a merge conflict resolved by keeping the value shown is
   * still a change made on every side of the conflict (set by merge/conflicts.ts only).
   */
  alsoWrote?: readonly string[];
}

/**
 * What a record may point at. A change through the API may only point at live records. A record of an import or of
 * a file being verified may point at a deleted one too: an attendee of a meeting deleted after it was added, a link
 * to a precedent deleted since. Either way the record pointed at must be in the file.
 */
export type Reach = 'live' | 'stored';

/**
 * A record changed along with the one the caller changed, to keep one fact in one place: the directive's dates and
 * their events, a meeting and its own deadline. Written in the same transaction, each with its own audit entry.
 */
export interface Companion {
  kind: KindName;
  op: 'create' | 'update' | 'delete';
  before: StoredRecord | null;
  after: StoredRecord;
  reason: string;
}

/** The change path as the kinds' rules and the schedule's writes use it, inside the change's transaction. */
export interface ChangeContext {
  readonly records: RecordStore;
  /** The case's own id: a link naming it as the other case is a link within the file. */
  readonly caseId: string;
  /** Makes a record through the whole change path (its kind's rules, companions and schedule). */
  create(kind: KindName, fields: Record<string, unknown>, actor: string, opts: ChangeOptions, reach?: Reach): StoredRecord;
  /** A record on its own: its derived fields worked out, and its kind's rules checked. */
  derive(kind: KindName, rec: StoredRecord): void;
  /** Derives and checks a record before it is stored (see RecordChanges.prepare). */
  prepare(kind: KindName, rec: StoredRecord, reach?: Reach, before?: StoredRecord | null): void;
}
