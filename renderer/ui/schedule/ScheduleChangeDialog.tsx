// A change that may move deadlines (a trigger's date, a TBD deadline given its date or made TBD again, a rule or
// trigger changed, a meeting's date, the directive's dates, the closure days): this dialog shows each deadline that
// moves with its date now and after, as the core previews it (schedule.preview), and applies the change only when
// the user confirms with a reason (schedule.confirm, audited); Cancel (or Escape) changes nothing.
import { useId, useState } from 'react';
import type { ScheduleChange, ScheduleDue } from '../../../shared/api-types.js';
import type { ScheduleChangeInput } from '../../../shared/contract.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { useRead } from '../../state/data.js';
import { formatDay } from '../dates.js';
import { Dialog } from '../Dialog.js';
import { Field } from '../Field.js';
import { DATE_RANGE, refusalOf } from '../typed-input.js';
import './schedule.css';

/** The change waiting for confirmation; `date` or `window` let the user choose the new date or window here. */
export interface ScheduleRequest {
  change: ScheduleChangeInput;
  /** The dialog's title: what is being changed ("Move “Directive received”", "Set the date of “Hearing”"). */
  title: string;
  date?: { label: string; value: string; toChange(date: string): ScheduleChangeInput };
  /** For a deadline made TBD again: the window it is now expected in. */
  window?: { start: string; end: string; toChange(start: string, end: string): ScheduleChangeInput };
  /** The panel field whose typed value asked for this change: its draft goes when the dialog closes. */
  fieldKey?: string;
}

const DEADLINE_CHANGES: ReadonlySet<ScheduleChangeInput['kind']> = new Set(['deadline', 'dateDeadline', 'tbdDeadline']);

export function ScheduleChangeDialog({ caseId, request, onClose }: { caseId: string; request: ScheduleRequest; onClose(confirmed: boolean): void }) {
  const formId = useId();
  const [date, setDate] = useState(request.date?.value ?? '');
  const [windowStart, setWindowStart] = useState(request.window?.start ?? '');
  const [windowEnd, setWindowEnd] = useState(request.window?.end ?? '');
  /** Why a date input refused what it shows (30 February reads as empty): nothing is previewed or moved then. */
  const [dateRefusal, setDateRefusal] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = request.date && date
    ? request.date.toChange(date)
    : request.window ? request.window.toChange(windowStart, windowEnd) : request.change;
  const needsDate = Boolean(request.date) && !date;

  // Read again for each date or window chosen (compared by content: the change is rebuilt on every render), the
  // last preview staying meanwhile; nothing is previewed while the date is still to be given.
  const read = useRead('schedule.preview', needsDate ? null : { caseId, change }, { keepPrevious: true });
  const previewError = needsDate ? null : read.error;
  const preview = needsDate || previewError ? null : read.data;

  async function confirm(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    setConfirmError(null);
    if (dateRefusal) return;
    if (needsDate) {
      setDateRefusal('give the date');
      return;
    }
    if (!reason.trim()) {
      setReasonError('give the reason for this change; it is kept in the audit trail');
      return;
    }
    setBusy(true);
    try {
      await api().call('schedule.confirm', { caseId, change, reason: reason.trim() });
      onClose(true);
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
  const own = shown && DEADLINE_CHANGES.has(change.kind) ? dueOfRecord(shown.record) : null;
  const dateInput = (label: string, value: string, set: (v: string) => void, required = false) => (
    <Field label={label} required={required} error={required ? dateRefusal : null}>
      {(ids) => (
        <input
          {...ids}
          {...DATE_RANGE}
          className="input"
          type="date"
          value={value}
          onChange={(e) => {
            set(e.target.value);
            setDateRefusal(refusalOf(e.currentTarget));
          }}
          // Chromium sends no input event when one refused entry becomes another: read it again on leaving.
          onBlur={(e) => setDateRefusal(refusalOf(e.currentTarget))}
        />
      )}
    </Field>
  );
  return (
    <Dialog
      open
      title={request.title}
      onClose={() => onClose(false)}
      className="move-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={() => onClose(false)}>Cancel</button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy || (!shown && !needsDate)}>
            {moving.length === 0 ? 'Confirm' : `Confirm and move ${moving.length === 1 ? '1 deadline' : `${moving.length} deadlines`}`}
          </button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void confirm(e)} noValidate>
        {request.date && dateInput(request.date.label, date, setDate, true)}
        {request.window && (
          <div className="form__row">
            {dateInput('Expected from', windowStart, setWindowStart)}
            {dateInput('Expected by', windowEnd, setWindowEnd)}
          </div>
        )}
        {previewError && <p className="notice notice--error" role="alert">{previewError}</p>}
        {own && <p className="move-dialog__own">It will be due: <strong>{own}</strong></p>}
        <div role="status" aria-live="polite" className="move-dialog__summary">
          {shown && (moving.length
            ? `${moving.length === 1 ? 'One deadline counts' : `${moving.length} deadlines count`} from this and will move:`
            : 'No other deadline moves with this change.')}
        </div>
        {moving.length > 0 && (
          <table className="move-dialog__table">
            <caption className="visually-hidden">Deadlines that move, with their date now and after the change</caption>
            <thead>
              <tr><th scope="col">Deadline</th><th scope="col">Now</th><th scope="col">After the change</th></tr>
            </thead>
            <tbody>
              {moving.map((m) => (
                <tr key={m.deadlineId}>
                  <th scope="row">{m.title}{m.followsMeeting && <span className="move-dialog__explanation">The meeting’s own deadline: it is the meeting’s date.</span>}</th>
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
        <Field label="Reason for the change" required error={reasonError} hint="Kept in the audit trail with each changed date.">
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

/** A deadline's due in words: its date (and time), or "Not yet known" with its window. */
export function dueText(due: ScheduleDue): string {
  if (due.dueType === 'tbd' || !due.dueDate) {
    return due.windowStart && due.windowEnd ? `Not yet known (${formatDay(due.windowStart)} – ${formatDay(due.windowEnd)})` : 'Not yet known';
  }
  return due.dueTime ? `${formatDay(due.dueDate)} ${due.dueTime} ${due.timeZone ?? ''}`.trim() : formatDay(due.dueDate);
}

function dueOfRecord(record: ScheduleChange['record']): string | null {
  if (typeof record.dueType !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return dueText({
    dueType: record.dueType as ScheduleDue['dueType'], dueDate: str(record.dueDate), dueTime: str(record.dueTime), timeZone: str(record.timeZone),
    windowStart: str(record.windowStart), windowEnd: str(record.windowEnd), explanation: null,
  });
}
