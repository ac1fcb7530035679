import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toIcs, type IcsDeadline } from '../../electron/core/calendar/ics.js';
import { computeSchedule, US_FEDERAL } from '../../shared/deadlines/index.js';

const generatedAt = new Date('2026-11-20T15:04:05Z');

const deadlines: IcsDeadline[] = [
  {
    id: '7d3c0a7e-2f6b-4d36-9d7c-0d5f0b1e9a01', title: 'Response to the directive', deadlineKind: 'response', status: 'open',
    dueType: 'tbd', triggerEventId: 'received', version: 3,
    rule: { amount: 30, unit: 'business_days', direction: 'after', roll: 'none', time: '17:00', timeZone: 'America/New_York' },
  },
  {
    id: '1a2b3c4d-0000-4000-8000-000000000002', title: 'Internal review', deadlineKind: 'internal', status: 'open',
    dueType: 'date', dueDate: '2027-01-04',
  },
  {
    id: '1a2b3c4d-0000-4000-8000-000000000003', title: 'Suspension takes effect', deadlineKind: 'compliance', status: 'open',
    dueType: 'tbd', windowStart: '2027-01-01', windowEnd: '2027-03-31',
  },
  {
    id: '1a2b3c4d-0000-4000-8000-000000000004', title: 'Acknowledge receipt', deadlineKind: 'statutory', status: 'done',
    dueType: 'date', dueDate: '2026-11-23',
  },
  {
    id: '1a2b3c4d-0000-4000-8000-000000000005', title: 'Old deadline', deadlineKind: 'internal', status: 'open',
    dueType: 'date', dueDate: '2026-11-24', deletedAt: '2026-11-19T00:00:00Z',
  },
];

/** The deadlines with their computed due fields, as the core stores them, and the explanations. */
function scheduled(receivedOn: string): { deadlines: IcsDeadline[]; explanations: Map<string, string> } {
  const computed = computeSchedule(deadlines, [{ id: 'received', title: 'Directive received', occurredOn: receivedOn }], US_FEDERAL, []);
  const byId = new Map(computed.map((c) => [c.deadlineId, c]));
  return {
    deadlines: deadlines.map((d) => {
      const due = byId.get(d.id);
      return due ? { ...d, dueType: due.dueType, dueDate: due.dueDate, dueTime: due.dueTime, timeZone: due.timeZone } : d;
    }),
    explanations: new Map(computed.map((c) => [c.deadlineId, c.explanation])),
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) }));
  return { calendar, events };
}

describe('calendar export', () => {
  const { deadlines: stored, explanations } = scheduled('2026-11-20');
  const text = toIcs({ deadlines: stored }, { calendarName: 'Directive 2026-14, deadlines', generatedAt, explanations });
  const { calendar, events } = parse(text);

  it('is a VCALENDAR with PRODID, VERSION and the calendar\'s name', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Parley//Parley deadlines//EN');
    // ical.js has no type for NAME (RFC 7986) or X-WR-CALNAME and gives their text as written, still escaped.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Directive 2026-14\\, deadlines');
    expect(calendar.getFirstPropertyValue('name')).toBe('Directive 2026-14\\, deadlines');
  });

  it('has one event per dated deadline, leaving out TBD and deleted ones and naming the TBD ones', () => {
    expect(events.map(({ event }) => event.summary)).toEqual([
      'Acknowledge receipt (done)', 'Internal review', 'Response to the directive',
    ]);
    expect(calendar.getFirstPropertyValue('description'))
      .toBe('Deadlines from Parley. Not included because their dates are not yet known: Suspension takes effect.');
  });

  it('exports a date as an all-day event and a time as its UTC instant, with the explanation', () => {
    const review = events.find(({ event }) => event.summary === 'Internal review')!;
    expect(review.event.startDate.isDate).toBe(true);
    expect(review.event.startDate.toString()).toBe('2027-01-04');
    expect(review.event.endDate.toString()).toBe('2027-01-05');
    const response = events.find(({ event }) => event.summary === 'Response to the directive')!;
    expect(response.event.startDate.isDate).toBe(false);
    expect(response.event.startDate.zone.tzid).toBe('UTC');
    expect(response.event.startDate.toJSDate().toISOString()).toBe('2027-01-06T22:00:00.000Z');
    expect(response.event.description).toBe(
      "30 business days after Directive received (2026-11-20); skipped 2026-11-26 Thanksgiving Day, 2026-12-25 Christmas Day, "
      + "2027-01-01 New Year's Day; due 2027-01-06 17:00 America/New_York\nResponse deadline, open.",
    );
    expect(response.component.getFirstPropertyValue('sequence')).toBe(3);
    expect(response.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-20T15:04:05Z');
  });

  it('has an alarm per reminder offset of each open deadline', () => {
    const triggers = (summary: string) => events.find(({ event }) => event.summary === summary)!.component
      .getAllSubcomponents('valarm')
      .map((alarm) => [alarm.getFirstPropertyValue('action'), (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()]);
    expect(triggers('Response to the directive')).toEqual([['DISPLAY', -7 * 86_400], ['DISPLAY', -86_400], ['DISPLAY', -7_200]]);
    expect(triggers('Internal review')).toEqual([['DISPLAY', -86_400]]);
    expect(triggers('Acknowledge receipt (done)')).toEqual([]);
    const custom = parse(toIcs({ deadlines: [{ ...stored[1]!, reminderOffsetsMinutes: [1_530, 0] }] }, { calendarName: 'x', generatedAt }));
    expect(custom.events[0]!.component.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('trigger')?.toString()))
      .toEqual(['-P1DT1H30M', 'PT0S']);
  });

  it('keeps every UID when exported again after dates move, so calendars update rather than duplicate', () => {
    const moved = scheduled('2026-12-01');
    const again = parse(toIcs({ deadlines: moved.deadlines }, { calendarName: 'Directive 2026-14, deadlines', generatedAt: new Date(), explanations: moved.explanations }));
    const uids = (list: typeof events) => list.map(({ event }) => event.uid).sort();
    expect(uids(again.events)).toEqual(uids(events));
    expect(uids(events)).toEqual([
      '1a2b3c4d-0000-4000-8000-000000000002@parley', '1a2b3c4d-0000-4000-8000-000000000004@parley',
      '7d3c0a7e-2f6b-4d36-9d7c-0d5f0b1e9a01@parley',
    ]);
    expect(again.events.find(({ event }) => event.uid.startsWith('7d3c'))!.event.startDate.toJSDate().toISOString())
      .not.toBe('2027-01-06T22:00:00.000Z');
  });

  it('ends every line with CRLF and keeps lines within 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true); // the explanation was folded
  });
});

describe('meetings on a calendar', () => {
  it('puts a meeting with a time but no zone at that hour wherever the reader is (a floating time)', () => {
    const text = toIcs({ meetings: [{ id: 'm', title: 'Call with counsel', status: 'planned', meetingDate: '2027-02-01', startTime: '09:30', endTime: '10:00' }] }, { calendarName: 'x', generatedAt });
    expect(text).toContain('DTSTART:20270201T093000\r\n');
    const { events, calendar } = parse(text);
    expect(events[0]!.event.startDate.zone.tzid).toBe('floating');
    expect(calendar.getFirstPropertyValue('description')).toBe('Meetings from Parley.');
  });
});

describe('calendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and round-trips through a parser', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    // The other control characters have no place in TEXT (RFC 5545 §3.3.11): only the tab stays.
    expect(escapeText('a\u001b[2J\u001b]0;x\u0007b\u0000c\u007fd\te\rf')).toBe('a[2J]0\\;xbcd\te\\nf');
    const awkward = 'Reply; "carve-out", tiers\\allies\nSecond line — déjà vu, 日本語 🙂 '.repeat(4);
    const text = toIcs({ deadlines: [{ id: 'x', title: awkward, deadlineKind: 'meeting', status: 'open', dueType: 'date', dueDate: '2027-02-01' }] },
      { calendarName: 'Names; with, commas', generatedAt });
    const { calendar, events } = parse(text);
    expect(events[0]!.event.summary).toBe(awkward);
    expect(calendar.getFirstPropertyValue('name')).toBe('Names\\; with\\, commas'); // untyped in ical.js, so still escaped
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'🙂'.repeat(20)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.map((p) => new TextEncoder().encode(p).length).every((n) => n <= 75)).toBe(true);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});
