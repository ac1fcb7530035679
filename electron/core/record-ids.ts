// A record named by the start of its id, as the command line takes it ("3f2a" for 3f2a81c0-…): the one record of
// the case whose id starts so, or a refusal that says there is none or lists those it could be.
import type { ResolvedRecordId } from '../../shared/api-types.js';
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { ParleyError } from './errors.js';
import { titleOf, type RecordStore } from './store/record-store.js';

/** The shortest prefix taken: shorter ones name too many records to be worth the lookup. */
export const MIN_ID_PREFIX = 4;
/** How many of the records a prefix could mean the refusal lists. */
const LISTED = 5;

/** Whether `text` could be the start of a record id: at least MIN_ID_PREFIX hex digits and dashes. */
export function isIdPrefix(text: string): boolean {
  return text.length >= MIN_ID_PREFIX && text.length <= 36 && /^[0-9a-f-]+$/i.test(text);
}

/** The one record (live or deleted, of `kind` if given) whose id starts with `prefix`. */
export function resolveRecordId(records: RecordStore, prefix: string, kind?: KindName): ResolvedRecordId {
  if (!isIdPrefix(prefix)) {
    throw new ParleyError('invalid_input', `"${prefix}" is not the start of a record id: give at least ${MIN_ID_PREFIX} of its characters (hexadecimal digits and dashes).`);
  }
  const start = prefix.toLowerCase();
  const found: ResolvedRecordId[] = [];
  for (const k of kind ? [kind] : KIND_NAMES) {
    for (const id of records.idsStartingWith(k, start, LISTED + 1 - found.length)) {
      const rec = records.find(k, id);
      if (rec) found.push({ kind: k, id, title: titleOf(k, rec) });
    }
    if (found.length > LISTED) break;
  }
  const what = kind ? `${KINDS[kind].label.toLowerCase()} id` : 'record id';
  if (found.length === 0) throw new ParleyError('not_found', `No ${what} in this case starts with ${prefix}.`);
  if (found.length === 1) return found[0]!;
  const listed = found.slice(0, LISTED).map((r) => `${KINDS[r.kind].label} “${r.title}” (${r.id})`).join('; ');
  const more = found.length > LISTED ? '; and more' : '';
  throw new ParleyError('invalid_input', `More than one ${what} in this case starts with ${prefix}: ${listed}${more}. Give more of the id.`);
}
