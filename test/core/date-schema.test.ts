// The date value schema every record kind's date fields use (shared/fields.ts): it accepts real calendar days only,
// and says in plain words what is wrong with any other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/fields.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;

/** The message the schema gives for a value, or null when it accepts it. */
function refusalOf(value: string): string | null {
  const res = isoDate.safeParse(value);
  return res.success ? null : res.error.issues.map((i) => i.message).join('; ');
}

describe('the date schema', () => {
  it.each([
    ['2026-02-30', '30 February 2026 does not exist'],
    ['2026-02-29', '29 February 2026 does not exist (2026 is not a leap year)'],
    ['1900-02-29', '29 February 1900 does not exist (1900 is not a leap year)'],
    ['2026-04-31', '31 April 2026 does not exist'],
    ['2026-06-31', '31 June 2026 does not exist'],
    ['2026-01-32', '32 January 2026 does not exist'],
    ['2026-03-00', '0 March 2026 does not exist'],
    ['2026-13-01', '2026-13-01 is not a date: there is no month 13'],
    ['2026-00-10', '2026-00-10 is not a date: there is no month 0'],
    // What a date field makes of "202" typed for the year 2026.
    ['0202-03-02', '0202-03-02 has the year 202: write the year in full, from 1000 on, such as 2026'],
  ])('refuses %s: "%s"', (value, message) => {
    expect(refusalOf(value)).toBe(message);
  });

  it.each(['', '2026', '2026-02', '2026-2-3', '02/30/2026', '31/04/2026', '30 February 2026', 'next Tuesday', '2026-03-02T00:00:00Z', ' 2026-03-02', '20266-03-02', '２０２６-03-02'])(
    'refuses %j as not written YYYY-MM-DD',
    (value) => {
      expect(refusalOf(value)).toBe('must be a date written as YYYY-MM-DD, such as 2026-03-02');
    },
  );

  it.each(['2026-03-02', '2024-02-29', '2000-02-29', '2026-12-31', '1000-01-01', '9999-12-31', '1803-02-24'])('accepts %s', (value) => {
    expect(refusalOf(value)).toBeNull();
  });

  it('accepts only real calendar days: each string it takes comes back the same through Date.UTC', () => {
    // Mostly strings shaped like dates with any digits (months to 99, days to 99, years from 0), some of any text.
    const dateShaped = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const anyText = fc.oneof(fc.string(), fc.stringMatching(/^\d{1,5}-\d{1,3}-\d{1,3}$/));
    fc.assert(fc.property(fc.oneof({ arbitrary: dateShaped, weight: 4 }, { arbitrary: anyText, weight: 1 }), (value) => {
      const refusal = refusalOf(value);
      if (refusal !== null) {
        expect(refusal.length).toBeGreaterThan(0);
        return;
      }
      const [y, m, d] = value.split('-').map(Number) as [number, number, number];
      // Date.UTC reads years 0-99 as 1900-1999 and lets a day overflow into the next month: either would show here.
      expect(new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)).toBe(value);
    }), { numRuns: 5_000 });
  });

  it('accepts every real calendar day from the year 1000 to 9999', () => {
    const first = Date.UTC(1000, 0, 1) / DAY_MS;
    const last = Date.UTC(9999, 11, 31) / DAY_MS;
    fc.assert(fc.property(fc.integer({ min: first, max: last }), (dayNumber) => {
      const value = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      expect(refusalOf(value)).toBeNull();
    }), { numRuns: 5_000 });
  });

  it('names a well-formed day that does not exist by its day, month and year', () => {
    const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const impossible = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 }))
      .filter(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d);
    fc.assert(fc.property(impossible, ([y, m, d]) => {
      expect(refusalOf(`${y}-${pad(m, 2)}-${pad(d, 2)}`)).toMatch(new RegExp(`^${d} ${monthNames[m - 1]} ${y} does not exist`));
    }));
  });
});
