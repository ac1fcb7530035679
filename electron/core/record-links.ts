// A record's links, from it and to it, each with the title of the record at its other end (record.links).
import type { LinksOfRecord, LinkView } from '../../shared/api-types.js';
import type { KindName, RecordOf } from '../../shared/records.js';
import { titleOf, type RecordStore } from './store/record-store.js';

/**
 * The title at the other end is null where that record is gone; a link into another case keeps the title it had.
 * A link deleted with the record at its other end is listed too, marked, so that the record can be restored from
 * here (see deletion.ts); a link deleted on its own is not.
 */
export function linksOf(records: RecordStore, caseId: string, kind: KindName, id: string): LinksOfRecord {
  records.get(kind, id);
  const view = (link: RecordOf<'link'>, other: 'from' | 'to'): LinkView | null => {
    if (other === 'to' && link.toCaseId) return link.deletedAt ? null : { link, otherTitle: link.toTitle };
    const [otherKind, otherId] = other === 'to' ? [link.toKind, link.toId] : [link.fromKind, link.fromId];
    const rec = records.find(otherKind, otherId);
    if (link.deletedAt && (!rec || rec.deletedAt !== link.deletedAt)) return null;
    if (!rec) return { link, otherTitle: null };
    return rec.deletedAt ? { link, otherTitle: titleOf(otherKind, rec), otherDeleted: true } : { link, otherTitle: titleOf(otherKind, rec) };
  };
  const linksWhere = (filter: Record<string, string>) => records.list('link', { filter, includeDeleted: true, limit: 10_000, orderBy: 'created_at' });
  return {
    outgoing: linksWhere({ fromId: id }).flatMap((l) => view(l, 'to') ?? []),
    incoming: linksWhere({ toId: id }).filter((l) => !l.toCaseId || l.toCaseId === caseId).flatMap((l) => view(l, 'from') ?? []),
  };
}
