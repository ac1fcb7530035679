// Moving a trigger (or changing the case's closure dates) moves the deadlines that count from it. This dialog shows
// each of them with its date now and after the move, as the core previews it, and applies the move only when the
// user confirms with a reason; Cancel (or Escape) changes nothing.
import { useEffect, useId, useState } from 'react';
import type { ScheduleChange, ScheduleDue } from '../../../shared/api-types.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { formatDay } from '../../ui/dates.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';
import { DATE_RANGE, refusalOf } from '../../ui/typed-input.js';
import { useDeadlines, type PendingMove } from './deadlines-store.js';

export function MoveDialog({ caseId, move }: { caseId: string; move: PendingMove }) {
  const moveClosed = useDeadlines((s) => s.moveClosed);
  const formId = useId();
  const [date, setDate] = useState(move.date?.value ?? '');
  /** Why the date input refused what it shows (30 February reads as empty): nothing is previewed or moved then. */
  const [dateRefusal, setDateRefusal] = useState<string | null>(null);
  const [preview, setPreview] = useState<ScheduleChange | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = move.date && date ? move.date.toChange(date) : move.change;

  useEffect(() => {
    let current = true;
    setPreviewError(null);
    api().call('schedule.preview', { caseId, change })
      .then((result) => current && setPreview(result))
      .catch((err: unknown) => {
        if (!current) return;
        setPreview(null);
        setPreviewError(messageOf(err));
      });
    return () => {
      current = false;
    };
    // The change is rebuilt on every render; what it depends on is the chosen date.
  }, [caseId, date]);

  async function confirm(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    setConfirmError(null);
    if (dateRefusal) return;
    if (!reason.trim()) {
      setReasonError('give the reason for moving these deadlines; it is kept in the audit trail');
      return;
    }
    setBusy(true);
    try {
      await api().call('schedule.confirm', { caseId, change, reason: reason.trim() });
      await moveClosed(true);
    } catch (err) {
      setConfirmError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  // A preview of the date before the refused entry would show moves that are not what the input shows.
  const shown = dateRefusal ? null : preview;
  const moving = shown?.moves.filter((m) => m.changed) ?? [];
  const staying = shown?.moves.filter((m) => !m.changed) ?? [];
  return (
    <Dialog
      open
      title={move.title}
      onClose={() => void moveClosed(false)}
      className="move-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={() => void moveClosed(false)}>Cancel</button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy || !shown}>
            Confirm and move {moving.length === 1 ? '1 deadline' : `${moving.length} deadlines`}
          </button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void confirm(e)} noValidate>
        {move.date && (
          <Field label={move.date.label} required error={dateRefusal}>
            {(ids) => (
              <input
                {...ids}
                {...DATE_RANGE}
                className="input"
                type="date"
                value={date}
                onChange={(e) => {
                  setDate(e.target.value);
                  setDateRefusal(refusalOf(e.currentTarget));
                }}
                // Chromium sends no input event when one refused entry becomes another: read it again on leaving.
                onBlur={(e) => setDateRefusal(refusalOf(e.currentTarget))}
              />
            )}
          </Field>
        )}
        {previewError && <p className="notice notice--error" role="alert">{previewError}</p>}
        <div role="status" aria-live="polite" className="move-dialog__summary">
          {shown && (moving.length
            ? `${moving.length === 1 ? 'One deadline counts' : `${moving.length} deadlines count`} from this and will move:`
            : 'No deadline moves with this change.')}
        </div>
        {moving.length > 0 && (
          <table className="move-dialog__table">
            <caption className="visually-hidden">Deadlines that move, with their date now and after the move</caption>
            <thead>
              <tr><th scope="col">Deadline</th><th scope="col">Now</th><th scope="col">After the move</th></tr>
            </thead>
            <tbody>
              {moving.map((m) => (
                <tr key={m.deadlineId}>
                  <th scope="row">{m.title}</th>
                  <td>{dueText(m.before)}</td>
                  <td>
                    <strong>{dueText(m.after)}</strong>
                    {m.after.explanation && <span className="move-dialog__explanation">{m.after.explanation}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {staying.length > 0 && <p className="muted">{staying.map((m) => m.title).join(', ')}: {staying.length === 1 ? 'keeps its date' : 'keep their dates'}.</p>}
        <Field label="Reason for the move" required error={reasonError} hint="Kept in the audit trail with each moved date.">
          {(ids) => (
            <input
              {...ids}
              className="input"
              type="text"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
            />
          )}
        </Field>
        {confirmError && <p className="notice notice--error" role="alert">{confirmError}</p>}
      </form>
    </Dialog>
  );
}

function dueText(due: ScheduleDue): string {
  if (due.dueType === 'tbd' || !due.dueDate) {
    return due.windowStart && due.windowEnd ? `Not yet known (${formatDay(due.windowStart)} – ${formatDay(due.windowEnd)})` : 'Not yet known';
  }
  return due.dueTime ? `${formatDay(due.dueDate)} ${due.dueTime} ${due.timeZone ?? ''}`.trim() : formatDay(due.dueDate);
}
