// A shareable copy of a case: a new case file holding only the shareable projection of this one (shared/sharing.ts),
// for export for transfer when the user chooses a copy to send outside the team. It is a case of its own: a new case
// id, new record ids (none of this file's ids leave), and a fresh history, since the audit trail holds every earlier
// value of every field. Records keep their authors and times. Made like an import (CaseFile.createFrom), so every
// rule of a case file holds for it.
import { randomUUID } from 'node:crypto';
import { canonicalJson } from './store/canonical.js';
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { CaseFile } from './case-file.js';
import { ParleyError } from './errors.js';
import { shareableRecords } from './sharing.js';
import type { StoredRecord } from './store/record-table.js';

export interface ShareableCopy {
  /** The records written, by kind, as the copy should hold them (an import may add position history: see below). */
  counts: Partial<Record<KindName, number>>;
}

/** Writes the shareable copy of `cf` as a new case file at `file`, encrypted under `passphrase`. */
export function writeShareableCopy(cf: CaseFile, file: string, passphrase: string, actor: string): ShareableCopy {
  const { records } = shareableRecords(cf);
  const newId = new Map<string, string>();
  for (const kind of KIND_NAMES) for (const rec of records[kind] ?? []) newId.set(rec.id, randomUUID());
  const mapped = (id: unknown) => (typeof id === 'string' ? newId.get(id) ?? null : null);

  const original = cf.directive();
  const directive = records.directive![0]!;
  // A rule counts business days over the case's holiday calendar and closure days. Where the copy does not carry
  // them, its rules would give other dates than this case has: the copy keeps the dates and leaves out the rules.
  const sameCalendar = canonicalJson(directive.holidayCalendarId ?? null) === canonicalJson(original.holidayCalendarId)
    && canonicalJson(directive.closures ?? null) === canonicalJson(original.closures);

  const out = new Map<KindName, StoredRecord[]>();
  const attachmentOf = new Map<string, string>();
  for (const kind of KIND_NAMES) {
    const list = (records[kind] ?? []).map((projected) => {
      const rec = { ...projected } as unknown as StoredRecord;
      rec.id = newId.get(projected.id)!;
      for (const [field, def] of Object.entries(KINDS[kind].fields)) {
        if (def.ref && rec[field] != null) rec[field] = mapped(rec[field]);
      }
      if (kind === 'link') Object.assign(rec, { fromId: mapped(rec.fromId), toId: mapped(rec.toId) });
      if (kind === 'deadline' && !sameCalendar) rec.rule = null;
      if (kind === 'attachment') attachmentOf.set(rec.id, projected.id);
      return rec;
    });
    if (list.length) out.set(kind, list);
  }
  const copy = CaseFile.createFrom(file, randomUUID(), out, (a) => cf.readAttachment(attachmentOf.get(a.id)!).bytes,
    { actor, reason: `shareable copy made ${new Date().toISOString().slice(0, 10)}` }, passphrase);
  copy.close();
  return { counts: Object.fromEntries([...out].map(([kind, list]) => [kind, list.length])) };
}

/**
 * Opens the copy as the receiver will and requires it to hold what was written: it verifies, and each kind has the
 * records written (position changes may be more: an import records a shared position its history does not show).
 */
export function checkShareableCopy(file: string, passphrase: string, written: ShareableCopy): void {
  const made = CaseFile.open(file, { readOnly: true, passphrase });
  try {
    const report = made.verify();
    const counts = made.info().counts;
    const same = KIND_NAMES.every((kind) => {
      const expected = written.counts[kind] ?? 0;
      const got = counts[kind] ?? 0;
      return kind === 'positionChange' ? got >= expected : got === expected;
    });
    if (!report.ok || !same) throw new ParleyError('io_error', 'The shareable copy did not read back as written; nothing was exported.');
  } finally {
    made.close();
  }
}
