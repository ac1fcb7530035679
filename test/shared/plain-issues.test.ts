import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../shared/contract.js';
import { kindOfOperation, pathInWords, plainIssue } from '../../shared/plain-issues.js';
import { nameInWords, offsetWords, quotedList, withArticle } from '../../shared/words.js';

/** The plain message of the first issue an operation's input schema finds. */
function firstPlain(operation: keyof typeof CONTRACT, input: unknown): string {
  const parsed = CONTRACT[operation].input.safeParse(input);
  if (parsed.success) throw new Error('the input passed');
  return plainIssue(parsed.error.issues[0]!, { kind: kindOfOperation(operation), input });
}

const CASE = '0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b';

describe('plainIssue', () => {
  it('says what is wrong with a field of a record, by its name in words', () => {
    expect(firstPlain('issue.create', { caseId: CASE, fields: { title: 'x'.repeat(1_001), priority: 'high', status: 'open' } })).toBe('The title is too long: at most 1,000 characters.');
    expect(firstPlain('issue.create', { caseId: CASE, fields: { title: 'A', priority: 'urgent' } })).toBe('The priority must be one of: critical, high, medium, low.');
    expect(firstPlain('issue.create', { caseId: CASE, fields: { title: 'A', priority: 'high', status: 'open', foo: 1 } })).toBe('An issue has no field called “foo”.');
  });

  it('tells a missing value from one of the wrong type', () => {
    const schema = z.strictObject({ dueDate: z.string(), count: z.number() });
    const missing = schema.safeParse({ count: 1 }).error!.issues[0]!;
    expect(plainIssue(missing, { input: { count: 1 } })).toBe('The due date is missing.');
    expect(plainIssue(missing)).toBe('The due date is missing.');
    const wrong = schema.safeParse({ dueDate: 'x', count: 'two' }).error!.issues[0]!;
    expect(plainIssue(wrong, { input: { dueDate: 'x', count: 'two' } })).toBe('The count must be a number.');
  });

  it('names an unknown key', () => {
    const issue = z.strictObject({ a: z.string() }).safeParse({ a: 'x', foo: 1 }).error!.issues[0]!;
    expect(plainIssue(issue)).toBe('There is no field called “foo” here.');
    const two = z.strictObject({}).safeParse({ foo: 1, bar: 2 }).error!.issues[0]!;
    expect(plainIssue(two)).toBe('There are no fields called “foo” or “bar” here.');
  });

  it('uses a field label from the registry, and a schema\'s own words', () => {
    const issue = { code: 'custom', path: ['fields', 'holidayCalendarId'], message: 'must not be empty', input: '' } as const;
    expect(plainIssue(issue as never, { kind: 'directive' })).toBe('The holiday calendar must not be empty.');
    const date = { code: 'custom', path: ['changes', 'issuedOn'], message: '30 February 2026 does not exist' } as const;
    expect(plainIssue(date as never, { kind: 'directive' })).toBe('Issued on: 30 February 2026 does not exist.');
    const root = { code: 'custom', path: [], message: 'give either side or value, not both' } as const;
    expect(plainIssue(root as never)).toBe('Give either side or value, not both.');
  });

  it('says sizes, emptiness and formats', () => {
    expect(plainIssue(z.object({ title: z.string().min(1) }).safeParse({ title: '' }).error!.issues[0]!)).toBe('The title is empty.');
    expect(plainIssue(z.object({ amount: z.number().max(10_000) }).safeParse({ amount: 20_000 }).error!.issues[0]!)).toBe('The amount is too large: at most 10,000.');
    expect(plainIssue(z.object({ list: z.array(z.number()).max(2) }).safeParse({ list: [1, 2, 3] }).error!.issues[0]!)).toBe('The list has too many entries: at most 2.');
    expect(plainIssue(z.object({ dueAt: z.iso.datetime() }).safeParse({ dueAt: 'soon' }).error!.issues[0]!)).toBe('The due at must be a date and time such as 2026-03-02T17:00:00Z.');
    expect(plainIssue(z.object({ kind: z.literal('x') }).safeParse({ kind: 'y' }).error!.issues[0]!)).toBe('The kind must be “x”.');
  });
});

describe('words', () => {
  it('puts the right article before a noun', () => {
    expect(withArticle('issue')).toBe('an issue');
    expect(withArticle('deadline')).toBe('a deadline');
    expect(withArticle('event')).toBe('an event');
  });

  it('names fields and paths in words', () => {
    expect(nameInWords('dueDate')).toBe('due date');
    expect(nameInWords('triggerEventId')).toBe('trigger event ID');
    expect(pathInWords(['fields', 'reminderOffsetsMinutes'], 'deadline')).toBe('reminders');
    expect(pathInWords(['fields', 'closures', 0, 'date'], 'directive')).toBe('date');
    expect(pathInWords([])).toBe('input');
    expect(kindOfOperation('deadline.create')).toBe('deadline');
    expect(kindOfOperation('case.open')).toBeUndefined();
  });

  it('says lists and reminder offsets', () => {
    expect(quotedList(['a'])).toBe('“a”');
    expect(quotedList(['a', 'b', 'c'])).toBe('“a”, “b” or “c”');
    expect(offsetWords(1_500)).toBe('1 day, 1 hour before');
    expect(offsetWords(2 * 1_440)).toBe('2 days before');
    expect(offsetWords(30)).toBe('30 minutes before');
    expect(offsetWords(0)).toBe('at the time');
  });
});
