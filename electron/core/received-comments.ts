// A reviewer's comments taken into the case (review.import), as reviewComment records written through the change
// path, each with its audit entry; and the comments received, each with whether its record is still here.
import type { ReceivedReviewComment, ReviewImport } from '../../shared/api-types.js';
import { ParleyError } from './errors.js';
import type { RecordChanges } from './record-changes.js';
import type { CommentsFile } from './review-comments-file.js';
import type { RecordStore } from './store/record-store.js';

/** Comments about another case are refused before anything is read or written. */
export function refuseOtherCase(file: CommentsFile, caseId: string): void {
  if (file.caseId !== caseId) {
    throw new ParleyError('invalid_input', `These review comments are about another case (“${file.caseTitle}”, case id ${file.caseId}), not this one. Nothing was imported.`);
  }
}

/**
 * Each comment not already here becomes a record whose reason names the reviewer and the export. A comment the case
 * has (by the id the reviewer's Parley gave it) is left as it is, so importing a file again adds nothing. A comment
 * about a record no longer here is taken all the same: it keeps the title the record had. The caller holds the
 * transaction.
 */
export function importReviewComments(changes: RecordChanges, file: CommentsFile, actor: string): ReviewImport {
  const { records } = changes;
  const result: ReviewImport = { added: 0, alreadyThere: 0, aboutMissing: 0 };
  const reason = `Review comments of ${file.reviewer}, exported ${file.exportedAt}`;
  for (const c of file.comments) {
    const known = records.list('reviewComment', { filter: { commentId: c.id }, includeDeleted: true, limit: 1, orderBy: 'rowid' });
    if (known.length) {
      result.alreadyThere++;
      continue;
    }
    if (records.presence(c.about.kind, c.about.id) !== 'live') result.aboutMissing++;
    changes.create('reviewComment', {
      commentId: c.id, recordKind: c.about.kind, recordId: c.about.id, recordTitle: c.about.title, text: c.text,
      reviewer: c.author, reviewedAt: c.createdAt, reviewedAuditHead: file.caseAuditHead,
      resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy, commentsSha256: file.sha256,
    }, actor, { reason });
    result.added++;
  }
  return result;
}

/** The review comments imported into the case, oldest comment first, each with whether its record is still here. */
export function receivedReviewComments(records: RecordStore): ReceivedReviewComment[] {
  return records.list('reviewComment').map((comment) => ({ comment, recordPresent: records.presence(comment.recordKind, comment.recordId) === 'live' }));
}
