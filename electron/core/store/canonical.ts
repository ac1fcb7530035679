import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so that equal values always have equal text (and hashes). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * Whether two values are the same as stored: the same canonical JSON, an absent value as null. Most fields of a change
 * hold the very same value before and after (a string, a number, null), told apart without writing any JSON.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Bytes are the ones an attachment's record describes: its size and SHA-256. */
export function bytesAsRecorded(bytes: Buffer, recorded: { size: number; sha256: string }): boolean {
  return bytes.length === recorded.size && sha256Hex(bytes) === recorded.sha256;
}
