// A month of deadlines: one cell per day, each dated deadline on its day, holidays named. Previous and next
// month, and back to this month.
import { addMonths, endOfMonth, endOfWeek, format, startOfMonth, startOfWeek, eachDayOfInterval } from 'date-fns';
import { useMemo, useState } from 'react';
import { isoFromDay } from '../../../shared/deadlines/index.js';
import { calendarDay } from '../../ui/dates.js';
import { useCaseCalendar } from '../../state/deadlines.js';
import { countdownOf, type Deadline } from './logic.js';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function DeadlineCalendar({ dated, today, onOpen }: { dated: Deadline[]; today: string; onOpen(id: string): void }) {
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
