// The first screen: every case file the user has worked with, the files waiting in the case folder, and what is
// due across all cases.
import { useEffect, useState } from 'react';
import { go } from '../../state/navigation.js';
import { isClosedEncrypted, useLibrary } from '../../state/library.js';
import { indexingProgress, useLibraryIndex } from '../../state/library-index.js';
import { CalendarExportButton } from '../../ui/exports/CalendarExportButton.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { WhoAreYou } from '../../ui/profile/WhoAreYou.js';
import { OpenCaseButton } from '../open-case/OpenCaseButton.js';
import { SampleCaseButton } from '../open-case/SampleCaseButton.js';
import { CaseTable } from './CaseTable.js';
import { DashboardPanels } from './DashboardPanels.js';
import { IndexingProgress } from './IndexingProgress.js';
import { TodayDigest } from './TodayDigest.js';
import { UnlistedFiles } from './UnlistedFiles.js';

export function LibraryScreen() {
  const { status, error, entries, unlisted, dashboard, load } = useLibrary();
  const indexing = useLibraryIndex(indexingProgress);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const current = entries.filter((e) => !e.archived);
  const archived = entries.filter((e) => e.archived);

  useEffect(() => {
    // Leaving the screen stops the indexing steps it waits for, and the reads after them.
    const leaving = new AbortController();
    void load(leaving.signal).then(() => !leaving.signal.aborted && setLoadedOnce(true));
    // Case files change outside Parley (copied, moved, another app): look again when the user comes back.
    const reloadOnReturn = () => void load(leaving.signal);
    window.addEventListener('focus', reloadOnReturn);
    return () => {
      window.removeEventListener('focus', reloadOnReturn);
      leaving.abort();
    };
  }, [load]);

  return (
    <div className="screen library">
      <ScreenHeading
        actions={
          <>
            <button type="button" className="button button--primary" onClick={() => go({ screen: 'new-case' })}>
              New case
            </button>
            <OpenCaseButton />
            <SampleCaseButton />
          </>
        }
      >
        Library
      </ScreenHeading>

      <WhoAreYou />

      <IndexingProgress />

      <TodayDigest refreshKey={dashboard} />

      {status === 'error' && (
        <p className="notice notice--error" role="alert">
          The library could not be read: {error}{' '}
          <button type="button" className="button button--small" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}

      <section className="panel" aria-labelledby="case-files-heading" aria-busy={status === 'loading'}>
        <h2 id="case-files-heading">Case files</h2>
        {indexing && !loadedOnce ? (
          <p className="muted">The case files are listed once they are indexed.</p>
        ) : loadedOnce && current.length === 0 && unlisted.length === 0 ? (
          <p className="empty">
            {archived.length > 0 ? 'Every case is archived. ' : 'No case files yet. '}Start with <strong>New case</strong>, or <strong>Open…</strong> a case file someone gave you.
          </p>
        ) : (
          <CaseTable entries={current} caption="Case files in the library" onChanged={() => void load()} />
        )}
        {unlisted.length > 0 && <UnlistedFiles files={unlisted} />}
        {current.length > 0 && <CalendarExportButton label="Export every case's calendar (.ics)" />}
      </section>

      {archived.length > 0 && (
        <section className="panel" aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived</h2>
          <p className="muted">
            Archived cases keep their files and open as before; they are left out of the dashboard, the search across cases and the calendar export. Restore
            one to bring it back.
          </p>
          <CaseTable entries={archived} caption="Archived case files" onChanged={() => void load()} />
        </section>
      )}

      {dashboard && <DashboardPanels dashboard={dashboard} closedEncrypted={current.filter(isClosedEncrypted).length} />}
    </div>
  );
}
