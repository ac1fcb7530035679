// The records of an export (transfer.ts parses them) written into a new case file, each as it was exported: its id,
// versions, authors and times, deleted or not. Every rule a change through the API meets holds for them too.
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { dateByRules } from './deadlines/schedule-changes.js';
import { refuseIfTrigger } from './deadlines/triggers.js';
import { ParleyError } from './errors.js';
import { recordPositionsNotInHistory } from './position-history.js';
import type { RecordChanges } from './record-changes.js';
import { now } from './store/record-store.js';
import type { StoredRecord } from './store/record-table.js';

/**
 * Writes the records in one transaction; anything that breaks a rule leaves nothing written. The foreign keys are
 * deferred to the commit (a record may point at one later in the export), which refuses a reference the checks
 * before it did not see.
 */
export function importRecords(changes: RecordChanges, exported: ReadonlyMap<KindName, StoredRecord[]>, bytesOf: (attachment: StoredRecord) => Buffer, by: { actor: string; reason: string }): void {
  try {
    changes.records.connection.transaction(() => insertImported(changes, exported, bytesOf, by)).immediate();
  } catch (err) {
    if (((err as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')) {
      throw new ParleyError('invalid_input', 'The export is inconsistent: some records refer to records it does not hold.');
    }
    throw err;
  }
}

/**
 * Inside the import's transaction: first each record on its own, as a change works it out (derived fields, its
 * kind's rules), written with an audit entry naming the import; then, with every record in, the rules between
 * records (a record may point at one later in the export); then what the core keeps for the user (rule-built dates,
 * the history of negotiation positions), each change audited with the import's reason.
 */
function insertImported(changes: RecordChanges, exported: ReadonlyMap<KindName, StoredRecord[]>, bytesOf: (attachment: StoredRecord) => Buffer, by: { actor: string; reason: string }): void {
  const { records } = changes;
  const at = now();
  records.connection.pragma('defer_foreign_keys = ON'); // records may refer to ones later in the export
  const each = (use: (kind: KindName, rec: StoredRecord) => void) => {
    for (const kind of KIND_NAMES) {
      for (const rec of exported.get(kind) ?? []) {
        try {
          use(kind, rec);
        } catch (err) {
          throw inExportedRecord(kind, rec, err);
        }
      }
    }
  };
  each((kind, rec) => {
    changes.derive(kind, rec);
    if (KINDS[kind].mode === 'attachment') records.insertAttachment(rec, bytesOf(rec), by.reason, { actor: by.actor, at });
    else records.insert(kind, rec, by.reason, { actor: by.actor, at });
  });
  const cleared = new Set<string>();
  each((kind, rec) => {
    changes.checkRules(kind, rec, 'stored', cleared);
    if (rec.deletedAt) refuseIfTrigger(changes.schedule, kind, rec, 'import');
  });
  dateByRules(changes, changes.schedule, by.actor, by.reason);
  for (const issue of exported.get('issue') ?? []) recordPositionsNotInHistory(changes, issue, by.actor, by.reason);
}

/** A refusal met by one record of an export, saying which record it is. */
function inExportedRecord(kind: KindName, rec: StoredRecord, err: unknown): unknown {
  if (!(err instanceof ParleyError)) return err;
  return new ParleyError(err.code, `The export's ${KINDS[kind].label.toLowerCase()} ${rec.id}: ${err.message}`, err.issues);
}
