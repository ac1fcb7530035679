// The concessions made in this meeting, given and received, each on its negotiation issue. They are edited on the
// negotiation screen; here they are listed with the day each was made (the meeting's, unless changed) and a new one
// can be recorded against this meeting.
import { useId, useState } from 'react';
import { CONCESSION_DIRECTIONS } from '../../../shared/enums.js';
import type { RecordOf } from '../../../shared/records.js';
import { AutoText } from './fields.js';
import { problemOf, useMeetings, type Meeting } from '../../state/meetings.js';

type Concession = RecordOf<'concession'>;
type Direction = Concession['direction'];

const DIRECTION_LABELS: Record<Direction, string> = { given: 'Given by us', received: 'Received from them' };

export function Concessions({ meeting, concessions }: { meeting: Meeting; concessions: Concession[] }) {
  const issues = useMeetings((s) => s.issues);
  const update = useMeetings((s) => s.update);
  const [recording, setRecording] = useState(false);
  const titleOf = (id: string) => issues.find((i) => i.id === id)?.title ?? 'An issue no longer in the case';
  return (
    <section className="panel" aria-labelledby="concessions-heading">
      <h3 id="concessions-heading">
        Concessions in this meeting <span className="count">{concessions.length}</span>
      </h3>
      {concessions.length === 0 && <p className="empty">No concessions recorded for this meeting.</p>}
      <ul className="concession-list" aria-labelledby="concessions-heading">
        {concessions.map((c, i) => (
          <li key={c.id} data-record-id={c.id} className={`concession concession--${c.direction}`}>
            <span className={`badge badge--${c.direction}`}>{DIRECTION_LABELS[c.direction]}</span>
            <span className="concession__issue">{titleOf(c.issueId)}</span>
            <span className="concession__text">{c.description}</span>
            <AutoText label={`Concession ${i + 1}: day made`} className="concession__date" field="madeOn" control="date" stored={c.madeOn} save={(t) => update('concession', c.id, { madeOn: t || null })} />
          </li>
        ))}
      </ul>
      {recording ? (
        <RecordConcession meeting={meeting} onDone={() => setRecording(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setRecording(true)} disabled={issues.length === 0}>
          Record a concession
        </button>
      )}
      {issues.length === 0 && <p className="field__hint">A concession is made on a negotiation issue: add the issues on the Negotiation screen first.</p>}
    </section>
  );
}

function RecordConcession({ meeting, onDone }: { meeting: Meeting; onDone(): void }) {
  const issues = useMeetings((s) => s.issues);
  const add = useMeetings((s) => s.add);
  const id = useId();
  const [issueId, setIssueId] = useState('');
  const [direction, setDirection] = useState<Direction>('given');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e?: React.FormEvent): Promise<void> {
    e?.preventDefault();
    if (!issueId) {
      setProblem('Choose the issue the concession is on.');
      return;
    }
    try {
      await add('concession', { issueId, direction, description, meetingId: meeting.id, madeOn: meeting.meetingDate ?? null });
      setProblem(null);
      onDone();
    } catch (err) {
      setProblem(problemOf(err, 'description'));
    }
  }

  return (
    <form className="concession-form" onSubmit={(e) => void submit(e)} aria-label="Record a concession" noValidate>
      <div className="form__row">
        <div className="field">
          <label htmlFor={`${id}-issue`} className="field__label">
            Issue
          </label>
          <select id={`${id}-issue`} className="input" value={issueId} onChange={(e) => setIssueId(e.target.value)} autoFocus>
            <option value="">Choose an issue…</option>
            {issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="choice-group">
          <legend className="field__label">Direction</legend>
          <div className="choice-group__options">
            {CONCESSION_DIRECTIONS.map((d) => (
              <label key={d} className="choice">
                <input type="radio" name={`${id}-direction`} value={d} checked={direction === d} onChange={() => setDirection(d)} />
                <span>{DIRECTION_LABELS[d]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`} className="field__label">
          What was conceded
        </label>
        <textarea
          id={`${id}-description`}
          className="input input--long"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field__error">
          {problem}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Record the concession
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
