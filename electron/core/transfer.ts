// A whole case as JSON and back: for archiving, for other tools, and for moving data between versions. An import
// makes a new case file; it never merges into an existing one.
import { z } from 'zod';
import type { CaseExport } from '../../shared/contract.js';
import { createSchemaOf } from '../../shared/fields.js';
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { CaseFile, validate } from './case-file.js';
import { createCaseDatabase } from './db/connection.js';
import { ParleyError } from './errors.js';
import type { StoredRecord } from './store/record-table.js';
import { sha256Hex } from './store/canonical.js';
import { WritePath } from './store/write-path.js';

export function exportCase(cf: CaseFile, includeAttachments = true): CaseExport {
  const records: Record<string, Record<string, unknown>[]> = {};
  for (const kind of KIND_NAMES) records[kind] = (kind === 'directive' ? [cf.directive()] : cf.list(kind, { includeDeleted: true })) as unknown as Record<string, unknown>[];
  const out: CaseExport = {
    format: 'parley-case-export', formatVersion: 1, caseId: cf.caseId, exportedAt: new Date().toISOString(),
    schemaVersion: cf.info().schemaVersion, records,
  };
  if (includeAttachments) {
    out.attachments = Object.fromEntries((records.attachment ?? []).map((a) => [a.id as string, cf.readAttachment(a.id as string).bytes.toString('base64')]));
  }
  return out;
}

const metaShape = {
  id: z.uuid(),
  version: z.number().int().min(1),
  createdAt: z.string().min(1),
  createdBy: z.string().min(1),
  updatedAt: z.string().min(1),
  updatedBy: z.string().min(1),
  deletedAt: z.string().nullable(),
  deletedBy: z.string().nullable(),
};

function parseRecords(data: CaseExport): Map<KindName, StoredRecord[]> {
  const parsed = new Map<KindName, StoredRecord[]>();
  for (const [kind, list] of Object.entries(data.records)) {
    if (!(kind in KINDS)) throw new ParleyError('invalid_input', `The export holds records of an unknown kind "${kind}".`);
    const schema = z.strictObject({ ...metaShape, ...createSchemaOf(KINDS[kind as KindName].fields).shape });
    parsed.set(kind as KindName, list.map((rec, i) => {
      const r = schema.safeParse(rec);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new ParleyError('invalid_input', `records.${kind}[${i}].${issue.path.join('.')}: ${issue.message}`);
      }
      return r.data as StoredRecord;
    }));
  }
  if (parsed.get('directive')?.length !== 1) throw new ParleyError('invalid_input', 'An export must hold exactly one directive.');
  return parsed;
}

export function importCase(file: string, data: CaseExport, actor: string): CaseFile {
  const records = parseRecords(data);
  const at = new Date().toISOString();
  const reason = `imported from an export of case ${data.caseId} made ${data.exportedAt}`;
  createCaseDatabase(file, (db) => {
    const setMeta = db.prepare('INSERT INTO case_meta (key, value) VALUES (?, ?)');
    setMeta.run('case_id', data.caseId);
    setMeta.run('created_at', at);
    setMeta.run('created_by', actor);
    const writes = new WritePath(db);
    try {
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON'); // records may refer to ones later in the export
        for (const kind of KIND_NAMES) {
          for (const rec of records.get(kind) ?? []) {
            validate(kind, rec);
            writes.insert(kind, rec, reason, { actor, at });
            if (kind === 'attachment') {
              const bytes = Buffer.from(data.attachments?.[rec.id] ?? '', 'base64');
              if (sha256Hex(bytes) !== rec.sha256) throw new ParleyError('invalid_input', `Attachment ${rec.name as string} does not match its SHA-256; the export is incomplete or altered.`);
              db.prepare('UPDATE attachment SET bytes = ? WHERE id = ?').run(bytes, rec.id);
            }
          }
        }
      }).immediate();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        throw new ParleyError('invalid_input', 'The export is inconsistent: some records refer to records it does not hold, or repeat an id.');
      }
      throw err;
    }
  });
  return CaseFile.open(file, { skipIntegrityCheck: true });
}
