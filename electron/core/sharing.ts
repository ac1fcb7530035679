// A case file's records as the sharing rules read them (shared/sharing.ts), and a person's sharing choices, stored
// as `disclosure` records through the write path so that each is audited like any change.
import type { SharingChoiceInForce } from '../../shared/api-types.js';
import type { DISCLOSABLE_KINDS, SHARING_CHOICES } from '../../shared/enums.js';
import { disclosureProblem, KINDS, KIND_NAMES, type KindName, type RecordMeta, type RecordOf } from '../../shared/records.js';
import {
  fieldLabel, recordSharing, recordTitle, SharingRules, shareableProjection, type CaseRecords, type Projection, type ProjectedRecord, type RecordSharing,
} from '../../shared/sharing.js';
import type { CaseFile } from './case-file.js';
import { ParleyError } from './errors.js';

type DisclosableKind = (typeof DISCLOSABLE_KINDS)[number];
export type SharingChoiceInput = (typeof SHARING_CHOICES)[number];

/** The live records of the kinds asked for (all by default), each kind in the order the app lists it. */
export function caseRecords(cf: CaseFile, kinds: readonly KindName[] = KIND_NAMES): CaseRecords {
  const records: Record<string, unknown[]> = {};
  for (const kind of kinds) records[kind] = kind === 'directive' ? [cf.directive()] : cf.list(kind);
  return records as CaseRecords;
}

/** The shareable projection of the case's records of the kinds asked for, with the case's sharing choices. */
export function shareableRecords(cf: CaseFile, kinds: readonly KindName[] = KIND_NAMES): Projection {
  return shareableProjection(caseRecords(cf, kinds.includes('disclosure') ? kinds : [...kinds, 'disclosure']));
}

/** Rules reading records from the case file as they are asked for: for one record's sharing, not a whole case. */
function rulesOf(cf: CaseFile): SharingRules {
  return new SharingRules({
    find: (kind, id) => {
      try {
        const rec: RecordMeta & Record<string, unknown> = cf.get(kind, id);
        return rec.deletedAt ? undefined : rec;
      } catch (err) {
        if (err instanceof ParleyError && err.code === 'not_found') return undefined;
        throw err;
      }
    },
    singleton: (kind) => (kind === 'directive' ? cf.directive() : undefined),
    choices: cf.list('disclosure'),
  });
}

/** One record's sharing: whether it may leave and why, and each of its fields. */
export function sharingOf(cf: CaseFile, kind: DisclosableKind, id: string): RecordSharing {
  const rec: RecordMeta & Record<string, unknown> = cf.get(kind, id);
  if (rec.deletedAt) throw new ParleyError('not_found', `This ${KINDS[kind].label.toLowerCase()} is deleted; restore it first.`);
  return recordSharing(rulesOf(cf), kind, rec);
}

/**
 * A person's choice for a record or one field of it: shareable, internal, or back to the registry's default. Stored
 * as a sharing choice (audited, with the reason given); a choice that changes nothing is not stored.
 */
export function setSharing(cf: CaseFile, input: { kind: DisclosableKind; id: string; field?: string | null; level: SharingChoiceInput; reason?: string }, actor: string): RecordSharing {
  const field = input.field ?? null;
  const problem = disclosureProblem({ recordKind: input.kind, field });
  if (problem) throw new ParleyError('invalid_input', `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`, [{ path: field === null ? 'id' : 'field', message: problem }]);
  const now = sharingOf(cf, input.kind, input.id);
  const inForce = field === null ? now.record.choice : now.fields.find((f) => f.field === field)?.choice ?? null;
  const unchanged = input.level === 'default' ? inForce === null : inForce?.level === input.level;
  if (!unchanged) {
    cf.create('disclosure', { recordKind: input.kind, recordId: input.id, field, level: input.level }, actor, { reason: input.reason });
  }
  return sharingOf(cf, input.kind, input.id);
}

/** Every sharing choice in force in the case (the latest for each record or field, unless it went back to the default). */
export function choicesInForce(cf: CaseFile): SharingChoiceInForce[] {
  const latest = new Map<string, RecordOf<'disclosure'>>();
  for (const c of cf.list('disclosure')) latest.set(`${c.recordId}\u0000${c.field ?? ''}`, c);
  return [...latest.values()].flatMap((c): SharingChoiceInForce[] => {
    if (c.level === 'default') return [];
    const rec: RecordMeta & Record<string, unknown> = cf.get(c.recordKind, c.recordId);
    return [{
      kind: c.recordKind, id: c.recordId, title: recordTitle(c.recordKind, rec), field: c.field, fieldLabel: c.field ? fieldLabel(c.recordKind, c.field) : null,
      level: c.level, by: c.createdBy, at: c.createdAt, live: !rec.deletedAt,
    }];
  });
}

/** The directive as an artefact names its case: all of it, or (shareable) what of it may leave. */
export function directiveAsShown(cf: CaseFile, shareable: boolean | undefined): ProjectedRecord<'directive'> {
  return shareable ? shareableRecords(cf, ['directive']).records.directive![0]! : cf.directive();
}
