// The dashboard's "Today" panel: the daily digest (library.digest) in one place instead of one alert per change.
// What falls due is about now (reminders due, deadlines overdue or in the next days, action items due); what changed
// (others' changes, conflicts a merge left) is counted since the user last pressed "Mark as read", kept in their
// profile (digestReadAt), so the panel empties of changes only when they say they have read it.
import { useCallback, useEffect, useState } from 'react';
import { DIGEST_DAYS, digestPhrases, type Digest } from '../../../shared/digest.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { openCase } from '../../state/cases.js';
import type { CaseSection } from '../../state/navigation.js';
import { indexReady, indexingProgress, useLibraryIndex } from '../../state/library-index.js';
import { useProfile } from '../../state/profile.js';
import { formatDay, formatInstant, localZone } from '../../ui/dates.js';
import { FirstFewList } from '../../ui/FirstFewList.js';

/**
 * Lines of each Today group shown before "Show more": a library with hundreds of overdue deadlines would otherwise
 * push the case list and the dashboard far down the window.
 */
const TODAY_FIRST_FEW = 5;

interface DigestLine {
  key: string;
  text: string;
  caseTitle: string;
  path: string;
  section: CaseSection;
}

function linesOf(digest: Digest): { heading: string; lines: DigestLine[] }[] {
  const groups = [
    {
      heading: 'Reminders due',
      lines: digest.remindersDue.map((r, i) => ({ key: `r${i}`, text: r.title, caseTitle: r.caseTitle, path: r.path, section: 'deadlines' as const })),
    },
    {
      heading: `Deadlines overdue or in the next ${DIGEST_DAYS} days`,
      lines: digest.deadlinesSoon.map((d) => ({ key: d.id, text: `${d.title}, ${formatDay(d.dueDate)}`, caseTitle: d.caseTitle, path: d.path, section: 'deadlines' as const })),
    },
    {
      heading: 'Action items due',
      lines: digest.actionItemsDue.map((a) => ({ key: a.id, text: `${a.title}, ${formatDay(a.dueDate)}`, caseTitle: a.caseTitle, path: a.path, section: 'meetings' as const })),
    },
    {
      heading: digest.sinceRead ? `Changed by others since you last read this (${formatInstant(digest.since)})` : 'Changed by others in the last day',
      lines: digest.changesByOthers.map((c) => ({
        key: c.path, text: `${c.count} change${c.count === 1 ? '' : 's'} by ${c.by.join(', ')}`, caseTitle: c.caseTitle, path: c.path, section: 'timeline' as const,
      })),
    },
    {
      heading: 'Conflicts to resolve after a merge',
      lines: digest.conflicts.map((c) => ({ key: c.path, text: `${c.count} conflict${c.count === 1 ? '' : 's'}`, caseTitle: c.caseTitle, path: c.path, section: 'conflicts' as const })),
    },
  ];
  return groups.filter((g) => g.lines.length > 0);
}

/** `refreshKey`: reloaded whenever it changes (the library's own reload: focus, a case opened or closed). */
export function TodayDigest({ refreshKey }: { refreshKey: unknown }) {
  const [digest, setDigest] = useState<Digest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saveSettings = useProfile((s) => s.saveSettings);

  const indexing = useLibraryIndex(indexingProgress);

  // The digest reads the library index: it waits while that is brought up to date, and reads nothing once the
  // panel is gone.
  const load = useCallback(async (signal?: AbortSignal) => {
    if (!(await indexReady(signal))) return;
    try {
      const read = await api().call('library.digest', { timeZone: localZone() });
      if (signal?.aborted) return;
      setDigest(read);
      setError(null);
    } catch (err) {
      if (!signal?.aborted) setError(messageOf(err));
    }
  }, []);
  useEffect(() => {
    const gone = new AbortController();
    void load(gone.signal);
    return () => gone.abort();
  }, [load, refreshKey]);

  async function markRead() {
    try {
      await saveSettings({ digestReadAt: new Date().toISOString() });
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const groups = digest ? linesOf(digest) : [];
  const summary = digest ? digestPhrases(digest) : [];
  return (
    <section className="panel today-digest" aria-labelledby="today-digest-heading">
      <div className="today-digest__head">
        <h2 id="today-digest-heading">Today{digest && <span className="muted today-digest__date"> · {formatDay(digest.today)}</span>}</h2>
        {digest && digest.changesByOthers.length + digest.conflicts.length > 0 && (
          <button type="button" className="button button--small" onClick={() => void markRead()}>
            Mark as read
          </button>
        )}
      </div>
      {error && <p className="notice notice--error" role="alert">The digest could not be read: {error}</p>}
      {!digest && indexing && <p className="muted">Shown once the case files are indexed.</p>}
      {digest && (
        <p className="today-digest__summary">
          {summary.length ? `${summary.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()) : 'Nothing falls due today or in the next days, and nothing changed since you last read this.'}
        </p>
      )}
      {groups.map((group) => (
        <div key={group.heading} className="today-digest__group">
          <h3>{group.heading}</h3>
          <FirstFewList items={group.lines} firstFew={TODAY_FIRST_FEW} openedLabel={`All: ${group.heading}`}>
            {(shown) => (
              <ul className="dashboard-panel__list">
                {shown.map((line) => (
                  <li key={line.key}>
                    <button type="button" className="dashboard-entry" onClick={() => void openCase(line.path, { section: line.section })}>
                      <span className="dashboard-entry__title truncate" title={line.text}>{line.text}</span>
                      <span className="dashboard-entry__meta truncate" title={line.caseTitle}>{line.caseTitle}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </FirstFewList>
        </div>
      ))}
    </section>
  );
}
