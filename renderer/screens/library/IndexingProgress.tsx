// While the library index is being brought up to date (library-index.ts): how far it got, and why the dashboard
// waits. Shown only when the first step did not finish it, which is rare: after an update of Parley, or when many
// case files were added or changed by another program.
import { useId } from 'react';
import { indexedSoFar, indexingProgress, useLibraryIndex } from '../../state/library-index.js';

export function IndexingProgress() {
  const progress = useLibraryIndex(indexingProgress);
  const barId = useId();
  if (!progress) return null;
  return (
    // Not a region of its own: its name would change with every step. The bar is named by its label.
    <div className="panel library-indexing">
      <label htmlFor={barId} className="library-indexing__label">
        Indexing case files: {indexedSoFar(progress)}
      </label>
      <progress id={barId} className="library-indexing__bar" value={progress.indexed} max={Math.max(progress.total, 1)} />
      <p className="muted library-indexing__why">
        Parley is reading case files that changed since it last saw them, so the dashboard and search can answer at once. You can open a case meanwhile.
      </p>
    </div>
  );
}
