// The known case files, one row each: what the case is, where it stands, what is next. A file that moved or cannot
// be read keeps its row, with the reason, so the user can find or remove it.
import { useEffect, useState } from 'react';
import type { LibraryEntry } from '../../../shared/api-types.js';
import { messageOf } from '../../api/client.js';
import { api, platform } from '../../services.js';
import { openCase } from '../../state/cases.js';
import { isClosedEncrypted } from '../../state/library.js';
import { showProblem } from '../../state/problem.js';
import { formatDay, relativeDay } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { fileNameOf } from '../../ui/paths.js';
import { CaseFileActions } from './CaseFileActions.js';

export function CaseTable({ entries, caption, onChanged }: { entries: LibraryEntry[]; caption: string; onChanged(): void }) {
  if (entries.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="case-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Status</th>
            <th scope="col" className="case-table__next">Next deadline</th>
            <th scope="col" className="numeric">Open deadlines</th>
            <th scope="col" className="numeric">Action items</th>
            <th scope="col" className="numeric">Issues</th>
            <th scope="col" className="numeric">Meetings</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) =>
            entry.state !== 'ok' ? (
              <ProblemRow key={entry.path} entry={entry} onChanged={onChanged} />
            ) : isClosedEncrypted(entry) ? (
              <EncryptedRow key={entry.path} entry={entry} onChanged={onChanged} />
            ) : (
              <CaseRow key={entry.path} entry={entry} onChanged={onChanged} />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The row's header cell: what names the case, where its file is, and what can be done with the file. */
function CaseCell({ path, children, actions }: { path: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <th scope="row">
      {children}
      <span className="case-row__path" title={path}>
        <bdi dir="ltr">{path}</bdi>
      </span>
      {actions}
    </th>
  );
}

/** An encrypted file that is not open: nothing but its name is known until its passphrase opens it. */
function EncryptedRow({ entry, onChanged }: { entry: LibraryEntry; onChanged(): void }) {
  return (
    <tr className="case-row">
      <CaseCell path={entry.path} actions={<CaseFileActions entry={entry} name={fileNameOf(entry.path)} onChanged={onChanged} />}>
        <button type="button" className="link-button case-row__title" onClick={() => void openCase(entry.path)}>
          {fileNameOf(entry.path)}
        </button>
      </CaseCell>
      <td colSpan={6}>
        <span className="badge">Encrypted</span>{' '}
        <span className="muted">Left out of the dashboard and the search across cases while it is closed: open it with its passphrase to see what it holds and include it.</span>
        <RememberedPassphrase path={entry.path} />
      </td>
    </tr>
  );
}

/** Where passphrases can be remembered (the desktop app): whether this file's is, and a way to forget it. */
function RememberedPassphrase({ path }: { path: string }) {
  const store = platform().passphrases;
  const [remembered, setRemembered] = useState(false);
  useEffect(() => {
    let current = true;
    store?.isRemembered(path).then((is) => current && setRemembered(is), () => undefined);
    return () => void (current = false);
  }, [store, path]);
  if (!store || !remembered) return null;
  const forget = async () => {
    try {
      await store.forget(path);
      setRemembered(false);
    } catch (err) {
      showProblem({ title: 'The passphrase could not be forgotten', message: messageOf(err), detail: path });
    }
  };
  return (
    <span className="case-row__actions">
      {' '}
      <span className="muted">Its passphrase is remembered on this device.</span>{' '}
      <button type="button" className="button button--small" onClick={() => void forget()} aria-label={`Forget the passphrase of ${fileNameOf(path)}`}>
        Forget passphrase
      </button>
    </span>
  );
}

function CaseRow({ entry, onChanged }: { entry: LibraryEntry; onChanged(): void }) {
  const { counts, nextDeadline } = entry;
  const title = entry.title ?? fileNameOf(entry.path);
  return (
    <tr className="case-row">
      <CaseCell path={entry.path} actions={<CaseFileActions entry={entry} name={title} onChanged={onChanged} />}>
        {/* A long title is cut to one line; the whole of it is in the tooltip and read out by screen readers. */}
        <button type="button" className="link-button case-row__title truncate" onClick={() => void openCase(entry.path)} title={title}>
          {title}
        </button>
      </CaseCell>
      <td>{entry.status && <span className={`badge badge--status-${entry.status}`}>{humanize(entry.status)}</span>}</td>
      <td className="case-table__next">
        {nextDeadline ? (
          <>
            <span className="case-row__deadline truncate" title={nextDeadline.title}>
              {nextDeadline.title}
            </span>
            <span className="muted">
              {formatDay(nextDeadline.dueDate)} ({relativeDay(nextDeadline.dueDate)})
            </span>
          </>
        ) : (
          <span className="muted">None set</span>
        )}
      </td>
      <td className="numeric">
        {counts.openDeadlines}
        {counts.tbdDeadlines > 0 && <span className="muted"> ({counts.tbdDeadlines} TBD)</span>}
      </td>
      <td className="numeric">{counts.openActionItems}</td>
      <td className="numeric">{counts.issues}</td>
      <td className="numeric">{counts.meetings}</td>
    </tr>
  );
}

function ProblemRow({ entry, onChanged }: { entry: LibraryEntry; onChanged(): void }) {
  const forget = async () => {
    try {
      await api().call('library.forget', { path: entry.path });
      onChanged();
    } catch (err) {
      showProblem({ title: 'The library could not be changed', message: messageOf(err), detail: entry.path });
    }
  };
  return (
    <tr className="case-row case-row--problem">
      <CaseCell path={entry.path}>
        <span className="case-row__title">{fileNameOf(entry.path)}</span>
      </CaseCell>
      <td colSpan={6}>
        <span className="badge badge--problem">{entry.state === 'missing' ? 'Missing' : 'Cannot be read'}</span>{' '}
        <span className="case-row__problem">{entry.problem}</span>{' '}
        <span className="case-row__actions">
          {entry.state === 'unreadable' && (
            <button type="button" className="button button--small" onClick={() => void openCase(entry.path)}>
              Try to open
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => void forget()} aria-label={`Remove ${fileNameOf(entry.path)} from the library`}>
            Remove from library
          </button>
        </span>
      </td>
    </tr>
  );
}
