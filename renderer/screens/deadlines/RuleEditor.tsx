// The rule and trigger of an existing deadline: what it counts from (an event, a meeting or another deadline) and
// how (amount, unit, before or after, where a closed day rolls). Applying it goes through the schedule dialog, like
// a move: the core previews the deadline's new date and every deadline that moves with it, and the user confirms
// with a reason. Removing the rule keeps the date the deadline has now.
import { useId, useState } from 'react';
import type { ScheduleChangeInput } from '../../../shared/contract.js';
import { ROLL_MODES, RULE_DIRECTIONS, RULE_UNITS } from '../../../shared/enums.js';
import type { DeadlineRule } from '../../../shared/records.js';
import { formatDay } from '../../ui/dates.js';
import { Field } from '../../ui/Field.js';
import { humanize } from '../../ui/labels.js';
import { useDeadlines } from '../../state/deadlines.js';
import type { CaseEvent, CaseMeeting, Deadline } from './logic.js';

export const ROLL_LABELS: Record<(typeof ROLL_MODES)[number], string> = { forward: 'Next business day', back: 'Previous business day', none: 'Do not roll' };

/** The trigger choices of a deadline: events, meetings, and the other deadlines, each with its date. */
export function triggerOptions(events: readonly CaseEvent[], meetings: readonly CaseMeeting[], deadlines: readonly Deadline[], except?: string) {
  return [
    ...events.map((e) => ({ value: `event:${e.id}`, label: `Event: ${e.title} (${formatDay(e.occurredOn)})` })),
    ...meetings.map((m) => ({ value: `meeting:${m.id}`, label: `Meeting: ${m.title} (${m.meetingDate ? formatDay(m.meetingDate) : 'date not set'})` })),
    ...deadlines.filter((d) => d.id !== except).map((d) => ({ value: `deadline:${d.id}`, label: `Deadline: ${d.title}${d.dueDate ? ` (${formatDay(d.dueDate)})` : ' (TBD)'}` })),
  ];
}

/** The trigger fields of a choice ('event:<id>', 'meeting:<id>', 'deadline:<id>'), the others cleared. */
export function triggerFields(choice: string): { triggerEventId: string | null; triggerMeetingId: string | null; triggerDeadlineId: string | null } {
  const [kind, id = null] = choice.split(':') as [string, string | undefined];
  return {
    triggerEventId: kind === 'event' ? id : null,
    triggerMeetingId: kind === 'meeting' ? id : null,
    triggerDeadlineId: kind === 'deadline' ? id : null,
  };
}

export function triggerChoiceOf(d: Pick<Deadline, 'triggerEventId' | 'triggerMeetingId' | 'triggerDeadlineId'>): string {
  if (d.triggerEventId) return `event:${d.triggerEventId}`;
  if (d.triggerMeetingId) return `meeting:${d.triggerMeetingId}`;
  if (d.triggerDeadlineId) return `deadline:${d.triggerDeadlineId}`;
  return '';
}

export function RuleEditor({ deadline: d, events, meetings, deadlines, onDone }: {
  deadline: Deadline; events: CaseEvent[]; meetings: CaseMeeting[]; deadlines: Deadline[]; onDone(): void;
}) {
  const askToMove = useDeadlines((s) => s.askToMove);
  const formId = useId();
  const rule = d.rule;
  const [amount, setAmount] = useState(String(rule?.amount ?? 30));
  const [unit, setUnit] = useState<DeadlineRule['unit']>(rule?.unit ?? 'business_days');
  const [direction, setDirection] = useState<DeadlineRule['direction']>(rule?.direction ?? 'after');
  const [roll, setRoll] = useState<DeadlineRule['roll']>(rule?.roll ?? 'forward');
  const [trigger, setTrigger] = useState(triggerChoiceOf(d));
  const [errors, setErrors] = useState<Record<string, string>>({});

  function apply(e: React.FormEvent): void {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const n = Number(amount);
    if (amount.trim() === '' || !Number.isInteger(n) || n < 0) problems.amount = 'must be a whole number of days, weeks or months';
    if (!trigger) problems.trigger = 'choose the event, meeting or deadline this one counts from';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const change: ScheduleChangeInput = {
      kind: 'deadline', id: d.id,
      changes: { rule: { ...(rule ?? {}), amount: n, unit, direction, roll }, ...triggerFields(trigger) },
    };
    askToMove({ change, title: `Change the rule of “${d.title}”` });
    onDone();
  }

  function removeRule(): void {
    askToMove({
      change: { kind: 'deadline', id: d.id, changes: { rule: null, triggerEventId: null, triggerMeetingId: null, triggerDeadlineId: null } },
      title: `Stop counting “${d.title}” from a trigger`,
    });
    onDone();
  }

  const select = <V extends string>(label: string, name: string, value: V, set: (v: V) => void, options: readonly { value: string; label: string }[]) => (
    <Field label={label} error={errors[name] ?? null}>
      {(ids) => (
        <select {...ids} className="input" name={name} value={value} onChange={(e) => set(e.target.value as V)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
  return (
    <form id={formId} className="form deadline-panel__rule-editor" aria-label="Rule and trigger" onSubmit={apply} noValidate>
      {select('Counts from', 'trigger', trigger, setTrigger, [{ value: '', label: 'Choose an event, meeting or deadline…' }, ...triggerOptions(events, meetings, deadlines, d.id)])}
      <div className="form__row form__row--narrow">
        <Field label="Amount" error={errors.amount ?? null}>
          {(ids) => <input {...ids} className="input" type="number" min={0} name="amount" value={amount} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        {select('Unit', 'unit', unit, setUnit, RULE_UNITS.map((u) => ({ value: u, label: humanize(u) })))}
        {select('Direction', 'direction', direction, setDirection, RULE_DIRECTIONS.map((x) => ({ value: x, label: humanize(x) })))}
        {select('If it lands on a closed day', 'roll', roll, setRoll, ROLL_MODES.map((r) => ({ value: r, label: ROLL_LABELS[r] })))}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small">Preview the change…</button>
        {rule && <button type="button" className="button button--small" onClick={removeRule}>Remove the rule…</button>}
        <button type="button" className="button button--small" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
