import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so that equal values always have equal text (and hashes). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
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
