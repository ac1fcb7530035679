// A screen that lists one kind's records with one of them open beside the list (issues, precedents, the watch list):
// which record is open (the one a link or the address asked for, else none), adding a record from the screen's
// add-form (it opens at once), and deleting the open one with care (state/deleting.ts: asked first where something
// goes with it, then the case's undo notice), the focus moving to the next row.
import { useEffect, useState } from 'react';
import type { EditableKind, RecordOf } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { useRecords } from '../../state/data.js';
import { deleteWithCare, focusAfterRemoval } from '../../state/deleting.js';
import { createRecord, type CreateFields } from '../../state/records.js';
import { takeOpenRequest } from '../links/open-record.js';
import { useLandOnRecord } from './land-on-record.js';
import { failureText } from './RecordField.js';

/**
 * `parentOf`: for an address that names a child record the screen shows inside a listed one (useLandOnRecord).
 */
export function useRecordList<K extends EditableKind>(caseId: string, kind: K, parentOf?: (id: string) => Promise<string | null>) {
  const records = useRecords(caseId, kind);
  const [openId, setOpenId] = useState<string | null>(() => takeOpenRequest(kind));
  const [addError, setAddError] = useState<string | null>(null);

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
    const ids = (records.records ?? []).map((r) => r.id);
    try {
      if (!(await deleteWithCare(caseId, kind, rec.id))) return;
      records.drop(rec.id);
      setOpenId(null);
      focusAfterRemoval(ids, rec.id);
    } catch (err) {
      setAddError(messageOf(err));
    }
  }

  return { records: records.records, error: records.error, put: records.put, openId, setOpenId, add, remove, addError };
}
