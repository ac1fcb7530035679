// A whole case as JSON and back: for archiving, for other tools, and for moving data between versions. An import
// makes a new case file; it never merges into an existing one.
import { z } from 'zod';
import type { CaseExport } from '../../shared/contract.js';
import { createSchemaOf } from '../../shared/fields.js';
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { CaseFile } from './case-file.js';
import { ParleyError } from './errors.js';
import type { StoredRecord } from './store/record-table.js';

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
    // An own key of the registry only: "constructor" or "toString" is in every object, and names no kind.
    if (!Object.hasOwn(KINDS, kind)) throw new ParleyError('invalid_input', `The export holds records of an unknown kind "${kind.slice(0, 100)}".`);
    const schema = z.strictObject({ ...metaShape, ...createSchemaOf(KINDS[kind as KindName].fields).shape });
    parsed.set(kind as KindName, (list ?? []).map((rec, i) => {
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

/** Makes a new case file from an export, under every rule a change through the API meets (CaseFile.createFrom). */
export function importCase(file: string, data: CaseExport, actor: string): CaseFile {
  const records = parseRecords(data);
  const bytesOf = (attachment: StoredRecord) => Buffer.from(data.attachments?.[attachment.id] ?? '', 'base64');
  const reason = `imported from an export of case ${data.caseId} made ${data.exportedAt}`;
  try {
    return CaseFile.createFrom(file, data.caseId, records, bytesOf, { actor, reason });
  } catch (err) {
    if (((err as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')) {
      throw new ParleyError('invalid_input', 'The export is inconsistent: some records repeat an id, or break a rule the case file keeps (such as a second BATNA for one side).');
    }
    throw err;
  }
}
