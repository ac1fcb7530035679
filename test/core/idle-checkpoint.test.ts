// The WAL is folded into a case file once writes pause, not inside an edit (electron/core/db/idle-checkpoint.ts): a
// change is synced in the WAL at once, and in the file's own bytes after the pause, with the case still open.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { IDLE_CHECKPOINT_MS, WAL_CHECKPOINT_PAGES } from '../../electron/core/db/idle-checkpoint.js';
import { rawConnection } from './support/files.js';
import { CaseWorld } from './support/world.js';

const withPageSize = (file: string) => {
  const db = rawConnection(file, { readonly: true });
  try {
    return db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
};
const inFileItself = (file: string, text: string) => fs.readFileSync(file).includes(Buffer.from(text));

describe('a case open for editing', () => {
  it('keeps a change in the WAL while writes go on, and folds it into the file once they pause', async () => {
    const w = CaseWorld.create();
    await sleep(IDLE_CHECKPOINT_MS + 300); // the case's own first writes, folded in
    w.make('note', { body: 'Quillwort clause agreed' });
    w.make('note', { body: 'Second note' });
    expect(inFileItself(`${w.file}-wal`, 'Quillwort')).toBe(true);
    expect(inFileItself(w.file, 'Quillwort')).toBe(false);
    await sleep(IDLE_CHECKPOINT_MS + 300);
    expect(inFileItself(w.file, 'Quillwort')).toBe(true);
    // Another connection reads it as saved, and the case reads on as before.
    const db = rawConnection(w.file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM note WHERE body = ?').pluck().get('Quillwort clause agreed')).toBe(1);
    } finally {
      db.close();
    }
    expect(w.api.call('case.search', { caseId: w.caseId, query: 'quillwort' })).toHaveLength(1);
  });

  it('does not checkpoint inside an edit at the 1,000 pages of WAL SQLite checkpoints at by default', async () => {
    const w = CaseWorld.create();
    await sleep(IDLE_CHECKPOINT_MS + 300);
    w.make('note', { body: 'Quillwort clause agreed' });
    const pageSize = withPageSize(w.file);
    let n = 0;
    // Edits back to back, with no pause, until the WAL holds more than SQLite's default threshold.
    while (fs.statSync(`${w.file}-wal`).size < 1_200 * (pageSize + 24)) w.make('note', { body: `Note ${n++} on the tariff schedule` });
    expect(1_200).toBeLessThan(WAL_CHECKPOINT_PAGES);
    expect(inFileItself(w.file, 'Quillwort')).toBe(false);
    await sleep(IDLE_CHECKPOINT_MS + 300);
    expect(inFileItself(w.file, 'Quillwort')).toBe(true);
  });
});
