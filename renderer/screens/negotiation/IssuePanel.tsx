// One issue, open beside the matrix: every field saves as the user goes. A change to a position may carry why it
// changed and the meeting it changed in; the core records each change, and the history below lists them.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CONCESSION_DIRECTIONS } from '../../../shared/enums.js';
import type { RecordOf } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { useRecords } from '../../state/data.js';
import { createRecord } from '../../state/records.js';
import { limitsOf } from '../../ui/typed-input.js';
import { formatDay, formatInstant, timeAgo } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { HistoryDisclosure } from '../../ui/history/HistoryPanel.js';
import { LinksPanel } from '../../ui/links/LinksPanel.js';
import { RecordAttachments } from '../../ui/attachments/RecordAttachments.js';
import { ReviewComments } from '../../ui/review/ReviewComments.js';
import { failureText, RecordField, RecordSelect } from '../../ui/records/RecordField.js';
import { deleteWithCare, focusAfterRemoval } from '../../state/deleting.js';
import { RecordSharingProvider, SharingSection } from '../../ui/sharing/RecordSharing.js';
import { ISSUE_PRIORITY_OPTIONS, ISSUE_STATUS_OPTIONS } from './options.js';
import { RecordTags } from '../../ui/tables/TagInput.js';
import { usePanelEscape } from '../../ui/records/panel-escape.js';
import type { ReviewPrompt } from '../../../shared/api-types.js';
import { ReviewNeeded } from './ReviewNeeded.js';

const POSITION_LABELS: Record<string, string> = {
  'ours:opening': 'Our opening', 'ours:target': 'Our target', 'ours:walkaway': 'Our walk-away', 'theirs:stated': 'Their position',
};

type Issue = RecordOf<'issue'>;
type Meeting = RecordOf<'meeting'>;
type Concession = RecordOf<'concession'>;

interface IssuePanelProps {
  caseId: string;
  issue: Issue;
  /** The watch items linked to it that moved since it was last reviewed. */
  reviewPrompts: readonly ReviewPrompt[];
  /** The case's tags, offered in the tag input. */
  tagSuggestions: readonly string[];
  meetings: Meeting[];
  readOnly: boolean;
  onSaved(issue: Issue): void;
  onClose(): void;
  onDelete(): void;
}

const meetingName = (m: Meeting) => `${m.title}${m.meetingDate ? ` (${formatDay(m.meetingDate)})` : ''}`;

export function IssuePanel({ caseId, issue, reviewPrompts, tagSuggestions, meetings, readOnly, onSaved, onClose, onDelete }: IssuePanelProps) {
  const closeOnEscape = usePanelEscape(issue.id, onClose);
  const [reason, setReason] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [recordedOn, setRecordedOn] = useState('');
  const changes = useRecords(caseId, 'positionChange', { filter: { issueId: issue.id } });
  const history = useMemo(() => changes.records && [...changes.records].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [changes.records]);
  const historyError = changes.error;
  const context = useRef({ reason, meetingId, recordedOn });
  context.current = { reason, meetingId, recordedOn };
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const positionExtra = () => {
    const { reason: r, meetingId: m, recordedOn: on } = context.current;
    return { ...(r.trim() ? { reason: r.trim() } : {}), ...(m ? { meetingId: m } : {}), ...(on ? { recordedOn: on } : {}) };
  };
  const savedPosition = (rec: Issue) => {
    onSaved(rec);
    // A reason is for the change it was given with; a later, unrelated edit must not carry it into the history.
    setReason('');
    context.current = { ...context.current, reason: '' };
    void changes.reload();
  };
  const common = { caseId, kind: 'issue' as const, record: issue, onSaved, disabled: readOnly };
  const position = (field: 'ourOpening' | 'ourTarget' | 'ourWalkaway' | 'theirPosition', label: string) => (
    <RecordField {...common} field={field} label={label} control="long" extra={positionExtra} onSaved={savedPosition} />
  );
  const meetingTitle = (id: string | null) => meetings.find((m) => m.id === id);

  return (
    <RecordSharingProvider caseId={caseId} kind="issue" id={issue.id}>
    <aside className="panel records__detail issue-panel" aria-labelledby={`${ids}-h`} data-record-panel={issue.id} onKeyDown={closeOnEscape}>
      <div className="records__detail-head">
        <h2 id={`${ids}-h`} ref={headingRef} tabIndex={-1}>
          <span className="visually-hidden">Issue: </span>
          {issue.title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the issue" onClick={onClose}>×</button>
      </div>
      <ReviewNeeded caseId={caseId} issue={issue} prompts={reviewPrompts} readOnly={readOnly} onSaved={onSaved} />
      <fieldset disabled={readOnly} className="unlisted" style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className="visually-hidden">The issue</legend>
        <RecordField {...common} field="title" label="Title" required />
        <div className="form__row">
          <RecordSelect {...common} field="priority" label="Priority" options={ISSUE_PRIORITY_OPTIONS} />
          <RecordSelect {...common} field="status" label="Status" options={ISSUE_STATUS_OPTIONS} />
        </div>
        <RecordField {...common} field="description" label="Description" control="long" />
        <RecordTags {...common} suggestions={tagSuggestions} />
        <fieldset className="position-context">
          <legend>Why positions change (optional)</legend>
          <p className="field__hint">Given here, a reason, a meeting and the day it records are kept with each position you change below (the day is the meeting’s unless you give another).</p>
          <div className="form__row">
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-reason`}>Reason for the change</label>
              <input id={`${ids}-reason`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-meeting`}>Changed in meeting</label>
              <select id={`${ids}-meeting`} className="input" value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
                <option value="">No meeting</option>
                {meetings.map((m) => <option key={m.id} value={m.id}>{meetingName(m)}</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-recorded`}>Day it records</label>
              <input id={`${ids}-recorded`} className="input" type="date" {...limitsOf('date')} value={recordedOn} onChange={(e) => setRecordedOn(e.target.value)} />
            </div>
          </div>
        </fieldset>
        {position('ourOpening', 'Our opening position')}
        {position('ourTarget', 'Our target')}
        {position('ourWalkaway', 'Our walk-away')}
        {position('theirPosition', 'Their stated position')}
        <RecordField {...common} field="ourInterests" label="Our interests" control="long" />
        <RecordField {...common} field="theirInterests" label="Their interests" control="long" />
      </fieldset>

      <section className="records__section" aria-labelledby={`${ids}-history`}>
        <h3 id={`${ids}-history`}>Position history</h3>
        {historyError && <p className="field__error" role="alert">{historyError}</p>}
        {history && history.length === 0 && <p className="empty">No positions recorded yet. Each change to a position above is kept here.</p>}
        {history && history.length > 0 && (
          <ol className="history" aria-label="Position changes, newest first">
            {history.map((c) => {
              const meeting = meetingTitle(c.meetingId);
              return (
                <li key={c.id} data-record-id={c.id}>
                  <span className="history__change">
                    <strong>{POSITION_LABELS[`${c.side}:${c.position}`] ?? humanize(c.position)}</strong>:{' '}
                    {c.previousValue ? <span className="muted">“{c.previousValue}” → </span> : <span className="muted">set to </span>}
                    {c.value ? `“${c.value}”` : <span className="muted">cleared</span>}
                  </span>
                  <span className="history__meta">
                    {c.recordedOn
                      ? <time dateTime={c.recordedOn} title={`Typed ${formatInstant(c.createdAt)}`}>{formatDay(c.recordedOn)}</time>
                      : <time dateTime={c.createdAt} title={formatInstant(c.createdAt)}>{formatInstant(c.createdAt)} ({timeAgo(c.createdAt)})</time>}
                    {meeting && <> · in {meetingName(meeting)}</>}
                    {c.reason ? <> · Reason: {c.reason}</> : null}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <Concessions caseId={caseId} issueId={issue.id} meetings={meetings} readOnly={readOnly} />
      {/* Who changed what, from the audit trail: after a merge, each author's changes with their own name. */}
      <section className="records__section" aria-label="Audit trail of this issue">
        <HistoryDisclosure summary="Every change to this issue, with its author" caseId={caseId} id={issue.id} refreshKey={issue.version} />
      </section>
      <RecordAttachments caseId={caseId} kind="issue" id={issue.id} noun="issue" readOnly={readOnly} />
      <SharingSection noun="issue" readOnly={readOnly} />
      <LinksPanel caseId={caseId} kind="issue" id={issue.id} readOnly={readOnly} />
      <ReviewComments caseId={caseId} kind="issue" id={issue.id} noun="issue" />
      {!readOnly && (
        <div className="records__section">
          <button type="button" className="button button--small" onClick={onDelete}>Delete this issue</button>
        </div>
      )}
    </aside>
    </RecordSharingProvider>
  );
}

function Concessions({ caseId, issueId, meetings, readOnly }: { caseId: string; issueId: string; meetings: Meeting[]; readOnly: boolean }) {
  const concessions = useRecords(caseId, 'concession', { filter: { issueId } });
  const list = concessions.records;
  const [direction, setDirection] = useState<Concession['direction']>('given');
  const [description, setDescription] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [changeError, setError] = useState<string | null>(null);
  // A list that could not be read is said where a refused change is.
  const error = changeError ?? concessions.error;
  const ids = useId();
  const load = concessions.reload;

  async function add(e: React.FormEvent) {
    e.preventDefault();
    try {
      const today = new Date();
      const madeOn = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const meeting = meetings.find((m) => m.id === meetingId);
      await createRecord(caseId, 'concession', { issueId, direction, description, ...(meetingId ? { meetingId } : {}), madeOn: meeting?.meetingDate ?? madeOn });
      setDescription('');
      setError(null);
      await load();
    } catch (err) {
      setError(failureText(err, 'description'));
    }
  }

  async function remove(c: Concession) {
    const order = (list ?? []).map((x) => x.id);
    try {
      if (!(await deleteWithCare(caseId, 'concession', c.id))) return;
      await load();
      focusAfterRemoval(order, c.id);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="records__section" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>Concessions</h3>
      {list && list.length === 0 && <p className="empty">No concessions on this issue yet.</p>}
      {list && list.length > 0 && (
        <ul className="history" aria-label="Concessions on this issue">
          {list.map((c) => {
            const meeting = meetings.find((m) => m.id === c.meetingId);
            return (
              <li key={c.id} data-record-id={c.id} className="concession">
                <span className="history__change">
                  <span className={`pill ${c.direction === 'given' ? 'pill--high' : ''}`}>{c.direction === 'given' ? 'We gave' : 'We received'}</span> {c.description}
                </span>
                <span className="history__meta">
                  {c.madeOn ? formatDay(c.madeOn) : 'Date not recorded'}
                  {meeting && <> · in {meetingName(meeting)}</>}
                  {!readOnly && (
                    <>
                      {' · '}
                      <button type="button" className="link-button" onClick={() => void remove(c)} aria-label={`Delete concession: ${c.description}`}>Delete</button>
                    </>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <form className="records__add" onSubmit={(e) => void add(e)} aria-label="Add a concession">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-dir`}>Direction</label>
            <select id={`${ids}-dir`} className="input" value={direction} onChange={(e) => setDirection(e.target.value as Concession['direction'])}>
              {CONCESSION_DIRECTIONS.map((d) => <option key={d} value={d}>{d === 'given' ? 'We gave' : 'We received'}</option>)}
            </select>
          </div>
          <div className="field records__add-title">
            <label className="field__label" htmlFor={`${ids}-desc`}>Concession</label>
            <input id={`${ids}-desc`} className="input" value={description} onChange={(e) => setDescription(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${ids}-err` : undefined} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-meeting`}>Meeting</label>
            <select id={`${ids}-meeting`} className="input" value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              <option value="">No meeting</option>
              {meetings.map((m) => <option key={m.id} value={m.id}>{meetingName(m)}</option>)}
            </select>
          </div>
          <button type="submit" className="button">Add concession</button>
          {error && <p id={`${ids}-err`} className="field__error" role="alert">{error}</p>}
        </form>
      )}
    </section>
  );
}
