// The deadline operations that reach across a case or the session: which record a schedule change names, and the
// reminders due in the open cases.
import type { DueReminderView, UpcomingReminder } from '../../shared/api-types.js';
import type { ScheduleChangeInput } from '../../shared/contract.js';
import { dueReminders, reminderAnchor, reminderKey, reminderOffsetsFor } from '../../shared/deadlines/index.js';
import type { KindName } from '../../shared/records.js';
import type { CaseFile } from './case-file.js';
import { ParleyError } from './errors.js';
import type { Session } from './session.js';
import { OPEN_DATED, REMINDER_FIELDS } from './store/kind-sql.js';

/**
 * The record a schedule change names and the changes to it. A deadline's own steps are changes to its due fields:
 * dated by hand (a rule-built one then keeps the date given and leaves its rule; a meeting's own deadline gives the
 * date to its meeting), or made TBD again with the window it is expected in.
 */
export function scheduleChangeOf(cf: CaseFile, change: ScheduleChangeInput): { kind: KindName; id: string; changes: Record<string, unknown> } {
  switch (change.kind) {
    case 'directive': return { kind: 'directive', id: cf.directive().id, changes: change.changes };
    case 'dateDeadline': {
      const timed = Boolean(change.dueTime);
      if (timed && !change.timeZone) throw new ParleyError('invalid_input', 'A deadline due at a time needs its time zone (timeZone), such as America/New_York; nothing was changed.', [{ path: 'change.timeZone', message: 'required with dueTime' }]);
      return {
        kind: 'deadline', id: change.id,
        changes: { dueType: timed ? 'datetime' : 'date', dueDate: change.dueDate, dueTime: change.dueTime ?? null, timeZone: timed ? change.timeZone : null, windowStart: null, windowEnd: null },
      };
    }
    case 'tbdDeadline':
      return {
        kind: 'deadline', id: change.id,
        changes: {
          dueType: 'tbd', dueDate: null, dueTime: null, timeZone: null, windowStart: change.windowStart ?? null, windowEnd: change.windowEnd ?? null,
          ...(change.confidence ? { confidence: change.confidence } : {}),
        },
      };
    default: return { kind: change.kind, id: change.id, changes: change.changes };
  }
}

/**
 * Every reminder of the open cases' open deadlines that is still to come after `now` (reminder.upcoming; the desktop
 * app's notifications, electron/main/reminders.ts, are planned from it): dismissed ones left out, a
 * snoozed one at the end of its snooze. Those already due are the reminder center's (dueRemindersOf).
 */
export function upcomingReminders(session: Session, now: Date, timeZone = localTimeZone()): UpcomingReminder[] {
  const upcoming: UpcomingReminder[] = [];
  for (const info of session.openCases()) {
    for (const d of openDatedDeadlines(session.get(info.caseId))) {
      const anchor = reminderAnchor(d, timeZone);
      if (!anchor) continue;
      for (const offset of reminderOffsetsFor(d)) {
        const key = reminderKey(d.id, offset, anchor);
        if (d.reminderState?.dismissed.includes(key)) continue;
        const snoozed = d.reminderState?.snoozedUntil[key];
        const at = Math.max(anchor.getTime() - offset * 60_000, snoozed ? Date.parse(snoozed) : 0);
        if (at <= now.getTime()) continue;
        const due = d.dueTime ? `${d.dueDate} ${d.dueTime} ${d.timeZone ?? ''}`.trim() : d.dueDate;
        upcoming.push({ id: key, title: d.title, body: `${info.title}: due ${due}`, at });
      }
    }
  }
  return upcoming;
}

/** The user's zone when none is given: where the process runs (the desktop app runs where its user is). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The reminders due at `now` in one open case, or in every open case, most urgent first. */
export function dueRemindersOf(session: Session, caseId: string | undefined, now: Date, timeZone = localTimeZone()): DueReminderView[] {
  const cases = caseId ? [session.get(caseId)] : session.openCases().map((info) => session.get(info.caseId));
  const views = cases.flatMap((cf) => {
    const caseTitle = cf.directive().title;
    const deadlines = openDatedDeadlines(cf);
    const byId = new Map(deadlines.map((d) => [d.id, d]));
    // A reminder's key starts with its deadline's id, so the open deadlines' own states are all that can hide one.
    const dismissed: string[] = [];
    const snoozedUntil: Record<string, string> = {};
    for (const d of deadlines) {
      if (d.reminderState) dismissed.push(...d.reminderState.dismissed);
      Object.assign(snoozedUntil, d.reminderState?.snoozedUntil);
    }
    return dueReminders(deadlines, now, { dismissed, snoozedUntil }, { timeZone }).map((r): DueReminderView => {
      const d = byId.get(r.deadlineId)!;
      return {
        caseId: cf.caseId, caseTitle, key: r.key, deadlineId: r.deadlineId, title: r.title, deadlineKind: r.deadlineKind,
        dueDate: d.dueDate, dueTime: d.dueTime, timeZone: d.timeZone, offsetMinutes: r.offsetMinutes,
        fellDueAt: r.fellDueAt, anchorAt: r.anchorAt, overdue: r.overdue,
      };
    });
  });
  return views.sort((a, b) => a.anchorAt.localeCompare(b.anchorAt) || a.title.localeCompare(b.title));
}

/**
 * What reminders are worked out from: the open deadlines with a date (the others have none). Read with only the
 * fields reminders need: in a case of ten thousand deadlines, building every whole record took most of the reminder
 * center's time, and it asks at each change and every minute.
 */
function openDatedDeadlines(cf: CaseFile) {
  return cf.listFields('deadline', REMINDER_FIELDS, OPEN_DATED);
}
