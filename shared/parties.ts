// The people and organisations of a case (parties) as the pickers and the who's-who view speak of them: which
// parties a typed text finds, whom to offer as an owner, and the words for each side. Pure: no I/O.
import type { PARTY_SIDES } from './enums.js';
import { isOwnedBy, nameKey } from './owners.js';

export type PartySide = (typeof PARTY_SIDES)[number];

/** What a picker needs of a party. */
export interface PartyChoice {
  id: string;
  name: string;
  side: PartySide;
  role: string | null;
  organization: string | null;
}

/** The heading of each side's group. */
export const SIDE_LABELS: Record<PartySide, string> = { ours: 'Our side', theirs: 'Their side', third_party: 'Third parties' };

/** Where a new person goes, in a sentence: "on their side". */
const SIDE_PLACES: Record<PartySide, string> = { ours: 'on our side', theirs: 'on their side', third_party: 'as a third party' };

/** The choice that creates a party from what was typed: Add “Dana Ruiz” as a new person on their side. */
export function newPartyChoiceText(name: string, side: PartySide): string {
  return `Add “${name.trim()}” as a new person ${SIDE_PLACES[side]}`;
}

/** The party called exactly `name` (spacing and letter case aside), if there is one. */
export function partyNamed<P extends PartyChoice>(parties: readonly P[], name: string): P | undefined {
  const key = nameKey(name);
  return key ? parties.find((p) => nameKey(p.name) === key) : undefined;
}

/**
 * The parties a typed text finds, best first: those whose name, or a word of it, starts with it ("rey" finds Tomas
 * Reyes), then those whose name, role or organization holds it. An empty text finds them all, in the order given.
 */
export function partiesMatching<P extends PartyChoice>(parties: readonly P[], text: string): P[] {
  const key = nameKey(text);
  if (!key) return [...parties];
  const starts = parties.filter((p) => nameKey(p.name).startsWith(key) || nameKey(p.name).split(' ').some((word) => word.startsWith(key)));
  const holds = parties.filter((p) => !starts.includes(p) && [p.name, p.role, p.organization].some((t) => t && nameKey(t).includes(key)));
  return [...starts, ...holds];
}

/**
 * Whom to offer as the owner of a task: our side's parties first (the team does most of the work), then the others
 * (the other side commits to things too: "the Bureau to say when").
 */
export function ownerChoices<P extends PartyChoice>(parties: readonly P[]): P[] {
  return [...parties.filter((p) => p.side === 'ours'), ...parties.filter((p) => p.side !== 'ours')];
}

/** What the who's-who view reads of the records that may name a party. */
export interface PartyMentions {
  meetings: readonly { id: string; title: string; meetingDate: string | null }[];
  attendees: readonly { id: string; meetingId: string; partyId: string | null; name: string; role: string | null; attended: boolean | null }[];
  actionItems: readonly { id: string; title: string; meetingId: string | null; owner: string | null; ownerPartyId: string | null; status: string; dueDate: string | null }[];
  deadlines: readonly { id: string; title: string; owner: string | null; ownerPartyId: string | null; status: string }[];
}

/** Where a party appears: the meetings they attend, the action items and deadlines they own. */
export interface Appearances {
  /** Each attendance, earliest meeting first (undated last), with the name and role recorded at that meeting. */
  meetings: { attendeeId: string; meetingId: string; meetingTitle: string; meetingDate: string | null; nameThen: string; role: string | null; attended: boolean | null }[];
  actionItems: PartyMentions['actionItems'][number][];
  deadlines: PartyMentions['deadlines'][number][];
}

/**
 * Where a party appears in the case. An owner given as a party counts, and so does one only typed as text that is
 * the party's name (files written before owners were picked from parties, or typed since): a free-text owner keeps
 * working.
 */
export function appearancesOf(party: { id: string; name: string }, mentions: PartyMentions): Appearances {
  const owns = (r: { owner: string | null; ownerPartyId: string | null }) => (r.ownerPartyId ? r.ownerPartyId === party.id : isOwnedBy(r.owner, party.name));
  const meetingOf = new Map(mentions.meetings.map((m) => [m.id, m]));
  const meetings = mentions.attendees
    .filter((a) => a.partyId === party.id && meetingOf.has(a.meetingId))
    .map((a) => {
      const m = meetingOf.get(a.meetingId)!;
      return { attendeeId: a.id, meetingId: m.id, meetingTitle: m.title, meetingDate: m.meetingDate, nameThen: a.name, role: a.role, attended: a.attended };
    })
    .sort((a, b) => (a.meetingDate ?? '9999').localeCompare(b.meetingDate ?? '9999'));
  return { meetings, actionItems: mentions.actionItems.filter(owns), deadlines: mentions.deadlines.filter(owns) };
}
