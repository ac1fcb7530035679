// Review comments that travelled back: a reviewer's exported comments, imported into the case by its owner. Beside
// each record, the comments about it, open or resolved, with a button to resolve or reopen each (audited in the
// core). On the overview, the import itself and every comment received, with the record each is about.
import { useEffect, useId, useState } from 'react';
import type { ReceivedReviewComment, ReviewImport } from '../../../shared/api-types.js';
import type { ReviewableKind } from '../../../shared/enums.js';
import { KINDS } from '../../../shared/records.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { useCases } from '../../state/cases.js';
import { useReceivedComments } from '../../state/received-comments.js';
import { formatInstant } from '../dates.js';
import './review.css';

/** The comments imported into the case (none while it is open for review: those are the reviewer's own). */
export function useReceived(caseId: string): ReceivedReviewComment[] {
  const open = useCases((s) => s.open.find((c) => c.caseId === caseId));
  const { caseId: loadedFor, received, load } = useReceivedComments();
  const shown = !!open && !open.review;
  useEffect(() => {
    if (shown && loadedFor !== caseId) void load(caseId);
  }, [shown, loadedFor, caseId, load]);
  return shown && loadedFor === caseId ? received : [];
}

const useCaseReadOnly = (caseId: string) => useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? true);

/** The received comments about one record, beside it; nothing when there are none. */
export function ReceivedComments({ caseId, kind, id, noun, className }: { caseId: string; kind: ReviewableKind; id: string; noun: string; className?: string }) {
  const about = useReceived(caseId).filter((r) => r.comment.recordKind === kind && r.comment.recordId === id);
  const ids = useId();
  if (about.length === 0) return null;
  const open = about.filter((r) => r.comment.resolvedAt === null).length;
  return (
    <section className={`review-comments review-comments--received ${className ?? ''}`} aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>Review comments on this {noun} ({open} open)</h3>
      <ReceivedList caseId={caseId} received={about} />
    </section>
  );
}

/** Each comment: its text, who reviewed and when, open or resolved, and the button that changes that. */
function ReceivedList({ caseId, received, withRecord }: { caseId: string; received: ReceivedReviewComment[]; withRecord?: boolean }) {
  const resolve = useReceivedComments((s) => s.resolve);
  const error = useReceivedComments((s) => s.error);
  const readOnly = useCaseReadOnly(caseId);
  return (
    <>
      <ul className="review-comments__list">
        {received.map(({ comment: c, recordPresent }) => (
          <li key={c.id} className={`review-comment${c.resolvedAt ? ' review-comment--resolved' : ''}`} data-review-comment={c.commentId}>
            {withRecord && (
              <p className="review-comment__about">
                On the {KINDS[c.recordKind].label.toLowerCase()} “{c.recordTitle}”{recordPresent ? '' : ' (no longer in the case)'}
              </p>
            )}
            <p className="review-comment__text">{c.text}</p>
            <p className="review-comment__meta muted">
              {c.reviewer}, <time dateTime={c.reviewedAt}>{formatInstant(c.reviewedAt)}</time>
              {' · '}
              {c.resolvedAt ? <>resolved by {c.resolvedBy}, <time dateTime={c.resolvedAt}>{formatInstant(c.resolvedAt)}</time></> : 'open'}
            </p>
            {!readOnly && (
              <div className="review-comment__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`${c.resolvedAt ? 'Reopen' : 'Resolve'} the comment “${c.text.slice(0, 40)}”`}
                  onClick={() => void resolve(caseId, c.id, c.resolvedAt === null, c.version)}
                >
                  {c.resolvedAt ? 'Reopen' : 'Resolve'}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="field__error" role="alert">{error}</p>}
    </>
  );
}

/** A file's bytes as base64, the form files travel in through the API. */
async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function importSummary({ added, alreadyThere, aboutMissing }: ReviewImport): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const parts = [`Imported ${n(added, 'comment', 'comments')}.`];
  if (alreadyThere) parts.push(`${n(alreadyThere, 'comment was', 'comments were')} here already and left as they were.`);
  if (aboutMissing) parts.push(`${n(aboutMissing, 'is', 'are')} about a record no longer in the case.`);
  return parts.join(' ');
}

/**
 * The overview's panel: import a reviewer's comments file (asking for the passphrase it was sealed with when the
 * case's own does not open it), and every comment received, open ones first.
 */
export function ReceivedCommentsPanel({ caseId }: { caseId: string }) {
  const received = useReceived(caseId);
  const importFile = useReceivedComments((s) => s.importFile);
  const readOnly = useCaseReadOnly(caseId);
  const inReview = useCases((s) => s.open.find((c) => c.caseId === caseId)?.review ?? false);
  const [pending, setPending] = useState<{ name: string; dataBase64: string } | null>(null);
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  if (inReview) return null;

  const run = async (file: { name: string; dataBase64: string }, given?: string) => {
    setError(null);
    setStatus(null);
    try {
      const result = await importFile(caseId, file.dataBase64, given);
      setStatus(importSummary(result));
      setPending(null);
      setAskPassphrase(false);
      setPassphrase('');
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : null;
      if (code === 'passphrase_required' || (code === 'wrong_passphrase' && given === undefined)) {
        setPending(file);
        setAskPassphrase(true);
      }
      setError(`${file.name}: ${messageOf(err)}`);
    }
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    await run({ name: file.name, dataBase64: await fileAsBase64(file) });
  };
  const sorted = [...received].sort((a, b) => Number(a.comment.resolvedAt !== null) - Number(b.comment.resolvedAt !== null));
  const open = received.filter((r) => r.comment.resolvedAt === null).length;

  return (
    <section className="panel review-comments review-comments--received" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Review comments received</h2>
      {!readOnly && (
        <div className="review-comments__form">
          <label htmlFor={`${ids}-file`} className="field__label">Import a reviewer’s comments</label>
          <input id={`${ids}-file`} type="file" accept=".parley-comments,application/json" onChange={(e) => { void choose(e.target.files?.[0]); e.target.value = ''; }} />
          {askPassphrase && pending && (
            <form className="review-comments__form" onSubmit={(e) => { e.preventDefault(); void run(pending, passphrase); }}>
              <label htmlFor={`${ids}-pass`} className="field__label">Passphrase of the copy the reviewer read</label>
              <input id={`${ids}-pass`} className="input" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              <button type="submit" className="button button--small button--primary" disabled={!passphrase}>Import with this passphrase</button>
            </form>
          )}
          {status && <p className="notice" role="status">{status}</p>}
          {error && <p className="field__error" role="alert">{error}</p>}
        </div>
      )}
      {received.length === 0 ? (
        <p className="muted">No review comments received yet.</p>
      ) : (
        <>
          <p className="muted">{received.length} received, {open} open.</p>
          <ReceivedList caseId={caseId} received={sorted} withRecord />
        </>
      )}
    </section>
  );
}
