// The parties of a case through the real dispatcher on real files: the sample case's who's-who, and what becomes of
// the attendances and tasks that name a party when it is renamed, deleted and restored.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoCase } from '../../electron/core/demo.js';
import { appearancesOf, type PartyMentions } from '../../shared/parties.js';
import { newCase, testApi, type TestApi } from '../helpers.js';

/** Everything appearancesOf reads, as the People screen reads it. */
function mentions(api: TestApi, caseId: string): PartyMentions {
  return {
    meetings: api.call('meeting.list', { caseId }),
    attendees: api.call('attendee.list', { caseId }),
    actionItems: api.call('actionItem.list', { caseId }),
    deadlines: api.call('deadline.list', { caseId }),
  };
}

/** The sample case, written afresh for the test (each test's session is closed after it). */
function sample() {
  const api = testApi();
  const { caseId } = writeDemoCase(api.session, path.join(api.dir, 'sample.parley'));
  const parties = api.call('party.list', { caseId });
  return { api, caseId, parties, named: (name: string) => parties.find((p) => p.name === name)! };
}

describe('the sample case’s people', () => {
  it('has parties on every side, and each attendee that is one points at a live party of the same side', () => {
    const { api, caseId, parties } = sample();
    expect(new Set(parties.map((p) => p.side))).toEqual(new Set(['ours', 'theirs', 'third_party']));
    const attendees = api.call('attendee.list', { caseId });
    const linked = attendees.filter((a) => a.partyId);
    expect(linked.length).toBeGreaterThan(0);
    for (const a of linked) expect(parties.find((p) => p.id === a.partyId)).toMatchObject({ name: a.name, side: a.side });
  });

  it('shows where each appears: the lead negotiator attends both meetings and owns her deadlines and action item', () => {
    const { api, caseId, named } = sample();
    const okafor = appearancesOf(named('Dana Okafor'), mentions(api, caseId));
    expect(okafor.meetings.map((m) => m.meetingTitle)).toEqual([expect.stringMatching(/^First meeting/), expect.stringMatching(/^Second meeting/)]);
    expect(okafor.actionItems.map((a) => a.title)).toEqual(['Send the written tiered-access proposal to the Bureau']);
    // Every deadline whose owner is typed as her name is hers, linked to her party or not.
    const hers = api.call('deadline.list', { caseId }).filter((d) => d.owner === 'Dana Okafor');
    expect(okafor.deadlines.map((d) => d.id).sort()).toEqual(hers.map((d) => d.id).sort());
    expect(hers.every((d) => d.ownerPartyId === named('Dana Okafor').id)).toBe(true);
    // An organization that attends nothing appears nowhere.
    expect(appearancesOf(named('Northwind AI'), mentions(api, caseId))).toEqual({ meetings: [], actionItems: [], deadlines: [] });
  });
});

describe('a party renamed, deleted and restored', () => {
  function caseWithAttendee() {
    const api = testApi();
    const { caseId } = newCase(api);
    const party = api.call('party.create', { caseId, fields: { name: 'Marguerite Vance', partyKind: 'person', side: 'theirs', role: 'Under Secretary' } });
    const meeting = api.call('meeting.create', { caseId, fields: { title: 'First meeting', status: 'held', meetingDate: '2026-11-12' } });
    const attendee = api.call('attendee.create', { caseId, fields: { meetingId: meeting.id, partyId: party.id, name: party.name, side: party.side, role: 'Chair', attended: true } });
    const task = api.call('actionItem.create', { caseId, fields: { title: 'Say when the suspension starts', status: 'open', meetingId: meeting.id, owner: party.name, ownerPartyId: party.id } });
    return { api, caseId, party, meeting, attendee, task };
  }

  it('keeps the name the meeting recorded when the party is renamed, and still finds the attendance through the link', () => {
    const { api, caseId, party, attendee } = caseWithAttendee();
    const renamed = api.call('party.update', { caseId, id: party.id, changes: { name: 'Marguerite Vance-Holt' } });
    expect(api.call('attendee.get', { caseId, id: attendee.id }).name).toBe('Marguerite Vance');
    const where = appearancesOf(renamed, mentions(api, caseId));
    expect(where.meetings).toEqual([expect.objectContaining({ attendeeId: attendee.id, nameThen: 'Marguerite Vance', role: 'Chair' })]);
    expect(where.actionItems).toHaveLength(1);
  });

  it('deletes the party alone, asking nothing when it has no history: the attendance and the task stay, and a restore links them again', () => {
    const { api, caseId, party, attendee, task } = caseWithAttendee();
    expect(api.call('record.deletionImpact', { caseId, kind: 'party', id: party.id })).toMatchObject({ goesWith: [], askFirst: false });
    api.call('party.delete', { caseId, id: party.id });
    expect(api.call('party.list', { caseId })).toEqual([]);
    expect(api.call('attendee.get', { caseId, id: attendee.id })).toMatchObject({ deletedAt: null, partyId: party.id, name: 'Marguerite Vance' });
    expect(api.call('actionItem.get', { caseId, id: task.id })).toMatchObject({ deletedAt: null, owner: 'Marguerite Vance' });
    // An attendee linked to the deleted party can still be edited (the link it kept is not a new one).
    expect(api.call('attendee.update', { caseId, id: attendee.id, changes: { role: 'Chair of the meeting' } }).role).toBe('Chair of the meeting');
    api.call('party.restore', { caseId, id: party.id });
    expect(appearancesOf(party, mentions(api, caseId)).meetings.map((m) => m.attendeeId)).toEqual([attendee.id]);
    expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('refuses a new attendee linked to a party that is deleted, in plain words', () => {
    const { api, caseId, party, meeting } = caseWithAttendee();
    api.call('party.delete', { caseId, id: party.id });
    const refusal = api.fail('attendee.create', { caseId, fields: { meetingId: meeting.id, partyId: party.id, name: 'Marguerite Vance', side: 'theirs' } }, 'invalid_input');
    expect(refusal.message).toMatch(/refers to a party that/);
  });
});
