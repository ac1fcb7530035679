// On an open issue: each watch item linked to it that moved since the issue was last reviewed (review-prompts.ts in
// the core), and "Mark reviewed", which keeps who and when on the issue (an edit like any other: undo takes it back).
// Once reviewed, who did it and when.
import { useEffect, useRef, useState } from 'react';
import type { ReviewPrompt } from '../../../shared/api-types.js';
import type { RecordOf } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { useProfile } from '../../state/profile.js';
import { updateRecord } from '../../state/records.js';
import { formatInstant } from '../../ui/dates.js';
import { moveWords } from '../../ui/watch/move-words.js';
import './review-needed.css';

type Issue = RecordOf<'issue'>;

export function ReviewNeeded({ caseId, issue, prompts, readOnly, onSaved }: { caseId: string; issue: Issue; prompts: readonly ReviewPrompt[]; readOnly: boolean; onSaved(issue: Issue): void }) {
  const actor = useProfile((s) => s.info?.actor ?? null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Marked reviewed, the button goes: the focus moves to the line that says who reviewed it, not to the page.
  const [justReviewed, setJustReviewed] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (justReviewed && !prompts.length) done.current?.focus();
  }, [justReviewed, prompts.length]);

  async function markReviewed() {
    if (!actor) return;
    setSaving(true);
    try {
      onSaved(await updateRecord(caseId, 'issue', issue.id, { reviewedAt: new Date().toISOString(), reviewedBy: actor }));
      setError(null);
      setJustReviewed(true);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

  if (!prompts.length) {
    return issue.reviewedAt && issue.reviewedBy
      ? <p ref={done} tabIndex={-1} className="review-needed__done field__hint">Last reviewed by {issue.reviewedBy} on {formatInstant(issue.reviewedAt)}.</p>
      : null;
  }
  return (
    <section className="review-needed" aria-labelledby={`review-needed-${issue.id}`}>
      <h3 id={`review-needed-${issue.id}`} className="review-needed__heading">Review needed</h3>
      <ul className="review-needed__list">
        {prompts.map((p) => {
          const text = moveWords(p);
          return <li key={p.watchItemId}>{text.charAt(0).toUpperCase() + text.slice(1)}: review this issue.</li>;
        })}
      </ul>
      {!readOnly && (
        <button type="button" className="button button--small" disabled={saving || !actor} onClick={() => void markReviewed()}>
          Mark reviewed
        </button>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
    </section>
  );
}

/** The matrix's mark on the row of an issue that needs a review. */
export function ReviewMark() {
  return <span className="review-mark">Review needed</span>;
}
