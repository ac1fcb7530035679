// The newest entries of the case's audit trail: who changed what, and when.
import type { AuditEntry } from '../../../shared/api-types.js';
import { useCaseOverview } from '../../state/case-overview.js';
import { formatInstant, timeAgo } from '../../ui/dates.js';
import { KINDS } from '../../../shared/records.js';
import { DIRECTIVE_FIELD_LABELS, humanize, kindLabel } from '../../ui/labels.js';

const VERBS: Record<AuditEntry['operation'], string> = {
  create: 'created', update: 'changed', delete: 'deleted', restore: 'restored', purge: 'removed for good',
};

function describe(entry: AuditEntry): string {
  const what = kindLabel(entry.kind).toLowerCase();
  const named = entry.kind === 'directive' ? '' : quotedTitle(entry);
  if (entry.operation !== 'update' || entry.changedFields.length === 0) return `${VERBS[entry.operation]} the ${what}${named}`;
  const labels: Record<string, string> = entry.kind === 'directive' ? DIRECTIVE_FIELD_LABELS : {};
  // Other kinds' fields read as words ("ourTarget" as "our target"), not as the stored name.
  const fields = entry.changedFields.map((f) => (labels[f] ?? humanize(f)).toLowerCase());
  return `changed the ${what}${named}: ${fields.join(', ')}`;
}

const TITLE_LENGTH = 70;

/** The record's title as it was (or is), for "created the deadline “Written response”". */
function quotedTitle(entry: AuditEntry): string {
  const value = (entry.after ?? entry.before)?.[KINDS[entry.kind].titleField];
  if (typeof value !== 'string' || !value.trim()) return '';
  const text = value.length > TITLE_LENGTH ? `${value.slice(0, TITLE_LENGTH - 1)}…` : value;
  return ` “${entry.kind === 'link' ? humanize(text).toLowerCase() : text}”`;
}

export function RecentChanges() {
  const { recentChanges, error } = useCaseOverview();
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent changes</h2>
      {error && <p className="field__error">{error}</p>}
      {recentChanges.length === 0 && !error && <p className="empty">No changes yet.</p>}
      <ol className="recent-changes">
        {recentChanges.map((entry) => (
          <li key={entry.seq} className="recent-changes__item">
            <span>
              <strong>{entry.actor}</strong> {describe(entry)}
            </span>
            <time dateTime={entry.at} title={formatInstant(entry.at)} className="muted">
              {timeAgo(entry.at)}
            </time>
            {entry.reason && <span className="recent-changes__reason">“{entry.reason}”</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
