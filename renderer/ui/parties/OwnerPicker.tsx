// The owner of a task (an action item, a deadline): typed, or picked from the case's parties, our side first. The
// owner stays a name as typed, so a free-text owner (an old file, someone who is no party) keeps working; a name that
// is a party's is stored with that party too (ownerOf), so the party's page lists what they own.
import { ownerChoices, partyNamed, type PartyChoice } from '../../../shared/parties.js';
import type { RecordOf } from '../../../shared/records.js';
import { useRecords } from '../../state/data.js';
import type { ControlProps } from '../Field.js';
import { PartyPicker } from './PartyPicker.js';

/** The parties of the open case, for a screen whose store does not hold them (none while no case is known). */
export function useCaseParties(caseId: string | null): RecordOf<'party'>[] {
  return useRecords(caseId ?? '', 'party', { enabled: caseId !== null }).records ?? [];
}

/** The owner fields of a task, from the name typed or picked: the name, and the party it names if any. */
export function ownerOf(parties: readonly PartyChoice[], typed: string): { owner: string | null; ownerPartyId: string | null } {
  const party = partyNamed(parties, typed);
  return { owner: party?.name ?? (typed.trim() || null), ownerPartyId: party?.id ?? null };
}

export function OwnerPicker({ parties, text, onText, onLeave, ...control }: ControlProps & { parties: readonly PartyChoice[]; text: string; onText(text: string): void; onLeave?(): void; name?: string }) {
  return <PartyPicker {...control} text={text} parties={ownerChoices(parties)} onText={onText} onPick={(p) => onText(p.name)} onLeave={onLeave} />;
}
