// verify reports what breaks the rules between records, in files written without the API: circles of deadline
// triggers and links whose ends are not in the file. Such files are built here by writing to SQLite directly,
// once through the store's write path (so that the audit trail still agrees, and only the rule is broken) and once
// with plain SQL.
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { deadline, record, rule, writeBehindTheApi } from './support/behind-the-api.js';
import { CaseWorld } from './support/world.js';

function closedCase() {
  const w = CaseWorld.create();
  const issue = w.make('issue');
  w.api.call('case.close', { caseId: w.caseId });
  return { w, issue };
}

function verifyOf(w: CaseWorld, readOnly: boolean) {
  const { caseId } = w.api.call('case.open', { path: w.file, readOnly });
  return { caseId, report: w.api.call('case.verify', { caseId }) };
}

describe('verify reports what breaks the rules between records', () => {
  it.each([false, true])('a deadline that is its own trigger, and circles through others (read-only %s)', (readOnly) => {
    const { w } = closedCase();
    const self = deadline('Self-made');
    self.triggerDeadlineId = self.id;
    self.rule = rule;
    const a = deadline('Alpha', { rule });
    const b = deadline('Bravo', { rule });
    const c = deadline('Charlie', { rule, deletedAt: new Date().toISOString(), deletedBy: 'Other tool' });
    Object.assign(a, { triggerDeadlineId: b.id });
    Object.assign(b, { triggerDeadlineId: c.id });
    Object.assign(c, { triggerDeadlineId: a.id });
    const lead = deadline('Leads into the circle', { rule, triggerDeadlineId: a.id });
    writeBehindTheApi(w.file, [['deadline', self], ['deadline', a], ['deadline', b], ['deadline', c], ['deadline', lead]]);

    const { caseId, report } = verifyOf(w, readOnly);
    expect(report.ok).toBe(false);
    expect(report.auditChain.problems).toEqual([]);
    expect(report.triggerCycles).toHaveLength(2);
    expect(report.triggerCycles[0]).toEqual({ ids: [self.id], message: expect.stringContaining('“Self-made” → “Self-made”') });
    expect(new Set(report.triggerCycles[1]!.ids)).toEqual(new Set([a.id, b.id, c.id]));
    expect(report.triggerCycles[1]!.message).toMatch(/“Alpha” → “Bravo” → “Charlie” → “Alpha”/);
    // What the user would otherwise meet with no word of why: no rule-built date can be worked out.
    expect(w.api.raw('schedule.get', { caseId })).toMatchObject({ ok: false, error: { code: 'cycle' } });
    expect(w.api.internalErrors).toEqual([]);
  });

  it('links whose ends are not in the file, deleted links too; a link to a deleted record or to another case file is fine', () => {
    const { w, issue } = closedCase();
    const from = { fromKind: 'issue', fromId: issue.id, linkType: 'cites' };
    const toNothing = record('link', { ...from, toKind: 'precedent', toId: crypto.randomUUID() });
    const fromNothing = record('link', { fromKind: 'meeting', fromId: crypto.randomUUID(), linkType: 'cites', toKind: 'issue', toId: issue.id });
    const deletedToNothing = record('link', { ...from, toKind: 'note', toId: crypto.randomUUID(), deletedAt: new Date().toISOString(), deletedBy: 'Other tool' });
    const note = record('note', { body: 'Deleted since', deletedAt: new Date().toISOString(), deletedBy: 'Other tool' });
    const toDeleted = record('link', { ...from, toKind: 'note', toId: note.id });
    const elsewhere = record('link', { ...from, toKind: 'issue', toId: crypto.randomUUID(), toCaseId: crypto.randomUUID(), toCasePath: '/elsewhere.parley' });
    writeBehindTheApi(w.file, [['link', toNothing], ['link', fromNothing], ['link', deletedToNothing], ['note', note], ['link', toDeleted], ['link', elsewhere]]);

    const { report } = verifyOf(w, true);
    expect(report.ok).toBe(false);
    expect(report.auditChain.problems).toEqual([]);
    expect(report.links).toEqual([
      { ids: [toNothing.id], message: expect.stringMatching(/^The precedent .* a link points to does not exist in this case file\.$/) },
      { ids: [fromNothing.id], message: expect.stringMatching(/^The meeting .* a link starts from does not exist in this case file\.$/) },
      { ids: [deletedToNothing.id], message: expect.stringMatching(/^The note .* a link points to does not exist/) },
    ]);
  });

  it('a reference field pointing at nothing, and a circle, written with plain SQL', () => {
    const { w } = closedCase();
    const db = new Database(w.file);
    db.pragma('foreign_keys = OFF'); // as the sqlite3 shell has it
    const a = deadline('Written by hand');
    db.prepare(`INSERT INTO deadline (id, title, deadline_kind, status, due_type, owner_party_id, trigger_deadline_id, rule, version, created_at, created_by, updated_at, updated_by)
      VALUES (?, ?, 'response', 'open', 'tbd', ?, ?, ?, 1, ?, 'x', ?, 'x')`).run(a.id, a.title, crypto.randomUUID(), a.id, JSON.stringify(rule), a.createdAt, a.createdAt);
    db.close();

    const { report } = verifyOf(w, true);
    expect(report.ok).toBe(false);
    expect(report.foreignKeys).toEqual([{ table: 'deadline', rowid: expect.any(Number), parent: 'party' }]);
    expect(report.triggerCycles).toEqual([{ ids: [a.id], message: expect.stringContaining('“Written by hand” → “Written by hand”') }]);
    expect(report.auditChain.problems.map((p) => p.message)).toEqual([`deadline ${a.id} has no audit entry`]);
  });
});
