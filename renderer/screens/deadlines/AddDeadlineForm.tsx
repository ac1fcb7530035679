// Adding a deadline: its title, kind and owner; when it falls due (a date, a date and time in a zone, or not yet
// known with a window and a confidence); optionally the rule that builds it from a trigger. A rule-built deadline's
// date is previewed here with the deadline engine while the user types; the core computes the date it stores.
// Enter submits; the core's reasons are shown beside the fields they concern.
import { useMemo, useState } from 'react';
import type { InputOf } from '../../../shared/contract.js';
import { computeSchedule, DEFAULT_HOLIDAY_CALENDAR_ID, holidayCalendarById, US_FEDERAL } from '../../../shared/deadlines/index.js';
import { CONFIDENCE_LEVELS, DEADLINE_KINDS, DUE_TYPES, ROLL_MODES, RULE_DIRECTIONS, RULE_UNITS } from '../../../shared/enums.js';
import type { DeadlineRule } from '../../../shared/records.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { formatDay } from '../../ui/dates.js';
import { Field } from '../../ui/Field.js';
import { humanize } from '../../ui/labels.js';
import { limitsOf, refusalsIn } from '../../ui/typed-input.js';
import { useCaseCalendar, useDeadlines } from '../../state/deadlines.js';
import { defaultTimeZone } from '../../state/profile.js';
import { TimeZonePicker } from '../../ui/TimeZonePicker.js';
import { OwnerPicker, ownerOf, useCaseParties } from '../../ui/parties/OwnerPicker.js';
import { type CaseEvent, type CaseMeeting, type Deadline } from './logic.js';
import { ClosedDayWarning } from './ClosedDayWarning.js';
import { ROLL_LABELS, triggerFields, triggerOptions } from './RuleEditor.js';

type Fields = InputOf<'deadline.create'>['fields'];

const DUE_TYPE_LABELS: Record<(typeof DUE_TYPES)[number], string> = { date: 'On a date', datetime: 'At a date and time', tbd: 'Not yet known (TBD)' };

interface Form {
  title: string;
  deadlineKind: Fields['deadlineKind'];
  dueType: Fields['dueType'];
  dueDate: string;
  dueTime: string;
  timeZone: string;
  windowStart: string;
  windowEnd: string;
  confidence: string;
  owner: string;
  useRule: boolean;
  amount: string;
  unit: DeadlineRule['unit'];
  direction: DeadlineRule['direction'];
  roll: DeadlineRule['roll'];
  trigger: string; // 'event:<id>', 'meeting:<id>' or 'deadline:<id>'
  /** For a deadline of kind "meeting": the meeting whose date it is, if any. */
  meetingId: string;
}

const EMPTY: Form = {
  title: '', deadlineKind: 'response', dueType: 'date', dueDate: '', dueTime: '17:00', timeZone: '', windowStart: '', windowEnd: '',
  confidence: '', owner: '', useRule: false, amount: '30', unit: 'business_days', direction: 'after', roll: 'forward', trigger: '', meetingId: '',
};

export function AddDeadlineForm({ deadlines, events, meetings, onDone }: { deadlines: Deadline[]; events: CaseEvent[]; meetings: CaseMeeting[]; onDone(created: Deadline | null): void }) {
  const create = useDeadlines((s) => s.create);
  const directive = useDeadlines((s) => s.directive);
  const calendar = useCaseCalendar();
  const parties = useCaseParties(useDeadlines((s) => s.caseId));
  // A timed deadline starts in the zone chosen in Settings (else the computer's).
  const empty = (): Form => ({ ...EMPTY, timeZone: defaultTimeZone() });
  const [form, setForm] = useState<Form>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const rule: DeadlineRule | null = form.useRule && form.amount.trim() !== '' && Number.isInteger(Number(form.amount))
    ? { amount: Number(form.amount), unit: form.unit, direction: form.direction, roll: form.roll }
    : null;
  const triggerId = form.trigger.split(':')[1];
  const computed = useMemo(() => {
    if (!form.useRule || !rule || !triggerId) return null;
    const candidate = {
      id: '00000000-0000-4000-8000-000000000000', title: form.title || 'This deadline', deadlineKind: form.deadlineKind, status: 'open' as const,
      dueType: 'tbd' as const, rule, ...triggerFields(form.trigger),
    };
    try {
      const calendar = holidayCalendarById(directive?.holidayCalendarId ?? DEFAULT_HOLIDAY_CALENDAR_ID) ?? US_FEDERAL;
      return computeSchedule([...deadlines, candidate], events, calendar, directive?.closures ?? [], meetings).find((c) => c.deadlineId === candidate.id) ?? null;
    } catch (err) {
      return { explanation: messageOf(err), dueType: 'tbd' as const, dueDate: null, windowStart: null, windowEnd: null, formula: '', problem: messageOf(err) };
    }
  }, [form.useRule, form.amount, form.unit, form.direction, form.roll, form.trigger, form.title, form.deadlineKind, deadlines, events, meetings, directive]);

  function fieldsOf(): Fields | null {
    const fields: Fields = { title: form.title, deadlineKind: form.deadlineKind, status: 'open', dueType: form.dueType, ...ownerOf(parties, form.owner) };
    // A meeting's own deadline is that meeting's date: the core dates it from the meeting (or the meeting from it).
    const ownMeeting = form.deadlineKind === 'meeting' && form.meetingId ? form.meetingId : null;
    if (ownMeeting) fields.meetingId = ownMeeting;
    if (form.useRule && !ownMeeting) {
      const problems: Record<string, string> = {};
      if (!rule) problems.amount = 'must be a whole number of days, weeks or months';
      if (!triggerId) problems.trigger = 'choose the event, meeting or deadline this one counts from';
      if (Object.keys(problems).length) {
        setErrors(problems);
        return null;
      }
      fields.rule = rule;
      Object.assign(fields, triggerFields(form.trigger));
      // The core works out and stores the date from the rule; until then the deadline is not yet known.
      fields.dueType = 'tbd';
      return fields;
    }
    if (form.dueType === 'tbd') {
      fields.windowStart = form.windowStart || null;
      fields.windowEnd = form.windowEnd || null;
      fields.confidence = (form.confidence || null) as Fields['confidence'];
    } else {
      fields.dueDate = form.dueDate || null;
      if (form.dueType === 'datetime') {
        fields.dueTime = form.dueTime || null;
        fields.timeZone = form.timeZone.trim() || null;
      }
    }
    return fields;
  }

  async function submit(e: React.FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    // A date or time its input refused reads as empty: said as such, not as "give the date".
    const refused = refusalsIn(e.currentTarget);
    if (Object.keys(refused).length) return setErrors(refused);
    const fields = fieldsOf();
    if (!fields) return;
    const missing: Record<string, string> = {};
    if (!form.title.trim()) missing.title = 'must not be empty';
    const ruled = form.useRule && !(form.deadlineKind === 'meeting' && form.meetingId);
    if (!ruled && form.dueType !== 'tbd' && !form.dueDate) missing.dueDate = 'give the date it falls due, or choose “Not yet known”';
    if (!ruled && form.dueType === 'datetime' && !form.dueTime) missing.dueTime = 'give the time of day';
    if (!ruled && form.dueType === 'datetime' && !form.timeZone.trim()) missing.timeZone = 'give the time zone, such as America/New_York';
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      const created = await create(fields);
      setForm({ ...empty(), deadlineKind: form.deadlineKind, owner: form.owner });
      onDone(created);
    } catch (err) {
      const issues = err instanceof ApiFailure ? err.issuesUnder('fields') : {};
      if (Object.keys(issues).length) setErrors(issues);
      else setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) => errors[name] ?? null;
  const select = <V extends string>(label: string, name: keyof Form, value: V, options: readonly { value: string; label: string }[], hint?: string) => (
    <Field label={label} error={err(name)} hint={hint}>
      {(ids) => (
        <select {...ids} className="input" value={value} onChange={(e) => set(name, e.target.value as never)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
  const input = (label: string, name: keyof Form, type: string, extra: { hint?: string; required?: boolean; placeholder?: string; autoFocus?: boolean } = {}) => (
    <Field label={label} error={err(name)} hint={extra.hint} required={extra.required}>
      {(ids) => (
        <input {...ids} {...limitsOf(type)} className="input" type={type} name={name} placeholder={extra.placeholder} autoFocus={extra.autoFocus} value={String(form[name])} onChange={(e) => set(name, e.target.value as never)} />
      )}
    </Field>
  );

  return (
    <section className="panel deadline-form" aria-labelledby="add-deadline-heading">
      <h2 id="add-deadline-heading">New deadline</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {formError && <p className="notice notice--error" role="alert">{formError}</p>}
        <div className="form__row">
          {/* The form opens with its first field ready to type in (Add deadline is pressed to write one). */}
          {input('Title', 'title', 'text', { required: true, autoFocus: true })}
          {select('Kind', 'deadlineKind', form.deadlineKind, DEADLINE_KINDS.map((k) => ({ value: k, label: humanize(k) })))}
          <Field label="Owner" error={err('owner')} hint="Who makes sure it is met: a person of the case, or any name.">
            {(ids) => <OwnerPicker {...ids} name="owner" parties={parties} text={form.owner} onText={(t) => set('owner', t)} />}
          </Field>
        </div>
        {form.deadlineKind === 'meeting' && meetings.length > 0 && select('The date of the meeting', 'meetingId', form.meetingId, [
          { value: '', label: 'No meeting: a date of its own' },
          ...meetings.filter((m) => !deadlines.some((d) => d.meetingId === m.id)).map((m) => ({ value: m.id, label: `${m.title} (${m.meetingDate ? formatDay(m.meetingDate) : 'date not set'})` })),
        ], 'Its date and the meeting’s are one: setting either sets both.')}
        {!(form.deadlineKind === 'meeting' && form.meetingId) && (
          <label className="checkbox deadline-form__rule-toggle">
            <input type="checkbox" checked={form.useRule} onChange={(e) => set('useRule', e.target.checked)} />
            Built from a rule (counted from an event, a meeting or another deadline)
          </label>
        )}
        {form.useRule && !(form.deadlineKind === 'meeting' && form.meetingId) ? (
          <fieldset className="deadline-form__group">
            <legend className="field__label">Rule</legend>
            <div className="form__row form__row--narrow">
              {input('Amount', 'amount', 'number')}
              {select('Unit', 'unit', form.unit, RULE_UNITS.map((u) => ({ value: u, label: humanize(u) })))}
              {select('Direction', 'direction', form.direction, RULE_DIRECTIONS.map((d) => ({ value: d, label: humanize(d) })))}
              {select('If it lands on a closed day', 'roll', form.roll, ROLL_MODES.map((r) => ({ value: r, label: ROLL_LABELS[r] })))}
            </div>
            {select('Trigger', 'trigger', form.trigger, [
              { value: '', label: 'Choose an event, meeting or deadline…' },
              ...triggerOptions(events, meetings, deadlines),
            ])}
            {computed && (
              <p className="deadline-form__computed" role="status">
                {computed.dueDate ? <><strong>Due {formatDay(computed.dueDate)}.</strong> </> : <strong>Date not yet known. </strong>}
                {computed.explanation}
              </p>
            )}
          </fieldset>
        ) : (
          <fieldset className="deadline-form__group">
            <legend className="field__label">Falls due</legend>
            <div className="choice-group__options deadline-form__due-types">
              {DUE_TYPES.map((t) => (
                <label key={t} className="choice">
                  <input type="radio" name="dueType" value={t} checked={form.dueType === t} onChange={() => set('dueType', t)} />
                  <span>{DUE_TYPE_LABELS[t]}</span>
                </label>
              ))}
            </div>
            {form.dueType === 'tbd' ? (
              <div className="form__row">
                {input('Expected from', 'windowStart', 'date')}
                {input('Expected by', 'windowEnd', 'date')}
                {select('Confidence', 'confidence', form.confidence, [{ value: '', label: 'Not assessed' }, ...CONFIDENCE_LEVELS.map((c) => ({ value: c, label: humanize(c) }))])}
              </div>
            ) : (
              <>
                <div className="form__row">
                  {input('Due date', 'dueDate', 'date', { required: true })}
                  {form.dueType === 'datetime' && input('Time', 'dueTime', 'time', { required: true })}
                  {form.dueType === 'datetime' && (
                    <Field label="Time zone" error={err('timeZone')} required hint="Type a city, region or offset to find it.">
                      {(ids) => <TimeZonePicker {...ids} name="timeZone" value={form.timeZone} onText={(t) => set('timeZone', t)} onPick={(zone) => set('timeZone', zone)} />}
                    </Field>
                  )}
                </div>
                <ClosedDayWarning calendar={calendar} date={form.dueDate} onChoose={(date) => set('dueDate', date)} />
              </>
            )}
          </fieldset>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>Add deadline</button>
          <button type="button" className="button" onClick={() => onDone(null)}>Cancel</button>
        </div>
      </form>
    </section>
  );
}
