// The timeline of a case: everything dated in one chronological view (events, meetings, deadlines, position changes,
// concessions), grouped by month, with a filter per type. Each entry links to the section that holds it.
// A large case has tens of thousands of dated entries: the month panels are drawn only near the window (a window
// virtualizer over parts of at most PART_SIZE entries), so the screen opens and scrolls as quickly as a small one.
// Printed, every month is drawn, in the page's flow (ui/print/print-view.ts).
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { format } from 'date-fns';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RecordOf } from '../../../shared/records.js';
import { useRecords } from '../../state/data.js';
import { hashOf, type CaseSection } from '../../state/navigation.js';
import { calendarDay, formatDay, isoToday } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { usePrintView } from '../../ui/print/print-view.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import './timeline.css';

const TYPES = [
  { id: 'event', label: 'Events', one: 'Event', section: 'deadlines' },
  { id: 'meeting', label: 'Meetings', one: 'Meeting', section: 'meetings' },
  { id: 'deadline', label: 'Deadlines', one: 'Deadline', section: 'deadlines' },
  { id: 'positionChange', label: 'Position changes', one: 'Position change', section: 'negotiation' },
  { id: 'concession', label: 'Concessions', one: 'Concession', section: 'negotiation' },
] as const satisfies readonly { id: string; label: string; one: string; section: CaseSection }[];
type EntryType = (typeof TYPES)[number]['id'];

interface Entry {
  key: string;
  /** The record the entry opens (its section lands on it). */
  recordId: string;
  type: EntryType;
  date: string;
  time: string | null;
  title: string;
  detail: string | null;
}

interface Loaded {
  events: RecordOf<'event'>[];
  meetings: RecordOf<'meeting'>[];
  deadlines: RecordOf<'deadline'>[];
  positionChanges: RecordOf<'positionChange'>[];
  concessions: RecordOf<'concession'>[];
  issues: RecordOf<'issue'>[];
}

const POSITION_WORDS: Record<string, string> = { opening: 'opening position', target: 'target', walkaway: 'walk-away', stated: 'stated position' };
const localDate = (instant: string) => format(new Date(instant), 'yyyy-MM-dd');
const localTime = (instant: string) => format(new Date(instant), 'HH:mm');
const shorten = (text: string | null | undefined, n = 160) => (text && text.length > n ? `${text.slice(0, n - 1)}…` : (text ?? null));

/** The entries, in order; `whole` (printed) keeps every text whole, where the screen shortens the long ones. */
function entriesOf(data: Loaded, whole = false): { entries: Entry[]; undated: number } {
  const clip = whole ? (text: string | null | undefined, _n?: number) => text ?? null : shorten;
  const issueTitle = new Map(data.issues.map((i) => [i.id, i.title]));
  const entries: Entry[] = [];
  for (const e of data.events) {
    entries.push({ key: `event-${e.id}`, recordId: e.id, type: 'event', date: e.occurredOn, time: e.occurredTime, title: e.title, detail: [humanize(e.eventKind), clip(e.description)].filter(Boolean).join(' · ') });
  }
  let undated = 0;
  for (const m of data.meetings) {
    if (!m.meetingDate) { undated++; continue; }
    entries.push({ key: `meeting-${m.id}`, recordId: m.id, type: 'meeting', date: m.meetingDate, time: m.startTime, title: m.title, detail: [humanize(m.status), m.location].filter(Boolean).join(' · ') });
  }
  for (const d of data.deadlines) {
    if (d.dueType === 'tbd' || !d.dueDate) { undated++; continue; }
    entries.push({ key: `deadline-${d.id}`, recordId: d.id, type: 'deadline', date: d.dueDate, time: d.dueTime, title: d.title, detail: `${humanize(d.deadlineKind)} deadline · ${humanize(d.status)}${d.owner ? ` · ${d.owner}` : ''}` });
  }
  for (const p of data.positionChanges) {
    const side = p.side === 'ours' ? 'Our' : 'Their';
    entries.push({
      // The day it records (its meeting's, or the one the user gave), not the moment it was typed (the history's).
      key: `position-${p.id}`, recordId: p.id, type: 'positionChange', date: p.recordedOn ?? localDate(p.createdAt), time: p.recordedOn ? null : localTime(p.createdAt),
      title: `${issueTitle.get(p.issueId) ?? 'An issue'}: ${side.toLowerCase()} ${POSITION_WORDS[p.position] ?? p.position} changed`,
      detail: [clip(p.value) ? `Now: ${clip(p.value)}` : 'Cleared', p.reason ? `Why: ${clip(p.reason)}` : null].filter(Boolean).join(' · '),
    });
  }
  for (const c of data.concessions) {
    entries.push({
      key: `concession-${c.id}`, recordId: c.id, type: 'concession', date: c.madeOn ?? localDate(c.createdAt), time: null,
      title: `${c.direction === 'given' ? 'Concession given' : 'Concession received'}: ${clip(c.description, 120)}`,
      detail: issueTitle.get(c.issueId) ?? null,
    });
  }
  const order = new Map(TYPES.map((t, i) => [t.id, i]));
  entries.sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || order.get(a.type)! - order.get(b.type)! || a.title.localeCompare(b.title));
  return { entries, undated };
}

/** Every record of one kind, however many: the timeline shows them all. */
const ALL = { limit: 100_000 };

/** The dated records of a case, once every kind is in; the first failure to read one, if any. */
function useTimelineRecords(caseId: string): { data: Loaded | null; error: string | null } {
  const events = useRecords(caseId, 'event', ALL);
  const meetings = useRecords(caseId, 'meeting', ALL);
  const deadlines = useRecords(caseId, 'deadline', ALL);
  const positionChanges = useRecords(caseId, 'positionChange', ALL);
  const concessions = useRecords(caseId, 'concession', ALL);
  const issues = useRecords(caseId, 'issue', ALL);
  const all = [events, meetings, deadlines, positionChanges, concessions, issues];
  const error = all.find((r) => r.error)?.error ?? null;
  const data = useMemo(
    () => (events.records && meetings.records && deadlines.records && positionChanges.records && concessions.records && issues.records
      ? { events: events.records, meetings: meetings.records, deadlines: deadlines.records, positionChanges: positionChanges.records, concessions: concessions.records, issues: issues.records }
      : null),
    [events.records, meetings.records, deadlines.records, positionChanges.records, concessions.records, issues.records],
  );
  // Drawn once every kind is in, never in part; a kind that could not be read leaves the timeline unread, saying why.
  return { data: error ? null : data, error };
}

export function TimelineScreen({ caseId }: { caseId: string }) {
  const { data, error } = useTimelineRecords(caseId);
  const [shown, setShown] = useState<Record<EntryType, boolean>>({ event: true, meeting: true, deadline: true, positionChange: true, concession: true });

  const printing = usePrintView((s) => s.printing);
  const { entries, undated } = useMemo(() => (data ? entriesOf(data, printing) : { entries: [], undated: 0 }), [data, printing]);
  const counts = useMemo(() => Object.fromEntries(TYPES.map((t) => [t.id, entries.filter((e) => e.type === t.id).length])) as Record<EntryType, number>, [entries]);
  const visible = entries.filter((e) => shown[e.type]);
  const parts = useMemo(() => monthParts(visible), [visible]);
  const today = isoToday();

  return (
    <div className="screen timeline-screen">
      <ScreenHeading eyebrow="Case section">Timeline</ScreenHeading>
      {error && <p className="notice notice--error" role="alert">The timeline could not be read: {error}</p>}
      <fieldset className="timeline-filters panel">
        <legend className="field__label">Show</legend>
        <div className="timeline-filters__options">
          {TYPES.map((t) => (
            <label key={t.id} className={`timeline-filter timeline-filter--${t.id}`}>
              <input type="checkbox" checked={shown[t.id]} onChange={(e) => setShown((s) => ({ ...s, [t.id]: e.target.checked }))} />
              <span>{t.label}</span> <span className="count">{counts[t.id]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {!data && !error && <div className="panel" aria-busy="true"><p className="muted">Reading the case…</p></div>}
      {data && entries.length === 0 && (
        <section className="panel">
          <h2>Nothing dated yet</h2>
          <p className="empty">
            The timeline fills itself from the case: add events (the order issued, received, statements), meetings with a date, and dated
            deadlines, and they appear here in order. Position changes and concessions join it as the negotiation goes.
          </p>
        </section>
      )}
      {data && entries.length > 0 && visible.length === 0 && <p className="empty panel">Every type is hidden; tick one above to see its entries.</p>}
      {parts.length > 0 && <TimelineParts caseId={caseId} parts={parts} today={today} />}
      {undated > 0 && (
        <p className="muted">
          {undated === 1 ? 'One meeting or deadline has' : `${undated} meetings and deadlines have`} no date yet and {undated === 1 ? 'is' : 'are'} not on the timeline.
        </p>
      )}
    </div>
  );
}

/** Entries a month panel draws at most: a longer month is drawn as several panels ("continued"). */
const PART_SIZE = 60;
const ESTIMATED_ENTRY_PX = 58;
const ESTIMATED_HEADING_PX = 90;
/** The space between month panels (the screen's own gap, 1.25rem). */
const PANEL_GAP_PX = 20;

interface MonthPart {
  key: string;
  month: string;
  label: string;
  /** Entries in the whole month (the count beside its name). */
  monthCount: number;
  /** The month's second and later parts say so in their heading. */
  continued: boolean;
  entries: Entry[];
}

const typeOf = (id: EntryType) => TYPES.find((t) => t.id === id)!;

function monthParts(entries: readonly Entry[]): MonthPart[] {
  const months: { month: string; entries: Entry[] }[] = [];
  for (const e of entries) {
    const month = e.date.slice(0, 7);
    let group = months.at(-1);
    if (!group || group.month !== month) months.push((group = { month, entries: [] }));
    group.entries.push(e);
  }
  return months.flatMap(({ month, entries: all }) => {
    const label = format(calendarDay(`${month}-01`), 'MMMM yyyy');
    const parts: MonthPart[] = [];
    for (let i = 0; i < all.length; i += PART_SIZE) {
      parts.push({ key: `${month}-${i}`, month, label, monthCount: all.length, continued: i > 0, entries: all.slice(i, i + PART_SIZE) });
    }
    return parts;
  });
}

function TimelineParts({ caseId, parts, today }: { caseId: string; parts: MonthPart[]; today: string }) {
  const listRef = useRef<HTMLDivElement>(null);
  // Where the parts begin on the page (below the heading and the filters): the virtualizer counts from there.
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY), []);
  const virtualizer = useWindowVirtualizer({
    count: parts.length,
    estimateSize: (i) => ESTIMATED_HEADING_PX + parts[i]!.entries.length * ESTIMATED_ENTRY_PX,
    getItemKey: (i) => parts[i]!.key,
    overscan: 2,
    gap: PANEL_GAP_PX,
    scrollMargin: offset,
  });
  // On paper every month, in the flow and unmeasured; on screen those near the window, placed by the virtualizer.
  const printing = usePrintView((s) => s.printing);
  const items = printing ? parts.map((part, index) => ({ index, key: part.key, start: undefined })) : virtualizer.getVirtualItems();
  return (
    <div ref={listRef} className="timeline-parts" style={printing ? undefined : { height: virtualizer.getTotalSize(), position: 'relative' }}>
      {items.map((item) => {
        const part = parts[item.index]!;
        const headingId = `month-${part.key}`;
        return (
          <section
            key={item.key}
            ref={printing ? undefined : virtualizer.measureElement}
            data-index={item.index}
            className="panel timeline-month"
            aria-labelledby={headingId}
            style={item.start === undefined ? undefined : { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <h2 id={headingId}>
              {part.label}
              {part.continued && <span className="muted"> (continued)</span>} <span className="count">{part.monthCount}</span>
            </h2>
            <ol className="timeline-list">
              {part.entries.map((e) => {
                const type = typeOf(e.type);
                return (
                  <li key={e.key} className={`timeline-entry timeline-entry--${e.type}${e.date > today ? ' timeline-entry--ahead' : ''}`}>
                    <time className="timeline-entry__when" dateTime={e.date}>
                      <span className="timeline-entry__day">{formatDay(e.date)}</span>
                      {e.time && <span className="timeline-entry__time">{e.time}</span>}
                    </time>
                    <span className="timeline-entry__type">{type.one}</span>
                    <div className="timeline-entry__body">
                      <a className="timeline-entry__title" href={hashOf({ screen: 'case', caseId, section: type.section, record: e.recordId })}>{e.title}</a>
                      {e.detail && <span className="timeline-entry__detail">{e.detail}</span>}
                    </div>
                    {e.date > today && <span className="badge">Ahead</span>}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
