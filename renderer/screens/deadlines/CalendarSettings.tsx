// The case's working calendar: which holiday calendar rule-built deadlines count over, and the case's own closure
// dates (a shutdown, an agency closure). A change that moves deadlines goes through the move dialog.
import { useState } from 'react';
import { DEFAULT_HOLIDAY_CALENDAR_ID, HOLIDAY_CALENDARS, isIsoDate } from '../../../shared/deadlines/index.js';
import type { Closure } from '../../../shared/records.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { formatDay } from '../../ui/dates.js';
import { Field } from '../../ui/Field.js';
import { DATE_RANGE, refusalsIn } from '../../ui/typed-input.js';
import { useDeadlines } from '../../state/deadlines.js';

export function CalendarSettings({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const directive = useDeadlines((s) => s.directive);
  const refresh = useDeadlines((s) => s.refresh);
  const askToMove = useDeadlines((s) => s.askToMove);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ date?: string; name?: string }>({});
  const [error, setError] = useState<string | null>(null);
  if (!directive) return null;
  const closures = [...(directive.closures ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const calendarId = directive.holidayCalendarId ?? DEFAULT_HOLIDAY_CALENDAR_ID;

  async function save(changes: { holidayCalendarId?: string; closures?: Closure[] }, title: string): Promise<boolean> {
    setError(null);
    try {
      await api().call('directive.update', { caseId, changes });
      await refresh();
      return true;
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'needs_confirmation') {
        askToMove({ change: { kind: 'directive', changes }, title });
        return true;
      }
      setError(messageOf(err));
      return false;
    }
  }

  async function add(e: React.FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    const problems: typeof errors = {};
    // A date its input refused reads as empty: said as such, not as "give the date".
    const refused = refusalsIn(e.currentTarget).date;
    if (refused) problems.date = refused;
    else if (!isIsoDate(date)) problems.date = 'give the date the office is closed';
    else if (closures.some((c) => c.date === date)) problems.date = 'this date is listed already';
    if (!name.trim()) problems.name = 'say why it is closed, e.g. “Agency shutdown”';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (await save({ closures: [...closures, { date, name: name.trim() }] }, `Close the office on ${formatDay(date)}`)) {
      setDate('');
      setName('');
    }
  }

  return (
    <details className="panel calendar-settings">
      <summary><h2 className="calendar-settings__title">Working calendar</h2> <span className="muted">{HOLIDAY_CALENDARS.find((c) => c.id === calendarId)?.name}; {closures.length === 1 ? '1 closure date' : `${closures.length} closure dates`}</span></summary>
      {error && <p className="notice notice--error" role="alert">{error}</p>}
      <fieldset disabled={readOnly} className="calendar-settings__fields">
        <legend className="visually-hidden">Working calendar of this case</legend>
        <Field label="Holiday calendar" hint="Business days skip weekends, these holidays and the closure dates below.">
          {(ids) => (
            <select {...ids} className="input" value={calendarId} onChange={(e) => void save({ holidayCalendarId: e.target.value }, 'Change the holiday calendar')}>
              {HOLIDAY_CALENDARS.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          )}
        </Field>
        <h3 className="calendar-settings__subtitle">Closure dates</h3>
        {closures.length === 0 ? <p className="muted">None.</p> : (
          <ul className="calendar-settings__closures" aria-label="Closure dates">
            {closures.map((c) => (
              <li key={c.date}>
                <span>{formatDay(c.date)}: {c.name}</span>
                <button type="button" className="button button--small" onClick={() => void save({ closures: closures.filter((x) => x.date !== c.date) }, `Open the office again on ${formatDay(c.date)}`)}>
                  Remove <span className="visually-hidden">the closure of {formatDay(c.date)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="form__row calendar-settings__add" onSubmit={(e) => void add(e)} noValidate>
          <Field label="Closed on" error={errors.date ?? null}>
            {(ids) => <input {...ids} {...DATE_RANGE} className="input" type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field label="Why" error={errors.name ?? null}>
            {(ids) => <input {...ids} className="input" type="text" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" className="button calendar-settings__add-button">Add closure date</button>
        </form>
      </fieldset>
    </details>
  );
}
