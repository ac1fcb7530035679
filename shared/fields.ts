// Building blocks for record definitions: a field is a zod schema plus what the storage layer must know
// about it (required or nullable, stored as JSON text, indexed for search, a reference to another record).
import { z } from 'zod';

export interface FieldDef<S extends z.ZodType = z.ZodType, R extends boolean = boolean> {
  schema: S;
  required: R;
  /** Stored as JSON text (arrays and objects). */
  json?: boolean;
  /** Included in the case's full-text index. */
  search?: boolean;
  /** The record kind this field points at; enforced by a foreign key in the schema. */
  ref?: string;
}

export type Shape = Record<string, FieldDef>;

/** A value the user must give when creating the record. */
export function req<S extends z.ZodType>(schema: S, extra: Omit<FieldDef, 'schema' | 'required'> = {}): FieldDef<S, true> {
  return { schema, required: true, ...extra };
}

/** A value that may be left empty (stored as NULL). */
export function opt<S extends z.ZodType>(schema: S, extra: Omit<FieldDef, 'schema' | 'required'> = {}): FieldDef<S, false> {
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
export const isoDate = z.iso.date();
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm');
export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York');
export const recordId = z.uuid();
export const textList = z.array(z.string().max(10_000)).max(1_000);

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
