// Keeps the case file's FTS5 index in step with its records: one document per live record, made of its title
// and every field the registry marks `search`. Runs inside the write path's transaction.
import { KINDS, type KindName } from '../../../shared/records.js';
import { MATCH_END, MATCH_START } from '../../../shared/result.js';
import type { Db } from '../db/connection.js';
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

export interface SearchHit {
  kind: KindName;
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

/**
 * Ranking reads every match's document length and positions, so a word found in most records of a big case file
 * (tens of thousands of matches) takes tens of milliseconds to rank. Beyond this many matches only the newest are
 * ranked (a document's rowid grows in the order records were first indexed, and FTS5 walks that order without
 * ranking); a query with fewer matches ranks every one of them, as before.
 */
export const RANK_WINDOW = 2_000;

/** The lowest rowid worth ranking: every match if there are at most RANK_WINDOW, else the newest RANK_WINDOW. */
function rankFloor(db: Db, query: string): number {
  const row = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?').pluck().get(query, RANK_WINDOW - 1);
  return (row as number | undefined) ?? 0;
}

export function searchCase(db: Db, text: string, limit: number): SearchHit[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  return db
    .prepare(
      `SELECT d.record_kind AS kind, d.record_id AS id, search_index.title AS title,
              snippet(search_index, -1, '${MATCH_START}', '${MATCH_END}', '…', 16) AS snippet, bm25(search_index, 5.0, 1.0) AS rank
       FROM search_index JOIN search_doc d ON d.docid = search_index.rowid
       WHERE search_index MATCH ? AND search_index.rowid >= ? ORDER BY rank LIMIT ?`,
    )
    .all(query, rankFloor(db, query), limit) as SearchHit[];
}

/** The ranks of a case's best `limit` matches, best first: searchCase's order, without its snippets. */
export function rankCase(db: Db, text: string, limit: number): number[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  return db
    .prepare('SELECT bm25(search_index, 5.0, 1.0) AS rank FROM search_index WHERE search_index MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?')
    .pluck()
    .all(query, rankFloor(db, query), limit) as number[];
}
