// The deadlines section of a case: every deadline as a list (dated, then those not yet known) or as a month
// calendar; a form to add one; a side panel to edit one with save-as-you-go; delete with Undo.
import { useEffect, useMemo, useState } from 'react';
import { useCases } from '../../state/cases.js';
import { isoToday } from '../../ui/dates.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { useLandOnRecord } from '../../ui/records/land-on-record.js';
import { AddDeadlineForm } from './AddDeadlineForm.js';
import { CalendarSettings } from './CalendarSettings.js';
import { DeadlineCalendar } from './DeadlineCalendar.js';
import { DeadlineList } from './DeadlineList.js';
import { DeadlinePanel } from './DeadlinePanel.js';
import { EventPanel, EventsSection } from './Events.js';
import { FIRST_PAGE, useDeadlines } from '../../state/deadlines.js';
import { sortDeadlines } from './logic.js';
import { MoveDialog } from './MoveDialog.js';
import { ReminderCenter } from './ReminderCenter.js';
import './deadlines.css';

type View = 'list' | 'calendar';

export function DeadlinesScreen({ caseId }: { caseId: string }) {
  const { deadlines, events, meetings, loading, complete, loadError, actionError, load, flushAll, schedule, pendingMove } = useDeadlines();
  const storeCase = useDeadlines((s) => s.caseId);
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const [view, setView] = useState<View>('list');
  const [adding, setAdding] = useState(false);
  const [selected_, select] = useState<{ kind: 'deadline' | 'event'; id: string } | null>(null);
  const selectedId = selected_?.kind === 'deadline' ? selected_.id : null;
  const selectedEventId = selected_?.kind === 'event' ? selected_.id : null;
  const setSelectedId = (id: string | null) => select(id ? { kind: 'deadline', id } : null);
  const openEvent = (id: string) => select({ kind: 'event', id });
  // The case this screen has asked the store to read. Until then the store may still hold what an earlier visit
  // read: drawing that (ten thousand rows to sort and lay out) would hold back the fresh read by a long frame, so
  // the screen waits for its own first page instead.
  const [requested, setRequested] = useState<string | null>(null);
  const today = isoToday();

  useEffect(() => {
    setRequested(caseId);
    void load(caseId);
    return () => void flushAll();
  }, [caseId, load, flushAll]);

  const { dated, tbd } = useMemo(() => sortDeadlines(deadlines), [deadlines]);
  const selected = deadlines.find((d) => d.id === selectedId) ?? null;
  const ready = requested === caseId && storeCase === caseId && !loading;
  // Until everything is read, the list shows the first page alone; what needs the whole set (the month calendar,
  // the form and the panel, which offer the other deadlines as triggers) waits for it. The reminders (read with the
  // first page on the first visit; on a return, from the last reading) and the working calendar are drawn with the
  // list, so that it does not move down under the user once they arrive.
  const whole = ready && complete;
  const remindersRead = useDeadlines((s) => s.remindersRead);
  const selectedEvent = events.find((e) => e.id === selectedEventId) ?? null;
  // A jump to a deadline or an event (from the timeline or the search palette) opens it.
  useLandOnRecord({
    listed: whole ? [...deadlines, ...events] : null,
    open: (id) => (events.some((e) => e.id === id) ? openEvent(id) : setSelectedId(id)),
  });

  return (
    <div className="screen deadlines-screen">
      <ScreenHeading
        eyebrow="Case section"
        actions={
          <>
            <div className="view-toggle" role="group" aria-label="View">
              {(['list', 'calendar'] as const).map((v) => (
                <button key={v} type="button" className="button button--small" aria-pressed={view === v} onClick={() => setView(v)}>
                  {v === 'list' ? 'List' : 'Month calendar'}
                </button>
              ))}
            </div>
            {!readOnly && (
              <button type="button" className="button button--primary" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
                Add deadline
              </button>
            )}
          </>
        }
      >
        Deadlines
      </ScreenHeading>
      {loadError && <p className="notice notice--error" role="alert">The deadlines could not be read: {loadError}</p>}
      {actionError && <p className="notice notice--error" role="alert">{actionError}</p>}
      {ready && remindersRead && <ReminderCenter caseId={caseId} readOnly={readOnly} onOpen={setSelectedId} />}
      {ready && <CalendarSettings caseId={caseId} readOnly={readOnly} />}
      {pendingMove && <MoveDialog caseId={caseId} move={pendingMove} />}
      {adding && whole && (
        <AddDeadlineForm
          deadlines={deadlines}
          events={events}
          meetings={meetings}
          onDone={(created) => {
            setAdding(false);
            if (created) setSelectedId(created.id);
          }}
        />
      )}
      <div className={`deadlines-layout${(selected || selectedEvent) && whole ? ' deadlines-layout--with-panel' : ''}`}>
        <div className="deadlines-layout__main">
          {!ready ? (
            <div aria-busy="true" className="panel"><p className="muted">Reading the deadlines…</p></div>
          ) : deadlines.length === 0 ? (
            <section className="panel">
              <h2>No deadlines yet</h2>
              <p className="empty">
                Add the first with <strong>Add deadline</strong>: a date, a date and time in its time zone, or a deadline whose date is not
                yet known with the window you expect. A deadline counted from an event (“30 business days after the order was received”) can
                be built from a rule.
              </p>
            </section>
          ) : view === 'list' ? (
            <DeadlineList
              dated={dated}
              tbd={tbd}
              schedule={schedule}
              today={today}
              selectedId={selectedId}
              readOnly={readOnly}
              readingTheRest={!whole && deadlines.length >= FIRST_PAGE}
              onOpen={setSelectedId}
            />
          ) : !whole ? (
            <div aria-busy="true" className="panel"><p className="muted">Reading the deadlines…</p></div>
          ) : (
            <>
              <DeadlineCalendar dated={dated} today={today} onOpen={setSelectedId} />
              {tbd.length > 0 && (
                <p className="muted">
                  {tbd.length === 1 ? 'One deadline has' : `${tbd.length} deadlines have`} no date yet and {tbd.length === 1 ? 'is' : 'are'} not on the calendar; see the list.
                </p>
              )}
            </>
          )}
          {whole && <EventsSection caseId={caseId} events={events} selectedId={selectedEventId} readOnly={readOnly} onOpen={openEvent} />}
        </div>
        {selectedEvent && whole && (
          <EventPanel
            key={selectedEvent.id}
            caseId={caseId}
            event={selectedEvent}
            dependants={deadlines.filter((d) => d.triggerEventId === selectedEvent.id)}
            readOnly={readOnly}
            onClose={() => select(null)}
          />
        )}
        {selected && whole && (
          <DeadlinePanel
            key={selected.id}
            deadline={selected}
            computed={schedule.get(selected.id)}
            deadlines={deadlines}
            events={events}
            meetings={meetings}
            today={today}
            readOnly={readOnly}
            onClose={() => setSelectedId(null)}
          />
        )}
      </div>
    </div>
  );
}
