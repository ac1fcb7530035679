// Two revisions side by side, the words removed from the older one struck through and the words added to the
// newer one marked, with a count of each.
import { useMemo } from 'react';
import { diffSummary, diffWords, type DiffPart } from './diff.js';
import { revisionText, type Revision } from './drafts-data.js';

export function Compare({ older, newer }: { older: Revision; newer: Revision }) {
  const parts = useMemo(() => diffWords(revisionText(older), revisionText(newer)), [older, newer]);
  const { removed, added } = diffSummary(parts);
  return (
    <div className="compare">
      <p className="compare__summary" role="status">
        {removed === 0 && added === 0
          ? 'The two revisions read the same.'
          : `${plural(removed, 'word')} removed, ${plural(added, 'word')} added.`}
        <span className="compare__legend">
          {' '}
          <del>struck through</del>: only in revision {older.revisionNumber}; <ins>underlined</ins>: only in revision {newer.revisionNumber}.
        </span>
      </p>
      <div className="compare__columns">
        <Side title={`Revision ${older.revisionNumber}`} parts={parts} show="removed" />
        <Side title={`Revision ${newer.revisionNumber}`} parts={parts} show="added" />
      </div>
    </div>
  );
}

function Side({ title, parts, show }: { title: string; parts: DiffPart[]; show: 'removed' | 'added' }) {
  return (
    <section className="compare__side" aria-label={title}>
      <h3>{title}</h3>
      <div className="compare__text">
        {parts.map((part, i) => {
          if (part.op === 'same') return <span key={i}>{part.text}</span>;
          if (part.op !== show) return null;
          return show === 'removed'
            ? <del key={i} className="diff diff--removed">{part.text}</del>
            : <ins key={i} className="diff diff--added">{part.text}</ins>;
        })}
      </div>
    </section>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
