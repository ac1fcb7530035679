// One deadline, edited in a side panel: each field saves as the user goes and shows whether it saved; a rule-built
// deadline shows its rule, trigger and how the engine reached its date. Delete is soft (Undo brings it back).
// In a case open for review the fields are disabled and the panel takes review comments instead.
import { useState } from 'react';
import type { ScheduledDeadline } from '../../../shared/api-types.js';
import type { ScheduleChangeInput } from '../../../shared/contract.js';
import { CONFIDENCE_LEVELS, DEADLINE_KINDS, DEADLINE_STATUSES } from '../../../shared/enums.js';
import { formatDay } from '../../ui/dates.js';
import { Field } from '../../ui/Field.js';
import { humanize } from '../../ui/labels.js';
import { ReviewComments } from '../../ui/review/ReviewComments.js';
import { RecordAttachments } from '../../ui/attachments/RecordAttachments.js';
import { SaveState } from '../../ui/SaveState.js';
import { maxLengthOf } from '../../ui/field-limits.js';
import { SavedZonePicker } from '../../ui/TimeZonePicker.js';
import { OwnerPicker, useCaseParties } from '../../ui/parties/OwnerPicker.js';
import { TypedInput } from '../../ui/typed-input.js';
import { ClosedDayWarning } from './ClosedDayWarning.js';
import { textOfField, useCaseCalendar, useDeadlines, useFieldSave, useFieldText, type EditableField } from '../../state/deadlines.js';
import { countdownOf, type CaseEvent, type CaseMeeting, type Deadline } from './logic.js';
import { RuleEditor } from './RuleEditor.js';
import { usePanelEscape } from '../../ui/records/panel-escape.js';

interface Props {
  deadline: Deadline;
  computed: ScheduledDeadline | undefined;
  deadlines: Deadline[];
  events: CaseEvent[];
  meetings: CaseMeeting[];
  today: string;
  readOnly: boolean;
  onClose(): void;
}

export function DeadlinePanel({ deadline: d, computed, deadlines, events, meetings, today, readOnly, onClose }: Props) {
  const closeOnEscape = usePanelEscape(d.id, onClose);
  const remove = useDeadlines((s) => s.remove);
  const askToMove = useDeadlines((s) => s.askToMove);
  // The case whose deadlines the store holds (as the meetings panel reads it), so the screen passes nothing new.
  const caseId = useDeadlines((s) => s.caseId);
  const trigger = d.triggerEventId
    ? events.find((e) => e.id === d.triggerEventId)
    : d.triggerMeetingId ? meetings.find((m) => m.id === d.triggerMeetingId)
      : d.triggerDeadlineId ? deadlines.find((x) => x.id === d.triggerDeadlineId) : undefined;
  const ownMeeting = d.meetingId ? meetings.find((m) => m.id === d.meetingId) : undefined;
  const countdown = countdownOf(d, today, useCaseCalendar());
  const [editingRule, setEditingRule] = useState(false);
  return (
    <aside className="panel deadline-panel" aria-labelledby="deadline-panel-heading" data-record-id={d.id} data-record-panel={d.id} onKeyDown={closeOnEscape}>
      <div className="deadline-panel__head">
        <h2 id="deadline-panel-heading">{d.title}</h2>
        <button type="button" className="icon-button" aria-label="Close the deadline" onClick={onClose}>×</button>
      </div>
      <p className={`countdown countdown--${countdown.tone}`}>{countdown.text}</p>
      {!readOnly && (
        <div className="form__actions deadline-panel__steps">
          {d.dueType === 'tbd' ? (
            <button type="button" className="button button--small button--primary" onClick={() => askToMove(setDate(d))}>Set date…</button>
          ) : (
            <button type="button" className="button button--small" onClick={() => askToMove(backToTbd(d))}>Back to TBD…</button>
          )}
          {!ownMeeting && !editingRule && (
            <button type="button" className="button button--small" aria-expanded={editingRule} onClick={() => setEditingRule(true)}>
              {d.rule ? 'Change the rule or trigger…' : 'Count from a trigger…'}
            </button>
          )}
        </div>
      )}
      {editingRule && !readOnly && (
        <RuleEditor deadline={d} events={events} meetings={meetings} deadlines={deadlines} onDone={() => setEditingRule(false)} />
      )}
      {ownMeeting && (
        // Dated by its meeting, not by a rule: the schedule's words say so; there is no trigger to move.
        <section className="deadline-panel__rule" aria-label="Meeting">
          <h3>Meeting</h3>
          <p>The date of the meeting “{ownMeeting.title}”: setting one sets the other.</p>
          <p className="muted">{ownMeeting.meetingDate ? `The meeting is on ${formatDay(ownMeeting.meetingDate)}.` : 'The meeting’s date is not set yet.'}</p>
        </section>
      )}
      {computed && !ownMeeting && (
        <section className="deadline-panel__rule" aria-label="Rule">
          <h3>Rule</h3>
          <p>{computed.formula}</p>
          <p className="muted">Trigger: {trigger ? `${trigger.title}${triggerDay(trigger)}` : 'no longer exists'}</p>
          <p className="deadline-panel__explanation">{computed.explanation}</p>
          {computed.problem && <p className="field__error">{computed.problem}</p>}
          {trigger && !readOnly && (
            <button type="button" className="button button--small" onClick={() => askToMove(triggerMove(trigger))}>
              Move the trigger date…
            </button>
          )}
        </section>
      )}
      <fieldset className="deadline-panel__fields" disabled={readOnly}>
        <legend className="visually-hidden">Edit the deadline</legend>
        <EditField deadline={d} field="title" label="Title" required />
        <div className="form__row">
          <EditSelect deadline={d} field="status" label="Status" options={DEADLINE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} />
          <EditSelect deadline={d} field="deadlineKind" label="Kind" options={DEADLINE_KINDS.map((s) => ({ value: s, label: humanize(s) }))} />
        </div>
        <EditField deadline={d} field="owner" label="Owner" type="owner" />
        {d.dueType === 'tbd' ? (
          <div className="form__row">
            <EditField deadline={d} field="windowStart" label="Expected from" type="date" />
            <EditField deadline={d} field="windowEnd" label="Expected by" type="date" />
            <EditSelect deadline={d} field="confidence" label="Confidence" options={[{ value: '', label: 'Not assessed' }, ...CONFIDENCE_LEVELS.map((c) => ({ value: c, label: humanize(c) }))]} />
          </div>
        ) : (
          <>
            <div className="form__row">
              <EditField deadline={d} field="dueDate" label="Due date" type="date" hint={ownMeeting ? 'The meeting’s date: a date typed here is the meeting’s too.' : computed ? 'Computed from the rule; a date typed here replaces the rule.' : undefined} />
              {d.dueType === 'datetime' && <EditField deadline={d} field="dueTime" label="Time" type="time" />}
              {d.dueType === 'datetime' && <EditField deadline={d} field="timeZone" label="Time zone" type="zone" hint="Type a city, region or offset to find it." />}
            </div>
            {!readOnly && <DueDateWarning deadline={d} />}
          </>
        )}
        <EditField deadline={d} field="notes" label="Notes" long />
      </fieldset>
      {caseId && <RecordAttachments caseId={caseId} kind="deadline" id={d.id} noun="deadline" readOnly={readOnly} />}
      {/* Outside the fieldset: a case open for review is read-only, but its reviewer still writes comments. */}
      {caseId && <ReviewComments caseId={caseId} kind="deadline" id={d.id} noun="deadline" />}
      {!readOnly && (
        <div className="form__actions">
          <button type="button" className="button button--danger" onClick={() => void remove(d.id).then(onClose)}>
            Delete deadline
          </button>
        </div>
      )}
    </aside>
  );
}

/** " (3 December 2026)", " (date not set)": a trigger's date beside its title. */
function triggerDay(trigger: CaseEvent | CaseMeeting | Deadline): string {
  const day = 'occurredOn' in trigger ? trigger.occurredOn : 'meetingDate' in trigger ? trigger.meetingDate : trigger.dueDate;
  return day ? ` (${formatDay(day)})` : ' (date not set)';
}

/** "Set date…" on a TBD deadline: its date, with the deadlines that move with it and a reason. */
function setDate(d: Deadline) {
  return {
    change: { kind: 'deadline', id: d.id, changes: {} } as ScheduleChangeInput,
    title: `Set the date of “${d.title}”`,
    date: { label: 'Date', value: '', toChange: (date: string): ScheduleChangeInput => ({ kind: 'dateDeadline', id: d.id, dueDate: date }) },
  };
}

/** "Back to TBD…" on a dated deadline: not yet known again, with the window it is now expected in. */
function backToTbd(d: Deadline) {
  const toChange = (start: string, end: string): ScheduleChangeInput => ({
    kind: 'tbdDeadline', id: d.id, ...(start ? { windowStart: start } : {}), ...(end ? { windowEnd: end } : {}),
  });
  const start = d.windowStart ?? '';
  const end = d.windowEnd ?? '';
  return { change: toChange(start, end), title: `Make “${d.title}” not yet known (TBD)`, window: { start, end, toChange } };
}

/** The move dialog for a trigger: an event's date, a meeting's, or a deadline's (a TBD one gets its date). */
function triggerMove(trigger: CaseEvent | CaseMeeting | Deadline) {
  const toChange = (date: string): ScheduleChangeInput => {
    if ('occurredOn' in trigger) return { kind: 'event', id: trigger.id, changes: date ? { occurredOn: date } : {} };
    if ('meetingDate' in trigger) return { kind: 'meeting', id: trigger.id, changes: date ? { meetingDate: date } : {} };
    if (!date) return { kind: 'deadline', id: trigger.id, changes: {} };
    return { kind: 'dateDeadline', id: trigger.id, dueDate: date };
  };
  const value = 'occurredOn' in trigger ? trigger.occurredOn : 'meetingDate' in trigger ? trigger.meetingDate ?? '' : trigger.dueDate ?? '';
  return { change: toChange(value), title: `Move “${trigger.title}”`, date: { label: `New date of “${trigger.title}”`, value, toChange } };
}

/** The due date as typed (saved or not), checked against the case's working calendar. */
function DueDateWarning({ deadline }: { deadline: Deadline }) {
  const date = useFieldText(deadline, 'dueDate');
  const calendar = useCaseCalendar();
  const commit = useDeadlines((s) => s.commit);
  return <ClosedDayWarning calendar={calendar} date={date} onChoose={(chosen) => void commit(deadline.id, 'dueDate', chosen)} />;
}

function EditField({ deadline, field, label, type = 'text', required, long, hint }: { deadline: Deadline; field: EditableField; label: string; type?: 'text' | 'date' | 'time' | 'zone' | 'owner'; required?: boolean; long?: boolean; hint?: string }) {
  const value = useFieldText(deadline, field);
  const parties = useCaseParties(useDeadlines((s) => (type === 'owner' ? s.caseId : null)));
  const { save, pending, refused } = useFieldSave(deadline.id, field);
  const edit = useDeadlines((s) => s.edit);
  const commit = useDeadlines((s) => s.commit);
  const common = {
    name: field,
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => edit(deadline.id, field, e.target.value),
    onBlur: () => void commit(deadline.id, field),
  };
  return (
    <Field label={label} required={required} hint={hint} error={save?.state === 'error' ? save.message : null} aside={<SaveState save={save} pending={pending} />} limit={{ text: value, max: maxLengthOf('deadline', field) }}>
      {(ids) =>
        type === 'owner' ? (
          <OwnerPicker {...ids} name={field} parties={parties} text={value} onText={(t) => edit(deadline.id, field, t)} onLeave={() => void commit(deadline.id, field)} />
        ) : type === 'zone' ? (
          <SavedZonePicker {...ids} name={field} stored={textOfField(deadline, field)} onSave={(zone) => void commit(deadline.id, field, zone)} />
        ) : type === 'date' || type === 'time' ? (
          <TypedInput {...ids} type={type} name={field} value={value} saved={textOfField(deadline, field)} refused={refused} onTyped={(t) => edit(deadline.id, field, t.text, t.refusal)} onLeave={() => void commit(deadline.id, field)} />
        ) : long ? (
          <textarea {...ids} {...common} className="input input--long" rows={3} />
        ) : (
          <input {...ids} {...common} type={type} className="input" />
        )
      }
    </Field>
  );
}

function EditSelect({ deadline, field, label, options }: { deadline: Deadline; field: EditableField; label: string; options: { value: string; label: string }[] }) {
  const value = useFieldText(deadline, field);
  const { save } = useFieldSave(deadline.id, field);
  const commit = useDeadlines((s) => s.commit);
  return (
    <Field label={label} error={save?.state === 'error' ? save.message : null} aside={<SaveState save={save} pending={false} />}>
      {(ids) => (
        <select {...ids} className="input" name={field} value={value} onChange={(e) => void commit(deadline.id, field, e.target.value)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}
