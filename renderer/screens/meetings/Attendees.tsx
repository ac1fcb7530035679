// Who attends a meeting, grouped by side: a party of the case or a name typed in, with a role and whether they
// came. Adding takes Enter; a removed attendee comes back with the case’s Undo.
import { useId, useState } from 'react';
import { PARTY_SIDES } from '../../../shared/enums.js';
import type { RecordOf } from '../../../shared/records.js';
import { AutoText, InlineFormProblem, orNull } from './fields.js';
import { problemOf, useMeetings, type Meeting } from '../../state/meetings.js';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';

type Attendee = RecordOf<'attendee'>;
type Side = Attendee['side'];

export const SIDE_LABELS: Record<Side, string> = { ours: 'Our side', theirs: 'Their side', third_party: 'Third parties' };
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
      <span className="attendee__name truncate" title={attendee.name}>
        {attendee.name}
      </span>
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

function AddAttendee({ meeting }: { meeting: Meeting }) {
  const parties = useMeetings((s) => s.parties);
  const add = useMeetings((s) => s.add);
  const id = useId();
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side>('ours');
  const [sideTouched, setSideTouched] = useState(false);
  const [role, setRole] = useState('');
  const [attended, setAttended] = useState(meeting.status === 'held');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const party = parties.find((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase());

  function typed(text: string): void {
    setName(text);
    const match = parties.find((p) => p.name.trim().toLowerCase() === text.trim().toLowerCase());
    if (match && !sideTouched) setSide(match.side);
  }

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await add('attendee', {
        meetingId: meeting.id,
        partyId: party?.id ?? null,
        name: party?.name ?? name,
        side,
        role: orNull(role),
        attended,
      });
      setName(clearIfUnchanged(name));
      setRole(clearIfUnchanged(role));
      setSideTouched(false);
      setProblem(null);
      document.getElementById(`${id}-name`)?.focus();
    } catch (err) {
      setProblem(problemOf(err, 'name'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form attendee-form" onSubmit={(e) => void submit(e)} aria-label="Add an attendee" noValidate>
      <div className="inline-form__field inline-form__field--wide">
        <label htmlFor={`${id}-name`} className="field__label">
          Name or party
        </label>
        <input
          id={`${id}-name`}
          className="input"
          list={`${id}-parties`}
          value={name}
          onChange={(e) => typed(e.target.value)}
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
          aria-invalid={problem ? true : undefined}
        />
        <datalist id={`${id}-parties`}>
          {parties.map((p) => (
            <option key={p.id} value={p.name}>
              {SIDE_CHOICE[p.side]}
              {p.role ? ` · ${p.role}` : ''}
            </option>
          ))}
        </datalist>
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
        {party ? `A party of the case (${SIDE_CHOICE[party.side].toLowerCase()}).` : 'Pick a party of the case from the suggestions, or type any name.'}
      </p>
      <InlineFormProblem formId={id} problem={problem} />
    </form>
  );
}
