// The dates that frame a case, as the overview and the library show them: what is overdue, what falls due next,
// how many deadlines have no date yet, and the next meeting. Answered by the database in a few indexed queries
// (store/kind-sql.ts), so that a case with ten thousand deadlines costs no more to summarize than one with ten.
import type { KeyDates } from '../../shared/api-types.js';
import type { Db } from './db/connection.js';
import { statement } from './db/statements.js';
import { KEY_DATES_SQL } from './store/kind-sql.js';

/** The first open deadline due on or after `today` (an ISO date). */
export function nextDeadlineOf(db: Db, today: string): KeyDates['next'] {
  return (statement(db, KEY_DATES_SQL.nextDeadline).get(today) as KeyDates['next'] | undefined) ?? null;
}

export function keyDatesOf(db: Db, today: string): KeyDates {
  const overdueCount = statement(db, KEY_DATES_SQL.overdueCount).pluck().get(today) as number;
  const earliestOverdue = overdueCount ? (statement(db, KEY_DATES_SQL.earliestOverdue).get(today) as KeyDates['next']) : null;
  const undated = statement(db, KEY_DATES_SQL.undated).pluck().get() as number;
  // A planned meeting whose date is not set yet is still the next meeting when none is dated: "date not set".
  const nextMeeting = (statement(db, KEY_DATES_SQL.nextMeeting).get(today) as KeyDates['nextMeeting'] | undefined)
    ?? (statement(db, KEY_DATES_SQL.nextUndatedMeeting).get() as KeyDates['nextMeeting'] | undefined)
    ?? null;
  return { today, overdue: { count: overdueCount, earliest: earliestOverdue }, next: nextDeadlineOf(db, today), undated, nextMeeting };
}
