// The longest text a record's field takes, read from the registry's own schema (shared/records.ts), so that the
// counter a field shows (Field's `limit`) says what the core will refuse, and never a second copy of the number.
import { KINDS, type KindName } from '../../shared/records.js';

interface MaybeWrapped {
  maxLength?: number | null;
  unwrap?: () => MaybeWrapped;
}

/** The maximum length of a text field of a kind, or null for a field that is not text or has no maximum. */
export function maxLengthOf(kind: KindName, field: string): number | null {
  const def = (KINDS[kind].fields as Record<string, { schema: unknown } | undefined>)[field];
  let schema = def?.schema as MaybeWrapped | undefined;
  // Optional and nullable fields wrap their string schema.
  while (schema && schema.maxLength == null && schema.unwrap) schema = schema.unwrap();
  return schema?.maxLength ?? null;
}

/** From this share of the maximum on, the counter shows: before that it would only be noise. */
export const COUNT_FROM = 0.8;

/** "812 of 1,000 characters", or null while the text is well short of the maximum. */
export function countOf(text: string, max: number | null | undefined): string | null {
  if (!max || text.length < max * COUNT_FROM) return null;
  const over = text.length - max;
  const counted = `${text.length.toLocaleString('en')} of ${max.toLocaleString('en')} characters`;
  return over > 0 ? `${counted}: ${over.toLocaleString('en')} too many` : counted;
}
