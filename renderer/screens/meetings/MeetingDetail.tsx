// One meeting, opened: its own fields saved as the user goes, its agenda, what is attached to it, who may see it, and
// its files (a file dropped on its attachments section is attached to the meeting).
import { useLayoutEffect, useRef, useState } from 'react';
import { MEETING_STATUSES } from '../../../shared/enums.js';
import type { FieldSave } from '../../state/directive.js';
import { ChoiceGroup } from '../../ui/ChoiceGroup.js';
import { humanize } from '../../ui/labels.js';
import { SaveState } from '../../ui/SaveState.js';
import { formatDay } from '../../ui/dates.js';
import { ReviewComments } from '../../ui/review/ReviewComments.js';
import { RecordAttachments } from '../../ui/attachments/RecordAttachments.js';
import { RecordSharingProvider, SharingSection } from '../../ui/sharing/RecordSharing.js';
import { Attendees } from './Attendees.js';
import { ActionItems } from './ActionItems.js';
import { Concessions } from './Concessions.js';
import { AutoText, orNull } from './fields.js';
import { Decisions, Notes } from './Notes.js';
import { problemOf, useMeetings, type Meeting } from '../../state/meetings.js';

const STATUS_OPTIONS = MEETING_STATUSES.map((s) => ({ value: s, label: humanize(s) }));

export function MeetingDetailView({ meeting, readOnly }: { meeting: Meeting; readOnly: boolean }) {
  const update = useMeetings((s) => s.update);
  const remove = useMeetings((s) => s.remove);
  const detail = useMeetings((s) => s.detail);
  const detailError = useMeetings((s) => s.detailError);
  const caseId = useMeetings((s) => s.caseId);
  const save = (field: keyof Meeting, required = false) => (text: string) =>
    update('meeting', meeting.id, { [field]: required ? text : orNull(text) } as Partial<Meeting>);

  const body = (
    <>
      <fieldset className="meeting-detail" disabled={readOnly} aria-labelledby="meeting-detail-heading">
        <section className="panel" aria-labelledby="meeting-detail-heading">
          <div className="meeting-detail__head">
            <div>
              <p className="screen-heading__eyebrow">Meeting{meeting.meetingDate ? ` · ${formatDay(meeting.meetingDate)}` : ''}</p>
              <h2 id="meeting-detail-heading" className="meeting-detail__title">{meeting.title}</h2>
            </div>
            {!readOnly && (
              <button type="button" className="button button--small button--danger" onClick={() => void remove('meeting', meeting.id)}>
                Delete meeting
              </button>
            )}
          </div>
          <AutoText markSharing kind="meeting" label="Title" field="title" required stored={meeting.title} save={save('title', true)} />
          <StatusChoice meeting={meeting} />
          <div className="form__row meeting-detail__when">
            <AutoText markSharing kind="meeting" label="Date" field="meetingDate" control="date" stored={meeting.meetingDate} save={save('meetingDate')} />
            <AutoText markSharing kind="meeting" label="Start time" field="startTime" control="time" stored={meeting.startTime} save={save('startTime')} />
            <AutoText markSharing kind="meeting" label="End time" field="endTime" control="time" stored={meeting.endTime} save={save('endTime')} />
            <AutoText markSharing kind="meeting" label="Time zone" field="timeZone" stored={meeting.timeZone} save={save('timeZone')} control="zone" placeholder="America/New_York" />
          </div>
          <AutoText markSharing kind="meeting" label="Location" field="location" stored={meeting.location} save={save('location')} />
          <AutoText markSharing kind="meeting" label="Purpose" field="purpose" control="long" stored={meeting.purpose} save={save('purpose')} />
          <AutoText markSharing kind="meeting" label="Desired outcome" field="desiredOutcome" control="long" stored={meeting.desiredOutcome} save={save('desiredOutcome')} />
        </section>

        <Agenda meeting={meeting} />

        {detailError && (
          <p className="notice notice--error" role="alert">
            What is attached to this meeting could not be read: {detailError}
          </p>
        )}
        {detail?.meetingId === meeting.id ? (
          <>
            <Attendees meeting={meeting} attendees={detail.attendees} />
            <Notes meeting={meeting} notes={detail.notes} />
            <Decisions meeting={meeting} decisions={detail.decisions} />
            <ActionItems meeting={meeting} items={detail.actionItems} />
            <Concessions meeting={meeting} concessions={detail.concessions} />
          </>
        ) : (
          !detailError && <p className="muted" aria-busy="true">Reading the meeting…</p>
        )}

        <section className="panel" aria-labelledby="meeting-summary-heading">
          <h3 id="meeting-summary-heading">Summary</h3>
          <AutoText markSharing kind="meeting" label="What happened, in a few lines" field="summary" control="long" stored={meeting.summary} save={save('summary')} />
        </section>
        <SharingSection noun="meeting" readOnly={readOnly} className="panel" />
      </fieldset>
      {/* Outside the fieldset: a case open for review is read-only, but its reviewer still writes comments. */}
      {caseId && <ReviewComments caseId={caseId} kind="meeting" id={meeting.id} noun="meeting" className="panel" />}
      {caseId && <RecordAttachments caseId={caseId} kind="meeting" id={meeting.id} noun="meeting" readOnly={readOnly} className="panel" />}
    </>
  );
  return caseId ? <RecordSharingProvider caseId={caseId} kind="meeting" id={meeting.id}>{body}</RecordSharingProvider> : body;
}

function StatusChoice({ meeting }: { meeting: Meeting }) {
  const update = useMeetings((s) => s.update);
  const [chosen, setChosen] = useState<Meeting['status'] | null>(null);
  const [state, setState] = useState<FieldSave | undefined>();
  async function choose(status: Meeting['status']): Promise<void> {
    setChosen(status);
    setState({ state: 'saving' });
    try {
      await update('meeting', meeting.id, { status });
      setChosen(null);
      setState({ state: 'saved' });
    } catch (err) {
      setState({ state: 'error', message: problemOf(err, 'status') });
    }
  }
  return (
    <ChoiceGroup
      legend="Status"
      name="meeting-status"
      value={chosen ?? meeting.status}
      options={STATUS_OPTIONS}
      onChange={(v) => void choose(v)}
      aside={<SaveState save={state} pending={false} />}
      error={state?.state === 'error' ? state.message : null}
    />
  );
}

/** The agenda: an ordered list of items, each edited in place, added, removed and moved; the whole list saves. */
function Agenda({ meeting }: { meeting: Meeting }) {
  const update = useMeetings((s) => s.update);
  const stored = meeting.agenda ?? [];
  const [items, setItemsState] = useState<string[] | null>(null);
  const [state, setState] = useState<FieldSave | undefined>();
  const shown = items ?? stored;
  // What the list holds right now, for a save started by a blur that follows an edit in the same tick.
  const current = useRef<string[] | null>(null);
  const setItems = (next: string[] | null | ((cur: string[] | null) => string[] | null)) => {
    const value = typeof next === 'function' ? next(current.current) : next;
    current.current = value;
    setItemsState(value);
  };

  async function store(next: string[]): Promise<void> {
    setItems(next);
    const clean = next.map((s) => s.trim()).filter(Boolean);
    if (JSON.stringify(clean) === JSON.stringify(stored)) {
      setState((s) => (s?.state === 'error' ? undefined : s));
      return;
    }
    setState({ state: 'saving' });
    try {
      await update('meeting', meeting.id, { agenda: clean.length ? clean : null });
      // An empty item just added stays on screen for the user to fill in.
      setItems((cur) => (cur === next && !next.some((x) => !x.trim()) ? null : cur));
      setState({ state: 'saved' });
    } catch (err) {
      setState({ state: 'error', message: problemOf(err, 'agenda') });
    }
  }

  // The item to focus once it is drawn: in a layout effect, in the same task as the key or click that made it, so
  // that what the user types next lands in it (a focus one frame later lost the first keystrokes on a busy machine).
  const [toFocus, setToFocus] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (toFocus === null) return;
    document.querySelector<HTMLInputElement>(`#agenda-item-${toFocus}`)?.focus();
    setToFocus(null);
  }, [toFocus]);
  const focusItem = (index: number) => setToFocus(index);

  function moveItem(index: number, by: -1 | 1): void {
    const next = [...shown];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    void store(next);
  }

  return (
    <section className="panel" aria-labelledby="agenda-heading">
      <div className="meeting-section__head">
        <h3 id="agenda-heading">
          Agenda <span className="count">{stored.length}</span>
        </h3>
        <SaveState save={state} pending={items !== null && state?.state !== 'saving' && state?.state !== 'error'} />
      </div>
      {state?.state === 'error' && <p className="field__error">{state.message}</p>}
      {shown.length === 0 && <p className="empty">No agenda yet. Add the points to cover, in the order they come up.</p>}
      <ol className="agenda">
        {shown.map((item, i) => (
          <li key={i} className="agenda__item">
            <span className="agenda__number" aria-hidden="true">{i + 1}.</span>
            <input
              id={`agenda-item-${i}`}
              className="input"
              aria-label={`Agenda item ${i + 1}`}
              value={item}
              onChange={(e) => setItems(shown.map((s, j) => (j === i ? e.target.value : s)))}
              onBlur={() => current.current && void store(current.current)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  const next = [...shown.slice(0, i + 1), '', ...shown.slice(i + 1)];
                  setItems(next);
                  focusItem(i + 1);
                } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                  e.preventDefault();
                  const by = e.key === 'ArrowUp' ? -1 : 1;
                  if (i + by < 0 || i + by >= shown.length) return;
                  moveItem(i, by);
                  focusItem(i + by);
                }
              }}
            />
            <button type="button" className="icon-button" aria-label={`Move item ${i + 1} up`} title="Move up (Alt+Up)" disabled={i === 0} onClick={() => moveItem(i, -1)}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={`Move item ${i + 1} down`} title="Move down (Alt+Down)" disabled={i === shown.length - 1} onClick={() => moveItem(i, 1)}>
              ↓
            </button>
            <button type="button" className="icon-button" aria-label={`Remove item ${i + 1}`} title="Remove" onClick={() => void store(shown.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setItems([...shown, '']);
          focusItem(shown.length);
        }}
      >
        Add an agenda item
      </button>
      <p className="field__hint agenda__hint">Enter starts a new item; Alt+Up and Alt+Down move one.</p>
    </section>
  );
}
