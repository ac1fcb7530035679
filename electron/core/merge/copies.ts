// Where the changes of a merge come from: another copy's file (read-only: the other copy is never modified), or this
// copy's own changes, for a bundle.
import { closeCaseDatabase, openCaseDatabase, type Db } from '../db/connection.js';
import { ParleyError } from '../errors.js';
import { changeIdsOf, changesOfCopy, copyLabels, type Change } from '../store/change-log.js';
import type { IncomingChanges } from './merge-changes.js';

/**
 * The changes of the copy at `file` that the case open as `into` lacks. The file is opened read-only, with
 * `passphrase` if it is encrypted, and closed again before the merge writes anything.
 */
export function changesOfOtherCopy(file: string, passphrase: string | undefined, into: Db, intoCaseId: string): IncomingChanges {
  const db = openCaseDatabase(file, { readOnly: true, passphrase });
  try {
    const caseId = db.prepare("SELECT value FROM case_meta WHERE key = 'case_id'").pluck().get() as string | undefined;
    if (caseId !== intoCaseId) {
      throw new ParleyError('different_case', 'That file is a copy of another case (the case ids differ): only copies of the same case can be merged. Nothing was changed.');
    }
    const have = changeIdsOf(into);
    return changesFrom(db, caseId, (id) => !have.has(id));
  } finally {
    closeCaseDatabase(db);
  }
}

/**
 * A copy's changes that `wanted` accepts by id and `keep` by content, with what a bundle carries beside them: the
 * labels of their copies and the bytes of the attachments they add.
 */
export function changesFrom(db: Db, caseId: string, wanted: (id: string) => boolean = () => true, keep: (c: Change) => boolean = () => true): IncomingChanges {
  const changes: Change[] = [];
  for (const { seq: _seq, ...c } of changesOfCopy(db, wanted)) if (keep(c)) changes.push(c);
  const labels = copyLabels(db);
  const copies = Object.fromEntries([...new Set(changes.map((c) => c.copy).filter((c): c is string => c !== null))].map((id) => [id, labels[id] ?? 'a copy']));
  const bytesOf = db.prepare('SELECT bytes FROM attachment WHERE id = ?').pluck();
  const attachmentBytes = new Map<string, Buffer>();
  for (const c of changes) {
    if (c.kind !== 'attachment' || c.op !== 'create') continue;
    const bytes = bytesOf.get(c.recordId) as Buffer | undefined;
    if (bytes) attachmentBytes.set(c.recordId, bytes);
  }
  return { caseId, changes, copies, attachmentBytes };
}
