// The deadline operations that reach across a case or the session: which record a schedule change names, and the
// reminders due in the open cases.
import type { DueReminderView } from '../../shared/api-types.js';
import type { ScheduleChangeInput } from '../../shared/contract.js';
import type { KindName } from '../../shared/records.js';
import type { CaseFile } from './case-file.js';
import type { Session } from './session.js';

export function scheduleChangeOf(cf: CaseFile, change: ScheduleChangeInput): { kind: KindName; id: string; changes: Record<string, unknown> } {
  const id = change.kind === 'directive' ? cf.directive().id : change.id;
  return { kind: change.kind, id, changes: change.changes };
}

/** The user's zone when none is given: where the process runs (the desktop app runs where its user is). */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The reminders due at `now` in one open case, or in every open case, most urgent first. */
export function dueRemindersOf(session: Session, caseId: string | undefined, now: Date, timeZone = localTimeZone()): DueReminderView[] {
  const cases = caseId ? [session.get(caseId)] : session.openCases().map((info) => session.get(info.caseId));
  const views = cases.flatMap((cf) => {
    const caseTitle = cf.directive().title;
    return cf.dueReminders(now, timeZone).map((r): DueReminderView => {
      const d = cf.get('deadline', r.deadlineId);
      return {
        caseId: cf.caseId, caseTitle, key: r.key, deadlineId: r.deadlineId, title: r.title, deadlineKind: r.deadlineKind,
        dueDate: d.dueDate, dueTime: d.dueTime, timeZone: d.timeZone, offsetMinutes: r.offsetMinutes,
        fellDueAt: r.fellDueAt, anchorAt: r.anchorAt, overdue: r.overdue,
      };
    });
  });
  return views.sort((a, b) => a.anchorAt.localeCompare(b.anchorAt) || a.title.localeCompare(b.title));
}
