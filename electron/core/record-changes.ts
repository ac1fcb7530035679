// The change path: every create, update, delete, restore and purge of a record, worked out in full and checked
// before anything is written, then written with the records that change with it (companions) and the deadlines it
// moves. Each kind's own rules come from one table (store/kind-rules.ts) and are applied to every kind alike. The
// caller holds the transaction (CaseFile runs each change in one IMMEDIATE transaction).
import type { ScheduleChange } from '../../shared/api-types.js';
import { acceptedType, attachmentRefusal } from '../../shared/attachments.js';
import type { LinkableKind } from '../../shared/enums.js';
import { COMPUTED_FIELDS, KINDS, type KindName, type RecordOf } from '../../shared/records.js';
import { confirmedMoves, planSchedule, writeMoves } from './deadlines/schedule-changes.js';
import { scheduleReaderOf, type ScheduleReader } from './deadlines/schedule-reader.js';
import { refuseIfTrigger } from './deadlines/triggers.js';
import type { SchedulePlan } from './deadlines/schedule.js';
import { ParleyError } from './errors.js';
import { sha256Hex } from './store/canonical.js';
import type { ChangeContext, ChangeOptions, Companion, Reach } from './store/change-context.js';
import { checkReferences, fillTimeOfRecord, linkEndProblem, rulesOf } from './store/kind-rules.js';
import { dependantsOf, historyOf } from './deletion.js';
import { recordInWords } from '../../shared/deletion.js';
import { newRecord, now, sameFields, stamp, titleOf, validate, type RecordStore } from './store/record-store.js';
import type { StoredRecord } from './store/record-table.js';

/** What attachment.add takes: the file, and the record it is attached to (none: the case itself). */
export interface NewAttachment {
  name: string;
  mediaType: string;
  description?: string | null;
  attachedTo?: { kind: LinkableKind; id: string };
  bytes: Buffer;
}

/** A change to a record worked out in full, before anything is written. */
interface PlannedUpdate {
  before: StoredRecord;
  after: StoredRecord;
  schedule: SchedulePlan;
  companions: Companion[];
}

export class RecordChanges implements ChangeContext {
  readonly schedule: ScheduleReader;

  constructor(readonly records: RecordStore, readonly caseId: string) {
    this.schedule = scheduleReaderOf(records);
  }

  create(kind: KindName, fields: Record<string, unknown>, actor: string, opts: ChangeOptions = {}, reach: Reach = 'live'): StoredRecord {
    const rules = rulesOf(kind);
    const rec = newRecord(fields, actor, now());
    rules.onCreate?.(rec, this);
    fillTimeOfRecord(this.records, kind, rec);
    const companions = rules.companions?.(null, rec, fields, this) ?? [];
    planSchedule(this.schedule, kind, null, rec, companions);
    this.prepare(kind, rec, reach);
    for (const c of companions) this.prepare(c.kind, c.after, 'live', c.before);
    this.records.insert(kind, rec, opts.reason ?? null);
    this.writeCompanions(companions, actor);
    rules.afterWrite?.(null, rec, actor, opts, this);
    return rec;
  }

  /**
   * An update and, when the user confirmed them (`confirmMoves`, with a reason), the moves of every deadline that
   * hangs on the record; each moved deadline's audit entry carries the reason.
   */
  update(kind: KindName, id: string, changes: Record<string, unknown>, actor: string, opts: ChangeOptions = {}): ScheduleChange & { record: StoredRecord; before: StoredRecord } {
    const { before, after, schedule, companions } = this.planUpdate(kind, id, changes, opts);
    const wrote = !sameFields(kind, before, after) || !!opts.alsoWrote?.length;
    if (!wrote && companions.length === 0) return { record: before, before, moves: schedule.moves };
    const moved = confirmedMoves(schedule, opts);
    if (wrote) {
      stamp(after, before, actor);
      this.records.replace(kind, 'update', before, after, opts.reason ?? null, opts.alsoWrote);
    }
    this.writeCompanions(companions, actor, opts.reason);
    rulesOf(kind).afterWrite?.(before, after, actor, opts, this);
    writeMoves(this, schedule, moved, titleOf(kind, after), actor, opts.reason);
    return { record: after, before, moves: schedule.moves };
  }

  planUpdate(kind: KindName, id: string, changes: Record<string, unknown>, opts: ChangeOptions): PlannedUpdate {
    const rules = rulesOf(kind);
    const before = this.current(kind, id, opts);
    const after: StoredRecord = { ...before, ...changes };
    for (const f of COMPUTED_FIELDS[kind] ?? []) after[f] = before[f];
    rules.onUpdate?.(before, changes, after);
    const companions = rules.companions?.(before, after, changes, this) ?? [];
    const schedule = planSchedule(this.schedule, kind, before, after, companions);
    this.prepare(kind, after, 'live', before);
    for (const c of companions) this.prepare(c.kind, c.after, 'live', c.before);
    return { before, after, schedule, companions };
  }

  /**
   * Soft delete: the record leaves every list and the search index, and can be restored. What cannot be without it
   * (its links, the records that must point at it: see deletion.ts) is deleted with it, at the same time.
   */
  delete(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): StoredRecord {
    const before = this.current(kind, id, opts);
    refuseIfTrigger(this.schedule, kind, before, 'delete');
    const dependants = dependantsOf(this.records, kind, before, 'live');
    for (const d of dependants) refuseIfTrigger(this.schedule, d.kind, d.rec, 'delete');
    const after = this.softDelete(kind, before, actor, null, opts.reason ?? null);
    const withIt = `deleted with ${recordInWords(kind, titleOf(kind, before))}`;
    for (const d of dependants) this.softDelete(d.kind, this.records.get(d.kind, d.rec.id), actor, after.deletedAt, withIt);
    return after;
  }

  /** Marks one record deleted, at `at` (the record it goes with) or now. */
  private softDelete(kind: KindName, before: StoredRecord, actor: string, at: string | null, reason: string | null): StoredRecord {
    const after = stamp({ ...before, deletedBy: actor }, before, actor);
    after.deletedAt = at ?? after.updatedAt;
    this.records.replace(kind, 'delete', before, after, reason);
    rulesOf(kind).afterDelete?.(before, actor, this);
    return after;
  }

  /** Brings a deleted record back, with what was deleted with it (see delete); a link whose other end is still deleted stays deleted. */
  restore(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): StoredRecord {
    const before: StoredRecord = this.records.get(kind, id);
    if (!before.deletedAt) throw new ParleyError('invalid_input', `This ${KINDS[kind].label.toLowerCase()} is not deleted.`);
    checkVersion(before, opts);
    const dependants = dependantsOf(this.records, kind, before, 'deletedWithIt');
    const after = this.restoreOne(kind, before, actor, opts.reason ?? null);
    const withIt = `restored with ${recordInWords(kind, titleOf(kind, before))}`;
    for (const d of dependants) {
      const current = this.records.get(d.kind, d.rec.id);
      if (d.kind === 'link' && linkEndProblem(this.records, this.caseId, current, 'live')) continue;
      this.restoreOne(d.kind, current, actor, withIt);
    }
    return after;
  }

  private restoreOne(kind: KindName, before: StoredRecord, actor: string, reason: string | null): StoredRecord {
    const rules = rulesOf(kind);
    const after = stamp({ ...before, deletedAt: null, deletedBy: null }, before, actor);
    rules.beforeRestore?.(before, this);
    planSchedule(this.schedule, kind, before, after); // a rule-built deadline's date follows its trigger as it is now
    this.prepare(kind, after); // what it points at may have gone meanwhile
    this.records.replace(kind, 'restore', before, after, reason);
    rules.afterRestore?.(after, actor, this);
    return after;
  }

  /**
   * Hard delete, only when asked for. Links from and to the record, and the sharing choices about it, go with it;
   * other records that still point at it stop the purge, so nothing is left pointing at nothing.
   */
  purge(kind: KindName, id: string, actor: string, opts: ChangeOptions = {}): void {
    const before: StoredRecord = this.records.get(kind, id);
    checkVersion(before, opts);
    const at = now();
    const withIt = `purged with ${KINDS[kind].label.toLowerCase()} ${id}`;
    // What went with it goes for good with it: the records deleted with it (the live ones, for a live record) and
    // its history kept as records (an issue's position changes), the deepest first (see deletion.ts).
    const dependants = [...historyOf(this.records, kind, id), ...dependantsOf(this.records, kind, before, before.deletedAt ? 'deletedWithIt' : 'live')];
    for (const d of dependants.reverse()) if (d.kind !== 'link') this.purgeOne(d.kind, d.rec, actor, at, withIt);
    for (const filter of [{ fromId: id }, { toId: id }] as Record<string, string>[]) {
      for (const link of this.records.list('link', { filter, includeDeleted: true, limit: 100_000, orderBy: 'created_at' })) {
        if (link.id !== id) this.records.purge('link', link, actor, at, withIt);
      }
    }
    this.purgeOne(kind, before, actor, at, opts.reason ?? null);
  }

  /** Removes one record for good with the sharing choices about it; refused where others still point at it. */
  private purgeOne(kind: KindName, before: StoredRecord, actor: string, at: string, reason: string | null): void {
    const choices = this.records.list('disclosure', { filter: { recordId: before.id }, includeDeleted: true, orderBy: 'rowid' });
    for (const choice of choices) this.records.purge('disclosure', choice, actor, at, `purged with ${KINDS[kind].label.toLowerCase()} ${before.id}`);
    try {
      this.records.purge(kind, before, actor, at, reason);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new ParleyError('has_dependants', `Other records still refer to this ${KINDS[kind].label.toLowerCase()}; purge or re-point them first. Nothing was removed.`);
      }
      throw err;
    }
  }

  /**
   * A new attachment, to the case or to a record (`attachedTo`). A file of a type Parley does not take, an empty one or
   * one over the limit is refused in one sentence. Its text is not read here: the record says 'pending' (or 'none'
   * for a type whose text is not read) and the core reads it afterwards (attachments/attachment-texts.ts).
   */
  addAttachment(input: NewAttachment, actor: string): RecordOf<'attachment'> {
    const refusal = attachmentRefusal(input.name, input.mediaType, input.bytes.length);
    if (refusal) throw new ParleyError('invalid_input', refusal);
    const rec = newRecord({
      name: input.name, mediaType: input.mediaType, description: input.description ?? null,
      attachedToKind: input.attachedTo?.kind ?? null, attachedToId: input.attachedTo?.id ?? null,
    }, actor, now());
    rec.size = input.bytes.length;
    rec.sha256 = sha256Hex(input.bytes);
    Object.assign(rec, { textStatus: acceptedType(input.mediaType)?.text ? 'pending' : 'none', extractedText: null, textError: null });
    this.prepare('attachment', rec);
    this.records.insertAttachment(rec, input.bytes);
    return rec as RecordOf<'attachment'>;
  }

  /**
   * Computes derived fields and checks every rule a record must meet before it is stored. Given the record as it
   * was (`before`), a reference it keeps may point at a record deleted since it was set: a deadline whose owner was
   * deleted can still be renamed, or moved with its trigger. Only a reference being set must reach as `reach` says.
   */
  prepare(kind: KindName, rec: StoredRecord, reach: Reach = 'live', before: StoredRecord | null = null): void {
    this.derive(kind, rec);
    this.checkRules(kind, rec, reach, new Set(), before);
  }

  /** A record on its own: its derived fields worked out, and its kind's rules checked. */
  derive(kind: KindName, rec: StoredRecord): void {
    rulesOf(kind).derive?.(rec, this);
    validate(kind, rec);
  }

  /**
   * The rules between a record and the others: what it refers to is in the file, and its kind's own (a deadline's
   * triggers do not come round to it, a link's ends exist). `cleared` carries deadlines known to lead to no circle
   * across many checks.
   */
  checkRules(kind: KindName, rec: StoredRecord, reach: Reach, cleared = new Set<string>(), before: StoredRecord | null = null): void {
    checkReferences(this.records, kind, rec, reach, before);
    rulesOf(kind).check?.(rec, this, { reach, before, cleared });
  }

  /** A live record at the version the caller expects. */
  private current(kind: KindName, id: string, opts: ChangeOptions): StoredRecord {
    const rec: StoredRecord = this.records.get(kind, id);
    if (rec.deletedAt) throw new ParleyError('not_found', `This ${KINDS[kind].label.toLowerCase()} is deleted; restore it first.`);
    checkVersion(rec, opts);
    return rec;
  }

  /** Writes the companions of a change, each audited; `reason` is the user's, put before the core's own. */
  private writeCompanions(companions: readonly Companion[], actor: string, reason?: string): void {
    for (const c of companions) {
      const why = reason?.trim() ? `${reason.trim()} (${c.reason})` : c.reason;
      if (c.op === 'create') {
        Object.assign(c.after, { createdBy: actor, updatedBy: actor });
        this.records.insert(c.kind, c.after, why);
        continue;
      }
      const current: StoredRecord = this.records.find(c.kind, c.before!.id)!;
      const next = stamp({ ...c.after }, current, actor);
      if (c.op === 'delete') Object.assign(next, { deletedAt: next.updatedAt, deletedBy: actor });
      this.records.replace(c.kind, c.op, current, next, why);
    }
  }
}

function checkVersion(rec: StoredRecord, opts: ChangeOptions): void {
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== rec.version) {
    throw new ParleyError('conflict', `This record was changed by someone else (now version ${rec.version}, you had version ${opts.expectedVersion}). Reload it and try again.`);
  }
}
