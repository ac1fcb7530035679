// Record ids on the command line: wherever a command takes one, the start of it will do ("3f2a" for 3f2a81c0-…),
// as long as it names one record of the case. The lookup is the core's (record.resolveId); this only decides which
// values are ids to look up.
import { KIND_NAMES, type KindName } from '../../shared/records.js';
import type { CommandContext } from './command.js';

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX = /^[0-9a-f-]+$/i;

/**
 * The input fields of `parley call` that name a record, with the kind they name where it is always the same. They
 * are looked up at the top level of the input and in its "fields" and "changes" (a record's fields).
 */
export const ID_FIELDS: Readonly<Record<string, KindName | null>> = {
  id: null, recordId: null, fromId: null, toId: null,
  meetingId: 'meeting', issueId: 'issue', draftId: 'draft', partyId: 'party', ownerPartyId: 'party',
  triggerDeadlineId: 'deadline', triggerEventId: 'event', triggerMeetingId: 'meeting',
};

/**
 * The full id of the one record of the case whose id starts with `text`; a full id, or text that is not made of
 * hex digits and dashes, is given back as it is (the operation then says what is wrong with it).
 */
export function resolveRecordId(ctx: CommandContext, caseId: string, text: string, kind?: KindName | null): string {
  if (FULL_ID.test(text) || !PREFIX.test(text)) return text;
  return ctx.call('record.resolveId', { caseId, prefix: text, ...(kind ? { kind } : {}) }).id;
}

/** The input of operation `name` with each record id in it (ID_FIELDS) given in full. */
export function resolveIdsIn(ctx: CommandContext, caseId: string, name: string, input: Record<string, unknown>): Record<string, unknown> {
  const opKind = (KIND_NAMES as readonly string[]).includes(name.split('.')[0]!) ? (name.split('.')[0] as KindName) : null;
  const resolveFields = (obj: Record<string, unknown>, idKind: KindName | null): Record<string, unknown> => {
    const out = { ...obj };
    for (const [field, kind] of Object.entries(ID_FIELDS)) {
      const value = out[field];
      if (typeof value === 'string') out[field] = resolveRecordId(ctx, caseId, value, field === 'id' ? idKind : kind);
    }
    return out;
  };
  const top = resolveFields(input, opKind);
  for (const nested of ['fields', 'changes']) {
    const value = top[nested];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) top[nested] = resolveFields(value as Record<string, unknown>, null);
  }
  return top;
}
