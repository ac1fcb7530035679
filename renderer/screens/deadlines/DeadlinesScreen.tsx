// The deadlines section of a case: every deadline as a list (dated, then those not yet known) or as a month
// calendar; a form to add one; a side panel to edit one with save-as-you-go; delete with Undo.
import { useEffect, useMemo, useState } from 'react';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../../../shared/enums.js';
import { isOwnedBy } from '../../../shared/owners.js';
import { distinctTexts, type TableSpec, type TableView } from '../../../shared/table-view.js';
import { useCases } from '../../state/cases.js';
import { useTableView } from '../../state/table-views.js';
import { humanize } from '../../ui/labels.js';
import { FilterBar } from '../../ui/tables/FilterBar.js';
import { isoToday } from '../../ui/dates.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { useLandOnRecord } from '../../ui/records/land-on-record.js';
import { AddDeadlineForm } from './AddDeadlineForm.js';
import { CalendarSettings } from './CalendarSettings.js';
import { DeadlineCalendar, hasWindow } from './DeadlineCalendar.js';
import { DeadlineList } from './DeadlineList.js';
import { DeadlinePanel } from './DeadlinePanel.js';
import { EventPanel, EventsSection } from './Events.js';
import { FIRST_PAGE, useDeadlines } from '../../state/deadlines.js';
import { sortDeadlines, type Deadline } from './logic.js';
import { MoveDialog } from './MoveDialog.js';
import { ReminderCenter } from './ReminderCenter.js';
import './deadlines.css';

type View = 'list' | 'calendar';

const STATUS_OPTIONS = DEADLINE_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
const KIND_OPTIONS = DEADLINE_KINDS.map((k) => ({ value: k, label: humanize(k) }));
const SORTS = [
  { column: 'due', label: 'Due' },
  { column: 'title', label: 'Title' },
  { column: 'kind', label: 'Kind' },
  { column: 'status', label: 'Status' },
  { column: 'owner', label: 'Owner' },
];
/** How the list sorts and filters (the dated and the undated each within their own group). */
const DEADLINE_SPEC: TableSpec<Deadline> = {
  sortBy: {
    due: (d) => (d.dueDate ? `${d.dueDate} ${d.dueTime ?? ''}` : d.windowStart),
    title: (d) => d.title,
    kind: (d) => d.deadlineKind,
    status: (d) => d.status,
    owner: (d) => d.owner,
  },
  filterBy: {
    status: (d, value) => d.status === value,
    kind: (d, value) => d.deadlineKind === value,
    owner: (d, value) => isOwnedBy(d.owner, value),
  },
};

/** The order chosen, in words for the list's group line ("by title, descending"), or null for date order. */
function orderInWords(view: TableView): string | null {
  const label = SORTS.find((s) => s.column === view.sort?.column)?.label.toLowerCase();
  return label && view.sort ? `by ${label}, ${view.sort.direction}` : null;
}

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
  const unwindowed = tbd.filter((d) => !hasWindow(d));
  // One view over both groups (the same table name): each group filtered and sorted within itself.
  const datedShown = useTableView(caseId, 'deadlines', dated, DEADLINE_SPEC);
  const tbdShown = useTableView(caseId, 'deadlines', tbd, DEADLINE_SPEC);
  const owners = useMemo(() => distinctTexts(deadlines, (d) => (d.owner ? [d.owner.trim()] : [])).map((o) => ({ value: o, label: o })), [deadlines]);
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
            <>
            <FilterBar table={datedShown} shown={datedShown.shown.length + tbdShown.shown.length} total={deadlines.length} noun="deadlines" sorts={SORTS} filters={[
              { name: 'status', label: 'Status', options: STATUS_OPTIONS },
              { name: 'kind', label: 'Kind', options: KIND_OPTIONS },
              { name: 'owner', label: 'Owner', options: owners },
            ]} />
            <DeadlineList
              dated={datedShown.shown}
              tbd={tbdShown.shown}
              order={orderInWords(datedShown.view)}
              schedule={schedule}
              today={today}
              selectedId={selectedId}
              readOnly={readOnly}
              readingTheRest={!whole && deadlines.length >= FIRST_PAGE}
              onOpen={setSelectedId}
            />
            </>
          ) : !whole ? (
            <div aria-busy="true" className="panel"><p className="muted">Reading the deadlines…</p></div>
          ) : (
            <>
              <DeadlineCalendar dated={dated} tbd={tbd} today={today} onOpen={setSelectedId} />
              {unwindowed.length > 0 && (
                <p className="muted">
                  {unwindowed.length === 1 ? 'One deadline has' : `${unwindowed.length} deadlines have`} no date yet and no window it is expected in, so{' '}
                  {unwindowed.length === 1 ? 'it is' : 'they are'} not on the calendar; see the list.
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
