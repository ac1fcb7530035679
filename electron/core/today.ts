// Today as the core counts it: an ISO date in the machine's own time zone (the day a user is living in), for time of
// record, reminders, brief file names and the library's dashboard.
import { format } from 'date-fns';

/** Today as an ISO date (YYYY-MM-DD), in the machine's own time zone. */
export function isoToday(): string {
  return format(new Date(), 'yyyy-MM-dd');
}
