// A month of deadlines: one cell per day, each dated deadline on its day, holidays and the case's closure days
// named, and each deadline not yet known drawn as a band across the window it is expected in. Previous and next
// month, and back to this month.
import { addDays, addMonths, differenceInCalendarDays, endOfMonth, endOfWeek, format, startOfMonth, startOfWeek, eachDayOfInterval } from 'date-fns';
import { useMemo, useState } from 'react';
import { isoFromDay } from '../../../shared/deadlines/index.js';
import { calendarDay, formatDay } from '../../ui/dates.js';
import { useCaseCalendar } from '../../state/deadlines.js';
import { countdownOf, type Deadline } from './logic.js';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Whether a deadline not yet known has a whole window (both ends) to draw it across. */
export function hasWindow(d: Deadline): boolean {
  return Boolean(d.windowStart && d.windowEnd && d.windowStart <= d.windowEnd);
}

export function DeadlineCalendar({ dated, tbd, today, onOpen }: { dated: Deadline[]; tbd: Deadline[]; today: string; onOpen(id: string): void }) {
  const calendar = useCaseCalendar();
  const [month, setMonth] = useState(() => startOfMonth(calendarDay(today)));
  const byDay = useMemo(() => {
    const map = new Map<string, Deadline[]>();
    for (const d of dated) {
      const list = map.get(d.dueDate!) ?? [];
      list.push(d);
      map.set(d.dueDate!, list);
    }
    return map;
  }, [dated]);
  const windows = tbd.filter(hasWindow);
  const days = eachDayOfInterval({ start: startOfWeek(startOfMonth(month)), end: endOfWeek(endOfMonth(month)) });
  const weeks: Date[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  const title = format(month, 'MMMM yyyy');
  return (
    <section className="panel deadline-calendar" aria-labelledby="calendar-heading">
      <div className="deadline-calendar__head">
        <h2 id="calendar-heading" aria-live="polite">{title}</h2>
        <div className="deadline-calendar__nav">
          <button type="button" className="button button--small" onClick={() => setMonth((m) => addMonths(m, -1))}>
            <span aria-hidden="true">‹</span> Previous month
          </button>
          <button type="button" className="button button--small" onClick={() => setMonth(startOfMonth(calendarDay(today)))}>
            This month
          </button>
          <button type="button" className="button button--small" onClick={() => setMonth((m) => addMonths(m, 1))}>
            Next month <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <table className="deadline-calendar__grid" aria-label={`Deadlines in ${title}`}>
        <thead>
          <tr>
            {WEEKDAY_NAMES.map((name) => (
              <th key={name} scope="col">{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={isoFromDay(week[0]!)}>
              {week.map((day) => {
                const iso = isoFromDay(day);
                const inMonth = day.getMonth() === month.getMonth();
                const closed = calendar.closedOn(iso);
                const items = inMonth ? (byDay.get(iso) ?? []) : [];
                const classes = ['calendar-day', inMonth ? '' : 'calendar-day--outside', iso === today ? 'calendar-day--today' : '', closed ? 'calendar-day--closed' : ''];
                return (
                  <td key={iso} className={classes.join(' ')} aria-label={inMonth ? undefined : format(day, 'd MMMM')}>
                    <span className="calendar-day__number">
                      {inMonth && <time dateTime={iso}>{format(day, 'd')}</time>}
                      {iso === today && inMonth && <span className="visually-hidden"> (today)</span>}
                    </span>
                    {inMonth && closed?.reason === 'holiday' && <span className="calendar-day__holiday">{closed.name}</span>}
                    {inMonth && closed?.reason === 'closure' && <span className="calendar-day__holiday calendar-day__closure">Closed: {closed.name}</span>}
                    <WindowBands windows={windows} iso={iso} weekStart={isoFromDay(week[0]!)} monthStart={isoFromDay(month)} onOpen={onOpen} />
                    <ul className="calendar-day__list">
                      {items.map((d) => (
                        <li key={d.id}>
                          <button type="button" className={`calendar-entry calendar-entry--${countdownOf(d, today, calendar).tone}`} onClick={() => onOpen(d.id)}>
                            {d.dueTime && <span className="calendar-entry__time">{d.dueTime} </span>}
                            {d.title}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The bands of the deadlines not yet known whose window covers this day. A band is named (a button that opens the
 * deadline, with its whole window in words) where it begins, and again where it enters a new week or month, so each
 * row of the grid says what it is; the other days draw it on, hidden from screen readers.
 */
/**
 * How wide the named piece of a band is: over every day of its run in this row (to the window's end, the week's end or
 * the month's end, whichever comes first), so the title can be read across them. The band's list spans its cell's
 * padding, so each further day adds 100% and the cell's border; the window's own first and last day keep 0.3rem.
 */
function spanOver(iso: string, window: { start: string; end: string }, weekStart: string, monthStart: string): string {
  const ends = [calendarDay(window.end), addDays(calendarDay(weekStart), 6), endOfMonth(calendarDay(monthStart))];
  const last = ends.reduce((a, b) => (a < b ? a : b));
  const days = differenceInCalendarDays(last, calendarDay(iso)) + 1;
  const inset = (iso === window.start ? 0.3 : 0) + (isoFromDay(last) === window.end ? 0.3 : 0);
  return `calc(${days * 100}% + ${days - 1}px - ${inset}rem)`;
}

function WindowBands({ windows, iso, weekStart, monthStart, onOpen }: { windows: Deadline[]; iso: string; weekStart: string; monthStart: string; onOpen(id: string): void }) {
  const covering = windows.filter((d) => d.windowStart! <= iso && iso <= d.windowEnd!);
  if (covering.length === 0) return null;
  return (
    <ul className="calendar-day__list calendar-day__windows">
      {covering.map((d) => {
        const named = iso === d.windowStart || iso === weekStart || iso === monthStart;
        const classes = ['calendar-window', iso === d.windowStart ? 'calendar-window--start' : '', iso === d.windowEnd ? 'calendar-window--end' : ''].join(' ');
        const whole = `${d.title}: date not yet known, expected ${formatDay(d.windowStart)} to ${formatDay(d.windowEnd)}`;
        return named ? (
          <li key={d.id}>
            <button type="button" className={classes} onClick={() => onOpen(d.id)} title={whole} aria-label={`TBD ${whole}`} style={{ width: spanOver(iso, { start: d.windowStart!, end: d.windowEnd! }, weekStart, monthStart) }}>
              <span className="calendar-window__tag">TBD</span> {d.title}
            </button>
          </li>
        ) : (
          <li key={d.id} aria-hidden="true">
            <span className={classes} />
          </li>
        );
      })}
    </ul>
  );
}
