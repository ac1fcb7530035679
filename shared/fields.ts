// Building blocks for record definitions: a field is a zod schema plus what the storage layer must know
// about it (required or nullable, stored as JSON text, indexed for search, a reference to another record).
import { z } from 'zod';
import type { SENSITIVITIES } from './enums.js';

/**
 * Who may see a field: `internal` is the negotiating team's alone (our target, our read of them); `shareable` may go
 * to the other side in a shareable brief or copy. See "Who may see what" in the domain guide, and shared/sharing.ts.
 */
export type Sensitivity = (typeof SENSITIVITIES)[number];

export interface FieldDef<S extends z.ZodType = z.ZodType, R extends boolean = boolean> {
  schema: S;
  required: R;
  /**
   * Who may see the field by default, within a record that may leave (a person can mark one record's field the other
   * way). Every field says which, so that a new field cannot reach a shareable brief without someone deciding it.
   */
  share: Sensitivity;
  /** How the field is named to a user, where its name in words ("our opening") does not say it. */
  label?: string;
  /** Stored as JSON text (arrays and objects). */
  json?: boolean;
  /** Included in the case's full-text index. */
  search?: boolean;
  /** The record kind this field points at; enforced by a foreign key in the schema. */
  ref?: string;
  /**
   * A list of distinct items (tags), stored as JSON. It merges item by item: two copies that add or remove different
   * items at the same time both keep their edits, with no conflict (merge/record-state.ts). A list filter on it finds
   * the records that hold the item given.
   */
  set?: boolean;
}

export type Shape = Record<string, FieldDef>;

/** What a field says besides its schema; `share` is required (see FieldDef.share). */
export type FieldExtra = Omit<FieldDef, 'schema' | 'required'>;

/** A value the user must give when creating the record. */
export function req<S extends z.ZodType>(schema: S, extra: FieldExtra): FieldDef<S, true> {
  return { schema, required: true, ...extra };
}

/** A value that may be left empty (stored as NULL). */
export function opt<S extends z.ZodType>(schema: S, extra: FieldExtra): FieldDef<S, false> {
  return { schema, required: false, ...extra };
}

type ValueOf<F extends FieldDef> = z.output<F['schema']>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K]['required'] extends true ? K : never }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;

/** The stored values of a record's fields. */
export type FieldsOf<S extends Shape> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  [K in OptionalKeys<S>]: ValueOf<S[K]> | null;
};
/** What creating a record takes: required fields, and any optional ones. */
export type CreateFieldsOf<S extends Shape> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  [K in OptionalKeys<S>]?: ValueOf<S[K]> | null;
};
/** What an update takes: any subset of the fields; optional ones may be cleared with null. */
export type UpdateFieldsOf<S extends Shape> = { [K in RequiredKeys<S>]?: ValueOf<S[K]> } & {
  [K in OptionalKeys<S>]?: ValueOf<S[K]> | null;
};

// Common value schemas.
export const shortText = z.string().trim().min(1, 'must not be empty').max(1_000);
export const longText = z.string().max(500_000);
/** A calendar date as YYYY-MM-DD that exists: a refusal says in plain words what is wrong ("30 February 2026 does not exist"). */
export const isoDate = z.string().superRefine((text, ctx) => {
  const problem = isoDateProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: problem === EARLY_YEAR_PROBLEM(text) ? { [EARLY_YEAR]: true } : {} });
});

/**
 * Marks the refusal of a real day before the year 1000. Parley before December 2026 stored such dates (what a date
 * field makes of a year typed short), so they are refused as new input but read as stored: a case file written then
 * stays readable, and the date can be corrected (see isStoredValueProblem).
 */
const EARLY_YEAR = 'parleyEarlyYear';
const EARLY_YEAR_PROBLEM = (text: string) => `${text} has the year ${Number(text.slice(0, 4))}: write the year in full, from 1000 on, such as 2026`;

/**
 * Whether a schema's refusal of a value read from a case file means the file holds what Parley never wrote: every
 * refusal but that of an early year (above), which older versions of Parley accepted.
 */
export function isStoredValueProblem(error: z.ZodError): boolean {
  return error.issues.some((issue) => !(issue.code === 'custom' && (issue as { params?: Record<string, unknown> }).params?.[EARLY_YEAR]));
}
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm');
export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York');
export const recordId = z.uuid();
/** A SHA-256 as 64 lowercase hexadecimal digits. */
export const sha256Text = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal digits');
/** The head of a case's audit chain as "seq:hash", or empty for a chain with no entry. */
export const auditHeadText = z.string().regex(/^([1-9][0-9]{0,14}:[0-9a-f]{64})?$/, 'must be "number:hash", or empty');
export const textList = z.array(z.string().max(10_000)).max(1_000);

/** The longest tag, in characters, and the most tags one record may carry. */
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 30;
/** One tag: a short label on one line, without control characters (a tab, a line break). */
export const tagText = z.string().trim()
  .min(1, 'a tag must not be empty')
  .max(MAX_TAG_LENGTH, `a tag is at most ${MAX_TAG_LENGTH} characters`)
  .refine((t) => !/\p{Cc}/u.test(t), 'a tag must not hold control characters, such as a tab or a line break');
/** A record's tags: each given once (letter case aside). */
export const tagList = z.array(tagText).max(MAX_TAGS, `a record carries at most ${MAX_TAGS} tags`)
  .refine((tags) => new Set(tags.map((t) => t.toLocaleLowerCase())).size === tags.length, 'each tag may be given only once');

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a date written as YYYY-MM-DD, or null when it is a real calendar day. Years have four digits from
 * 1000: a year such as 0202 is what a date field makes of "202" typed for 2026, never a date in a case. Worked out
 * by hand rather than with Date, whose day overflow (30 February is 2 March) is the very thing to catch.
 */
export function isoDateProblem(text: string): string | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return 'must be a date written as YYYY-MM-DD, such as 2026-03-02';
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12) return `${text} is not a date: there is no month ${month}`;
  if (day < 1 || day > daysInMonth(year, month)) {
    const leap = month === 2 && day === 29 ? ` (${year} is not a leap year)` : '';
    return `${day} ${MONTH_NAMES[month - 1]} ${year} does not exist${leap}`;
  }
  if (year < 1000) return EARLY_YEAR_PROBLEM(text);
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Zones already found valid. Building a DateTimeFormat costs tens of microseconds, and every deadline read is checked. */
const validZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (!zone.length) return false;
  if (validZones.size < 1_000) validZones.add(zone);
  return true;
}

/** The zod object that validates create input for a shape. */
export function createSchemaOf(shape: Shape): z.ZodObject {
  const entries = Object.entries(shape).map(([name, f]) => [name, f.required ? f.schema : f.schema.nullable().optional()]);
  return z.strictObject(Object.fromEntries(entries));
}

/** The zod object that validates update input for a shape: every field optional. */
export function updateSchemaOf(shape: Shape): z.ZodObject {
  const entries = Object.entries(shape).map(([name, f]) => [name, (f.required ? f.schema : f.schema.nullable()).optional()]);
  return z.strictObject(Object.fromEntries(entries));
}
