// Recently deleted: the case's deleted records of every kind, newest first, each with who deleted it, when, and
// what went with it. Restore brings it back with what was deleted with it; Purge removes it for good after asking,
// and the audit trail keeps that it was purged, by whom and when.
import { useState } from 'react';
import { goesWithInWords, recordInWords, type DeletedRecord } from '../../../shared/deletion.js';
import type { DeletableKind } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { useCases } from '../../state/cases.js';
import { useRead } from '../../state/data.js';
import { ask, focusAfterRemoval } from '../../state/deleting.js';
import { purgeRecord, restoreRecord } from '../../state/records.js';
import { offerUndo } from '../../state/undo.js';
import { formatInstant } from '../../ui/dates.js';
import { kindLabel } from '../../ui/labels.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import '../../ui/records/records.css';
import './deleted.css';

export function RecentlyDeletedScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const read = useRead('case.deleted', { caseId });
  const [problem, setProblem] = useState<string | null>(null);
  const rows = read.data;

  /** Runs a restore or a purge; the row goes, and the focus moves to the next one. */
  async function act(rec: DeletedRecord, run: () => Promise<unknown>) {
    const ids = (rows ?? []).map((r) => `${r.kind}:${r.id}`);
    try {
      await run();
      setProblem(null);
      await read.reload();
      focusAfterRemoval(ids, `${rec.kind}:${rec.id}`);
    } catch (err) {
      setProblem(messageOf(err));
    }
  }

  const restore = (rec: DeletedRecord) =>
    act(rec, async () => {
      await restoreRecord(caseId, rec.kind as DeletableKind, rec.id);
      void offerUndo(caseId, `${kindLabel(rec.kind)} “${rec.title}” restored.`);
    });

  async function purge(rec: DeletedRecord) {
    const withIt = rec.goesWith.length ? `, with its ${goesWithInWords(rec.goesWith)}` : '';
    const yes = await ask({
      title: 'Purge for good?',
      message: `Purge ${recordInWords(rec.kind, rec.title)}${withIt}? It is removed from this case file for good and cannot be restored or undone; the audit trail keeps that it was purged, by whom and when.`,
      confirm: 'Purge for good',
    });
    if (yes) await act(rec, () => purgeRecord(caseId, rec.kind as DeletableKind, rec.id, rec.version));
  }

  return (
    <div className="screen deleted">
      <ScreenHeading eyebrow="Case">Recently deleted</ScreenHeading>
      <section className="panel" aria-labelledby="deleted-heading">
        <h2 id="deleted-heading">Deleted records</h2>
        <p className="muted">Restore brings a record back with what was deleted with it (its links, and records that belong to it). Purge removes it for good.</p>
        {read.error && <p className="notice notice--error" role="alert">The deleted records could not be read: {read.error}</p>}
        {problem && <p className="notice notice--error" role="alert">{problem}</p>}
        {rows && rows.length === 0 && <p className="empty">Nothing has been deleted in this case.</p>}
        {rows && rows.length > 0 && (
          <div className="table-scroll">
            <table className="dense-table deleted__table" aria-label="Deleted records">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Deleted by</th>
                  <th scope="col">When</th>
                  <th scope="col">Went with it</th>
                  {!readOnly && <th scope="col"><span className="visually-hidden">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.kind}:${r.id}`} data-record-id={`${r.kind}:${r.id}`}>
                    <th scope="row"><span className="cell-text">{r.title}</span></th>
                    <td>{kindLabel(r.kind)}</td>
                    <td>{r.deletedBy}</td>
                    <td className="deleted__when">{formatInstant(r.deletedAt)}</td>
                    <td>{r.goesWith.length ? goesWithInWords(r.goesWith) : <span className="muted">—</span>}</td>
                    {!readOnly && (
                      <td>
                        <div className="deleted__actions">
                          <button type="button" className="button button--small" data-row-open onClick={() => void restore(r)} aria-label={`Restore ${recordInWords(r.kind, r.title)}`}>
                            Restore
                          </button>
                          <button type="button" className="button button--small button--danger" onClick={() => void purge(r)} aria-label={`Purge ${recordInWords(r.kind, r.title)} for good`}>
                            Purge…
                          </button>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
