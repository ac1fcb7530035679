// Keeps the case file's FTS5 index in step with its records: one document per live record, made of its title
// and every field the registry marks `search`. Runs inside the write path's transaction.
import { KINDS, type KindName } from '../../../shared/records.js';
import { MATCH_END, MATCH_START } from '../../../shared/result.js';
import { FOLDED_UNDER, foldMatches, isFoldedKind, rankOfMatch, type FoldedKind, type IndexMatch, type RankedRecord } from '../../../shared/search-ranking.js';
import type { SearchHit } from '../../../shared/api-types.js';
import type { Db } from '../db/connection.js';
import { statement } from '../db/statements.js';
import { toColumn } from './record-table.js';
import type { StoredRecord } from './record-table.js';

const searchFields = (kind: KindName) => Object.entries(KINDS[kind].fields).filter(([, f]) => f.search).map(([n]) => n);

export function documentText(kind: KindName, rec: StoredRecord): { title: string; body: string } {
  const titleValue = rec[KINDS[kind].titleField];
  const title = typeof titleValue === 'string' && titleValue ? titleValue : KINDS[kind].label;
  const parts: string[] = [];
  const searchText = KINDS[kind].searchText as ((field: string, r: StoredRecord) => string | null) | undefined;
  for (const f of searchFields(kind)) {
    const v = searchText?.(f, rec) ?? rec[f];
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) parts.push(v.join('\n'));
  }
  return { title: title.slice(0, 500), body: parts.join('\n') };
}

export class SearchIndex {
  private readonly findDoc;
  private readonly addDoc;
  private readonly dropDoc;
  private readonly addText;
  private readonly dropText;

  constructor(db: Db) {
    this.findDoc = db.prepare('SELECT docid FROM search_doc WHERE record_id = ?').pluck();
    this.addDoc = db.prepare('INSERT INTO search_doc (record_kind, record_id) VALUES (?, ?)');
    this.dropDoc = db.prepare('DELETE FROM search_doc WHERE docid = ?');
    this.addText = db.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)');
    this.dropText = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  }

  /** Indexes the record as it now is; a deleted or purged record (null, or with deletedAt) leaves the index. */
  update(kind: KindName, id: string, rec: StoredRecord | null): void {
    if (KINDS[kind].searchable === false) return;
    const docid = this.findDoc.get(id) as number | undefined;
    if (docid !== undefined) {
      this.dropText.run(docid);
      if (!rec || rec.deletedAt) this.dropDoc.run(docid);
    }
    if (!rec || rec.deletedAt) return;
    const { title, body } = documentText(kind, rec);
    const row = docid ?? Number(this.addDoc.run(kind, id).lastInsertRowid);
    this.addText.run(row, title, body);
  }
}

/** Turns what a user typed into an FTS5 query: every word must appear; the last may be a prefix. */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}_]+/u).filter(Boolean).slice(0, 32);
  if (!words.length) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * Ranking reads every match's document length and positions, so a word found in most records of a big case file
 * (tens of thousands of matches) takes tens of milliseconds to rank. Beyond this many matches only the newest are
 * ranked (a document's rowid grows in the order records were first indexed, and FTS5 walks that order without
 * ranking); a query with fewer matches ranks every one of them.
 */
export const RANK_WINDOW = 2_000;

/**
 * How many of the best matches are folded into records (and counted under them). Finding the record a history entry
 * belongs to reads the entry's row in its own table, about 10 µs each on a big case file: for all RANK_WINDOW matches
 * that would double a broad search. A record's count of matches in its history is therefore a count among these.
 */
export const FOLD_WINDOW = 500;

/**
 * The newest RANK_WINDOW matches, each with its score and whether a searched word is in its title (a title-only bm25
 * below zero).
 */
const MATCHES_SQL = `
  SELECT m.docid, d.record_kind AS kind, d.record_id AS id, m.score, m.titleScore
  FROM (SELECT rowid AS docid, bm25(search_index, 5.0, 1.0) AS score, bm25(search_index, 1.0, 0.0) AS titleScore
        FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) m
  JOIN search_doc d ON d.docid = m.docid`;

/**
 * For some index rows (a JSON array of docids) of kinds that are history of another record: that record, where it is
 * in the index (live). Looked up in the history kind's own table rather than stored with the document, so that files
 * of every schema version (the library reads older ones without migrating them) fold alike.
 */
const PARENTS_SQL = `
  SELECT d.docid, p.docid AS parentDocid, p.record_kind AS parentKind, p.record_id AS parentId
  FROM search_doc d JOIN search_doc p ON p.record_id = CASE d.record_kind ${Object.entries(FOLDED_UNDER)
    .map(([kind, field]) => `WHEN '${kind}' THEN (SELECT ${toColumn(field)} FROM ${KINDS[kind as FoldedKind].table} WHERE id = d.record_id)`)
    .join(' ')} END
  WHERE d.docid IN (SELECT value FROM json_each(?))`;

interface MatchRow {
  docid: number;
  kind: KindName;
  id: string;
  score: number;
  titleScore: number;
}

/**
 * The best `limit` records of a case for `text`, history folded into its records (shared/search-ranking.ts), without
 * their titles and snippets: library.search ranks every file first and reads those only for the records it keeps.
 */
export function rankCase(db: Db, text: string, limit: number): RankedRecord[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  const rows = statement(db, MATCHES_SQL).all(query) as (MatchRow & { rank: number })[];
  for (const r of rows) r.rank = rankOfMatch(r.kind, r.titleScore < 0, r.score); // in place: up to RANK_WINDOW rows
  const best = rows.sort((a, b) => a.rank - b.rank).slice(0, Math.max(FOLD_WINDOW, limit));
  const history = best.filter((m) => isFoldedKind(m.kind)).map((m) => m.docid);
  const parents = new Map(
    (history.length ? (statement(db, PARENTS_SQL).all(JSON.stringify(history)) as { docid: number; parentDocid: number; parentKind: KindName; parentId: string }[]) : [])
      .map((p) => [p.docid, { docid: p.parentDocid, kind: p.parentKind, id: p.parentId }]),
  );
  const matches: IndexMatch[] = best.map((m) => ({ docid: m.docid, kind: m.kind, id: m.id, score: m.score, inTitle: m.titleScore < 0, parent: parents.get(m.docid) ?? null }));
  return foldMatches(matches, limit);
}

/**
 * The snippets of some matches (a JSON array of their rowids), in one walk down the query's matches to the oldest of
 * them. FTS5 reads a word's whole list of matches for each query, so a query per snippet would cost that 50 times
 * over; a snippet is made only for the rows asked for. `table`: an FTS5 table of title and body (a case file's
 * search_index, or the library index's search_text).
 */
const snippetsSql = (table: string) => `
  SELECT rowid AS docid, CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN snippet(${table}, -1, '${MATCH_START}', '${MATCH_END}', '…', 16) END AS snippet
  FROM ${table} WHERE ${table} MATCH ? AND rowid >= ?`;

/** Ranked records as search hits, in their order: each with its own title, and the snippet of its best match. */
export function describeRanked(db: Db, text: string, ranked: readonly RankedRecord[], table: 'search_index' | 'search_text' = 'search_index'): SearchHit[] {
  const query = toFtsQuery(text);
  if (!query || !ranked.length) return [];
  const best = ranked.map((r) => r.best.docid);
  const rows = statement(db, snippetsSql(table)).all(JSON.stringify(best), query, Math.min(...best)) as { docid: number; snippet: string | null }[];
  const snippets = new Map(rows.filter((r) => r.snippet !== null).map((r) => [r.docid, r.snippet!]));
  // The driver binds a number as a real; a cast keeps the lookup by rowid.
  const titleOf = statement(db, `SELECT title FROM ${table} WHERE rowid = CAST(? AS INTEGER)`).pluck();
  return ranked.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: titleOf.get(r.docid) as string,
    snippet: snippets.get(r.best.docid) ?? '',
    rank: r.rank,
    matchedIn: r.best.docid === r.docid ? null : { kind: r.best.kind, id: r.best.id },
    matchedItself: r.matchedItself,
    folded: r.folded,
  }));
}

export function searchCase(db: Db, text: string, limit: number): SearchHit[] {
  return describeRanked(db, text, rankCase(db, text, limit));
}
