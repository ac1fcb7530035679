// Parties and the links to them merge as every record does (per field, over the change log): two copies of a case,
// each adding its own party and linking attendees and tasks to it, merged both ways with nothing lost.
import { describe, expect, it } from 'vitest';
import { colleaguesCopy, newCase, testApi, type TestApi } from '../helpers.js';

const sorted = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
const strip = ({ version: _v, updatedAt: _u, updatedBy: _b, ...rest }: Record<string, unknown>) => rest;

function peopleOf(api: TestApi, caseId: string) {
  return {
    parties: sorted(api.call('party.list', { caseId })).map(strip),
    attendees: sorted(api.call('attendee.list', { caseId })).map(strip),
    actionItems: sorted(api.call('actionItem.list', { caseId })).map(strip),
  };
}

describe('parties in two copies of a case', () => {
  it('keep both copies’ new parties, their attendees and owners, and both edits of the same attendee, with no conflict', () => {
    const alice = testApi('Alice Adler');
    const { caseId, path: file } = newCase(alice, 'case.parley');
    const meeting = alice.call('meeting.create', { caseId, fields: { title: 'First meeting with the Bureau', status: 'held', meetingDate: '2026-11-12' } });
    // The attendee both copies know, typed in as a name before anyone made her a party.
    const chair = alice.call('attendee.create', { caseId, fields: { meetingId: meeting.id, name: 'Marguerite Vance', side: 'theirs' } });
    const { other: bob, otherFile: bobFile } = colleaguesCopy(alice, caseId, file);

    // Alice makes the chair a party and links the attendee to her; Bob gives the same attendee her role.
    const vance = alice.call('party.create', { caseId, fields: { name: 'Marguerite Vance', partyKind: 'person', side: 'theirs', organization: 'Bureau of Industry Controls' } });
    alice.call('attendee.update', { caseId, id: chair.id, changes: { partyId: vance.id } });
    bob.call('attendee.update', { caseId, id: chair.id, changes: { role: 'Chair', attended: true } });
    // Each adds a party of their own, attending, and owning a task.
    const reyes = bob.call('party.create', { caseId, fields: { name: 'Tomas Reyes', partyKind: 'person', side: 'theirs', role: 'Deputy Director' } });
    bob.call('attendee.create', { caseId, fields: { meetingId: meeting.id, partyId: reyes.id, name: reyes.name, side: 'theirs', role: 'Licensing policy' } });
    bob.call('actionItem.create', { caseId, fields: { title: 'Bureau to say when the suspension starts', status: 'open', meetingId: meeting.id, owner: reyes.name, ownerPartyId: reyes.id } });
    const okafor = alice.call('party.create', { caseId, fields: { name: 'Dana Okafor', partyKind: 'person', side: 'ours', contact: '+1 202 555 0188' } });
    alice.call('attendee.create', { caseId, fields: { meetingId: meeting.id, partyId: okafor.id, name: okafor.name, side: 'ours' } });
    alice.call('actionItem.create', { caseId, fields: { title: 'Send the written proposal', status: 'open', meetingId: meeting.id, owner: okafor.name, ownerPartyId: okafor.id } });

    expect(alice.call('case.merge', { caseId, from: bobFile })).toMatchObject({ newConflicts: 0 });
    expect(bob.call('case.merge', { caseId, from: file })).toMatchObject({ newConflicts: 0 });

    const merged = peopleOf(alice, caseId);
    expect(peopleOf(bob, caseId)).toEqual(merged);
    expect(merged.parties.map((p) => p.name).sort()).toEqual(['Dana Okafor', 'Marguerite Vance', 'Tomas Reyes']);
    expect(alice.call('attendee.get', { caseId, id: chair.id })).toMatchObject({ partyId: vance.id, role: 'Chair', attended: true, name: 'Marguerite Vance' });
    expect(merged.attendees.map((a) => [a.name, a.partyId]).sort()).toEqual([['Dana Okafor', okafor.id], ['Marguerite Vance', vance.id], ['Tomas Reyes', reyes.id]]);
    expect(merged.actionItems.map((a) => [a.title, a.ownerPartyId]).sort()).toEqual([['Bureau to say when the suspension starts', reyes.id], ['Send the written proposal', okafor.id]]);
    for (const api of [alice, bob]) expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('keeps a party renamed in both copies as a conflict, while the attendee keeps the name the meeting recorded', () => {
    const alice = testApi('Alice Adler');
    const { caseId, path: file } = newCase(alice, 'case.parley');
    const party = alice.call('party.create', { caseId, fields: { name: 'Marguerite Vance', partyKind: 'person', side: 'theirs' } });
    const meeting = alice.call('meeting.create', { caseId, fields: { title: 'First meeting', status: 'held' } });
    const attendee = alice.call('attendee.create', { caseId, fields: { meetingId: meeting.id, partyId: party.id, name: party.name, side: 'theirs' } });
    const { other: bob, otherFile: bobFile } = colleaguesCopy(alice, caseId, file);
    alice.call('party.update', { caseId, id: party.id, changes: { name: 'Marguerite Vance-Holt' } });
    bob.call('party.update', { caseId, id: party.id, changes: { name: 'M. Vance' } });

    expect(alice.call('case.merge', { caseId, from: bobFile }).newConflicts).toBe(1);
    const [conflict] = alice.call('conflict.list', { caseId });
    expect(conflict).toMatchObject({ kind: 'party', recordId: party.id, field: 'name' });
    expect(alice.call('attendee.get', { caseId, id: attendee.id }).name).toBe('Marguerite Vance');
  });
});
