// The dates that frame a case, as the overview and the library show them: what is overdue, what falls due next,
// how many deadlines have no date yet, and the next meeting. Answered by the database in a few indexed queries, so
// that a case with ten thousand deadlines costs no more to summarize than one with ten.
import type { KeyDates } from '../../shared/api-types.js';
import type { Db } from './db/connection.js';
import { statement } from './db/statements.js';

/** An open deadline with a date: the only ones that can be overdue or next. */
export const OPEN_DATED = `deleted_at IS NULL AND status = 'open' AND due_type <> 'tbd' AND due_date IS NOT NULL`;

/** The first open deadline due on or after `today` (an ISO date). */
export function nextDeadlineOf(db: Db, today: string): KeyDates['next'] {
  return (statement(db, `SELECT id, title, due_date AS dueDate FROM deadline WHERE ${OPEN_DATED} AND due_date >= ? ORDER BY due_date, due_time LIMIT 1`)
    .get(today) as KeyDates['next'] | undefined) ?? null;
}

export function keyDatesOf(db: Db, today: string): KeyDates {
  const overdueCount = statement(db, `SELECT count(*) FROM deadline WHERE ${OPEN_DATED} AND due_date < ?`).pluck().get(today) as number;
  const earliestOverdue = overdueCount
    ? (statement(db, `SELECT id, title, due_date AS dueDate FROM deadline WHERE ${OPEN_DATED} AND due_date < ? ORDER BY due_date, due_time LIMIT 1`).get(today) as KeyDates['next'])
    : null;
  const undated = statement(db, `SELECT count(*) FROM deadline WHERE deleted_at IS NULL AND status = 'open' AND (due_type = 'tbd' OR due_date IS NULL)`).pluck().get() as number;
  // A planned meeting whose date is not set yet is still the next meeting when none is dated: "date not set".
  const nextMeeting = (statement(db, `SELECT id, title, meeting_date AS meetingDate FROM meeting WHERE deleted_at IS NULL AND status = 'planned' AND meeting_date >= ? ORDER BY meeting_date, start_time LIMIT 1`)
    .get(today) as KeyDates['nextMeeting'] | undefined)
    ?? (statement(db, `SELECT id, title, NULL AS meetingDate FROM meeting WHERE deleted_at IS NULL AND status = 'planned' AND meeting_date IS NULL ORDER BY created_at LIMIT 1`)
      .get() as KeyDates['nextMeeting'] | undefined)
    ?? null;
  return { today, overdue: { count: overdueCount, earliest: earliestOverdue }, next: nextDeadlineOf(db, today), undated, nextMeeting };
}
