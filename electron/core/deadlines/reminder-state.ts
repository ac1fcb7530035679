// The reminders a user snoozed or dismissed, kept on their deadline (reminderState) and changed through the write
// path like any field. The reminders due and to come are read across the open cases: deadline-operations.ts.
import type { RecordOf } from '../../../shared/records.js';
import { ParleyError } from '../errors.js';
import { stamp, validate, type RecordStore } from '../store/record-store.js';

/** How many snoozed and dismissed reminder keys a deadline keeps. */
const MAX_REMINDER_KEYS = 50;

export type ReminderChange = { snoozeUntil: string } | { dismiss: true };

/** Snoozes a reminder until an instant, or dismisses it; the caller holds the transaction. */
export function changeReminder(records: RecordStore, key: string, change: ReminderChange, actor: string): RecordOf<'deadline'> {
  const deadlineId = key.split('|')[0] ?? '';
  const before = records.find('deadline', deadlineId);
  if (!before || before.deletedAt) throw new ParleyError('not_found', 'That reminder belongs to no deadline in this case file.');
  const state = before.reminderState ?? { dismissed: [], snoozedUntil: {} };
  const snoozedUntil = { ...state.snoozedUntil };
  delete snoozedUntil[key];
  let dismissed = state.dismissed.filter((k) => k !== key);
  if ('dismiss' in change) dismissed.push(key);
  else snoozedUntil[key] = change.snoozeUntil;
  // Keys name a due moment; once a deadline has moved, old ones hide nothing. Keep the newest few.
  dismissed = dismissed.slice(-MAX_REMINDER_KEYS);
  const snoozes = Object.entries(snoozedUntil).slice(-MAX_REMINDER_KEYS);
  const after = stamp({ ...before, reminderState: { dismissed, snoozedUntil: Object.fromEntries(snoozes) } }, before, actor);
  validate('deadline', after);
  const reason = 'dismiss' in change ? 'Reminder dismissed' : `Reminder snoozed until ${change.snoozeUntil}`;
  records.replace('deadline', 'update', before, after, reason);
  return after;
}
