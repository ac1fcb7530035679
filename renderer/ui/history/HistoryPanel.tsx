// One record's history from the audit trail (record.history): newest first, who did what and when, each changed
// field's value before and after (long text shortened, with a button to show it all), and the reason given.
// Usable for any record: <HistoryPanel caseId id /> or, folded away until asked for, <HistoryDisclosure />.
import { useMemo, useState } from 'react';
import type { AuditEntry } from '../../../shared/api-types.js';
import { useRead } from '../../state/data.js';
import { formatInstant, timeAgo } from '../dates.js';
import { DIRECTIVE_FIELD_LABELS, humanize } from '../labels.js';
import './history.css';
import { valueText } from './value-text.js';

const OPERATIONS: Record<AuditEntry['operation'], string> = {
  create: 'Created', update: 'Updated', delete: 'Deleted', restore: 'Restored', purge: 'Removed for good',
};

/** Text longer than this is shortened until the user asks for all of it. */
const SHORT_LENGTH = 140;

/**
 * Fields that say who and when, already shown in the entry's own line; a watch item's stage and trigger times are
 * the entry's time too, kept with the stage or status shown beside them.
 */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'deletedAt', 'deletedBy', 'stageChangedAt', 'triggeredAt']);

function fieldLabel(kind: AuditEntry['kind'], field: string): string {
  if (kind === 'directive' && field in DIRECTIVE_FIELD_LABELS) return DIRECTIVE_FIELD_LABELS[field as keyof typeof DIRECTIVE_FIELD_LABELS];
  return humanize(field);
}

function Value({ value, side, field }: { value: unknown; side: 'before' | 'after'; field: string }) {
  const [expanded, setExpanded] = useState(false);
  const text = valueText(value, field);
  if (text === null) return <span className={`history__value history__value--${side} history__value--empty`}>(empty)</span>;
  const long = text.length > SHORT_LENGTH;
  return (
    <span className={`history__value history__value--${side}`}>
      <span className="history__text">{long && !expanded ? `${text.slice(0, SHORT_LENGTH - 1).trimEnd()}…` : text}</span>
      {long && (
        <button type="button" className="link-button history__more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show all'}
        </button>
      )}
    </span>
  );
}

function Entry({ entry }: { entry: AuditEntry }) {
  const fields = entry.operation === 'update' ? entry.changedFields.filter((f) => !BOOKKEEPING.has(f)) : [];
  // What the change wrote that this copy does not show it changing: a value a conflict kept out (both are on the
  // Conflicts screen), or the value kept when a conflict was resolved.
  const alsoWrote = entry.operation === 'update' ? Object.keys(entry.wrote ?? {}).filter((f) => !BOOKKEEPING.has(f) && !fields.includes(f)) : [];
  return (
    <li className="history__entry">
      <p className="history__head">
        <span className={`history__op history__op--${entry.operation}`}>{OPERATIONS[entry.operation]}</span> by <strong>{entry.actor}</strong>{' '}
        <time dateTime={entry.at} title={timeAgo(entry.at)}>
          {formatInstant(entry.at)}
        </time>
        {entry.fromOtherCopy && entry.copy && <span className="history__copy"> · in the copy “{entry.copy}”, merged here</span>}
      </p>
      {entry.reason && <p className="history__reason">Reason: “{entry.reason}”</p>}
      {fields.length > 0 && (
        <dl className="history__changes">
          {fields.map((field) => (
            <div key={field} className="history__change">
              <dt>{fieldLabel(entry.kind, field)}</dt>
              <dd>
                <Value value={entry.before?.[field]} side="before" field={field} />
                <span className="history__arrow" aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden">changed to</span>
                <Value value={entry.after?.[field]} side="after" field={field} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {alsoWrote.length > 0 && (
        <dl className="history__changes history__changes--wrote">
          {alsoWrote.map((field) => (
            <div key={field} className="history__change">
              <dt>{fieldLabel(entry.kind, field)} {entry.fromOtherCopy ? '(written in that copy; a conflict keeps both values)' : '(kept as it was, settling a conflict)'}</dt>
              <dd>
                <Value value={entry.wrote?.[field]} side="after" field={field} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

interface HistoryProps {
  caseId: string;
  id: string;
  /** Anything that changes when the record does (its version): the history is read again. */
  refreshKey?: unknown;
}

export function HistoryPanel({ caseId, id, refreshKey }: HistoryProps) {
  // Read again, the last list staying on screen, whenever the record changes.
  const { data, error } = useRead('record.history', { caseId, id }, { keepPrevious: true, refreshKey });
  const entries = useMemo(() => data && [...data].sort((a, b) => b.seq - a.seq), [data]);

  if (error) return <p className="field__error" role="alert">The history could not be read: {error}</p>;
  if (!entries) return <p className="muted" aria-busy="true">Reading the history…</p>;
  if (!entries.length) return <p className="empty">No changes recorded.</p>;
  return (
    <ol className="history" aria-label="Changes, newest first">
      {entries.map((entry) => (
        <Entry key={entry.seq} entry={entry} />
      ))}
    </ol>
  );
}

/** A "History" disclosure: the history is read when the user opens it. */
export function HistoryDisclosure({ summary = 'History', ...props }: HistoryProps & { summary?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="history-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && <HistoryPanel {...props} />}
    </details>
  );
}
