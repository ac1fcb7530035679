// How the pickers and the who's-who read the parties: what a typed text finds, whom an owner is offered from, the
// words of the choice that makes a new party, and where a party appears (an owner typed as text counts).
import { describe, expect, it } from 'vitest';
import { appearancesOf, newPartyChoiceText, ownerChoices, partiesMatching, partyNamed, type PartyChoice } from '../../shared/parties.js';

const party = (id: string, name: string, side: PartyChoice['side'], role: string | null = null, organization: string | null = null): PartyChoice => ({ id, name, side, role, organization });
const PARTIES = [
  party('1', 'Marguerite Vance', 'theirs', 'Under Secretary', 'Bureau of Industry Controls'),
  party('2', 'Dana Okafor', 'ours', 'General Counsel', 'Meridian Labs'),
  party('3', 'Tomas Reyes', 'theirs', 'Deputy Director', 'Bureau of Industry Controls'),
  party('4', 'Northwind AI', 'third_party', 'Peer lab'),
  party('5', 'Ruth Hale', 'ours', 'Outside counsel'),
];

describe('finding a party as the name is typed', () => {
  it('puts names with a word that starts with the text first, then names, roles and organizations that hold it, letter case aside', () => {
    expect(partiesMatching(PARTIES, 'dana').map((p) => p.name)).toEqual(['Dana Okafor']);
    expect(partiesMatching(PARTIES, 'RE').map((p) => p.name)).toEqual(['Tomas Reyes', 'Marguerite Vance']);
    expect(partiesMatching(PARTIES, 'counsel').map((p) => p.name)).toEqual(['Dana Okafor', 'Ruth Hale']);
    expect(partiesMatching(PARTIES, 'bureau').map((p) => p.name)).toEqual(['Marguerite Vance', 'Tomas Reyes']);
    expect(partiesMatching(PARTIES, '  ')).toHaveLength(PARTIES.length);
    expect(partiesMatching(PARTIES, 'Dana Ruiz')).toEqual([]);
  });

  it('knows a party typed out in full, spacing and letter case aside, and nothing for a part of a name', () => {
    expect(partyNamed(PARTIES, '  dana   OKAFOR ')?.id).toBe('2');
    expect(partyNamed(PARTIES, 'Dana')).toBeUndefined();
    expect(partyNamed(PARTIES, '')).toBeUndefined();
  });

  it('offers our side first as owners, the others after, each side in its order', () => {
    expect(ownerChoices(PARTIES).map((p) => p.id)).toEqual(['2', '5', '1', '3', '4']);
  });

  it('says where a new person goes', () => {
    expect(newPartyChoiceText(' Dana Ruiz ', 'theirs')).toBe('Add “Dana Ruiz” as a new person on their side');
    expect(newPartyChoiceText('Sam Lee', 'ours')).toBe('Add “Sam Lee” as a new person on our side');
    expect(newPartyChoiceText('Office of Senator Marsh', 'third_party')).toBe('Add “Office of Senator Marsh” as a new person as a third party');
  });
});

describe('where a party appears', () => {
  const meetings = [{ id: 'm2', title: 'Second meeting', meetingDate: '2026-12-01' }, { id: 'm1', title: 'First meeting', meetingDate: '2026-11-12' }, { id: 'm3', title: 'Call, date to be set', meetingDate: null }];
  const attendee = (id: string, meetingId: string, partyId: string | null, name: string) => ({ id, meetingId, partyId, name, role: null, attended: true });
  const task = (id: string, owner: string | null, ownerPartyId: string | null) => ({ id, title: id, meetingId: null, owner, ownerPartyId, status: 'open', dueDate: null });

  it('lists the meetings attended earliest first (undated last), with the name each recorded', () => {
    const where = appearancesOf({ id: 'p', name: 'Dana Okafor' }, {
      meetings,
      attendees: [attendee('a3', 'm3', 'p', 'Dana Okafor'), attendee('a2', 'm2', 'p', 'Dana Okafor'), attendee('a1', 'm1', 'p', 'Dana Okafor-Reid'), attendee('x', 'm1', null, 'Dana Okafor')],
      actionItems: [],
      deadlines: [],
    });
    expect(where.meetings.map((m) => [m.meetingTitle, m.nameThen])).toEqual([['First meeting', 'Dana Okafor-Reid'], ['Second meeting', 'Dana Okafor'], ['Call, date to be set', 'Dana Okafor']]);
  });

  it('counts a task owned through the party, or typed as the party’s name with no party given, but not one given to another party', () => {
    const where = appearancesOf({ id: 'p', name: 'Dana Okafor' }, {
      meetings: [],
      attendees: [],
      actionItems: [task('linked', 'Dana O.', 'p'), task('typed', ' dana okafor', null), task('other', 'Dana Okafor', 'q'), task('nobody', null, null)],
      deadlines: [{ id: 'd', title: 'Respond', owner: 'Dana Okafor', ownerPartyId: null, status: 'open' }],
    });
    expect(where.actionItems.map((a) => a.id)).toEqual(['linked', 'typed']);
    expect(where.deadlines.map((d) => d.id)).toEqual(['d']);
  });
});
