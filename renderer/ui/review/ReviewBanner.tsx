// Shown above every section of a case open for review: says that nothing can be changed and where comments go,
// lists every comment of the review (on any record) in a disclosure, and exports them as a file for the case's
// owner (review.export; encrypted with the case's passphrase when the case is encrypted).
import { useState } from 'react';
import { KINDS } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { deliverExport } from '../exports/deliver-export.js';
import { CommentList, useInReview, useReviewComments } from './ReviewComments.js';
import './review.css';
import { withArticle } from '../../../shared/words.js';

export function ReviewBanner({ caseId }: { caseId: string }) {
  const inReview = useInReview(caseId);
  const comments = useReviewComments(caseId);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  if (!inReview) return null;
  const exportComments = async () => {
    setStatus(null);
    try {
      const file = await api().call('review.export', { caseId });
      setStatus({ text: await deliverExport(file, 'review comments'), error: false });
    } catch (err) {
      setStatus({ text: messageOf(err), error: true });
    }
  };
  const open = comments.filter((c) => !c.resolvedAt).length;
  return (
    <section className="review-banner" aria-label="Review mode">
      <p className="review-banner__title">
        <strong>Review — read-only</strong>{' '}
        <span>Nothing in this case can be changed. Your comments are kept apart from the case file, which stays unaltered.</span>
      </p>
      <details className="review-banner__all">
        <summary>
          All review comments ({comments.length}, {open} open)
        </summary>
        {comments.length === 0 ? (
          <p className="muted">No comments yet. Open a record to comment on it.</p>
        ) : (
          <CommentList caseId={caseId} comments={comments} describe={(c) => `On ${withArticle(KINDS[c.recordKind].label.toLowerCase())}`} />
        )}
      </details>
      <p className="review-banner__export">
        <button type="button" className="button button--small" disabled={comments.length === 0} onClick={() => void exportComments()}>
          Export comments for the case’s owner
        </button>
        {status && <span className={status.error ? 'field__error' : 'muted'} role={status.error ? 'alert' : 'status'}> {status.text}</span>}
      </p>
    </section>
  );
}
