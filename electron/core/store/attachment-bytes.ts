// An attachment's bytes sit in a column of their own beside its record, which holds their size and SHA-256. No audit
// entry holds the bytes, so another program could change them without touching the chain: they are checked against
// their record whenever they are written (WritePath.insertAttachment) or read.
import { ParleyError } from '../errors.js';
import { bytesAsRecorded } from './canonical.js';
import type { RecordStore } from './record-store.js';

/** An attachment's bytes, only if they are the ones its record (and so the audit trail) describes. */
export function readAttachment(records: RecordStore, id: string): { name: string; mediaType: string; bytes: Buffer } {
  const a = records.get('attachment', id);
  const bytes = records.connection.prepare('SELECT bytes FROM attachment WHERE id = ?').pluck().get(id) as Buffer;
  if (!bytesAsRecorded(bytes, a)) {
    throw new ParleyError('damaged', `The bytes of the attachment ${a.name} are not the ones recorded (their size or SHA-256 differs): the case file was changed outside Parley or is damaged. Nothing was read.`);
  }
  return { name: a.name, mediaType: a.mediaType, bytes };
}

/** Every attachment's bytes that differ from its record, as verify reports them. */
export function attachmentsNotAsRecorded(records: RecordStore): string[] {
  const attachments = records.connection.prepare('SELECT id, size, sha256, bytes FROM attachment ORDER BY rowid').iterate() as Iterable<{ id: string; size: number; sha256: string; bytes: Buffer }>;
  const differing: string[] = [];
  for (const a of attachments) if (!bytesAsRecorded(a.bytes, a)) differing.push(a.id);
  return differing;
}
