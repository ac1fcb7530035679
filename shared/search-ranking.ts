// How search ranks what it finds, around records rather than index rows. Both a case's search (case.search) and the
// library's (library.search) go through foldMatches, so the palette, the link picker and the command line all list
// the same records in the same order.
//
// - A record's history (an issue's position changes and concessions, a meeting's notes, decisions and attendees, a
//   draft's revisions) is folded into the record it belongs to: one result for the record, counting the history
//   entries that matched, with the best match's snippet.
// - A searched word in the title of a record comes first: issues, then deadlines, meetings, precedents, watch items,
//   drafts and the directive (each kind a tier of its own), then the other records that have a title of their own
//   (parties, events, action items, attachments), then matches in any other text or in history. Within a tier,
//   FTS5's bm25 score orders (the title weighing five times the text).
import { KINDS, type KindName } from './records.js';
import { countOf } from './words.js';

/** The reference through which a kind's records are history of another record, by kind. */
export const FOLDED_UNDER = {
  positionChange: 'issueId',
  concession: 'issueId',
  note: 'meetingId',
  decision: 'meetingId',
  attendee: 'meetingId',
  draftRevision: 'draftId',
} as const satisfies { [K in KindName]?: keyof (typeof KINDS)[K]['fields'] & string };

export type FoldedKind = keyof typeof FOLDED_UNDER;
export const isFoldedKind = (kind: KindName): kind is FoldedKind => Object.hasOwn(FOLDED_UNDER, kind);

/**
 * The records users look for by name, in the order their title matches are listed: a searched word in the title of
 * an issue puts it before one in a deadline's title, and so on.
 */
const FIRST_BY_TITLE: readonly KindName[] = ['issue', 'deadline', 'meeting', 'precedent', 'watchItem', 'draft', 'directive'];
/** Other records whose title is a name given to them (not the first words of their text): next by title. */
const NEXT_BY_TITLE: ReadonlySet<KindName> = new Set<KindName>(['party', 'event', 'actionItem', 'attachment']);
/** The tier of every other match: a word in a record's text, or in its history. */
export const TEXT_TIER = FIRST_BY_TITLE.length + 1;

/** The tier of a match, lower first: by kind for a word in the title of a record that has one (above), else TEXT_TIER. */
export function tierOf(kind: KindName, inTitle: boolean): number {
  if (!inTitle) return TEXT_TIER;
  const first = FIRST_BY_TITLE.indexOf(kind);
  return first >= 0 ? first : NEXT_BY_TITLE.has(kind) ? FIRST_BY_TITLE.length : TEXT_TIER;
}

/**
 * One number per match, lower first, comparable across case files (library.search merges files by it): the tier,
 * plus the bm25 score (0 or less, lower better) squeezed into (0, 1], so that no score crosses into another tier.
 */
export function rankOf(tier: number, bm25: number): number {
  return tier + 1 / (1 - Math.min(bm25, 0));
}

/** The rank of one match: its tier, then its score. */
export const rankOfMatch = (kind: KindName, inTitle: boolean, bm25: number): number => rankOf(tierOf(kind, inTitle), bm25);

/** One row of the index that matched, with the record it belongs to when it is history of one that is searchable. */
export interface IndexMatch {
  docid: number;
  kind: KindName;
  id: string;
  /** bm25 over title and text (title weighted). */
  score: number;
  /** Whether a searched word is in the row's title. */
  inTitle: boolean;
  /** The record this one is history of, when that record is in the index (live); else null. */
  parent: { docid: number; kind: KindName; id: string } | null;
}

/** A record found, before its title and snippet are read. */
export interface RankedRecord {
  kind: KindName;
  id: string;
  /** The record's own index row. */
  docid: number;
  rank: number;
  /** The row of the best match: the record's own, or one of its history entries. */
  best: { docid: number; kind: KindName; id: string };
  /** Whether the record's own title or text matched, not only its history. */
  matchedItself: boolean;
  /** The history entries that matched, counted by kind (most first). */
  folded: { kind: KindName; count: number }[];
}

/** Folds matches into the records they belong to and returns the best `limit` records, best first. */
export function foldMatches(matches: readonly IndexMatch[], limit: number): RankedRecord[] {
  const records = new Map<string, RankedRecord & { counts: Map<KindName, number> }>();
  for (const m of matches) {
    const owner = m.parent ?? m;
    const rank = rankOfMatch(m.kind, m.inTitle, m.score);
    let rec = records.get(owner.id);
    if (!rec) {
      rec = { kind: owner.kind, id: owner.id, docid: owner.docid, rank, best: { docid: m.docid, kind: m.kind, id: m.id }, matchedItself: false, folded: [], counts: new Map() };
      records.set(owner.id, rec);
    } else if (rank < rec.rank) {
      rec.rank = rank;
      rec.best = { docid: m.docid, kind: m.kind, id: m.id };
    }
    if (m.parent) rec.counts.set(m.kind, (rec.counts.get(m.kind) ?? 0) + 1);
    else rec.matchedItself = true;
  }
  return [...records.values()]
    .sort((a, b) => a.rank - b.rank || a.docid - b.docid)
    .slice(0, limit)
    .map(({ counts, ...rec }) => ({ ...rec, folded: [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count) }));
}

/**
 * What a hit says about the history it folds: "Also in 4 position changes and 1 concession", or "In 6 draft
 * revisions" when the record itself did not match. Empty when nothing was folded.
 */
export function foldedWords(folded: readonly { kind: KindName; count: number }[], recordMatched: boolean): string {
  if (!folded.length) return '';
  const parts = folded.map((f) => countOf(f.count, KINDS[f.kind].label.toLowerCase(), KINDS[f.kind].plural.toLowerCase()));
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${recordMatched ? 'Also in' : 'In'} ${list}`;
}
