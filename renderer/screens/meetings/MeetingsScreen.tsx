// The meetings of a case: a list (upcoming first, then past) beside the meeting opened, which is edited in place
// with save-as-you-go. "Log a meeting" records a new one; a deleted meeting comes back with the case's Undo.
import { useEffect, useRef, useState } from 'react';
import { MEETING_STATUSES } from '../../../shared/enums.js';
import { useCases } from '../../state/cases.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';
import { humanize } from '../../ui/labels.js';
import { parentThrough, useLandOnRecord } from '../../ui/records/land-on-record.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { formatDay, isoToday } from '../../ui/dates.js';
import { DATE_RANGE, refusalsIn } from '../../ui/typed-input.js';
import { MeetingDetailView } from './MeetingDetail.js';
import { orderMeetings, problemOf, useMeetings, type Meeting } from '../../state/meetings.js';
import './meetings.css';
import { defaultTimeZone } from '../../state/profile.js';

export function MeetingsScreen({ caseId }: { caseId: string }) {
  const { status, error, meetings, selectedId, load, select } = useMeetings();
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const [logging, setLogging] = useState(false);

  useEffect(() => {
    void load(caseId);
  }, [caseId, load]);
  // A jump to a meeting, or to a note, attendee, decision or action item of one, opens that meeting.
  useLandOnRecord({
    listed: status === 'ready' ? meetings : null,
    parentOf: parentThrough(caseId, ['note', 'attendee', 'decision', 'actionItem'], 'meetingId'),
    open: (id) => void select(id),
  });

  const selected = meetings.find((m) => m.id === selectedId) ?? null;
  return (
    <div className="screen meetings">
      <ScreenHeading
        eyebrow="Case section"
        actions={
          !readOnly && (
            <button type="button" className="button button--primary" onClick={() => setLogging(true)}>
              Log a meeting
            </button>
          )
        }
      >
        Meetings
      </ScreenHeading>
      {readOnly && <p className="notice">This case file is open read-only: meetings can be read but not changed.</p>}
      <ProblemBar />
      {status === 'error' && (
        <p className="notice notice--error" role="alert">
          The meetings could not be read: {error}
        </p>
      )}
      {status === 'ready' && (
        <div className="meetings__columns">
          <MeetingList meetings={meetings} selectedId={selectedId} onSelect={(id) => void select(id)} onLog={readOnly ? null : () => setLogging(true)} />
          {selected ? (
            <MeetingDetailView key={selected.id} meeting={selected} readOnly={readOnly} />
          ) : (
            meetings.length > 0 && (
              <section className="panel meetings__none" aria-label="No meeting opened">
                <p className="empty">Choose a meeting in the list to see and edit its attendees, agenda, notes, decisions and action items.</p>
              </section>
            )
          )}
        </div>
      )}
      <LogMeetingDialog open={logging} onClose={() => setLogging(false)} />
    </div>
  );
}

/** A change that failed outside a field (an add, a delete), said once near the top. */
function ProblemBar() {
  const { problem, dismissProblem } = useMeetings();
  return (
    <div role="status" aria-live="polite" className="meetings__announce">
      {problem && (
        <p className="notice notice--error undo-bar">
          <span>{problem}</span>
          <button type="button" className="link-button undo-bar__dismiss" onClick={dismissProblem}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

/** "10:00–12:00 America/New_York", or what of it is known. */
export function timeRange(m: Pick<Meeting, 'startTime' | 'endTime' | 'timeZone'>): string {
  const times = m.startTime ? (m.endTime ? `${m.startTime}–${m.endTime}` : m.startTime) : '';
  return [times, times && m.timeZone ? zoneName(m.timeZone) : ''].filter(Boolean).join(' ');
}

const zoneName = (zone: string) => zone.replace(/_/g, ' ');

function MeetingList({ meetings, selectedId, onSelect, onLog }: { meetings: Meeting[]; selectedId: string | null; onSelect(id: string): void; onLog: (() => void) | null }) {
  const today = isoToday();
  const { upcoming, past } = orderMeetings(meetings, today);
  const ordered = [...upcoming, ...past];
  const listRef = useRef<HTMLDivElement>(null);
  const focusable = selectedId && ordered.some((m) => m.id === selectedId) ? selectedId : ordered[0]?.id;

  function move(from: string, by: number | 'first' | 'last'): void {
    const at = ordered.findIndex((m) => m.id === from);
    const to = by === 'first' ? 0 : by === 'last' ? ordered.length - 1 : Math.min(ordered.length - 1, Math.max(0, at + by));
    const next = ordered[to];
    if (!next) return;
    onSelect(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-id="${next.id}"]`)?.focus();
  }

  if (meetings.length === 0) {
    return (
      <section className="panel meetings__list-panel" aria-labelledby="meeting-list-heading">
        <h2 id="meeting-list-heading">No meetings yet</h2>
        <p className="empty">Log each meeting with the other side, planned or held: when and where, who attends, the agenda, then notes, decisions and action items.</p>
        {onLog && (
          <button type="button" className="button" onClick={onLog}>
            Log a meeting
          </button>
        )}
      </section>
    );
  }

  const option = (m: Meeting) => (
    <div
      key={m.id}
      role="option"
      data-id={m.id}
      data-record-id={m.id}
      aria-selected={m.id === selectedId}
      tabIndex={m.id === focusable ? 0 : -1}
      className={`meeting-option ${m.id === selectedId ? 'meeting-option--selected' : ''}`}
      onClick={() => onSelect(m.id)}
      onKeyDown={(e) => {
        const keys: Record<string, number | 'first' | 'last'> = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' };
        if (e.key in keys) {
          e.preventDefault();
          move(m.id, keys[e.key]!);
        } else if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(m.id);
        }
      }}
    >
      <span className="meeting-option__when">
        {m.meetingDate ? formatDay(m.meetingDate) : 'No date yet'}
        {timeRange(m) && <span className="muted"> · {timeRange(m)}</span>}
      </span>
      <span className="meeting-option__title">{m.title}</span>
      <span className={`meeting-status meeting-status--${m.status}`}>{humanize(m.status)}</span>
    </div>
  );

  return (
    <section className="panel meetings__list-panel" aria-labelledby="meeting-list-heading">
      <h2 id="meeting-list-heading">
        All meetings <span className="count">{meetings.length}</span>
      </h2>
      <p className="field__hint meetings__list-hint">Up and down arrows move through the list.</p>
      <div role="listbox" aria-labelledby="meeting-list-heading" className="meeting-list" ref={listRef}>
        {([['upcoming', 'Upcoming', upcoming], ['past', 'Past', past]] as const).map(
          ([key, label, group]) =>
            group.length > 0 && (
              <div key={key} role="group" aria-labelledby={`meetings-${key}`}>
                <div role="presentation" id={`meetings-${key}`} className="meeting-list__group">
                  {label}
                </div>
                {group.map(option)}
              </div>
            ),
        )}
      </div>
    </section>
  );
}

function LogMeetingDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const createMeeting = useMeetings((s) => s.createMeeting);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [status, setStatus] = useState<Meeting['status']>('planned');
  const [problem, setProblem] = useState<string | null>(null);
  /** Dates and times their inputs refused (they read as empty): the meeting is not logged without them. */
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function close(): void {
    setTitle('');
    setDate('');
    setTime('');
    setStatus('planned');
    setProblem(null);
    setRefused({});
    onClose();
  }

  async function submit(e: React.FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (busy) return;
    const refusals = refusalsIn(e.currentTarget);
    setRefused(refusals);
    if (Object.keys(refusals).length) return;
    setBusy(true);
    try {
      // A meeting with a time is in a zone: the one chosen in Settings (else the computer's), changed on the meeting.
      await createMeeting({ title, status, meetingDate: date || null, startTime: time || null, timeZone: time ? defaultTimeZone() : null });
      close();
    } catch (err) {
      setProblem(problemOf(err, 'title'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title="Log a meeting"
      onClose={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="log-meeting-form" className="button button--primary" disabled={busy}>
            Log the meeting
          </button>
        </>
      }
    >
      <form id="log-meeting-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Title" required error={problem}>
          {(ids) => <input {...ids} className="input" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
        </Field>
        <div className="form__row">
          <Field label="Date" error={refused.meetingDate}>
            {(ids) => <input {...ids} {...DATE_RANGE} type="date" name="meetingDate" className="input" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field label="Start time" error={refused.startTime}>
            {(ids) => <input {...ids} type="time" name="startTime" className="input" value={time} onChange={(e) => setTime(e.target.value)} />}
          </Field>
          <Field label="Status">
            {(ids) => (
              <select {...ids} className="input" value={status} onChange={(e) => setStatus(e.target.value as Meeting['status'])}>
                {MEETING_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {humanize(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="field__hint">Everything else (attendees, agenda, notes) is added on the meeting once it is logged.</p>
      </form>
    </Dialog>
  );
}
