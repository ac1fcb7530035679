// Export to JSON and import into a new case file: a round trip keeps every record, and a bad export makes no file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseExport } from '../../shared/contract.js';
import { KIND_NAMES, type KindName } from '../../shared/records.js';
import { CaseWorld, folderState } from './support/world.js';

/** A case holding records of every kind, some of them changed, deleted or purged. */
function richCase(): CaseWorld {
  const w = CaseWorld.create();
  for (const kind of KIND_NAMES) w.make(kind);
  const issue = w.make('issue', { ourOpening: 'No suspension' });
  w.api.call('issue.update', { caseId: w.caseId, id: issue.id, changes: { ourOpening: 'Tier-1 only', theirPosition: 'Everything' }, reason: 'meeting' });
  w.api.call('directive.update', { caseId: w.caseId, changes: { status: 'negotiating', authoritiesCited: ['Act s. 12', 'Reg 4'] } });
  w.api.call('note.delete', { caseId: w.caseId, id: w.make('note', { internal: true }).id });
  w.api.call('precedent.purge', { caseId: w.caseId, id: w.ref('precedent') });
  w.make('attachment', { dataBase64: Buffer.from([0, 1, 2, 250, 255]).toString('base64') });
  return w;
}

const withoutStamp = ({ exportedAt: _exportedAt, ...rest }: CaseExport) => rest;

describe('export and import', () => {
  it('round-trips every record, deleted ones included, and the import verifies', () => {
    const w = richCase();
    const exported = w.api.call('case.export', { caseId: w.caseId });
    expect(Object.keys(exported.records).sort()).toEqual([...KIND_NAMES].sort());
    for (const kind of KIND_NAMES) expect(exported.records[kind as KindName]!.length, kind).toBeGreaterThan(0);
    w.api.call('case.close', { caseId: w.caseId });
    const copy = path.join(w.api.dir, 'imported.parley');
    const imported = w.api.call('case.import', { path: copy, data: JSON.parse(JSON.stringify(exported)) });
    expect(imported).toMatchObject({ caseId: w.caseId, path: copy, title: 'Export-control suspension order' });
    expect(withoutStamp(w.api.call('case.export', { caseId: w.caseId }))).toEqual(withoutStamp(exported));
    expect(w.api.call('case.verify', { caseId: w.caseId })).toMatchObject({ ok: true, integrity: ['ok'] });
    const history = w.api.call('case.recentChanges', { caseId: w.caseId, limit: 1 })[0]!;
    expect(history.reason).toMatch(/^imported from an export of case/);
  });

  it('refuses to import a copy of a case that is open, and makes no file', () => {
    const w = richCase();
    const exported = w.api.call('case.export', { caseId: w.caseId });
    const before = folderState(w.api.dir);
    w.api.fail('case.import', { path: path.join(w.api.dir, 'imported.parley'), data: exported }, 'already_open');
    expect(folderState(w.api.dir)).toEqual(before);
  });

  const corruptions: [label: string, corrupt: (data: CaseExport) => void][] = [
    ['attachment bytes that do not match their digest', (d) => { d.attachments![Object.keys(d.attachments!)[0]!] = Buffer.from('tampered').toString('base64'); }],
    ['a record that points at a record the export does not hold', (d) => { d.records.meeting = []; }],
    ['a record of a kind Parley does not know', (d) => { d.records.spaceship = [{}]; }],
    ['no directive', (d) => { d.records.directive = []; }],
    ['a record with a field of the wrong type', (d) => { d.records.note![0]!.body = 42; }],
    ['two records with one id', (d) => { d.records.note!.push(d.records.note![0]!); }],
  ];

  it.each(corruptions)('refuses an export with %s as invalid_input, and makes no file', (_label, corrupt) => {
    const w = richCase();
    const data = w.api.call('case.export', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    corrupt(data);
    const before = folderState(w.api.dir);
    w.api.fail('case.import', { path: path.join(w.api.dir, 'imported.parley'), data }, 'invalid_input');
    expect(folderState(w.api.dir)).toEqual(before);
    expect(w.api.internalErrors).toEqual([]);
  });

  it('will not import over an existing file', () => {
    const w = CaseWorld.create();
    const data = w.api.call('case.export', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    const taken = path.join(w.api.dir, 'taken.parley');
    fs.writeFileSync(taken, 'someone else');
    w.api.fail('case.import', { path: taken, data }, 'already_exists');
    expect(fs.readFileSync(taken, 'utf8')).toBe('someone else');
  });
});

// An import makes records no change through the API could make only if it skips the API's rules; each rule is
// applied to imported records too (CaseFile.createFrom), and an export that breaks one makes no file.
describe('an import meets the rules a change through the API meets', () => {
  const rule = { amount: 2, unit: 'business_days', direction: 'after', roll: 'forward' } as const;
  const uuid = () => crypto.randomUUID();

  /** A closed case's export with `count` dated deadlines in it, and the path an import of it would take. */
  function exported(count = 3) {
    const w = CaseWorld.create();
    for (let i = 0; i < count; i++) w.make('deadline', { title: `Deadline ${String.fromCharCode(65 + i)}` });
    const data = w.api.call('case.export', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    const deadlines = data.records.deadline!;
    /** Makes deadline i hang on deadline j by a rule. */
    const hang = (i: number, j: number) => Object.assign(deadlines[i]!, { rule, triggerDeadlineId: deadlines[j]!.id });
    return { w, data, deadlines, hang, target: path.join(w.api.dir, 'imported.parley') };
  }

  /** A link record as an export holds it. */
  function link(from: { kind: string; id: string }, to: { kind: string; id: string }, extra: Record<string, unknown> = {}) {
    const at = new Date().toISOString();
    return {
      id: uuid(), version: 1, createdAt: at, createdBy: 'Someone', updatedAt: at, updatedBy: 'Someone', deletedAt: null, deletedBy: null,
      fromKind: from.kind, fromId: from.id, linkType: 'cites', toKind: to.kind, toId: to.id, toCaseId: null, toCasePath: null, toTitle: null, note: null, ...extra,
    };
  }

  const refusals: [label: string, code: string, message: RegExp, spoil: (e: ReturnType<typeof exported>) => void][] = [
    ['a deadline that is its own trigger', 'cycle', /“Deadline A” → “Deadline A”/, ({ hang }) => hang(0, 0)],
    ['two deadlines that hang on each other', 'cycle', /in a loop: “Deadline ([AB])” → “Deadline [AB]” → “Deadline \1”/, ({ hang }) => { hang(0, 1); hang(1, 0); }],
    ['a longer circle of triggers, listed out of order', 'cycle', /in a loop: “Deadline ([ABC])” → “Deadline [ABC]” → “Deadline [ABC]” → “Deadline \1”/, ({ hang, deadlines }) => { hang(0, 2); hang(2, 1); hang(1, 0); deadlines.reverse(); }],
    ['a circle that passes through a deleted deadline', 'cycle', /in a loop: “Deadline ([AB])” → “Deadline [AB]” → “Deadline \1”/, ({ hang, deadlines }) => {
      hang(0, 1); hang(1, 0);
      Object.assign(deadlines[1]!, { deletedAt: deadlines[1]!.updatedAt, deletedBy: 'Someone' });
    }],
    ['a live deadline counting from a deleted one', 'invalid_input', /count from this deadline, which is deleted/, ({ hang, deadlines }) => {
      hang(0, 1);
      Object.assign(deadlines[1]!, { deletedAt: deadlines[1]!.updatedAt, deletedBy: 'Someone' });
    }],
    ['a deadline whose trigger is not in the export', 'invalid_input', /The trigger deadline ID refers to a deadline that does not exist/, ({ deadlines }) => {
      Object.assign(deadlines[0]!, { rule, triggerDeadlineId: uuid() });
    }],
    ['a link from a record that is not in the export', 'invalid_input', /issue .* a link starts from does not exist/, ({ data, deadlines }) => {
      data.records.link = [link({ kind: 'issue', id: uuid() }, { kind: 'deadline', id: deadlines[0]!.id as string })];
    }],
    ['a link to a record that is not in the export', 'invalid_input', /precedent .* a link points to does not exist/, ({ data, deadlines }) => {
      data.records.link = [link({ kind: 'deadline', id: deadlines[0]!.id as string }, { kind: 'precedent', id: uuid() })];
    }],
    ['a deleted link to a record that is not in the export', 'invalid_input', /a link points to does not exist/, ({ data, deadlines }) => {
      data.records.link = [link({ kind: 'deadline', id: deadlines[0]!.id as string }, { kind: 'note', id: uuid() }, { deletedAt: new Date().toISOString(), deletedBy: 'Someone' })];
    }],
    ['a link from a record to itself', 'invalid_input', /cannot link to itself/, ({ data, deadlines }) => {
      const d = { kind: 'deadline', id: deadlines[0]!.id as string };
      data.records.link = [link(d, d)];
    }],
    ['a link to itself that names this very case as the other one', 'invalid_input', /cannot link to itself/, ({ data, deadlines }) => {
      const d = { kind: 'deadline', id: deadlines[0]!.id as string };
      data.records.link = [link(d, d, { toCaseId: data.caseId })];
    }],
    ['a deadline that breaks its kind\'s rules across fields', 'invalid_input', /a due time is only for a deadline due at a date and time/, ({ deadlines }) => {
      Object.assign(deadlines[0]!, { dueTime: '10:00' });
    }],
    ['an attachment whose size is not that of its bytes', 'invalid_input', /do not match its size/, ({ data }) => {
      // Digest right, size wrong: the core sets both from the bytes.
      const bytes = Buffer.from('the order');
      const at = new Date().toISOString();
      const id = uuid();
      data.records.attachment = [{
        id, version: 1, createdAt: at, createdBy: 'Someone', updatedAt: at, updatedBy: 'Someone', deletedAt: null, deletedBy: null,
        name: 'order.txt', mediaType: 'text/plain', description: null, size: bytes.length + 1, sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      }];
      data.attachments = { [id]: bytes.toString('base64') };
    }],
  ];

  it.each(refusals)('refuses an export with %s, and makes no file', (_label, code, message, spoil) => {
    const e = exported();
    spoil(e);
    const before = folderState(e.w.api.dir);
    const error = e.w.api.fail('case.import', { path: e.target, data: e.data }, code as 'cycle');
    expect(error.message).toMatch(message);
    expect(folderState(e.w.api.dir)).toEqual(before);
    expect(e.w.api.internalErrors).toEqual([]);
  });

  it('keeps what a legitimate export may hold: records pointing at later ones and at deleted ones, a chain of rules, a link to another case file', () => {
    const w = CaseWorld.create();
    const event = w.make('event', { occurredOn: '2026-11-02' });
    const first = w.make('deadline', { title: 'Reply', rule, triggerEventId: event.id, dueType: 'tbd', dueDate: null });
    const second = w.make('deadline', { title: 'Hearing', rule, triggerDeadlineId: first.id, dueType: 'tbd', dueDate: null });
    w.make('deadline', { title: 'Dropped', rule, triggerDeadlineId: second.id, dueType: 'tbd', dueDate: null });
    const dropped = w.api.call('deadline.list', { caseId: w.caseId }).find((d) => d.title === 'Dropped')!;
    w.api.call('deadline.delete', { caseId: w.caseId, id: dropped.id });
    const party = w.make('party');
    w.api.call('deadline.update', { caseId: w.caseId, id: second.id, changes: { ownerPartyId: party.id } });
    w.api.call('party.delete', { caseId: w.caseId, id: party.id }); // the deadline still names its deleted owner
    const meeting = w.make('meeting');
    w.make('attendee', { meetingId: meeting.id });
    const precedent = w.make('precedent');
    w.make('link', { fromKind: 'meeting', fromId: meeting.id, toKind: 'precedent', toId: precedent.id });
    w.api.call('meeting.delete', { caseId: w.caseId, id: meeting.id }); // its attendee and its link stay
    w.api.call('precedent.delete', { caseId: w.caseId, id: precedent.id });
    w.make('link', { fromKind: 'deadline', fromId: first.id, toKind: 'issue', toId: uuid(), toCaseId: uuid(), toCasePath: '/elsewhere/other.parley', toTitle: 'Elsewhere' });
    w.make('issue', { ourOpening: 'No suspension', theirPosition: 'Everything' });
    const exported = w.api.call('case.export', { caseId: w.caseId });
    expect(w.api.call('schedule.get', { caseId: w.caseId }).map((s) => s.problem)).toEqual([null, null]);
    w.api.call('case.close', { caseId: w.caseId });

    // Every list backwards: each record that points at another now comes before it.
    const reversed = structuredClone(exported);
    for (const list of Object.values(reversed.records)) list?.reverse();
    const imported = w.api.call('case.import', { path: path.join(w.api.dir, 'imported.parley'), data: reversed });
    const again = w.api.call('case.export', { caseId: imported.caseId });
    for (const kind of KIND_NAMES) {
      const byId = (list: Record<string, unknown>[] | undefined) => [...(list ?? [])].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(byId(again.records[kind]), kind).toEqual(byId(exported.records[kind]));
    }
    expect(w.api.call('case.verify', { caseId: imported.caseId })).toMatchObject({ ok: true, links: [], triggerCycles: [] });
  });

  it('works out what the core works out on a change: rule-built dates (audited), due instants, positions missing from an issue\'s history', () => {
    const w = CaseWorld.create();
    const event = w.make('event', { occurredOn: '2026-11-02' });
    const reply = w.make('deadline', { title: 'Reply', rule, triggerEventId: event.id, dueType: 'tbd', dueDate: null });
    const meeting = w.make('deadline', { title: 'Call', dueType: 'datetime', dueDate: '2026-11-10', dueTime: '10:00', timeZone: 'America/New_York' });
    const issue = w.make('issue');
    const data = w.api.call('case.export', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    const find = (id: string) => data.records.deadline!.find((d) => d.id === id)!;
    expect(find(reply.id)).toMatchObject({ dueType: 'date', dueDate: '2026-11-04' });
    Object.assign(find(reply.id), { dueDate: '2027-01-01' }); // a stale date its rule does not give
    Object.assign(find(meeting.id), { dueAt: '1999-01-01T00:00:00.000Z' }); // an instant its date and time do not name
    Object.assign(data.records.issue!.find((i) => i.id === issue.id)!, { ourTarget: 'Tier-1 only' }); // never recorded

    const imported = w.api.call('case.import', { path: path.join(w.api.dir, 'imported.parley'), data });
    const caseId = imported.caseId;
    expect(w.api.call('deadline.get', { caseId, id: reply.id })).toMatchObject({ dueDate: '2026-11-04', version: 2 });
    expect(w.api.call('record.history', { caseId, id: reply.id }).map((e) => [e.operation, e.reason])).toEqual([
      ['create', expect.stringMatching(/^imported from an export/)],
      ['update', expect.stringMatching(/^imported from an export .*; dated by its rule$/)],
    ]);
    expect(w.api.call('deadline.get', { caseId, id: meeting.id }).dueAt).toBe('2026-11-10T15:00:00.000Z');
    expect(w.api.call('positionChange.list', { caseId, filter: { issueId: issue.id } })).toMatchObject([
      { side: 'ours', position: 'target', previousValue: null, value: 'Tier-1 only', reason: expect.stringMatching(/not in the issue's history$/) },
    ]);
    expect(w.api.call('case.verify', { caseId })).toMatchObject({ ok: true });
  });
});
