// Parley's own open dialog, for the browser: the case files in the default folder, and a field to open any file by
// typing its path (a bare name is looked for in the default folder).
import { useState } from 'react';
import { useCaseFolder } from '../../platform/use-case-folder.js';
import { formatInstant } from '../../ui/dates.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';
import type { OpenMode } from '../../state/cases.js';
import { PathInput } from '../../ui/PathInput.js';

const OPEN_MODES: { value: OpenMode; label: string }[] = [
  { value: 'edit', label: 'Open for editing' },
  { value: 'readOnly', label: 'Open read-only (nothing can be changed)' },
  { value: 'review', label: 'Open for review (read-only; your comments are kept apart, so the file stays unaltered)' },
];

interface OpenCaseDialogProps {
  onClose(): void;
  onChoose(path: string, mode: OpenMode): void;
}

export function OpenCaseDialog({ onClose, onChoose }: OpenCaseDialogProps) {
  const { listing, error: listError, resolve } = useCaseFolder();
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [mode, setMode] = useState<OpenMode>('edit');

  const openTyped = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!typed.trim()) return setTypedError('Type the path of a case file, or a file name in the case folder.');
    onChoose(await resolve(typed), mode);
  };

  return (
    <Dialog
      open
      title="Open a case file"
      onClose={onClose}
      className="open-dialog"
      actions={
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <section aria-labelledby="open-dialog-folder">
        <h3 id="open-dialog-folder">In the case folder</h3>
        {listing && <p className="muted open-dialog__folder">{listing.folder}</p>}
        {listError && <p className="field__error">{listError}</p>}
        {listing && listing.files.length === 0 && <p className="empty">There are no case files in this folder yet.</p>}
        {listing && listing.files.length > 0 && (
          <ul className="file-list">
            {listing.files.map((file) => (
              <li key={file.path} className="file-list__item">
                <button type="button" className="link-button" onClick={() => onChoose(file.path, mode)}>
                  {file.name}
                </button>
                <span className="muted">changed {formatInstant(file.modifiedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form className="open-dialog__typed" onSubmit={(e) => void openTyped(e)} noValidate>
        <Field label="Or type the path of a case file" hint="A full path, or a file name in the case folder." error={typedError}>
          {(control) => (
            <div className="input-row">
              <PathInput
                {...control}
                value={typed}
                placeholder="/path/to/case.parley"
                onValue={(value) => {
                  setTyped(value);
                  setTypedError(null);
                }}
              />
              <button type="submit" className="button button--primary">
                Open
              </button>
            </div>
          )}
        </Field>
        <fieldset className="open-dialog__modes">
          <legend className="field__label">How to open it</legend>
          {OPEN_MODES.map((m) => (
            <label key={m.value} className="checkbox">
              <input type="radio" name="open-mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} /> {m.label}
            </label>
          ))}
        </fieldset>
      </form>
    </Dialog>
  );
}
