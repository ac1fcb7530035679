// Who attends a meeting, grouped by side: a party of the case (picked as the name is typed, or made on the spot) or
// a name typed in, with a role and whether they came. Adding takes Enter; a removed attendee comes back with the
// case’s Undo.
import { useId, useState } from 'react';
import { PARTY_SIDES } from '../../../shared/enums.js';
import { nameKey } from '../../../shared/owners.js';
import { newPartyChoiceText, partyNamed, SIDE_LABELS } from '../../../shared/parties.js';
import type { RecordOf } from '../../../shared/records.js';
import { AutoText, InlineFormProblem, orNull } from './fields.js';
import { problemOf, useMeetings, type Meeting } from '../../state/meetings.js';
import { hashOf } from '../../state/navigation.js';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';
import { PartyPicker } from '../../ui/parties/PartyPicker.js';

type Attendee = RecordOf<'attendee'>;
type Party = RecordOf<'party'>;
type Side = Attendee['side'];

const SIDE_CHOICE: Record<Side, string> = { ours: 'Ours', theirs: 'Theirs', third_party: 'Third party' };

export function Attendees({ meeting, attendees }: { meeting: Meeting; attendees: Attendee[] }) {
  return (
    <section className="panel" aria-labelledby="attendees-heading">
      <h3 id="attendees-heading">
        Attendees <span className="count">{attendees.length}</span>
      </h3>
      {attendees.length === 0 && <p className="empty">No attendees yet. Add who comes from each side below: pick a party of the case or type a name.</p>}
      <div className="attendee-groups">
        {PARTY_SIDES.map((side) => {
          const group = attendees.filter((a) => a.side === side);
          if (group.length === 0) return null;
          return (
            <div key={side} className="attendee-group">
              <h4 id={`attendees-${side}`} className="attendee-group__title">
                {SIDE_LABELS[side]} <span className="count">{group.length}</span>
              </h4>
              <ul className="attendee-list" aria-labelledby={`attendees-${side}`}>
                {group.map((a) => (
                  <AttendeeRow key={a.id} attendee={a} />
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      <AddAttendee meeting={meeting} />
    </section>
  );
}

function AttendeeRow({ attendee }: { attendee: Attendee }) {
  const update = useMeetings((s) => s.update);
  const remove = useMeetings((s) => s.remove);
  const [problem, setProblem] = useState<string | null>(null);
  const change = async (changes: Partial<Attendee>) => {
    try {
      await update('attendee', attendee.id, changes);
      setProblem(null);
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <li data-record-id={attendee.id} className="attendee" aria-label={attendee.name}>
      <AttendeeName attendee={attendee} />
      <AutoText
        className="attendee__role"
        label={`Role of ${attendee.name}`}
        field="role"
        stored={attendee.role}
        save={(text) => update('attendee', attendee.id, { role: orNull(text) })}
        placeholder="Role"
      />
      <label className="attendee__side">
        <span className="visually-hidden">Side of {attendee.name}</span>
        <select className="input input--compact" value={attendee.side} onChange={(e) => void change({ side: e.target.value as Side })}>
          {PARTY_SIDES.map((s) => (
            <option key={s} value={s}>
              {SIDE_CHOICE[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox attendee__attended">
        <input type="checkbox" checked={attendee.attended ?? false} onChange={(e) => void change({ attended: e.target.checked })} />
        Attended
      </label>
      <button type="button" className="icon-button" aria-label={`Remove ${attendee.name}`} title="Remove" onClick={() => void remove('attendee', attendee.id)}>
        ×
      </button>
      {problem && <p className="field__error attendee__problem">{problem}</p>}
    </li>
  );
}

/**
 * An attendee's name as it was recorded for the meeting, linked to their party in People. The record of who attended
 * keeps the name they had then (a brief or the minutes quote it, and a later rename, marriage or new title must not
 * rewrite what was noted); where the party has been renamed since, its current name shows beside, so that the reader
 * still knows who it is.
 */
function AttendeeName({ attendee }: { attendee: Attendee }) {
  const caseId = useMeetings((s) => s.caseId);
  const party = useMeetings((s) => (attendee.partyId ? s.parties.find((p) => p.id === attendee.partyId) : undefined));
  const renamed = party && nameKey(party.name) !== nameKey(attendee.name) ? party.name : null;
  return (
    <span className="attendee__name truncate" title={renamed ? `${attendee.name} (now ${renamed})` : attendee.name}>
      {party && caseId
        ? <a href={hashOf({ screen: 'case', caseId, section: 'people', record: party.id })}>{attendee.name}</a>
        : attendee.name}
      {renamed && <span className="muted attendee__now"> (now {renamed})</span>}
    </span>
  );
}

function AddAttendee({ meeting }: { meeting: Meeting }) {
  const parties = useMeetings((s) => s.parties);
  const add = useMeetings((s) => s.add);
  const addParty = useMeetings((s) => s.addParty);
  const id = useId();
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side>('ours');
  const [sideTouched, setSideTouched] = useState(false);
  const [role, setRole] = useState('');
  const [attended, setAttended] = useState(meeting.status === 'held');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The party the name names: picked from the list, or typed out in full.
  const party = partyNamed(parties, name);

  function typed(text: string): void {
    setName(text);
    const match = partyNamed(parties, text);
    if (match && !sideTouched) setSide(match.side);
  }

  /** A party picked: the attendee is that party, on its side, in its role unless one was typed for this meeting. */
  function picked(p: Party): void {
    setName(p.name);
    setSide(p.side);
    if (!role.trim()) setRole(p.role ?? '');
  }

  async function addAttendee(fields: { partyId: string | null; name: string }): Promise<void> {
    await add('attendee', { meetingId: meeting.id, ...fields, side, role: orNull(role), attended });
    setName(clearIfUnchanged(name));
    setRole(clearIfUnchanged(role));
    setSideTouched(false);
    setProblem(null);
    document.getElementById(`${id}-name`)?.focus();
  }

  async function run(step: () => Promise<void>): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await step();
    } catch (err) {
      setProblem(problemOf(err, 'name'));
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    await run(() => addAttendee({ partyId: party?.id ?? null, name: party?.name ?? name }));
  }

  /** "Add “Dana Ruiz” as a new person on their side": the party is made, then attends. */
  function createAndAdd(newName: string): void {
    void run(async () => {
      const created = await addParty({ name: newName, partyKind: 'person', side, role: orNull(role) });
      await addAttendee({ partyId: created.id, name: created.name });
    });
  }

  return (
    <form className="inline-form attendee-form" onSubmit={(e) => void submit(e)} aria-label="Add an attendee" noValidate>
      <div className="inline-form__field inline-form__field--wide">
        <label htmlFor={`${id}-name`} className="field__label">
          Name or party
        </label>
        <PartyPicker
          id={`${id}-name`}
          text={name}
          parties={parties}
          onText={typed}
          onPick={picked}
          createText={(typedName) => newPartyChoiceText(typedName, side)}
          onCreate={createAndAdd}
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
          aria-invalid={problem ? true : undefined}
        />
      </div>
      <div className="inline-form__field">
        <label htmlFor={`${id}-side`} className="field__label">
          Side
        </label>
        <select
          id={`${id}-side`}
          className="input"
          value={side}
          onChange={(e) => {
            setSide(e.target.value as Side);
            setSideTouched(true);
          }}
        >
          {PARTY_SIDES.map((s) => (
            <option key={s} value={s}>
              {SIDE_CHOICE[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-form__field">
        <label htmlFor={`${id}-role`} className="field__label">
          Role
        </label>
        <input id={`${id}-role`} className="input" value={role} onChange={(e) => setRole(e.target.value)} />
      </div>
      <label className="checkbox inline-form__check">
        <input type="checkbox" checked={attended} onChange={(e) => setAttended(e.target.checked)} />
        Attended
      </label>
      <button type="submit" className="button" disabled={busy}>
        Add attendee
      </button>
      <p id={`${id}-hint`} className="field__hint inline-form__hint">
        {party ? `A party of the case (${SIDE_CHOICE[party.side].toLowerCase()}).` : 'Pick a party of the case as you type, add a new one, or type any name.'}
      </p>
      <InlineFormProblem formId={id} problem={problem} />
    </form>
  );
}
