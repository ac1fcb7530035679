// Shown above every section of a case open for review: says that nothing can be changed and where comments go,
// and lists every comment of the review (on any record) in a disclosure.
import { KINDS } from '../../../shared/records.js';
import { CommentList, useInReview, useReviewComments } from './ReviewComments.js';
import './review.css';

export function ReviewBanner({ caseId }: { caseId: string }) {
  const inReview = useInReview(caseId);
  const comments = useReviewComments(caseId);
  if (!inReview) return null;
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
          <CommentList caseId={caseId} comments={comments} describe={(c) => `On a ${KINDS[c.recordKind].label.toLowerCase()}`} />
        )}
      </details>
    </section>
  );
}
