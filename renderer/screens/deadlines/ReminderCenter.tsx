// The reminder center: reminders due now in this case (those that fell due while the app was closed too; those of
// every case are on the library dashboard), each with Snooze and Dismiss. The core keeps what was snoozed or
// dismissed in the case file, so the list and the desktop notifications agree after a restart. A case with a long history can have a thousand reminders due: the
// center shows the most pressing few and the rest on request, so that it never pushes the deadlines list away.
import { addDays, addHours, set as setTime } from 'date-fns';
import { useEffect, useState } from 'react';
import type { DueReminderView } from '../../../shared/api-types.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { formatDay } from '../../ui/dates.js';
import { FirstFewList } from '../../ui/FirstFewList.js';
import { useDeadlines } from '../../state/deadlines.js';

const REFRESH_MS = 60_000;
/** Reminders shown before the user asks for all of them. */
const FIRST_FEW = 3;

export function ReminderCenter({ caseId, readOnly, onOpen }: { caseId: string; readOnly: boolean; onOpen(deadlineId: string): void }) {
  const reminders = useDeadlines((s) => s.reminders);
  const loadReminders = useDeadlines((s) => s.loadReminders);
  const [error, setError] = useState<string | null>(null);
  const count = reminders.length.toLocaleString('en');

  useEffect(() => {
    const timer = setInterval(() => void loadReminders(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadReminders]);

  async function change(reminder: DueReminderView, action: 'snoozeHour' | 'snoozeTomorrow' | 'dismiss'): Promise<void> {
    setError(null);
    try {
      if (action === 'dismiss') await api().call('reminder.dismiss', { caseId: reminder.caseId, key: reminder.key });
      else await api().call('reminder.snooze', { caseId: reminder.caseId, key: reminder.key, until: snoozeUntil(action).toISOString() });
      await loadReminders();
    } catch (err) {
      setError(`The reminder for “${reminder.title}” could not be changed: ${messageOf(err)}`);
    }
  }

  return (
    <section className="panel reminder-center" aria-labelledby="reminder-center-heading">
      <h2 id="reminder-center-heading">
        Reminders <span className="count">{count}</span>
      </h2>
      {error && <p className="notice notice--error" role="alert">{error}</p>}
      {reminders.length === 0 ? (
        <p className="muted">No reminders due.</p>
      ) : (
        <FirstFewList items={reminders} firstFew={FIRST_FEW} openedLabel="All reminders due">
          {(shown) => (
            <ul className="reminder-center__list" aria-label="Reminders due">
              {shown.map((r) => (
                <li key={r.key} className={`reminder${r.overdue ? ' reminder--overdue' : ''}`}>
                  <div className="reminder__text">
                    {r.caseId === caseId ? (
                      <button type="button" className="link-button reminder__title" onClick={() => onOpen(r.deadlineId)}>{r.title}</button>
                    ) : (
                      <span className="reminder__title">{r.title} <span className="muted">({r.caseTitle})</span></span>
                    )}
                    <span className="reminder__when">{whenText(r)}</span>
                  </div>
                  {/* Snoozing and dismissing change the case file: not in a file open read-only. */}
                  {!(readOnly && r.caseId === caseId) && (
                    <div className="reminder__actions" role="group" aria-label={`Reminder for ${r.title}`}>
                      <button type="button" className="button button--small" onClick={() => void change(r, 'snoozeHour')}>Snooze 1 hour</button>
                      <button type="button" className="button button--small" onClick={() => void change(r, 'snoozeTomorrow')}>Snooze until tomorrow</button>
                      <button type="button" className="button button--small" onClick={() => void change(r, 'dismiss')}>Dismiss</button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </FirstFewList>
      )}
    </section>
  );
}

function snoozeUntil(action: 'snoozeHour' | 'snoozeTomorrow'): Date {
  const now = new Date();
  return action === 'snoozeHour' ? addHours(now, 1) : setTime(addDays(now, 1), { hours: 9, minutes: 0, seconds: 0, milliseconds: 0 });
}

function whenText(r: DueReminderView): string {
  const due = r.dueDate ? `${formatDay(r.dueDate)}${r.dueTime ? ` ${r.dueTime} ${r.timeZone ?? ''}` : ''}` : 'no date';
  return r.overdue ? `Overdue: was due ${due}` : `Due ${due}`;
}
