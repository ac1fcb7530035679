// The deadlines as one virtualized list (so ten thousand stay smooth): dated ones in date order, then those whose
// date is not yet known, grouped apart. Arrow keys move through the rows, Home and End jump, Enter opens one.
// Printed, every row is drawn, in the page's flow and as tall as its text (ui/print/print-view.ts).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScheduledDeadline } from '../../../shared/api-types.js';
import { formatDay } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { usePrintView } from '../../ui/print/print-view.js';
import { useCaseCalendar, useDeadlines } from '../../state/deadlines.js';
import { countdownOf, type Countdown, type Deadline } from './logic.js';
import { StatusChoice } from './StatusChoice.js';
import type { WorkingCalendar } from '../../../shared/deadlines/index.js';

/** A row's height in pixels: every row is this tall (long text is cut with an ellipsis, and read whole in its
 *  tooltip and the side panel), so the list never measures rows as they scroll in. Matches deadlines.css. */
const ROW_HEIGHT = 92;
const GROUP_HEIGHT = 44;

type Row =
  | { type: 'group'; label: string; count: number; hint: string }
  /** `position` is the deadline's place among all the deadlines, from 1 (for screen readers). */
  | { type: 'deadline'; deadline: Deadline; position: number };

interface Props {
  dated: Deadline[];
  tbd: Deadline[];
  schedule: Map<string, ScheduledDeadline>;
  today: string;
  selectedId: string | null;
  /** The case is open for review: statuses are shown, not changed. */
  readOnly: boolean;
  /** Only the first page is in: said in the first group's line, where it takes no room of its own. */
  readingTheRest: boolean;
  /** The order the user chose in the filter bar, in words ("by title, descending"); null: date order. */
  order?: string | null;
  onOpen(id: string): void;
}

export function DeadlineList({ dated, tbd, schedule, today, selectedId, readOnly, readingTheRest, order = null, onOpen }: Props) {
  const rows = useMemo<Row[]>(() => {
    const out: Row[] = [];
    const add = (list: Deadline[], offset: number) => list.forEach((deadline, i) => out.push({ type: 'deadline', deadline, position: offset + i + 1 }));
    if (dated.length) {
      const hint = readingTheRest
        ? `The first ${dated.length} in date order; reading the rest…`
        : order ? `Sorted ${order}.` : 'In date order; business days over the case’s working calendar.';
      out.push({ type: 'group', label: 'Dated', count: dated.length, hint });
      add(dated, 0);
    }
    if (tbd.length) {
      out.push({ type: 'group', label: 'Date not yet known', count: tbd.length, hint: 'Expected windows and how sure we are.' });
      add(tbd, dated.length);
    }
    return out;
  }, [dated, tbd, readingTheRest, order]);
  const deadlineIndexes = useMemo(() => rows.flatMap((r, i) => (r.type === 'deadline' ? [i] : [])), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number>(() => deadlineIndexes[0] ?? 0);
  const [focusWanted, setFocusWanted] = useState(false);
  // Stable while the rows are: the virtualizer lays out every row again (ten thousand sizes and keys) whenever
  // these functions change, which, written inline, would be at every render, that is at every frame of a scroll.
  const estimateSize = useCallback((i: number) => (rows[i]?.type === 'group' ? GROUP_HEIGHT : ROW_HEIGHT), [rows]);
  const getItemKey = useCallback((i: number) => {
    const row = rows[i]!;
    return row.type === 'group' ? `group-${row.label}` : row.deadline.id;
  }, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 8,
    getItemKey,
  });

  // Keep the active row on a deadline when the list changes.
  const activeIndex = rows[active]?.type === 'deadline' ? active : (deadlineIndexes.find((i) => i >= active) ?? deadlineIndexes.at(-1) ?? 0);

  useEffect(() => {
    if (!focusWanted) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusWanted(false);
    }
  });

  function move(to: number): void {
    setActive(to);
    setFocusWanted(true);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  }

  function onKeyDown(e: React.KeyboardEvent): void {
    if ((e.target as HTMLElement).tagName === 'SELECT') return; // a select's own arrow keys change its choice
    const at = deadlineIndexes.indexOf(activeIndex);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = deadlineIndexes[Math.min(at + 1, deadlineIndexes.length - 1)];
    else if (e.key === 'ArrowUp') next = deadlineIndexes[Math.max(at - 1, 0)];
    else if (e.key === 'Home') next = deadlineIndexes[0];
    else if (e.key === 'End') next = deadlineIndexes.at(-1);
    else if (e.key === 'PageDown') next = deadlineIndexes[Math.min(at + 8, deadlineIndexes.length - 1)];
    else if (e.key === 'PageUp') next = deadlineIndexes[Math.max(at - 8, 0)];
    else if (e.key === 'Enter' && (e.target as HTMLElement).dataset.index !== undefined) {
      e.preventDefault();
      const row = rows[activeIndex];
      if (row?.type === 'deadline') onOpen(row.deadline.id);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    move(next);
  }

  const total = dated.length + tbd.length;
  const calendar = useCaseCalendar();
  // On paper every row, each where the flow puts it (no start, no size); on screen those near the window.
  const printing = usePrintView((s) => s.printing);
  const items = printing ? rows.map((_, index) => ({ index, key: getItemKey(index), start: undefined, size: undefined })) : virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="deadline-list" onKeyDown={onKeyDown}>
      <p id="deadline-list-keys" className="visually-hidden">Use the up and down arrow keys to move between deadlines, Enter to open one.</p>
      <div role="list" aria-label={`Deadlines (${total})`} aria-describedby="deadline-list-keys" style={printing ? undefined : { height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          const style = placement(item.start, item.size);
          return row.type === 'group' ? (
            <div key={item.key} data-index={item.index} role="listitem" className="deadline-group" style={style}>
              <h2 className="deadline-group__title">
                {row.label} <span className="count">{row.count}</span>
                <span className="deadline-group__hint">{row.hint}</span>
              </h2>
            </div>
          ) : (
            <DeadlineRow
              key={item.key}
              index={item.index}
              top={item.start}
              height={item.size}
              position={row.position}
              total={total}
              deadline={row.deadline}
              computed={schedule.get(row.deadline.id)}
              today={today}
              calendar={calendar}
              selected={row.deadline.id === selectedId}
              active={item.index === activeIndex}
              readOnly={readOnly}
              onActivate={setActive}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}

/** Where a virtual row goes in the list; undefined (printed, every row drawn) leaves it in the flow. */
function placement(start: number | undefined, size: number | undefined): React.CSSProperties | undefined {
  if (start === undefined || size === undefined) return undefined;
  return { position: 'absolute', top: 0, left: 0, width: '100%', height: size, transform: `translateY(${start}px)` };
}

export function dueWords(d: Deadline): { main: string; sub: string | null } {
  if (d.dueType === 'tbd' || !d.dueDate) {
    const window = d.windowStart || d.windowEnd
      ? `Expected ${d.windowStart ? formatDay(d.windowStart) : '…'} – ${d.windowEnd ? formatDay(d.windowEnd) : '…'}`
      : 'No expected window yet';
    return { main: window, sub: d.confidence ? `${humanize(d.confidence)} confidence` : 'Confidence not assessed' };
  }
  return { main: formatDay(d.dueDate), sub: d.dueType === 'datetime' && d.dueTime ? `${d.dueTime} ${d.timeZone ?? ''}`.trim() : null };
}

interface RowProps {
  index: number;
  /** Where the row goes in the virtual list; undefined when every row is drawn in the flow (printed). */
  top: number | undefined;
  height: number | undefined;
  position: number;
  total: number;
  deadline: Deadline;
  computed: ScheduledDeadline | undefined;
  today: string;
  calendar: WorkingCalendar;
  selected: boolean;
  active: boolean;
  readOnly: boolean;
  onActivate(index: number): void;
  onOpen(id: string): void;
}

/** What a row shows that takes work to build (dates in words, the business-day countdown): once per deadline
 *  record, day and calendar, not at every render of a row scrolling back into view. */
interface RowWords {
  due: { main: string; sub: string | null };
  countdown: Countdown;
}
const wordsByDeadline = new WeakMap<Deadline, { today: string; calendar: WorkingCalendar; words: RowWords }>();

function rowWords(d: Deadline, today: string, calendar: WorkingCalendar): RowWords {
  const cached = wordsByDeadline.get(d);
  if (cached && cached.today === today && cached.calendar === calendar) return cached.words;
  const words = { due: dueWords(d), countdown: countdownOf(d, today, calendar) };
  wordsByDeadline.set(d, { today, calendar, words });
  return words;
}

// Memoized: scrolling re-renders the list at every step, but a row already on screen has the same props and is
// left alone; only rows that come into view render.
const DeadlineRow = memo(function DeadlineRow({ index, top, height, position, total, deadline: d, computed, today, calendar, selected, active, readOnly, onActivate, onOpen }: RowProps) {
  const commit = useDeadlines((s) => s.commit);
  const draftStatus = useDeadlines((s) => s.drafts[`${d.id}:status`]);
  const save = useDeadlines((s) => s.saves[`${d.id}:status`]);
  const words = rowWords(d, today, calendar);
  // While a new status is saving, the countdown already follows it.
  const countdown = draftStatus && draftStatus !== d.status ? countdownOf({ ...d, status: draftStatus as Deadline['status'] }, today, calendar) : words.countdown;
  const due = words.due;
  const rule = computed ? `${d.meetingId ? 'Date' : 'Rule'}: ${computed.formula}. ${computed.explanation}${computed.problem ? ` ${computed.problem}` : ''}` : null;
  return (
    <div
      data-index={index}
      role="listitem"
      aria-setsize={total}
      aria-posinset={position}
      tabIndex={active ? 0 : -1}
      className={`deadline-row${selected ? ' deadline-row--selected' : ''}`}
      style={placement(top, height)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onActivate(index);
      }}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('select, button')) onActivate(index);
      }}
    >
      <div className={`deadline-row__inner deadline-row__inner--${d.status}${computed ? ' deadline-row__inner--ruled' : ''}`}>
        <div className="deadline-row__due">
          <span className="deadline-row__date">{due.main}</span>
          {due.sub && <span className="deadline-row__sub">{due.sub}</span>}
        </div>
        <div className="deadline-row__main">
          <button type="button" className="deadline-row__title link-button" title={d.title} tabIndex={active ? 0 : -1} onClick={() => onOpen(d.id)}>
            {d.title}
          </button>
          <span className="deadline-row__meta" title={`${humanize(d.deadlineKind)} · ${d.owner || 'No owner'}`}>
            <span className={`kind-tag kind-tag--${d.deadlineKind}`}>{humanize(d.deadlineKind)}</span>
            {' · '}
            {d.owner ? d.owner : <span className="muted">No owner</span>}
          </span>
          {computed && (
            // One line cut with an ellipsis; the whole text is in the tooltip and in the panel the row opens.
            <span className="deadline-row__rule" title={rule!}>
              <span className="deadline-row__formula">{d.meetingId ? 'Date:' : 'Rule:'} {computed.formula}.</span>{' '}
              <span className="deadline-row__explanation">{computed.explanation}</span>
              {computed.problem && <span className="deadline-row__problem"> {computed.problem}</span>}
            </span>
          )}
        </div>
        <div className="deadline-row__side">
          <span className={`countdown countdown--${countdown.tone}`}>{countdown.text}</span>
          <StatusChoice
            title={d.title}
            value={draftStatus ?? d.status}
            tabbable={active}
            readOnly={readOnly}
            onChange={(status) => void commit(d.id, 'status', status)}
          />
          {save?.state === 'error' && <span className="field__error deadline-row__error" title={save.message}>{save.message}</span>}
          {save?.state === 'saving' && <span className="save-state">Saving…</span>}
        </div>
      </div>
    </div>
  );
});
