// Copies of one case merged through the real dispatcher on real files: each person's copy made with a plain file
// copy, edited apart, merged both ways; conflicts kept with both values and resolved; bundles; refusals.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colleaguesCopy, newCase, tempDir, testApi, type TestApi } from '../helpers.js';

/** Alice's case, and Bob's copy of it made with the file manager, each open in its own session and data folder. */
function twoCopies(before: (alice: TestApi, caseId: string) => void = () => {}) {
  const alice = testApi('Alice Adler');
  const { caseId, path: file } = newCase(alice, 'case.parley');
  const issue = alice.call('issue.create', { caseId, fields: { title: 'Access for foreign nationals', priority: 'high', status: 'open', ourTarget: 'Keep access for all staff', ourWalkaway: 'Access for EU staff only' } });
  before(alice, caseId);
  const { other: bob, otherFile: bobFile } = colleaguesCopy(alice, caseId, file);
  return { alice, bob, caseId, file, bobFile, issueId: issue.id };
}

const records = (api: TestApi, caseId: string) =>
  (['issue', 'deadline', 'meeting', 'note'] as const).flatMap((k) => api.call(`${k}.list`, { caseId, includeDeleted: true } as never) as { id: string }[])
    .map(({ version: _v, updatedAt: _u, updatedBy: _b, ...r }: Record<string, unknown>) => r)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('two copies of a case edited apart', () => {
  it('merge both ways to the same records, keeping each edit, with authors and copies in the audit trail', () => {
    const { alice, bob, caseId, file, bobFile, issueId } = twoCopies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourTarget: 'Keep access for all staff, with logging' } });
    bob.call('issue.update', { caseId, id: issueId, changes: { title: 'Access for foreign nationals (EAR 744)' } });
    const note = bob.call('note.create', { caseId, fields: { body: 'Officials open to a carve-out' } });

    const intoAlice = alice.call('case.merge', { caseId, from: bobFile });
    expect(intoAlice).toMatchObject({ changes: 2, records: 2, authors: ['Bob Baker'], newConflicts: 0, preview: false });
    expect(alice.call('case.merge', { caseId, from: bobFile }).changes).toBe(0); // twice: nothing more
    bob.call('case.merge', { caseId, from: file });

    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    expect(alice.call('issue.get', { caseId, id: issueId })).toMatchObject({ title: 'Access for foreign nationals (EAR 744)', ourTarget: 'Keep access for all staff, with logging' });
    expect(alice.call('note.get', { caseId, id: note.id }).body).toBe('Officials open to a carve-out');
    for (const api of [alice, bob]) expect(api.call('case.verify', { caseId }).ok).toBe(true);
    const history = alice.call('record.history', { caseId, id: issueId });
    expect(history.map((h) => h.actor)).toEqual(['Alice Adler', 'Alice Adler', 'Bob Baker']);
  });

  it('keeps a record\'s heads as rows only while it has several: an edit made on one head writes none', async () => {
    const { rawConnection } = await import('../core/support/files.js');
    const { alice, bob, caseId, file, bobFile, issueId } = twoCopies();
    const read = <T>(sql: string) => {
      const db = rawConnection(file, { readonly: true });
      try {
        return db.prepare(sql).pluck().all() as T[];
      } finally {
        db.close();
      }
    };
    alice.call('issue.update', { caseId, id: issueId, changes: { ourTarget: 'Keep access, with logging' } });
    expect(read('SELECT change_id FROM change_head')).toEqual([]);
    bob.call('issue.update', { caseId, id: issueId, changes: { title: 'Access (EAR 744)' } });
    alice.call('case.merge', { caseId, from: bobFile });
    const lastBy = (actor: string) => read<string>(`SELECT c.change_id FROM change_log c JOIN audit_log a ON a.seq = c.seq WHERE a.record_id = '${issueId}' AND a.actor = '${actor}' ORDER BY c.seq DESC LIMIT 1`)[0];
    const [aliceHead, bobHead] = [lastBy('Alice Adler'), lastBy('Bob Baker')];
    expect(read('SELECT change_id FROM change_head').sort()).toEqual([aliceHead, bobHead].sort());
    // Made on both, the next edit is the one head again: no row, and its parents are the two.
    alice.call('issue.update', { caseId, id: issueId, changes: { priority: 'critical' } });
    expect(read('SELECT change_id FROM change_head')).toEqual([]);
    expect(JSON.parse(read<string>('SELECT parents FROM change_log ORDER BY seq DESC LIMIT 1')[0]!).sort()).toEqual([aliceHead, bobHead].sort());
    bob.call('case.merge', { caseId, from: file });
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    for (const api of [alice, bob]) expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('keeps both values of a field changed in both copies as a conflict, resolved by picking one (audited)', () => {
    const { alice, bob, caseId, file, bobFile, issueId } = twoCopies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'EU and UK staff' } });
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'No restriction before the hearing' } });
    expect(alice.call('case.merge', { caseId, from: bobFile }).newConflicts).toBe(1);
    bob.call('case.merge', { caseId, from: file });
    for (const api of [alice, bob]) {
      const [conflict] = api.call('conflict.list', { caseId });
      expect(conflict).toMatchObject({ kind: 'issue', recordId: issueId, field: 'ourWalkaway' });
      expect(conflict!.sides.map((s) => [s.value, s.author]).sort()).toEqual([['EU and UK staff', 'Alice Adler'], ['No restriction before the hearing', 'Bob Baker']]);
      expect(api.call('case.info', { caseId }).openConflicts).toBe(1);
    }
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    const [conflict] = alice.call('conflict.list', { caseId });
    const bobSide = conflict!.sides.findIndex((s) => s.author === 'Bob Baker');
    expect(alice.call('conflict.resolve', { caseId, id: conflict!.id, side: bobSide, reason: 'Agreed at the team call' })).toEqual([]);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('No restriction before the hearing');
    expect(alice.call('record.history', { caseId, id: issueId }).at(-1)).toMatchObject({ actor: 'Alice Adler', reason: 'Agreed at the team call' });
    // The resolution settles the conflict in Bob's copy too.
    bob.call('case.merge', { caseId, from: file });
    expect(bob.call('conflict.list', { caseId })).toEqual([]);
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    for (const api of [alice, bob]) expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('keeps the tags both copies added to an issue, and drops one either removed: tags merge tag by tag, no conflict', () => {
    const { alice, bob, caseId, file, bobFile, issueId } = twoCopies((api, id) => {
      const [issue] = api.call('issue.list', { caseId: id });
      api.call('issue.update', { caseId: id, id: issue!.id, changes: { tags: ['export control', 'Phase 2'] } });
    });
    alice.call('issue.update', { caseId, id: issueId, changes: { tags: ['export control', 'Phase 2', 'fallback'] } });
    bob.call('issue.update', { caseId, id: issueId, changes: { tags: ['export control', 'urgent'] } }); // Phase 2 removed

    expect(alice.call('case.merge', { caseId, from: bobFile })).toMatchObject({ newConflicts: 0 });
    bob.call('case.merge', { caseId, from: file });
    for (const api of [alice, bob]) {
      expect([...api.call('issue.get', { caseId, id: issueId }).tags!].sort()).toEqual(['export control', 'fallback', 'urgent']);
      expect(api.call('conflict.list', { caseId })).toEqual([]);
      expect(api.call('case.verify', { caseId }).ok).toBe(true);
    }
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    // The merged tags are found as any others.
    expect(bob.call('issue.list', { caseId, filter: { tags: 'fallback' } }).map((i) => i.id)).toEqual([issueId]);
  });

  it('brings back a record deleted in one copy and changed in the other, flagged', () => {
    const { alice, bob, caseId, bobFile, issueId } = twoCopies();
    alice.call('issue.delete', { caseId, id: issueId });
    bob.call('issue.update', { caseId, id: issueId, changes: { ourTarget: 'Bob’s new target' } });
    alice.call('case.merge', { caseId, from: bobFile });
    expect(alice.call('issue.get', { caseId, id: issueId })).toMatchObject({ deletedAt: null, ourTarget: 'Bob’s new target' });
    expect(alice.call('conflict.list', { caseId })).toMatchObject([{ field: '(deleted)', sides: [{ value: 'deleted', author: 'Alice Adler' }, { value: 'changed', author: 'Bob Baker' }] }]);
    expect(alice.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('refuses a copy of another case, and a bundle altered after export', () => {
    const { alice, bob, caseId, issueId } = twoCopies();
    const other = newCase(alice, 'other.parley', 'Another order');
    expect(() => alice.call('case.merge', { caseId, from: other.path })).toThrow(/different_case/);
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'Sent as a bundle' } });
    const bundle = path.join(tempDir(), 'from-bob');
    const exported = bob.call('changes.export', { caseId, path: bundle });
    expect(exported.path.endsWith('.parley-changes')).toBe(true);
    const text = fs.readFileSync(exported.path, 'utf8');
    const altered = path.join(tempDir(), 'altered.parley-changes');
    fs.writeFileSync(altered, text.replace('Sent as a bundle', 'Altered on the way'));
    expect(() => alice.call('changes.import', { caseId, path: altered })).toThrow(/altered/);
    // The walk-away and the position change recorded with it; all the rest Alice has.
    expect(alice.call('changes.import', { caseId, path: exported.path, preview: true })).toMatchObject({ changes: 2, preview: true });
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('Access for EU staff only');
    expect(alice.call('changes.import', { caseId, path: exported.path }).changes).toBe(2);
    expect(alice.call('changes.import', { caseId, path: exported.path }).changes).toBe(0);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('Sent as a bundle');
  });
});

describe('copies of a file made before copies merged', () => {
  it('upgraded apart, merge with no conflicts: their shared history has the same changes in both', async () => {
    const { withRawConnection } = await import('../core/support/files.js');
    const { UNDO_LIGHTER_EDITS } = await import('../core/support/older-schemas.js');
    const alice = testApi('Alice Adler');
    const { caseId, path: file } = newCase(alice, 'old.parley');
    const issue = alice.call('issue.create', { caseId, fields: { title: 'Scope', priority: 'high', status: 'open', ourTarget: 'All staff' } });
    alice.call('issue.update', { caseId, id: issue.id, changes: { ourTarget: 'All staff, logged' } });
    alice.call('case.close', { caseId });
    // As a Parley of schema 7 left it: no change log, no copy (and no tags, 0009, nor drafts' working text, 0010, nor
    // attachments' place and text, 0011, nor tracked bills and reviews, 0012, and an audit trail as 0001 made it, 0013).
    withRawConnection(file, (db) => {
      db.exec(UNDO_LIGHTER_EDITS);
      db.exec('DROP INDEX attachment_attached_to; DROP INDEX attachment_text_pending;');
      db.exec('ALTER TABLE attachment DROP COLUMN attached_to_id; ALTER TABLE attachment DROP COLUMN attached_to_kind;');
      db.exec('ALTER TABLE attachment DROP COLUMN text_status; ALTER TABLE attachment DROP COLUMN extracted_text; ALTER TABLE attachment DROP COLUMN text_error;');
      db.exec('DROP INDEX watch_item_check_by; ALTER TABLE negotiation_issue DROP COLUMN reviewed_at; ALTER TABLE negotiation_issue DROP COLUMN reviewed_by;');
      const tracked = ['measure', 'bill_or_rule_number', 'jurisdiction', 'stage', 'sponsors', 'source_reference', 'check_by', 'likelihood', 'stage_changed_at', 'triggered_at'];
      for (const column of tracked) db.exec(`ALTER TABLE watch_item DROP COLUMN ${column};`);
      db.exec('ALTER TABLE draft DROP COLUMN working_body;');
      db.exec('ALTER TABLE negotiation_issue DROP COLUMN tags; ALTER TABLE precedent DROP COLUMN tags; ALTER TABLE watch_item DROP COLUMN tags;');
      db.exec("DROP TABLE change_log; DROP TABLE change_head; DROP TABLE case_copy; DROP TABLE merge_conflict; DELETE FROM case_meta WHERE key IN ('copy_id', 'copy_home');");
      db.exec('DROP INDEX draft_revision_number; CREATE UNIQUE INDEX draft_revision_number ON draft_revision(draft_id, revision_number);');
      db.exec('DROP INDEX note_time_of_record_unfilled; DROP INDEX decision_time_of_record_unfilled; DROP INDEX position_change_time_of_record_unfilled; DROP INDEX concession_time_of_record_unfilled;');
      db.pragma('user_version = 7');
    });
    const bob = testApi('Bob Baker');
    const bobFile = path.join(tempDir(), 'old-copy.parley');
    fs.copyFileSync(file, bobFile);
    alice.call('case.open', { path: file });
    bob.call('case.open', { path: bobFile });
    alice.call('issue.update', { caseId, id: issue.id, changes: { title: 'Scope of the suspension' } });
    bob.call('note.create', { caseId, fields: { body: 'From Bob' } });
    expect(alice.call('case.merge', { caseId, from: bobFile })).toMatchObject({ changes: 1, newConflicts: 0 });
    expect(bob.call('case.merge', { caseId, from: file })).toMatchObject({ changes: 1, newConflicts: 0 });
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    for (const api of [alice, bob]) expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });
});

describe('merging and the schedule', () => {
  it('dates rule-built deadlines again after a merge, the moves previewed and confirmed with a reason', () => {
    const ids: Record<string, string> = {};
    const { alice, bob, caseId, bobFile } = twoCopies((api, id) => {
      ids.hearing = api.call('deadline.create', { caseId: id, fields: { title: 'Hearing', deadlineKind: 'statutory', status: 'open', dueType: 'date', dueDate: '2027-01-11' } }).id;
      ids.reply = api.call('deadline.create', {
        caseId: id, fields: { title: 'Reply', deadlineKind: 'response', status: 'open', dueType: 'tbd', triggerDeadlineId: ids.hearing, rule: { amount: 5, unit: 'business_days', direction: 'before', roll: 'back' } },
      }).id;
    });
    const reply = () => alice.call('deadline.get', { caseId, id: ids.reply! });
    // Alice moves the hearing (and, confirmed, the reply with it); Bob makes the reply count ten days, not five.
    alice.call('schedule.confirm', { caseId, change: { kind: 'deadline', id: ids.hearing!, changes: { dueDate: '2027-01-25' } }, reason: 'Hearing postponed' });
    bob.call('deadline.update', { caseId, id: ids.reply!, changes: { rule: { amount: 10, unit: 'business_days', direction: 'before', roll: 'back' } } });
    const preview = alice.call('case.merge', { caseId, from: bobFile, preview: true });
    expect(preview.moves.map((m) => [m.title, m.after.dueDate])).toEqual([['Reply', '2027-01-08']]);
    expect(reply().rule?.amount).toBe(5); // a preview changes nothing
    expect(() => alice.call('case.merge', { caseId, from: bobFile })).toThrow(/needs_confirmation.*Reply/);
    alice.call('case.merge', { caseId, from: bobFile, confirmMoves: true, reason: 'Merged Bob’s rule' });
    expect(reply()).toMatchObject({ dueDate: '2027-01-08', rule: { amount: 10 } });
    expect(alice.call('record.history', { caseId, id: ids.reply! }).at(-1)!.reason).toMatch(/Merged Bob’s rule; dated by its rule/);
    expect(alice.call('conflict.list', { caseId })).toEqual([]);
    expect(alice.call('case.verify', { caseId }).ok).toBe(true);
  });
});

describe('a draft written in two copies', () => {
  const doc = (...paragraphs: string[]) => JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
  const setup = () => {
    const ids: Record<string, string> = {};
    const copies = twoCopies((api, caseId) => {
      ids.draft = api.call('draft.create', { caseId, fields: { title: 'Brief for the terms meeting', draftType: 'meeting_brief', status: 'working' } }).id;
      api.call('draftRevision.create', { caseId, fields: { draftId: ids.draft, format: 'prosemirror', body: doc('Purpose.', 'Our position.', 'Their position.') } });
    });
    const revise = (api: TestApi, body: string) => api.call('draftRevision.create', { caseId: copies.caseId, fields: { draftId: ids.draft!, format: 'prosemirror', body } });
    const newest = (api: TestApi) => api.call('draftRevision.list', { caseId: copies.caseId, filter: { draftId: ids.draft! } }).sort((a, b) => b.revisionNumber - a.revisionNumber)[0]!;
    return { ...copies, draftId: ids.draft!, revise, newest };
  };

  it('keeps edits to different paragraphs from both, in one merged revision that both copies share', () => {
    const { alice, bob, caseId, file, bobFile, revise, newest } = setup();
    revise(alice, doc('Purpose: agree terms.', 'Our position.', 'Their position.'));
    revise(bob, doc('Purpose.', 'Our position.', 'Their position: full suspension.'));
    revise(bob, doc('Purpose.', 'Our position.', 'Their position: full suspension, reviewed monthly.'));
    alice.call('case.merge', { caseId, from: bobFile });
    bob.call('case.merge', { caseId, from: file });
    for (const api of [alice, bob]) {
      expect(JSON.parse(newest(api).body)).toEqual(JSON.parse(doc('Purpose: agree terms.', 'Our position.', 'Their position: full suspension, reviewed monthly.')));
      expect(api.call('conflict.list', { caseId })).toEqual([]);
      expect(api.call('case.verify', { caseId }).ok).toBe(true);
    }
    expect(newest(alice).id).toBe(newest(bob).id);
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
  });

  it('keeps both versions of a paragraph changed in both as a conflict, resolved into a new revision', () => {
    const { alice, bob, caseId, bobFile, draftId, revise, newest } = setup();
    revise(alice, doc('Purpose.', 'Our position: access for all staff.', 'Their position.'));
    revise(bob, doc('Purpose.', 'Our position: access for EU staff.', 'Their position.'));
    alice.call('case.merge', { caseId, from: bobFile });
    const [conflict] = alice.call('conflict.list', { caseId });
    expect(conflict).toMatchObject({ kind: 'draft', recordId: draftId, field: 'body', recordTitle: 'Brief for the terms meeting' });
    const bobs = conflict!.sides.findIndex((s) => s.author === 'Bob Baker');
    alice.call('conflict.resolve', { caseId, id: conflict!.id, side: bobs });
    expect(newest(alice).body).toBe(doc('Purpose.', 'Our position: access for EU staff.', 'Their position.'));
    expect(alice.call('conflict.list', { caseId })).toEqual([]);
  });

  // The text typed since the last revision (draft.workingBody) merges as a field of the draft.
  const type = (api: TestApi, caseId: string, draftId: string, body: string) => api.call('draft.update', { caseId, id: draftId, changes: { workingBody: body } });
  const working = (api: TestApi, caseId: string, draftId: string) => api.call('draft.get', { caseId, id: draftId }).workingBody;

  it('brings text typed in one copy only across as it is, and a revision cut in both copies leaves none behind', () => {
    const { alice, bob, caseId, file, bobFile, draftId, revise } = setup();
    type(alice, caseId, draftId, doc('Purpose: agree terms.', 'Our position.', 'Their position.'));
    bob.call('case.merge', { caseId, from: file });
    expect(working(bob, caseId, draftId)).toBe(doc('Purpose: agree terms.', 'Our position.', 'Their position.'));
    // Each then cuts a revision (as leaving the draft does): the working text is gone in both, without a conflict.
    revise(alice, doc('Purpose: agree terms.', 'Our position.', 'Their position.'));
    type(bob, caseId, draftId, doc('Purpose: agree terms.', 'Our position.', 'Their position: full suspension.'));
    revise(bob, doc('Purpose: agree terms.', 'Our position.', 'Their position: full suspension.'));
    alice.call('case.merge', { caseId, from: bobFile });
    bob.call('case.merge', { caseId, from: file });
    for (const api of [alice, bob]) {
      expect(working(api, caseId, draftId)).toBeNull();
      expect(api.call('conflict.list', { caseId })).toEqual([]);
      expect(api.call('case.verify', { caseId }).ok).toBe(true);
    }
  });

  it('keeps text typed in both copies since the last revision as a conflict of the draft, both versions in words, resolved by choosing one', () => {
    const { alice, bob, caseId, file, bobFile, draftId } = setup();
    const alices = doc('Purpose.', 'Our position: access for all staff.', 'Their position.');
    const bobs = doc('Purpose.', 'Our position: access for EU staff.', 'Their position.');
    type(alice, caseId, draftId, alices);
    type(bob, caseId, draftId, bobs);
    expect(alice.call('case.merge', { caseId, from: bobFile }).newConflicts).toBe(1);
    bob.call('case.merge', { caseId, from: file });
    for (const api of [alice, bob]) {
      const [conflict] = api.call('conflict.list', { caseId });
      expect(conflict).toMatchObject({ kind: 'draft', recordId: draftId, field: 'workingBody', fieldLabel: 'Text typed since the last revision' });
      expect(conflict!.sides.map((s) => [s.author, s.value]).sort()).toEqual([['Alice Adler', alices], ['Bob Baker', bobs]]);
    }
    // Both copies show the same text meanwhile (the newer), and neither version is lost.
    expect(working(alice, caseId, draftId)).toBe(working(bob, caseId, draftId));
    const [conflict] = alice.call('conflict.list', { caseId });
    alice.call('conflict.resolve', { caseId, id: conflict!.id, side: conflict!.sides.findIndex((s) => s.author === 'Bob Baker') });
    expect(working(alice, caseId, draftId)).toBe(bobs);
    bob.call('case.merge', { caseId, from: file });
    for (const api of [alice, bob]) {
      expect(api.call('conflict.list', { caseId })).toEqual([]);
      expect(api.call('case.verify', { caseId }).ok).toBe(true);
    }
    expect(working(bob, caseId, draftId)).toBe(bobs);
  });
});

describe('records a case holds once, made in both copies', () => {
  it('keeps the one made first in both copies, sets the other aside (flagged), and can take the other instead', () => {
    const { alice, bob, caseId, file, bobFile } = twoCopies();
    const batna = (api: TestApi, description: string) => api.call('batna.create', { caseId, fields: { side: 'ours', description } });
    const first = batna(bob, 'Seek judicial review');
    const second = batna(alice, 'Comply and lobby');
    alice.call('case.merge', { caseId, from: bobFile });
    bob.call('case.merge', { caseId, from: file });
    alice.call('case.merge', { caseId, from: bobFile });
    for (const api of [alice, bob]) {
      expect(api.call('batna.list', { caseId }).map((b) => b.id)).toEqual([first.id]);
      expect(api.call('batna.get', { caseId, id: second.id }).deletedAt).not.toBeNull();
      expect(api.call('conflict.list', { caseId })).toMatchObject([{ recordId: second.id, field: '(duplicate)', sides: [{ value: 'kept' }, { value: 'set aside' }] }]);
      expect(api.call('case.verify', { caseId }).ok).toBe(true);
    }
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    const [conflict] = alice.call('conflict.list', { caseId });
    alice.call('conflict.resolve', { caseId, id: conflict!.id, side: 1, reason: 'Comply is the one we agreed' });
    expect(alice.call('batna.list', { caseId }).map((b) => b.id)).toEqual([second.id]);
    expect(alice.call('conflict.list', { caseId })).toEqual([]);
  });

  it('merges two copies that each gave the directive its received date', () => {
    const { alice, bob, caseId, file, bobFile } = twoCopies();
    alice.call('directive.update', { caseId, changes: { receivedOn: '2026-11-20' } });
    bob.call('directive.update', { caseId, changes: { receivedOn: '2026-11-21' } });
    alice.call('case.merge', { caseId, from: bobFile });
    bob.call('case.merge', { caseId, from: file });
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    for (const api of [alice, bob]) {
      expect(api.call('event.list', { caseId }).filter((e) => e.directiveDate === 'receivedOn')).toHaveLength(1);
      expect(api.call('conflict.list', { caseId }).map((c) => c.field).sort()).toEqual(['(duplicate)', 'receivedOn']);
      expect(api.call('case.verify', { caseId }).ok).toBe(true);
    }
  });
});
