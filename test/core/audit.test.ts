// The audit trail is tamper-evident: someone who edits the file with another tool (dropping the append-only
// triggers first) and edits, deletes, reorders or cuts entries, or edits records (or an attachment's bytes)
// directly, is caught by verify.
// Its limit: the chain is unkeyed, so someone who recomputes it after an edit is not (a certificate kept elsewhere
// is what shows that; custody.test.ts).
import { describe, expect, it } from 'vitest';
import { rewriteNoteAsAForger, tamperAsAForger, withRawConnection } from './support/files.js';
import { CaseWorld } from './support/world.js';

interface History {
  w: CaseWorld;
  noteId: string;
  meetingId: string;
  entries: number;
}

/** A closed case whose trail has a dozen entries: creates, updates, a delete and a restore. */
function caseWithHistory(): History {
  const w = CaseWorld.create();
  const meeting = w.make('meeting');
  const note = w.make('note', { meetingId: meeting.id });
  w.api.call('note.update', { caseId: w.caseId, id: note.id, changes: { body: 'They will accept quarterly reports.' }, reason: 'call notes' });
  const issue = w.make('issue', { ourOpening: 'No suspension' });
  w.api.call('issue.update', { caseId: w.caseId, id: issue.id, changes: { ourTarget: 'Tier-1 only' } });
  w.api.call('meeting.delete', { caseId: w.caseId, id: meeting.id });
  w.api.call('meeting.restore', { caseId: w.caseId, id: meeting.id });
  w.api.call('directive.update', { caseId: w.caseId, changes: { status: 'negotiating' } });
  w.make('batna'); // nothing points at it: it can go missing without breaking a foreign key
  expect(w.api.call('case.verify', { caseId: w.caseId }).ok).toBe(true);
  const entries = w.api.call('case.info', { caseId: w.caseId }).auditEntries;
  w.api.call('case.close', { caseId: w.caseId });
  return { w, noteId: note.id, meetingId: meeting.id, entries };
}

const SWAP_2_AND_3 = 'UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -2;';

const tampering: [label: string, sql: (h: History) => string, expected: RegExp][] = [
  ['edit an entry (who made it)', () => "UPDATE audit_log SET actor = 'Someone Else' WHERE seq = 3", /entry 3 was altered/],
  ['edit an entry (what it recorded)', () => "UPDATE audit_log SET after_json = json_set(after_json, '$.title', 'Other') WHERE seq = 2", /entry 2 was altered/],
  ['delete an entry from the middle', () => 'DELETE FROM audit_log WHERE seq = 4', /entry 4 is missing/],
  ['reorder two entries', () => SWAP_2_AND_3, /does not follow the entry before it/],
  ['cut the last entry off', () => 'DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)', /cut off the end/],
  [
    'cut the last entry off and move the recorded head back to match',
    (h) => `DELETE FROM audit_log WHERE seq = ${h.entries};
      UPDATE case_meta SET value = (SELECT seq || ':' || hash FROM audit_log WHERE seq = ${h.entries - 1}) WHERE key = 'audit_head'`,
    /batna .* has no audit entry/, // the last entry made the BATNA
  ],
  ['edit a record directly', (h) => `UPDATE note SET body = 'They refused everything.' WHERE id = '${h.noteId}'`, /note .* differs from its last audited state/],
  ['delete a record directly', () => 'DELETE FROM batna', /missing from the file/],
  ['add a record directly', () => "INSERT INTO batna (id, side, description, created_at, created_by, updated_at, updated_by) VALUES ('00000000-0000-4000-8000-000000000001', 'theirs', 'x', 'now', 'x', 'now', 'x')", /has no audit entry/],
];

describe('the audit trail', () => {
  it.each(tampering)('catches someone who went behind Parley to %s', (_label, sql, expected) => {
    const h = caseWithHistory();
    tamperAsAForger(h.w.file, sql(h));
    h.w.api.call('case.open', { path: h.w.file });
    const report = h.w.api.call('case.verify', { caseId: h.w.caseId });
    expect(report.ok).toBe(false);
    expect(report.auditChain.problems.map((p) => p.message).join('\n')).toMatch(expected);
  });

  it('catches an attachment whose bytes were swapped behind Parley\'s back, and will not hand them out as the ones recorded', () => {
    const w = CaseWorld.create();
    const attachment = w.make('attachment'); // the first bytes of a PNG
    w.api.call('case.close', { caseId: w.caseId });
    // No trigger to drop and no hash to recompute: the bytes sit beside the record, which keeps only their digest.
    withRawConnection(w.file, (db) => db.prepare('UPDATE attachment SET bytes = ? WHERE id = ?').run(Buffer.from('%PDF-2'), attachment.id));
    w.api.call('case.open', { path: w.file });
    const report = w.api.call('case.verify', { caseId: w.caseId });
    expect(report.ok).toBe(false);
    expect(report.auditChain.problems.map((p) => p.message)).toEqual([
      `attachment ${attachment.id as string} differs from its last audited state: its bytes are not the ones recorded (size and SHA-256), changed outside Parley`,
    ]);
    expect(w.api.fail('attachment.read', { caseId: w.caseId, id: attachment.id }, 'damaged').message).toMatch(/^The bytes of the attachment order\.png are not the ones recorded/);
  });

  it('cannot catch someone who rewrites a record and recomputes the whole chain: the limit of an unkeyed chain', () => {
    const h = caseWithHistory();
    rewriteNoteAsAForger(h.w.file, h.noteId, 'They refused quarterly reports.');
    h.w.api.call('case.open', { path: h.w.file });
    expect(h.w.api.call('note.get', { caseId: h.w.caseId, id: h.noteId }).body).toBe('They refused quarterly reports.');
    expect(h.w.api.call('record.history', { caseId: h.w.caseId, id: h.noteId }).at(-1)?.after).toMatchObject({ body: 'They refused quarterly reports.' });
    expect(h.w.api.call('case.verify', { caseId: h.w.caseId })).toMatchObject({ ok: true, auditChain: { entries: h.entries, problems: [] } });
  });

  it('refuses edits and deletes of its entries while the triggers are in place', () => {
    const h = caseWithHistory();
    withRawConnection(h.w.file, (db) => {
      expect(() => db.exec("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).toThrow(/append-only/);
      expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
    });
    h.w.api.call('case.open', { path: h.w.file });
    expect(h.w.api.call('case.verify', { caseId: h.w.caseId }).ok).toBe(true);
  });

  it('chains every entry to the one before it and records its head', () => {
    const h = caseWithHistory();
    h.w.api.call('case.open', { path: h.w.file });
    const report = h.w.api.call('case.verify', { caseId: h.w.caseId });
    const info = h.w.api.call('case.info', { caseId: h.w.caseId });
    expect(report.auditChain).toMatchObject({ entries: h.entries, problems: [] });
    expect(info.auditHead).toBe(`${h.entries}:${report.auditChain.head}`);
    const rows = withRawConnection(h.w.file, (db) => db.prepare('SELECT prev_hash, hash FROM audit_log ORDER BY seq').all() as { prev_hash: string; hash: string }[]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
  });
});
