// The conflicts merges kept (conflict.list): a field two copies of the case changed to different values, or a record
// deleted in one copy and changed in another. Each shows its record (with a way to open it), the field, and the
// sides next to each other: the value, who wrote it, when and in which copy. The user keeps one side, or writes
// another value (text fields), with an optional reason; the decision is audited and settles the conflict in every
// copy it reaches. The sidebar's badge counts what is left.
import { useEffect, useId, useRef, useState } from 'react';
import type { ConflictSideView, MergeConflictView } from '../../../shared/api-types.js';
import { documentText, parseDocument } from '../../../shared/documents/index.js';
import type { FieldDef } from '../../../shared/fields.js';
import { KINDS } from '../../../shared/records.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { useCases } from '../../state/cases.js';
import { useConflicts, type ConflictChoice } from '../../state/team.js';
import { formatInstant, timeAgo } from '../../ui/dates.js';
import { Field } from '../../ui/Field.js';
import { valueText } from '../../ui/history/value-text.js';
import { kindLabel } from '../../ui/labels.js';
import { openRecord, sectionOf } from '../../ui/links/open-record.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { TeamActions } from '../../ui/team/TeamActions.js';
import './conflicts.css';

/** The field of a record deleted in one copy and changed in another (the core's DELETED_FIELD). */
export const DELETED = '(deleted)';

/** Whether another value can be typed for the field: free text (what the search indexes), not a list, date, choice or reference. */
export function isFreeText(conflict: Pick<MergeConflictView, 'kind' | 'field'>): boolean {
  const def = (KINDS[conflict.kind].fields as Record<string, FieldDef>)[conflict.field];
  return Boolean(def?.search && !def.json && !def.ref) && !holdsDocument(conflict);
}

/** A draft's text (two versions of its body, or of the text typed since its last revision): editor documents, not typed values. */
function holdsDocument(conflict: Pick<MergeConflictView, 'kind' | 'field'>): boolean {
  return conflict.kind === 'draft' && (conflict.field === 'body' || conflict.field === 'workingBody');
}

/** The words of a stored editor document, or null when the value is not one. */
function documentWords(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = parseDocument(JSON.parse(value));
    return parsed.ok ? documentText(parsed.doc) : null;
  } catch {
    return null;
  }
}

export function ConflictsScreen({ caseId }: { caseId: string }) {
  const { conflicts, error, load } = useConflicts();
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const [status, setStatus] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const empty = useRef<HTMLParagraphElement>(null);
  /** Where focus goes once a resolved conflict has left the list: the one that took its place. */
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    void load(caseId);
  }, [caseId, load]);

  useEffect(() => {
    const at = focusNext.current;
    if (at === null || !conflicts) return;
    focusNext.current = null;
    const headings = list.current?.querySelectorAll<HTMLElement>('[data-conflict-heading]') ?? [];
    (headings[Math.min(at, headings.length - 1)] ?? empty.current)?.focus();
  }, [conflicts]);

  const shown = conflicts ?? [];
  return (
    <div className="screen conflicts-screen">
      <ScreenHeading eyebrow="Copies of this case" actions={<TeamActions caseId={caseId} readOnly={readOnly} />}>
        Conflicts
      </ScreenHeading>
      <p className="conflicts-screen__intro">
        When two copies of this case change the same field differently, merging them keeps both values here until someone
        chooses. Meanwhile the record shows the newer one.
      </p>
      {readOnly && <p className="notice">This case file is open read-only: its conflicts can be read, not resolved.</p>}
      <p role="status" aria-live="polite" className="conflicts-screen__status">{status}</p>
      {error && <p className="notice notice--error" role="alert">The conflicts could not be read: {error}</p>}
      {conflicts === null && !error && <p className="muted" aria-busy="true">Reading the conflicts…</p>}
      {conflicts && conflicts.length === 0 && (
        <section className="panel">
          <p className="empty" ref={empty} tabIndex={-1}>
            No conflicts. Merge a copy of this case, or import a colleague’s changes, and any field both of you changed
            differently is listed here.
          </p>
        </section>
      )}
      {shown.length > 0 && (
        <ol className="conflicts" aria-label="Open conflicts" ref={list}>
          {shown.map((conflict, index) => (
            <li key={conflict.id}>
              <ConflictItem
                caseId={caseId}
                conflict={conflict}
                readOnly={readOnly}
                onResolved={(words) => {
                  focusNext.current = index;
                  setStatus(words);
                }}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function sideValue(conflict: MergeConflictView, side: ConflictSideView): string | null {
  if (conflict.field === DELETED) return side.value === 'deleted' ? 'Deleted the record' : 'Changed the record';
  if (holdsDocument(conflict)) return documentWords(side.value) ?? valueText(side.value, conflict.field);
  return valueText(side.value, conflict.field);
}

function ConflictItem({ caseId, conflict, readOnly, onResolved }: { caseId: string; conflict: MergeConflictView; readOnly: boolean; onResolved(words: string): void }) {
  const ids = useId();
  const resolve = useConflicts((s) => s.resolve);
  const [reason, setReason] = useState('');
  const [writing, setWriting] = useState(false);
  const [written, setWritten] = useState(() => (typeof conflict.current === 'string' ? conflict.current : ''));
  const [error, setError] = useState<string | null>(null);
  /** The choice the core said would move deadlines: it is made again, confirmed, if the user agrees. */
  const [movesFor, setMovesFor] = useState<ConflictChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const deleted = conflict.field === DELETED;
  const noun = kindLabel(conflict.kind).toLowerCase();
  const where = `${conflict.fieldLabel} of “${conflict.recordTitle}”`;

  async function choose(choice: ConflictChoice, confirmMoves = false): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await resolve(caseId, conflict.id, choice, { reason, confirmMoves });
      if (deleted) onResolved(`Resolved: the ${noun} “${conflict.recordTitle}” is ${'side' in choice && choice.side === 0 ? 'deleted' : 'kept'}.`);
      else if ('side' in choice) onResolved(`Resolved: ${where} keeps ${conflict.sides[choice.side]?.author ?? 'the chosen'}’s value.`);
      else onResolved(`Resolved: ${where} has the value you wrote.`);
    } catch (err) {
      setMovesFor(err instanceof ApiFailure && err.code === 'needs_confirmation' ? choice : null);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const headingId = `${ids}-heading`;
  return (
    <article className="panel conflict" aria-labelledby={headingId}>
      <div className="conflict__head">
        <h2 id={headingId} tabIndex={-1} data-conflict-heading>
          <span className="conflict__kind">{kindLabel(conflict.kind)}</span> {conflict.recordTitle}
        </h2>
        {sectionOf(conflict.kind) && (
          <button type="button" className="link-button" onClick={() => openRecord(caseId, conflict.kind, conflict.recordId)}>
            Open the {noun}<span className="visually-hidden"> “{conflict.recordTitle}”</span>
          </button>
        )}
      </div>
      <p className="conflict__field">
        {deleted ? <strong>Deleted in one copy, changed in another</strong> : <>Field: <strong>{conflict.fieldLabel}</strong></>}
        <span className="muted"> · found {formatInstant(conflict.foundAt)}</span>
      </p>
      {deleted && (
        <p className="conflict__explain">The change brought the {noun} back. Delete it again, or keep it as changed.</p>
      )}
      {!readOnly && (
        <Field label="Reason for your choice" hint="Optional. Kept in the audit trail with your decision." className="conflict__reason">
          {(control) => <input {...control} className="input" type="text" value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <div className="conflict__sides">
        {conflict.sides.map((side, i) => {
          const text = sideValue(conflict, side);
          const current = !deleted && JSON.stringify(side.value ?? null) === JSON.stringify(conflict.current ?? null);
          return (
            <section key={side.changeId} className="conflict-side" aria-label={`${side.author}’s ${deleted ? 'change' : 'value'}`}>
              <p className="conflict-side__head">
                <strong>{side.author}</strong>
                {current && <span className="badge conflict-side__current">Shown now</span>}
              </p>
              <p className={`conflict-side__value ${text === null ? 'conflict-side__value--empty' : ''}`}>{text ?? '(empty)'}</p>
              <p className="conflict-side__meta">
                <time dateTime={side.at} title={timeAgo(side.at)}>{formatInstant(side.at)}</time>
                {side.copyLabel && (
                  <>
                    <br />
                    in <bdi>{side.copyLabel}</bdi>
                  </>
                )}
              </p>
              <button type="button" className="button" disabled={readOnly || busy} onClick={() => void choose({ side: i })}>
                {deleted ? (i === 0 ? 'Delete it' : 'Keep it') : 'Keep this'}
                <span className="visually-hidden"> ({side.author}’s)</span>
              </button>
            </section>
          );
        })}
      </div>
      {!deleted && isFreeText(conflict) && !readOnly && (
        <div className="conflict__write">
          <button type="button" className="link-button" aria-expanded={writing} aria-controls={`${ids}-write`} onClick={() => setWriting(!writing)}>
            Write another value…
          </button>
          <div id={`${ids}-write`} hidden={!writing}>
            <Field label={`New value for ${conflict.fieldLabel}`}>
              {(control) => <textarea {...control} className="input" rows={3} value={written} onChange={(e) => setWritten(e.target.value)} />}
            </Field>
            <button type="button" className="button" disabled={busy} onClick={() => void choose({ value: written })}>Save this value</button>
          </div>
        </div>
      )}
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          {movesFor && (
            <button type="button" className="button button--small" disabled={busy} onClick={() => void choose(movesFor, true)}>
              Resolve it and move the deadlines
            </button>
          )}
        </div>
      )}
    </article>
  );
}
