// What can be done with a case file from its library row: rename it on disk, duplicate it (another copy of the same
// case, which can be merged with it later), archive or restore it, or take it off the list (the file stays).
import { useState } from 'react';
import type { LibraryEntry } from '../../../shared/api-types.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { isClosedEncrypted } from '../../state/library.js';
import { showProblem } from '../../state/problem.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';
import { fileNameOf } from '../../ui/paths.js';

interface Props {
  entry: LibraryEntry;
  /** How the row names the case: its title, or its file name when nothing else is known. */
  name: string;
  onChanged(): void;
}

export function CaseFileActions({ entry, name, onChanged }: Props) {
  const [renaming, setRenaming] = useState(false);
  const file = fileNameOf(entry.path);
  const run = async (problemTitle: string, call: () => Promise<unknown>) => {
    try {
      await call();
      onChanged();
    } catch (err) {
      showProblem({ title: problemTitle, message: messageOf(err), detail: entry.path });
    }
  };
  // An encrypted file that is not open cannot be copied without its passphrase: the core refuses it, so it is not offered.
  const canDuplicate = !isClosedEncrypted(entry);
  return (
    <span className="case-row__actions case-row__file-actions">
      <button type="button" className="link-button" onClick={() => setRenaming(true)} aria-label={`Rename the file of ${name}…`}>
        Rename…
      </button>
      {canDuplicate && (
        <button
          type="button"
          className="link-button"
          onClick={() => void run('The case file could not be duplicated', () => api().call('library.duplicate', { path: entry.path }))}
          aria-label={`Duplicate ${name} (another copy of the same case)`}
          title="Another copy of the same case, beside this file: changes made in either can be merged into the other"
        >
          Duplicate
        </button>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => void run('The library could not be changed', () => api().call('library.archive', { path: entry.path, archived: !entry.archived }))}
        aria-label={entry.archived ? `Restore ${name} from the archive` : `Archive ${name}`}
      >
        {entry.archived ? 'Restore' : 'Archive'}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => void run('The library could not be changed', () => api().call('library.forget', { path: entry.path }))}
        aria-label={`Remove ${name} from the library (the file stays)`}
      >
        Remove from library
      </button>
      <RenameDialog open={renaming} path={entry.path} fileName={file} onClose={() => setRenaming(false)} onRenamed={onChanged} />
    </span>
  );
}

function RenameDialog({ open, path, fileName, onClose, onRenamed }: { open: boolean; path: string; fileName: string; onClose(): void; onRenamed(): void }) {
  return (
    <Dialog open={open} title={`Rename ${fileName}`} onClose={onClose} actions={null}>
      {/* Made afresh at each opening, from the name the file has then. */}
      {open && <RenameForm path={path} fileName={fileName} onClose={onClose} onRenamed={onRenamed} />}
    </Dialog>
  );
}

function RenameForm({ path, fileName, onClose, onRenamed }: { path: string; fileName: string; onClose(): void; onRenamed(): void }) {
  const extension = /\.[^.]+$/.exec(fileName)?.[0] ?? '';
  const [name, setName] = useState(fileName.slice(0, fileName.length - extension.length));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await api().call('library.rename', { path, name });
      onClose();
      onRenamed();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="New file name" hint={`The file stays in its folder${extension ? ` and keeps its ${extension} ending` : ''}. The case inside it is not changed.`}>
        {(control) => <input {...control} className="input" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} autoFocus required />}
      </Field>
      {/* The core's refusal is a whole sentence that may begin with a file name: shown as it is, not recased. */}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Rename
        </button>
      </div>
    </form>
  );
}
