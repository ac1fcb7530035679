// The domain rules over records: versions, soft delete and restore, purge, links, deadline triggers and due
// instants, negotiation history, draft revisions, attachments and unique rules.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CaseWorld } from './support/world.js';

/** Runs `attempt`, which must fail with `code`, and checks that the case's history did not move. */
function expectRefusedUnchanged(w: CaseWorld, code: string, name: string, input: Record<string, unknown>): void {
  const head = w.auditHead();
  const disk = w.diskState();
  expect(w.api.raw(name, input)).toMatchObject({ ok: false, error: { code } });
  expect(w.auditHead()).toBe(head);
  expect(w.diskState()).toEqual(disk);
  expect(w.api.internalErrors).toEqual([]);
}

describe('expectedVersion', () => {
  const staleCalls: [verb: string, deletedFirst: boolean][] = [
    ['update', false],
    ['delete', false],
    ['restore', true],
    ['purge', false],
  ];

  it.each(staleCalls)('%s with a version the record has moved past is a conflict that changes nothing', (verb, deletedFirst) => {
    const w = CaseWorld.create();
    const note = w.make('note');
    w.api.call('note.update', { caseId: w.caseId, id: note.id, changes: { body: 'Someone else edited this' } });
    if (deletedFirst) w.api.call('note.delete', { caseId: w.caseId, id: note.id });
    const input = { caseId: w.caseId, id: note.id, expectedVersion: 1, ...(verb === 'update' ? { changes: { body: 'Mine' } } : {}) };
    expectRefusedUnchanged(w, 'conflict', `note.${verb}`, input);
    const current = w.api.call('note.get', { caseId: w.caseId, id: note.id });
    expect(w.api.raw(`note.${verb}`, { ...input, expectedVersion: current.version })).toMatchObject({ ok: true });
  });

  it('an update that changes nothing keeps the version and writes no audit entry', () => {
    const w = CaseWorld.create();
    const note = w.make('note');
    const head = w.auditHead();
    const same = w.api.call('note.update', { caseId: w.caseId, id: note.id, changes: { body: note.body as string } });
    expect(same.version).toBe(1);
    expect(w.auditHead()).toBe(head);
  });
});

describe('soft delete and restore', () => {
  it('a deleted record leaves lists and search, in its case and across the library; restore brings it back', () => {
    const w = CaseWorld.create();
    const note = w.make('note', { body: 'The zanzibar clause is negotiable.' });
    const findable = () => ({
      listed: w.api.call('note.list', { caseId: w.caseId }).map((n) => n.id),
      found: w.api.call('case.search', { caseId: w.caseId, query: 'zanzibar' }).map((h) => h.id),
      foundInLibrary: w.api.call('library.search', { query: 'zanzibar' }).map((h) => h.id),
    });
    expect(findable()).toEqual({ listed: [note.id], found: [note.id], foundInLibrary: [note.id] });
    const deleted = w.api.call('note.delete', { caseId: w.caseId, id: note.id, reason: 'duplicate' });
    expect(deleted).toMatchObject({ deletedBy: 'Test Counsel', version: 2 });
    expect(findable()).toEqual({ listed: [], found: [], foundInLibrary: [] });
    expect(w.api.call('note.get', { caseId: w.caseId, id: note.id }).deletedAt).toBe(deleted.deletedAt);
    expect(w.api.call('note.list', { caseId: w.caseId, includeDeleted: true }).map((n) => n.id)).toEqual([note.id]);
    w.api.call('note.restore', { caseId: w.caseId, id: note.id });
    expect(findable()).toEqual({ listed: [note.id], found: [note.id], foundInLibrary: [note.id] });
    expect(w.api.call('record.history', { caseId: w.caseId, id: note.id }).map((e) => [e.operation, e.reason])).toEqual([
      ['create', null], ['delete', 'duplicate'], ['restore', null],
    ]);
  });

  it('a deleted record cannot be edited, and restoring one that is not deleted is refused', () => {
    const w = CaseWorld.create();
    const note = w.make('note');
    expectRefusedUnchanged(w, 'invalid_input', 'note.restore', { caseId: w.caseId, id: note.id });
    w.api.call('note.delete', { caseId: w.caseId, id: note.id });
    expectRefusedUnchanged(w, 'not_found', 'note.update', { caseId: w.caseId, id: note.id, changes: { body: 'x' } });
  });

  it('a record cannot be restored while what it points at is deleted', () => {
    const w = CaseWorld.create();
    const attendee = w.make('attendee');
    w.api.call('attendee.delete', { caseId: w.caseId, id: attendee.id });
    w.api.call('meeting.delete', { caseId: w.caseId, id: attendee.meetingId as string });
    expectRefusedUnchanged(w, 'invalid_input', 'attendee.restore', { caseId: w.caseId, id: attendee.id });
  });
});

describe('purge', () => {
  it('removes the record for good, takes its links with it, and audits both', () => {
    const w = CaseWorld.create();
    const link = w.make('link');
    const precedentId = link.toId as string;
    w.api.call('precedent.purge', { caseId: w.caseId, id: precedentId, reason: 'entered in error' });
    w.api.fail('precedent.get', { caseId: w.caseId, id: precedentId }, 'not_found');
    w.api.fail('link.get', { caseId: w.caseId, id: link.id }, 'not_found');
    const purges = w.api.call('case.recentChanges', { caseId: w.caseId, limit: 2 });
    expect(purges.map((e) => [e.operation, e.kind, e.recordId, e.after])).toEqual([
      ['purge', 'precedent', precedentId, null],
      ['purge', 'link', link.id, null],
    ]);
    expect(purges[0]!.reason).toBe('entered in error');
    expect(purges[0]!.before).toMatchObject({ id: precedentId, title: 'The 2019 suspension order' });
    expect(w.api.call('case.verify', { caseId: w.caseId }).ok).toBe(true);
  });

  it.each([false, true])('refuses with has_dependants while another record points at it (that record deleted: %s)', (childDeleted) => {
    const w = CaseWorld.create();
    const note = w.make('note', { meetingId: w.ref('meeting') });
    if (childDeleted) w.api.call('note.delete', { caseId: w.caseId, id: note.id });
    expectRefusedUnchanged(w, 'has_dependants', 'meeting.purge', { caseId: w.caseId, id: note.meetingId as string });
    expect(w.api.call('meeting.get', { caseId: w.caseId, id: note.meetingId as string }).id).toBe(note.meetingId);
  });
});

describe('links', () => {
  it('shows a link as outgoing from one record and incoming to the other, with the other end titled', () => {
    const w = CaseWorld.create();
    const link = w.make('link');
    const issue = w.api.call('issue.get', { caseId: w.caseId, id: link.fromId as string });
    const precedent = w.api.call('precedent.get', { caseId: w.caseId, id: link.toId as string });
    expect(w.api.call('record.links', { caseId: w.caseId, kind: 'issue', id: issue.id })).toEqual({
      outgoing: [{ link, otherTitle: precedent.title }], incoming: [],
    });
    expect(w.api.call('record.links', { caseId: w.caseId, kind: 'precedent', id: precedent.id })).toEqual({
      outgoing: [], incoming: [{ link, otherTitle: issue.title }],
    });
    // Deleted with the precedent, the link is still shown from the issue, marked, so that the precedent can be restored.
    w.api.call('precedent.delete', { caseId: w.caseId, id: precedent.id });
    expect(w.api.call('record.links', { caseId: w.caseId, kind: 'issue', id: issue.id }).outgoing[0]).toMatchObject({ otherTitle: precedent.title, otherDeleted: true });
    w.api.call('precedent.restore', { caseId: w.caseId, id: precedent.id });
    expect(w.api.call('record.links', { caseId: w.caseId, kind: 'issue', id: issue.id }).outgoing[0]).toEqual({ link: expect.objectContaining({ id: link.id, deletedAt: null }), otherTitle: precedent.title });
    // A link deleted on its own is not shown.
    w.api.call('link.delete', { caseId: w.caseId, id: link.id });
    expect(w.api.call('record.links', { caseId: w.caseId, kind: 'issue', id: issue.id }).outgoing).toEqual([]);
  });

  it('keeps the title of a record in another case file, and shows no backlink in this file for it', () => {
    const w = CaseWorld.create();
    const other = w.api.call('case.create', { path: `${w.api.dir}/other.parley`, directive: { title: 'Data localisation order', status: 'received' } });
    const otherDirective = w.api.call('directive.get', { caseId: other.caseId });
    const issue = w.make('issue');
    const link = w.api.call('link.create', {
      caseId: w.caseId,
      fields: {
        fromKind: 'issue', fromId: issue.id, linkType: 'analogous_to', toKind: 'directive', toId: otherDirective.id,
        toCaseId: other.caseId, toCasePath: other.path, toTitle: otherDirective.title,
      },
    });
    expect(link).toMatchObject({ toCaseId: other.caseId, toCasePath: other.path, toTitle: 'Data localisation order' });
    expect(w.api.call('record.links', { caseId: w.caseId, kind: 'issue', id: issue.id }).outgoing).toEqual([{ link, otherTitle: 'Data localisation order' }]);
    expect(w.api.call('record.links', { caseId: other.caseId, kind: 'directive', id: otherDirective.id })).toEqual({ outgoing: [], incoming: [] });
  });

  it('refuses links that point at nothing or at the record itself', () => {
    const w = CaseWorld.create();
    const issue = w.make('issue');
    const fields = { fromKind: 'issue', fromId: issue.id, linkType: 'supports', toKind: 'issue' };
    const refused: Record<string, unknown>[] = [
      { ...fields, toId: issue.id },
      // Naming this very case as the "other" case does not make a self-link acceptable.
      { ...fields, toId: issue.id, toCaseId: w.caseId },
      { ...fields, toId: crypto.randomUUID() },
      { ...fields, toKind: 'precedent', toId: issue.id },
      { ...fields, toId: w.ref('issue'), toCasePath: '/elsewhere/x.parley' },
    ];
    for (const link of refused) expectRefusedUnchanged(w, 'invalid_input', 'link.create', { caseId: w.caseId, fields: link });
  });

  it('stores a link that names this very case as its other case as a link within the file', () => {
    const w = CaseWorld.create();
    const [from, to] = [w.ref('issue'), w.ref('issue')];
    const link = w.api.call('link.create', {
      caseId: w.caseId, fields: { fromKind: 'issue', fromId: from, linkType: 'supports', toKind: 'issue', toId: to, toCaseId: w.caseId, toCasePath: w.file },
    });
    expect(link).toMatchObject({ toCaseId: null, toCasePath: null });
    expect(w.api.call('record.links', { caseId: w.caseId, kind: 'issue', id: to }).incoming).toHaveLength(1);
  });
});

describe('references to records deleted since they were set', () => {
  const rule = { amount: 2, unit: 'business_days', direction: 'after', roll: 'forward' } as const;

  it('keep the record that has them editable, and its trigger movable; a reference newly set must be live', () => {
    const w = CaseWorld.create();
    const event = w.make('event', { occurredOn: '2026-11-02' });
    const party = w.make('party');
    const reply = w.make('deadline', { title: 'Reply', rule, triggerEventId: event.id, dueType: 'tbd', dueDate: null, ownerPartyId: party.id });
    w.api.call('party.delete', { caseId: w.caseId, id: party.id });
    // Moving the trigger changes the deadline's dates only: its owner, deleted since, is no reason to refuse.
    const moved = w.api.call('schedule.confirm', { caseId: w.caseId, change: { kind: 'event', id: event.id, changes: { occurredOn: '2026-11-09' } }, reason: 'Received later' });
    expect(moved.moves).toMatchObject([{ deadlineId: reply.id, after: { dueDate: '2026-11-12' } }]); // past Veterans Day
    expect(w.api.call('deadline.update', { caseId: w.caseId, id: reply.id, changes: { title: 'Written reply' } })).toMatchObject({ title: 'Written reply', ownerPartyId: party.id });
    const other = w.make('deadline');
    const error = w.api.fail('deadline.update', { caseId: w.caseId, id: other.id, changes: { ownerPartyId: party.id } }, 'invalid_input');
    expect(error.message).toBe('The owner party ID refers to a party that is deleted (restore it first).');
  });

  it('delete a link with an end and bring it back with it, not before; an end newly set must be live', () => {
    const w = CaseWorld.create();
    const link = w.make('link');
    w.api.call('precedent.delete', { caseId: w.caseId, id: link.toId as string });
    expect(w.api.fail('link.restore', { caseId: w.caseId, id: link.id }, 'invalid_input').message).toMatch(/^The precedent .* a link points to is deleted \(restore it first\)\.$/);
    w.api.call('precedent.restore', { caseId: w.caseId, id: link.toId as string });
    expect(w.api.call('link.update', { caseId: w.caseId, id: link.id, changes: { linkType: 'supports' } })).toMatchObject({ linkType: 'supports', version: 4 });
    const gone = w.make('precedent');
    w.api.call('precedent.delete', { caseId: w.caseId, id: gone.id });
    const error = w.api.fail('link.update', { caseId: w.caseId, id: link.id, changes: { toKind: 'precedent', toId: w.ref('precedent'), fromId: gone.id, fromKind: 'precedent' } }, 'invalid_input');
    expect(error.message).toMatch(/^The precedent .* a link starts from is deleted \(restore it first\)\.$/);
  });
});

describe('deadlines', () => {
  const deadline = (extra: Record<string, unknown>) => ({ title: 'Filing', deadlineKind: 'statutory', status: 'open', dueType: 'date', dueDate: '2026-05-01', ...extra });

  it('refuses a trigger that would make a deadline depend on itself, directly or through others', () => {
    const w = CaseWorld.create();
    const a = w.make('deadline', deadline({ title: 'A' }));
    const b = w.make('deadline', deadline({ title: 'B', triggerDeadlineId: a.id }));
    const c = w.make('deadline', deadline({ title: 'C', triggerDeadlineId: b.id }));
    for (const target of [a, b, c]) {
      expectRefusedUnchanged(w, 'cycle', 'deadline.update', { caseId: w.caseId, id: a.id, changes: { triggerDeadlineId: target.id } });
    }
    const d = w.make('deadline', deadline({ title: 'D', triggerDeadlineId: c.id }));
    expect(d.triggerDeadlineId).toBe(c.id);
  });

  const dueAtCases: [dueDate: string, dueTime: string, dueAt: string][] = [
    ['2026-03-07', '17:00', '2026-03-07T22:00:00.000Z'], // EST, UTC-5, the day before clocks go forward
    ['2026-03-09', '17:00', '2026-03-09T21:00:00.000Z'], // EDT, UTC-4, the day after
    ['2026-10-31', '09:30', '2026-10-31T13:30:00.000Z'], // EDT, the day before clocks go back
    ['2026-11-02', '09:30', '2026-11-02T14:30:00.000Z'], // EST, the day after
    ['2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'], // a time the clocks skip: moves on to 03:30 EDT
    ['2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'], // a time that happens twice: the first, earlier one
  ];

  it.each(dueAtCases)('a deadline due %s at %s in New York falls due at %s', (dueDate, dueTime, dueAt) => {
    const w = CaseWorld.create();
    const d = w.make('deadline', deadline({ dueType: 'datetime', dueDate, dueTime, timeZone: 'America/New_York' }));
    expect(d.dueAt).toBe(dueAt);
  });

  it('recomputes dueAt when a deadline moves across the change, and clears it for a date-only deadline', () => {
    const w = CaseWorld.create();
    const d = w.make('deadline', deadline({ dueType: 'datetime', dueDate: '2026-03-07', dueTime: '17:00', timeZone: 'America/New_York' }));
    const moved = w.api.call('deadline.update', { caseId: w.caseId, id: d.id, changes: { dueDate: '2026-03-09' } });
    expect(moved.dueAt).toBe('2026-03-09T21:00:00.000Z');
    const dateOnly = w.api.call('deadline.update', { caseId: w.caseId, id: d.id, changes: { dueType: 'date', dueTime: null, timeZone: null } });
    expect(dateOnly.dueAt).toBeNull();
  });

  it('refuses a deadline whose due fields do not fit its due type', () => {
    const w = CaseWorld.create();
    const wrong = [deadline({ dueDate: null }), deadline({ dueType: 'datetime', dueTime: '10:00' }), deadline({ dueType: 'tbd' }), deadline({ windowStart: '2026-06-01', windowEnd: '2026-05-01' })];
    for (const fields of wrong) expectRefusedUnchanged(w, 'invalid_input', 'deadline.create', { caseId: w.caseId, fields });
  });
});

describe('negotiation positions', () => {
  it('records every change of a position, with its reason and meeting, without being asked', () => {
    const w = CaseWorld.create();
    const meeting = w.make('meeting');
    const issue = w.make('issue', { ourOpening: 'No suspension at all' });
    w.api.call('issue.update', {
      caseId: w.caseId, id: issue.id, changes: { ourOpening: 'Suspension for tier-1 only', theirPosition: 'Full suspension', description: 'Scope' },
      reason: 'after the first meeting', meetingId: meeting.id,
    });
    w.api.call('issue.update', { caseId: w.caseId, id: issue.id, changes: { description: 'Scope of the order' } });
    const changes = w.api.call('positionChange.list', { caseId: w.caseId, filter: { issueId: issue.id } });
    expect(changes.map((c) => [c.side, c.position, c.previousValue, c.value, c.reason, c.meetingId])).toEqual([
      ['ours', 'opening', null, 'No suspension at all', null, null],
      ['ours', 'opening', 'No suspension at all', 'Suspension for tier-1 only', 'after the first meeting', meeting.id],
      ['theirs', 'stated', null, 'Full suspension', 'after the first meeting', meeting.id],
    ]);
  });

  it('refuses a position change in a meeting that does not exist, and keeps the issue as it was', () => {
    const w = CaseWorld.create();
    const issue = w.make('issue');
    expectRefusedUnchanged(w, 'invalid_input', 'issue.update', { caseId: w.caseId, id: issue.id, changes: { ourTarget: 'Carve-out' }, meetingId: crypto.randomUUID() });
  });
});

describe('draft revisions', () => {
  it('are numbered from 1 within each draft', () => {
    const w = CaseWorld.create();
    const [first, second] = [w.ref('draft'), w.ref('draft')];
    const revise = (draftId: string) => w.api.call('draftRevision.create', { caseId: w.caseId, fields: { draftId, format: 'markdown', body: 'text' } }).revisionNumber;
    expect([revise(first), revise(first), revise(second), revise(first)]).toEqual([1, 2, 1, 3]);
    expect(w.api.call('draftRevision.list', { caseId: w.caseId, filter: { draftId: first } }).map((r) => r.revisionNumber)).toEqual([1, 2, 3]);
  });
});

describe('attachments', () => {
  it('keeps the bytes exactly, with their size and SHA-256', () => {
    const w = CaseWorld.create();
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), crypto.randomBytes(300_000)]);
    const a = w.api.call('attachment.add', { caseId: w.caseId, name: 'scan.png', mediaType: 'image/png', dataBase64: bytes.toString('base64') });
    expect(a).toMatchObject({ size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    const back = w.api.call('attachment.read', { caseId: w.caseId, id: a.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect(w.api.call('record.history', { caseId: w.caseId, id: a.id })[0]!.after).toMatchObject({ sha256: a.sha256, size: a.size });
  });

  it('refuses to let a caller set the size or digest', () => {
    const w = CaseWorld.create();
    const a = w.make('attachment');
    expectRefusedUnchanged(w, 'invalid_input', 'attachment.update', { caseId: w.caseId, id: a.id, changes: { size: 1 } });
  });
});

describe('unique rules', () => {
  it('one live BATNA per side: a second is a conflict, and so is restoring the first while another is live', () => {
    const w = CaseWorld.create();
    const first = w.make('batna');
    expectRefusedUnchanged(w, 'conflict', 'batna.create', { caseId: w.caseId, fields: { side: 'ours', description: 'Lobby the legislature' } });
    expect(w.make('batna', { side: 'theirs' }).side).toBe('theirs');
    w.api.call('batna.delete', { caseId: w.caseId, id: first.id });
    w.make('batna', { description: 'Lobby the legislature' });
    expectRefusedUnchanged(w, 'conflict', 'batna.restore', { caseId: w.caseId, id: first.id });
  });
});

describe('reading a few fields of many records', () => {
  it('gives each live record its id and the named fields alone, decoded as in a whole record', () => {
    const w = CaseWorld.create();
    const kept = w.make('deadline', { reminderOffsetsMinutes: [60, 1440], notes: 'Not asked for' });
    const gone = w.make('deadline', { title: 'Deleted' });
    w.api.call('deadline.delete', { caseId: w.caseId, id: gone.id });
    const done = w.make('deadline', { title: 'Done', status: 'done' });
    const cf = w.api.session.get(w.caseId);
    const whole = cf.get('deadline', kept.id);
    expect(cf.listFields('deadline', ['title', 'reminderOffsetsMinutes', 'dueDate'])).toEqual(
      expect.arrayContaining([{ id: kept.id, title: whole.title, reminderOffsetsMinutes: [60, 1440], dueDate: whole.dueDate }]),
    );
    expect(cf.listFields('deadline', ['title']).map((d) => d.id).sort()).toEqual([kept.id, done.id].sort());
    expect(cf.listFields('deadline', ['title'], "status = 'open'")).toEqual([{ id: kept.id, title: whole.title }]);
    expect(() => cf.listFields('deadline', ['noSuchField' as 'title'])).toThrow(/no field noSuchField/);
  });
});
