// Notes taken during a meeting (each its own record, with the time it was taken and whether it is internal) and
// the decisions reached there. Each keeps the day it records: the meeting's date unless the user gives another.
import { useId, useState } from 'react';
import type { RecordOf } from '../../../shared/records.js';
import { formatInstantIn } from '../../ui/dates.js';
import { AutoText, InlineFormProblem } from './fields.js';
import { problemOf, useMeetings, type Meeting } from '../../state/meetings.js';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';

type Note = RecordOf<'note'>;
type Decision = RecordOf<'decision'>;

const byTime = (a: Note, b: Note) => (a.takenAt ?? a.createdAt).localeCompare(b.takenAt ?? b.createdAt);

export function Notes({ meeting, notes }: { meeting: Meeting; notes: Note[] }) {
  const sorted = [...notes].sort(byTime);
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h3 id="notes-heading">
        Notes <span className="count">{notes.length}</span>
      </h3>
      {notes.length === 0 && <p className="empty">No notes yet. Write what was said as it happens; each note keeps the time it was added.</p>}
      <ol className="note-list" aria-labelledby="notes-heading">
        {sorted.map((n, i) => (
          <NoteRow key={n.id} note={n} index={i + 1} zone={meeting.timeZone} />
        ))}
      </ol>
      <AddNote meeting={meeting} />
    </section>
  );
}

// A note's time is read in the meeting's zone (named), not the reader's: notes of a meeting in Washington read the
// same on a laptop in Brussels.
function NoteRow({ note, index, zone }: { note: Note; index: number; zone: string | null | undefined }) {
  const update = useMeetings((s) => s.update);
  const remove = useMeetings((s) => s.remove);
  const [problem, setProblem] = useState<string | null>(null);
  const at = note.takenAt ?? note.createdAt;
  return (
    <li data-record-id={note.id} className={`note ${note.internal ? 'note--internal' : ''}`} aria-label={`Note ${index}${note.internal ? ' (internal)' : ''}`}>
      <div className="note__meta">
        <time dateTime={at} className="muted">
          {formatInstantIn(at, zone)}
        </time>
        {note.internal && <span className="badge badge--internal">Internal</span>}
        <label className="checkbox note__flag">
          <input
            type="checkbox"
            checked={note.internal ?? false}
            onChange={(e) =>
              void update('note', note.id, { internal: e.target.checked }).then(
                () => setProblem(null),
                (err: unknown) => setProblem(problemOf(err)),
              )
            }
          />
          Internal only
        </label>
        <button type="button" className="icon-button" aria-label={`Delete note ${index}`} title="Delete" onClick={() => void remove('note', note.id)}>
          ×
        </button>
      </div>
      <AutoText kind="note" label={`Note ${index}`} className="note__body" field="body" control="long" stored={note.body} save={(text) => update('note', note.id, { body: text })} />
      <AutoText label={`Note ${index}: day it records`} className="note__recorded" field="recordedOn" control="date" stored={note.recordedOn} save={(text) => update('note', note.id, { recordedOn: text || null })} hint="The meeting’s date unless you give another; the time it was typed stays in the history." />
      {problem && <p className="field__error">{problem}</p>}
    </li>
  );
}

function AddNote({ meeting }: { meeting: Meeting }) {
  const add = useMeetings((s) => s.add);
  const id = useId();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (busy) return;
    if (!body.trim()) {
      setProblem('Write the note first.');
      return;
    }
    setBusy(true);
    try {
      await add('note', { meetingId: meeting.id, body, internal, takenAt: new Date().toISOString() });
      setBody(clearIfUnchanged(body));
      setInternal(false);
      setProblem(null);
    } catch (err) {
      setProblem(problemOf(err, 'body'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="add-note"
      aria-label="Add a note"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-body`} className="field__label">
        New note
      </label>
      <textarea
        id={`${id}-body`}
        className="input input--long"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
        aria-invalid={problem ? true : undefined}
      />
      <div className="add-note__actions">
        <label className="checkbox">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          Internal only (left out of anything shared)
        </label>
        <span id={`${id}-hint`} className="field__hint">
          Ctrl+Enter adds the note.
        </span>
        <button type="submit" className="button" disabled={busy}>
          Add note
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field__error">
          {problem}
        </p>
      )}
    </form>
  );
}

export function Decisions({ meeting, decisions }: { meeting: Meeting; decisions: Decision[] }) {
  const add = useMeetings((s) => s.add);
  const update = useMeetings((s) => s.update);
  const remove = useMeetings((s) => s.remove);
  const issues = useMeetings((s) => s.issues);
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    try {
      await add('decision', { meetingId: meeting.id, text });
      setText(clearIfUnchanged(text));
      setProblem(null);
    } catch (err) {
      setProblem(problemOf(err, 'text'));
    }
  }

  return (
    <section className="panel" aria-labelledby="decisions-heading">
      <h3 id="decisions-heading">
        Decisions <span className="count">{decisions.length}</span>
      </h3>
      {decisions.length === 0 && <p className="empty">No decisions recorded. Add what both sides agreed or decided.</p>}
      <ol className="decision-list">
        {decisions.map((d, i) => {
          const issue = issues.find((x) => x.id === d.issueId);
          return (
            <li key={d.id} data-record-id={d.id} className="decision">
              <AutoText kind="decision" label={`Decision ${i + 1}`} field="text" control="long" stored={d.text} save={(t) => update('decision', d.id, { text: t })} hint={issue ? `On: ${issue.title}` : undefined} />
              <AutoText label={`Decision ${i + 1}: day it records`} field="recordedOn" control="date" stored={d.recordedOn} save={(t) => update('decision', d.id, { recordedOn: t || null })} />
              <button type="button" className="icon-button" aria-label={`Delete decision ${i + 1}`} title="Delete" onClick={() => void remove('decision', d.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Add a decision" noValidate>
        <div className="inline-form__field inline-form__field--wide">
          <label htmlFor={`${id}-text`} className="field__label">
            New decision
          </label>
          <input id={`${id}-text`} className="input" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} />
        </div>
        <button type="submit" className="button">
          Add decision
        </button>
        <InlineFormProblem formId={id} problem={problem} />
      </form>
    </section>
  );
}
