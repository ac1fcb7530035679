// library.digest: the dashboard's Today panel and the daily digest notification, from the library's case files.
// Falling due is about now (reminders due, deadlines in the next few days, action items due); changes are counted
// since the user last marked the digest as read (the profile's digestReadAt), so reading it is what empties them.
import { DIGEST_DAYS, type Digest, type DigestCaseCount } from '../../shared/digest.js';
import { wallClockAt } from '../../shared/quiet-hours.js';
import { dueRemindersOf } from './deadline-operations.js';
import type { Session } from './session.js';

const DAY_MS = 86_400_000;

export function digestOf(session: Session, now: Date, timeZone: string): Digest {
  const today = wallClockAt(now.getTime(), timeZone).date;
  const readAt = session.profileInfo().settings.digestReadAt;
  const since = readAt ?? new Date(now.getTime() - DAY_MS).toISOString();
  const me = session.profileInfo().actor;
  const openPaths = new Map(session.openCases().map((info) => [info.caseId, info.path]));
  const { dashboard, activity } = session.library.dashboardAnd(session.connectionFor, today, DIGEST_DAYS, me, since);
  const deadlinesSoon = [...dashboard.overdue, ...dashboard.upcoming];
  // A reminder of a deadline listed as due soon says nothing more: only reminders of later deadlines are listed.
  const soonIds = new Set(deadlinesSoon.map((d) => d.id));
  const changesByOthers = activity
    .filter((r) => r.others.length)
    .map((r) => ({ ...r.ref, count: r.others.reduce((n, o) => n + o.n, 0), by: r.others.map((o) => o.actor) }));
  const conflicts: DigestCaseCount[] = activity.filter((r) => r.conflicts > 0).map((r) => ({ ...r.ref, count: r.conflicts }));
  return {
    today,
    since,
    sinceRead: readAt !== null,
    remindersDue: dueRemindersOf(session, undefined, now, timeZone)
      .filter((r) => !soonIds.has(r.deadlineId))
      .map((r) => ({ caseId: r.caseId, caseTitle: r.caseTitle, path: openPaths.get(r.caseId)!, title: r.title })),
    deadlinesSoon,
    actionItemsDue: dashboard.openActionItems.filter((a) => a.dueDate !== null && a.dueDate <= today),
    changesByOthers,
    conflicts,
    problems: dashboard.problems,
  };
}
