// Keeps the case file's FTS5 index in step with its records: one document per live record, made of its title
// and every field the registry marks `search`. Runs inside the write path's transaction.
import { KINDS, type KindName } from '../../../shared/records.js';
import { MATCH_END, MATCH_START } from '../../../shared/result.js';
import { FOLDED_UNDER, foldMatches, type FoldedKind, type IndexMatch, type RankedRecord } from '../../../shared/search-ranking.js';
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

/** For a row of a kind that is history of another record: the id of that record, read from the kind's own table. */
const PARENT_ID_SQL = `CASE d.record_kind ${Object.entries(FOLDED_UNDER)
  .map(([kind, field]) => `WHEN '${kind}' THEN (SELECT ${toColumn(field)} FROM ${KINDS[kind as FoldedKind].table} WHERE id = d.record_id)`)
  .join(' ')} END`;

/**
 * The newest RANK_WINDOW matches, each with its score, whether a searched word is in its title (a title-only bm25
 * below zero), and the live record it is history of. The parent is looked up here rather than stored with the
 * document, so that files of every schema version (the library reads older ones without migrating them) fold alike.
 */
const MATCHES_SQL = `
  SELECT m.docid, d.record_kind AS kind, d.record_id AS id, m.score, m.titleScore, p.docid AS parentDocid, p.record_kind AS parentKind, p.record_id AS parentId
  FROM (SELECT rowid AS docid, bm25(search_index, 5.0, 1.0) AS score, bm25(search_index, 1.0, 0.0) AS titleScore
        FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) m
  JOIN search_doc d ON d.docid = m.docid
  LEFT JOIN search_doc p ON p.record_id = ${PARENT_ID_SQL}`;

interface MatchRow {
  docid: number;
  kind: KindName;
  id: string;
  score: number;
  titleScore: number;
  parentDocid: number | null;
  parentKind: KindName | null;
  parentId: string | null;
}

/**
 * The best `limit` records of a case for `text`, history folded into its records (shared/search-ranking.ts), without
 * their titles and snippets: library.search ranks every file first and reads those only for the records it keeps.
 */
export function rankCase(db: Db, text: string, limit: number): RankedRecord[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  const rows = statement(db, MATCHES_SQL).all(query) as MatchRow[];
  const matches: IndexMatch[] = rows.map((r) => ({
    docid: r.docid,
    kind: r.kind,
    id: r.id,
    score: r.score,
    inTitle: r.titleScore < 0,
    parent: r.parentDocid === null ? null : { docid: r.parentDocid, kind: r.parentKind!, id: r.parentId! },
  }));
  return foldMatches(matches, limit);
}

/** Ranked records as search hits: each with its own title, and the snippet of its best match. */
export function describeRanked(db: Db, text: string, ranked: readonly RankedRecord[]): SearchHit[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  // The driver binds a number as a real, and FTS5 then drops a `rowid = ?` that goes with a MATCH: hence the casts.
  const titleOf = statement(db, 'SELECT title FROM search_index WHERE rowid = CAST(? AS INTEGER)').pluck();
  const snippetOf = statement(db, `SELECT snippet(search_index, -1, '${MATCH_START}', '${MATCH_END}', '…', 16) FROM search_index WHERE search_index MATCH ? AND rowid = CAST(? AS INTEGER)`).pluck();
  return ranked.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: titleOf.get(r.docid) as string,
    snippet: snippetOf.get(query, r.best.docid) as string,
    rank: r.rank,
    matchedIn: r.best.docid === r.docid ? null : { kind: r.best.kind, id: r.best.id },
    matchedItself: r.matchedItself,
    folded: r.folded,
  }));
}

export function searchCase(db: Db, text: string, limit: number): SearchHit[] {
  return describeRanked(db, text, rankCase(db, text, limit));
}
