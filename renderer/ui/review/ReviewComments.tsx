// Review comments on one record. While its case is open for review: the reviewer's own (who, when, resolved or not)
// and a form to add one; they live outside the case file, so adding them leaves it unaltered. Otherwise: the
// comments reviewers sent back and the owner imported into the case (ReceivedComments.tsx).
import { useEffect, useId, useState } from 'react';
import type { ReviewComment } from '../../../shared/api-types.js';
import type { ReviewableKind } from '../../../shared/enums.js';
import { useCases } from '../../state/cases.js';
import { formatInstant } from '../dates.js';
import { useReview } from '../../state/review.js';
import './review.css';
import { clearIfUnchanged } from '../clear-if-unchanged.js';
import { ReceivedComments } from './ReceivedComments.js';

/** True while the case is open for review. */
export function useInReview(caseId: string): boolean {
  return useCases((s) => s.open.find((c) => c.caseId === caseId)?.review ?? false);
}

/** Keeps the review store on the shown case's comments. */
export function useReviewComments(caseId: string): ReviewComment[] {
  const inReview = useInReview(caseId);
  const { caseId: loadedFor, comments, load } = useReview();
  useEffect(() => {
    if (inReview && loadedFor !== caseId) void load(caseId);
  }, [inReview, loadedFor, caseId, load]);
  return inReview && loadedFor === caseId ? comments : [];
}

export function ReviewComments({ caseId, kind, id, noun, className }: { caseId: string; kind: ReviewableKind; id: string; noun: string; className?: string }) {
  const inReview = useInReview(caseId);
  const comments = useReviewComments(caseId).filter((c) => c.recordKind === kind && c.recordId === id);
  const error = useReview((s) => s.error);
  const add = useReview((s) => s.add);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = useId();
  if (!inReview) return <ReceivedComments caseId={caseId} kind={kind} id={id} noun={noun} className={className} />;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      await add(caseId, kind, id, text.trim());
      setText(clearIfUnchanged(text));
    } catch {
      // The store keeps the message; it is shown below the form.
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`review-comments ${className ?? ''}`} aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>Review comments on this {noun}</h3>
      {comments.length === 0 ? <p className="muted">No comments yet.</p> : <CommentList caseId={caseId} comments={comments} />}
      <form className="review-comments__form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${ids}-text`} className="field__label">Add a comment</label>
        <textarea id={`${ids}-text`} className="input" rows={3} value={text} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--small button--primary" disabled={busy || !text.trim()}>Add comment</button>
        {error && <p className="field__error" role="alert">{error}</p>}
      </form>
    </section>
  );
}

/** Comments with their author and time, and buttons to resolve (or reopen) and delete each. */
export function CommentList({ caseId, comments, describe }: { caseId: string; comments: ReviewComment[]; describe?(c: ReviewComment): string }) {
  const { resolve, remove } = useReview();
  const act = (run: () => Promise<void>) => void run().catch(() => undefined); // the store shows the message
  return (
    <ul className="review-comments__list">
      {comments.map((c) => (
        <li key={c.id} className={`review-comment${c.resolvedAt ? ' review-comment--resolved' : ''}`}>
          {describe && <p className="review-comment__about">{describe(c)}</p>}
          <p className="review-comment__text">{c.text}</p>
          <p className="review-comment__meta muted">
            {c.author}, <time dateTime={c.createdAt}>{formatInstant(c.createdAt)}</time>
            {c.resolvedAt && <> · resolved by {c.resolvedBy}</>}
          </p>
          <div className="review-comment__actions">
            <button type="button" className="button button--small" onClick={() => act(() => resolve(caseId, c.id, !c.resolvedAt))}>
              {c.resolvedAt ? 'Reopen' : 'Resolve'}
            </button>
            <button type="button" className="button button--small" aria-label={`Delete the comment “${c.text.slice(0, 40)}”`} onClick={() => act(() => remove(caseId, c.id))}>
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
