// Undo and redo of the changes made to an open case through the record verbs (create, update, delete, restore).
//
// The history is kept by the core, one per open case file (CaseFile.undoHistory), not by the renderer: every change
// the window makes passes the dispatcher, so the history sees each one whichever screen made it; the desktop shell's
// Edit menu can name the next undo without asking the renderer; and it goes when the case closes (a case opened
// again may have been changed meanwhile, by a merge or another copy, so it starts with nothing to undo).
//
// An undo never rewrites history: it is a new change through the same change path, audited with the reason
// "Undo: …" (a redo "Redo: …"). It is refused, with nothing changed, where the record is no longer as the change
// left it: a field changed again since (by a merge, another screen's schedule move, someone else), or the record
// deleted, restored or purged since. So an old undo can never put back a value beside its replacement.
import { KINDS, type KindName } from '../../shared/records.js';
import { recordInWords, type UndoOutcome, type UndoState } from '../../shared/deletion.js';
import { pathInWords } from '../../shared/plain-issues.js';
import type { AuditEntry } from '../../shared/api-types.js';
import type { ChangeOptions } from './store/change-context.js';
import { ParleyError } from './errors.js';
import { sameJson } from './store/canonical.js';
import { titleOf } from './store/record-store.js';
import type { StoredRecord } from './store/record-table.js';

/** What undoing needs of an open case (a CaseFile): its records, their audit trail, and the change path's verbs. */
interface UndoableCase {
  find(kind: KindName, id: string): unknown;
  history(recordId: string): AuditEntry[];
  update(kind: KindName, id: string, changes: Record<string, unknown>, actor: string, opts?: ChangeOptions): unknown;
  delete(kind: KindName, id: string, actor: string, opts?: ChangeOptions): unknown;
  restore(kind: KindName, id: string, actor: string, opts?: ChangeOptions): unknown;
}

/** Where a record is: deleted or live, and (for an edit) the values of the fields the edit changed. */
interface RecordState {
  deleted: boolean;
  values: Record<string, unknown>;
}

/** One change that can be undone and redone: the record's state before it and after it. */
interface Step {
  kind: KindName;
  id: string;
  /** What the change was, in words: "deleting the issue “Scope”". */
  what: string;
  before: RecordState;
  after: RecordState;
}

/** How many changes can be undone, one after another. */
const MAX_STEPS = 100;

export class UndoHistory {
  private readonly undoable: Step[] = [];
  private readonly redoable: Step[] = [];

  state(): UndoState {
    return { undo: this.undoable.at(-1)?.what ?? null, redo: this.redoable.at(-1)?.what ?? null };
  }

  /** Keeps a change made through a record verb; `before` is null for a new record. Redo starts afresh. */
  remember(kind: KindName, before: StoredRecord | null, after: StoredRecord): void {
    const step = stepOf(kind, before, after);
    if (!step) return;
    this.undoable.push(step);
    if (this.undoable.length > MAX_STEPS) this.undoable.shift();
    this.redoable.length = 0;
  }

  /** Undoes the last change (refused if `expected` is given and the last change is another one). */
  undo(cf: UndoableCase, actor: string, expected?: string): UndoOutcome {
    return this.move(cf, actor, this.undoable, this.redoable, 'undo', expected);
  }

  redo(cf: UndoableCase, actor: string, expected?: string): UndoOutcome {
    return this.move(cf, actor, this.redoable, this.undoable, 'redo', expected);
  }

  private move(cf: UndoableCase, actor: string, from: Step[], to: Step[], direction: 'undo' | 'redo', expected?: string): UndoOutcome {
    const step = from.at(-1);
    const Word = direction === 'undo' ? 'Undo' : 'Redo';
    if (!step) throw new ParleyError('invalid_input', `There is nothing to ${direction} in this case.`);
    if (expected !== undefined && expected !== step.what) {
      throw new ParleyError('conflict', `Not ${direction}ne: the last change is now ${step.what}, not ${expected}. Nothing was changed.`);
    }
    const [start, end] = direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
    refuseIfChangedSince(cf, step, start, direction);
    const opts = { reason: `${Word}: ${step.what}` };
    if (start.deleted !== end.deleted) {
      if (end.deleted) cf.delete(step.kind, step.id, actor, opts);
      else cf.restore(step.kind, step.id, actor, opts);
    } else {
      cf.update(step.kind, step.id, end.values, actor, opts);
    }
    from.pop();
    to.push(step);
    return { did: `${Word}ne: ${step.what}.`, ...this.state() };
  }
}

/** The step of a change, or null where it changed nothing the user sees. */
function stepOf(kind: KindName, before: StoredRecord | null, after: StoredRecord): Step | null {
  const record = recordInWords(kind, titleOf(kind, before ?? after));
  if (!before) return { kind, id: after.id, what: `adding ${record}`, before: { deleted: true, values: {} }, after: { deleted: false, values: {} } };
  if (!before.deletedAt !== !after.deletedAt) {
    return { kind, id: after.id, what: `${after.deletedAt ? 'deleting' : 'restoring'} ${record}`, before: { deleted: !!before.deletedAt, values: {} }, after: { deleted: !!after.deletedAt, values: {} } };
  }
  const changed = Object.keys(KINDS[kind].fields).filter((f) => !sameJson(before[f], after[f]));
  if (!changed.length) return null;
  const pick = (rec: StoredRecord) => Object.fromEntries(changed.map((f) => [f, rec[f] ?? null]));
  const fields = changed.length === 1 ? `the ${pathInWords(['fields', changed[0]!], kind)}` : `${changed.length} fields`;
  return { kind, id: after.id, what: `editing ${fields} of ${record}`, before: { deleted: false, values: pick(before) }, after: { deleted: false, values: pick(after) } };
}

/** Refuses the undo (or redo) where the record is no longer as the step left it. */
function refuseIfChangedSince(cf: UndoableCase, step: Step, expected: RecordState, direction: 'undo' | 'redo'): void {
  const not = `Not ${direction}ne`;
  const current = cf.find(step.kind, step.id) as StoredRecord | null;
  const record = recordInWords(step.kind, current ? titleOf(step.kind, current) : '');
  if (!current) throw new ParleyError('conflict', `${not}: ${step.what} can no longer be ${direction}ne, as the ${KINDS[step.kind].label.toLowerCase()} was purged (removed for good).`);
  if (!!current.deletedAt !== expected.deleted) {
    throw new ParleyError('conflict', `${not}: ${record} was ${current.deletedAt ? 'deleted' : 'restored'} since. Nothing was changed.`);
  }
  const moved = Object.keys(expected.values).filter((f) => !sameJson(current[f], expected.values[f]));
  if (!moved.length) return;
  const by = cf.history(step.id).findLast((e) => e.changedFields.some((f) => moved.includes(f)))?.actor;
  const fields = moved.map((f) => pathInWords(['fields', f], step.kind)).join(' and ');
  throw new ParleyError('conflict', `${not}: the ${fields} of ${record} was changed again since${by ? ` (by ${by})` : ''}; ${direction === 'undo' ? 'undoing' : 'redoing'} would overwrite that change. Nothing was changed.`);
}
