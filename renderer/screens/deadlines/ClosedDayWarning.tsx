// Beside a due date typed by hand: when it falls on a weekend, a holiday of the case's calendar or one of the case's
// closure dates, says so and offers the nearest business days before and after it, one click (or key) away. The
// deadline engine's working calendar (shared/deadlines) decides; nothing here knows a holiday of its own.
import { isIsoDate, rollToBusinessDay, weekdayLabel, weekdayOf, type WorkingCalendar } from '../../../shared/deadlines/index.js';
import { formatDay } from '../../ui/dates.js';

export interface ClosedDayAdvice {
  /** "Saturday", "Christmas Day", "Office move" */
  why: string;
  before: string;
  after: string;
}

/** What to say about a due date that is not a business day; null for a business day or text that is not a date. */
export function closedDayAdvice(calendar: WorkingCalendar, date: string): ClosedDayAdvice | null {
  if (!isIsoDate(date)) return null;
  const closed = calendar.closedOn(date);
  if (!closed) return null;
  const why = closed.reason === 'weekend' ? `a ${closed.name}` : closed.reason === 'holiday' ? `a holiday (${closed.name})` : `a day the office is closed (${closed.name})`;
  return { why, before: rollToBusinessDay(calendar, date, 'back').date, after: rollToBusinessDay(calendar, date, 'forward').date };
}

const dayWithWeekday = (date: string) => `${weekdayLabel(weekdayOf(date))} ${formatDay(date)}`;

export function ClosedDayWarning({ calendar, date, onChoose }: { calendar: WorkingCalendar; date: string; onChoose(date: string): void }) {
  const advice = closedDayAdvice(calendar, date);
  if (!advice) return null;
  return (
    <div className="closed-day" role="group" aria-label="Not a business day">
      <p className="closed-day__text">
        {formatDay(date)} is {advice.why}, not a business day. Use the nearest business day:
      </p>
      <div className="closed-day__choices">
        <button type="button" className="button button--small" onClick={() => onChoose(advice.before)}>
          Before: {dayWithWeekday(advice.before)}
        </button>
        <button type="button" className="button button--small" onClick={() => onChoose(advice.after)}>
          After: {dayWithWeekday(advice.after)}
        </button>
      </div>
    </div>
  );
}
