// A record's links, from it and to it, each with the title of the record at its other end (record.links).
import type { LinksOfRecord } from '../../shared/api-types.js';
import type { KindName, RecordOf } from '../../shared/records.js';
import { titleOf, type RecordStore } from './store/record-store.js';

/** The title at the other end is null where that record is gone; a link into another case keeps the title it had. */
export function linksOf(records: RecordStore, caseId: string, kind: KindName, id: string): LinksOfRecord {
  records.get(kind, id);
  const view = (link: RecordOf<'link'>, other: 'from' | 'to') => {
    if (other === 'to' && link.toCaseId) return { link, otherTitle: link.toTitle };
    const [otherKind, otherId] = other === 'to' ? [link.toKind, link.toId] : [link.fromKind, link.fromId];
    const rec = records.find(otherKind, otherId);
    return { link, otherTitle: rec && !rec.deletedAt ? titleOf(otherKind, rec) : null };
  };
  const linksWhere = (filter: Record<string, string>) => records.list('link', { filter, limit: 10_000, orderBy: 'created_at' });
  return {
    outgoing: linksWhere({ fromId: id }).map((l) => view(l, 'to')),
    incoming: linksWhere({ toId: id }).filter((l) => !l.toCaseId || l.toCaseId === caseId).map((l) => view(l, 'from')),
  };
}
