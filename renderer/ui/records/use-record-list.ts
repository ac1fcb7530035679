// A screen that lists one kind's records with one of them open beside the list (issues, precedents, the watch list):
// which record is open (the one a link or the address asked for, else none), adding a record from the screen's
// add-form (it opens at once), and deleting the open one with an undo that brings it back open.
import { useEffect, useState } from 'react';
import { KINDS, type EditableKind, type RecordOf } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { useRecords } from '../../state/data.js';
import { anyRecord, createRecord, deleteRecord, restoreRecord, type CreateFields } from '../../state/records.js';
import { takeOpenRequest } from '../links/open-record.js';
import { useLandOnRecord } from './land-on-record.js';
import { failureText } from './RecordField.js';
import { useUndo } from './undo.js';

/**
 * `noun`: what one record is called at the start of a sentence, for the undo notice ("Precedent “…” deleted.").
 * `parentOf`: for an address that names a child record the screen shows inside a listed one (useLandOnRecord).
 */
export function useRecordList<K extends EditableKind>(caseId: string, kind: K, noun: string, parentOf?: (id: string) => Promise<string | null>) {
  const records = useRecords(caseId, kind);
  const [openId, setOpenId] = useState<string | null>(() => takeOpenRequest(kind));
  const [addError, setAddError] = useState<string | null>(null);
  const { notice, offer } = useUndo();

  useEffect(() => setOpenId((id) => id ?? takeOpenRequest(kind)), [caseId]);
  useLandOnRecord({ listed: records.records, parentOf, open: setOpenId });

  /** Creates the record and opens it; false when it was refused (the reason is in addError, under the title field). */
  async function add(fields: CreateFields<K>): Promise<boolean> {
    try {
      const created = await createRecord(caseId, kind, fields);
      records.put(created);
      setAddError(null);
      setOpenId(created.id);
      return true;
    } catch (err) {
      setAddError(failureText(err, 'title'));
      return false;
    }
  }

  async function remove(rec: RecordOf<K>) {
    try {
      await deleteRecord(caseId, kind, rec.id);
      records.drop(rec.id);
      setOpenId(null);
      offer(`${noun} “${String(anyRecord(rec)[KINDS[kind].titleField])}” deleted.`, async () => {
        records.put(await restoreRecord(caseId, kind, rec.id));
        setOpenId(rec.id);
      });
    } catch (err) {
      setAddError(messageOf(err));
    }
  }

  return { records: records.records, error: records.error, put: records.put, openId, setOpenId, add, remove, addError, notice };
}
