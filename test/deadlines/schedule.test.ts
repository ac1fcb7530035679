import { describe, expect, it } from 'vitest';
import {
  computeSchedule, findTriggerCycle, previewTriggerMove, TriggerCycleError, US_FEDERAL, type DeadlineInput,
  type DeadlineRule, type EventInput,
} from '../../shared/deadlines/index.js';

const businessDaysAfter = (amount: number): DeadlineRule => ({ amount, unit: 'business_days', direction: 'after', roll: 'none' });

function hangingOn(id: string, trigger: { deadline: string } | { event: string }, rule: DeadlineRule = businessDaysAfter(10)): DeadlineInput {
  return {
    id, title: `Deadline ${id}`, deadlineKind: 'response', status: 'open', dueType: 'tbd', rule,
    triggerDeadlineId: 'deadline' in trigger ? trigger.deadline : null,
    triggerEventId: 'event' in trigger ? trigger.event : null,
  };
}

const orderReceived: EventInput = { id: 'received', title: 'Order received', occurredOn: '2026-11-20' };
const suspensionOrder: DeadlineInput = {
  id: 'suspension', title: 'Suspension order', deadlineKind: 'statutory', status: 'open', dueType: 'tbd',
};

const byId = (computed: ReturnType<typeof computeSchedule>) => new Map(computed.map((c) => [c.deadlineId, c]));

describe('chains of triggers', () => {
  it('resolve triggers before dependants whatever the input order', () => {
    const deadlines = [hangingOn('c', { deadline: 'b' }), hangingOn('b', { deadline: 'a' }), hangingOn('a', { event: 'received' })];
    const computed = computeSchedule(deadlines, [orderReceived], US_FEDERAL, []);
    expect(computed.map((c) => c.deadlineId)).toEqual(['a', 'b', 'c']);
    // 10 business days after Friday 20 November, Thanksgiving skipped: Monday 7 December; then the 21st; then
    // 10 more from Monday 21 December over Christmas and New Year's Day: Wednesday 6 January.
    expect(computed.map((c) => c.dueDate)).toEqual(['2026-12-07', '2026-12-21', '2027-01-06']);
    expect(computed[2]?.explanation).toBe(
      "10 business days after Deadline b (2026-12-21); skipped 2026-12-25 Christmas Day, 2027-01-01 New Year's Day; due 2027-01-06",
    );
  });

  it('go to any depth (a chain of 5,000 deadlines, no recursion)', () => {
    const depth = 5_000;
    const deadlines = Array.from({ length: depth }, (_, i) => hangingOn(`d${i}`, i === 0 ? { event: 'received' } : { deadline: `d${i - 1}` },
      { amount: 1, unit: 'calendar_days', direction: 'after', roll: 'none' }));
    const computed = computeSchedule(deadlines.reverse(), [orderReceived], US_FEDERAL, []);
    expect(computed).toHaveLength(depth);
    // 5,000 days after 2026-11-20.
    expect(computed.at(-1)).toMatchObject({ deadlineId: `d${depth - 1}`, dueDate: '2040-07-29' });
  });

  it('take a hand-set trigger deadline\'s own date, and leave hand-set deadlines out of the result', () => {
    const filed: DeadlineInput = { ...suspensionOrder, id: 'filed', title: 'Filing', dueType: 'date', dueDate: '2027-03-01' };
    const computed = computeSchedule([filed, hangingOn('reply', { deadline: 'filed' })], [], US_FEDERAL, []);
    expect(computed.map((c) => [c.deadlineId, c.dueDate])).toEqual([['reply', '2027-03-15']]);
  });
});

describe('a trigger whose date is not known', () => {
  it('makes its dependants TBD, all the way down, with their formula shown', () => {
    const deadlines = [suspensionOrder, hangingOn('comply', { deadline: 'suspension' }, businessDaysAfter(30)), hangingOn('report', { deadline: 'comply' })];
    const computed = byId(computeSchedule(deadlines, [], US_FEDERAL, []));
    expect(computed.get('comply')).toMatchObject({
      dueType: 'tbd', dueDate: null, formula: '30 business days after Suspension order',
      explanation: '30 business days after Suspension order, date not yet known', problem: null,
    });
    expect(computed.get('report')).toMatchObject({ dueType: 'tbd', explanation: '10 business days after Deadline comply, date not yet known' });
  });

  it('passes its expected window down the chain', () => {
    const expected = { ...suspensionOrder, windowStart: '2026-12-01', windowEnd: '2026-12-31' };
    const computed = byId(computeSchedule(
      [expected, hangingOn('comply', { deadline: 'suspension' }, businessDaysAfter(30)), hangingOn('report', { deadline: 'comply' })],
      [], US_FEDERAL, [],
    ));
    // 30 business days after 1 December (Christmas, New Year's Day skipped) and after 31 December (New Year's Day,
    // Martin Luther King Day, Washington's Birthday skipped).
    expect(computed.get('comply')).toMatchObject({ dueType: 'tbd', windowStart: '2027-01-14', windowEnd: '2027-02-16' });
    expect(computed.get('comply')?.explanation).toBe(
      '30 business days after Suspension order, date not yet known; Suspension order is expected 2026-12-01 to 2026-12-31, '
      + 'which puts this between 2027-01-14 and 2027-02-16',
    );
    // 10 business days after each end (Martin Luther King Day skipped after the first).
    expect(computed.get('report')).toMatchObject({ windowStart: '2027-01-29', windowEnd: '2027-03-02' });
  });

  it('makes the dependant TBD, with a problem to fix, when the trigger was deleted or never existed', () => {
    const deleted = { ...suspensionOrder, dueType: 'date' as const, dueDate: '2026-12-01', deletedAt: '2026-11-30T10:00:00Z' };
    const [computed] = computeSchedule([deleted, hangingOn('comply', { deadline: 'suspension' })], [], US_FEDERAL, []);
    expect(computed).toMatchObject({ deadlineId: 'comply', dueType: 'tbd', problem: expect.stringMatching(/trigger .* deleted/) });
    const [fromGoneEvent] = computeSchedule([hangingOn('x', { event: 'nowhere' })], [], US_FEDERAL, []);
    expect(fromGoneEvent?.dueType).toBe('tbd');
    expect(fromGoneEvent?.problem).not.toBeNull();
  });
});

describe('circles of triggers', () => {
  it('are refused with the deadlines named', () => {
    const circle = [hangingOn('a', { deadline: 'c' }), hangingOn('b', { deadline: 'a' }), hangingOn('c', { deadline: 'b' }), hangingOn('d', { deadline: 'a' })];
    expect(() => computeSchedule(circle, [], US_FEDERAL, [])).toThrow(TriggerCycleError);
    expect(() => computeSchedule(circle, [], US_FEDERAL, [])).toThrow(
      'Deadlines cannot count from each other in a loop: “Deadline a” → “Deadline c” → “Deadline b” → “Deadline a” '
      + '(each counts from the one after it). Change one of these triggers.',
    );
    expect(findTriggerCycle(circle)?.map((d) => d.id)).toEqual(['a', 'c', 'b']);
  });

  it('include a deadline hanging on itself, and not a chain that merely shares a trigger', () => {
    expect(() => computeSchedule([hangingOn('a', { deadline: 'a' })], [], US_FEDERAL, [])).toThrow('“Deadline a” → “Deadline a”');
    const fork = [hangingOn('a', { event: 'received' }), hangingOn('b', { deadline: 'a' }), hangingOn('c', { deadline: 'a' })];
    expect(findTriggerCycle(fork)).toBeNull();
  });

  it('can be checked before saving a new trigger', () => {
    const chain = [hangingOn('a', { event: 'received' }), hangingOn('b', { deadline: 'a' })];
    const proposed = chain.map((d) => (d.id === 'a' ? { ...d, triggerEventId: null, triggerDeadlineId: 'b' } : d));
    expect(findTriggerCycle(proposed)?.map((d) => d.id)).toEqual(['a', 'b']);
  });
});

describe('previewing a trigger move', () => {
  const deadlines = [
    hangingOn('a', { event: 'received' }),
    hangingOn('b', { deadline: 'a' }),
    hangingOn('c', { deadline: 'b' }, { amount: 0, unit: 'business_days', direction: 'after', roll: 'none' }),
    hangingOn('elsewhere', { event: 'other' }),
  ];
  const events = [orderReceived, { id: 'other', title: 'Meeting held', occurredOn: '2026-11-02' }];

  it('lists every dependant down the chain with its old and new date, and nothing else', () => {
    const rows = previewTriggerMove(deadlines, events, US_FEDERAL, [], { eventId: 'received', occurredOn: '2026-11-23' });
    expect(rows.map((r) => [r.deadlineId, r.before.dueDate, r.after.dueDate, r.changed])).toEqual([
      ['a', '2026-12-07', '2026-12-08', true],
      ['b', '2026-12-21', '2026-12-22', true],
      ['c', '2026-12-21', '2026-12-22', true],
    ]);
    expect(rows[0]?.after.explanation).toMatch(/^10 business days after Order received \(2026-11-23\)/);
  });

  it('marks dependants that do not move', () => {
    // A day later, but 10 business days after Friday or Saturday are the same day.
    const rows = previewTriggerMove(deadlines, events, US_FEDERAL, [], { eventId: 'received', occurredOn: '2026-11-21' });
    expect(rows.map((r) => r.changed)).toEqual([false, false, false]);
  });

  it('shows a trigger deadline becoming known, or unknown', () => {
    const chain = [suspensionOrder, hangingOn('comply', { deadline: 'suspension' }, businessDaysAfter(30))];
    const [known] = previewTriggerMove(chain, [], US_FEDERAL, [], { deadlineId: 'suspension', dueDate: '2026-11-20' });
    expect(known).toMatchObject({ deadlineId: 'comply', changed: true, before: { dueType: 'tbd' }, after: { dueType: 'date', dueDate: '2027-01-06' } });
    const dated = [{ ...suspensionOrder, dueType: 'date' as const, dueDate: '2026-11-20' }, chain[1]!];
    const [unknown] = previewTriggerMove(dated, [], US_FEDERAL, [], { deadlineId: 'suspension', dueDate: null });
    expect(unknown).toMatchObject({ changed: true, before: { dueDate: '2027-01-06' }, after: { dueType: 'tbd', dueDate: null } });
  });

  it('detaches a rule-built deadline moved by hand from its rule, and moves its dependants', () => {
    const rows = previewTriggerMove(deadlines, events, US_FEDERAL, [], { deadlineId: 'a', dueDate: '2027-02-01' });
    expect(rows.map((r) => [r.deadlineId, r.after.dueDate])).toEqual([['b', '2027-02-16'], ['c', '2027-02-16']]);
  });
});
