// Parley's own open dialog, for the browser: first how to open (for editing, read-only, for review), then the file:
// one of the case files in the default folder, or any file by typing its path (a bare name is looked for in the
// default folder). The choice comes first because a click on a file opens it at once.
import { useState } from 'react';
import { useCaseFolder } from '../../platform/use-case-folder.js';
import { formatInstant } from '../../ui/dates.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';
import type { OpenMode } from '../../state/cases.js';
import { PathInput } from '../../ui/PathInput.js';

const OPEN_MODES: { value: OpenMode; label: string; hint: string; opens: string }[] = [
  { value: 'edit', label: 'Open for editing', hint: 'Changes are saved into the file as you make them.', opens: 'for editing' },
  { value: 'readOnly', label: 'Open read-only', hint: 'Nothing can be changed.', opens: 'read-only' },
  { value: 'review', label: 'Open for review', hint: 'Read-only; your comments are kept apart, so the file stays unaltered.', opens: 'for review' },
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
  const opens = OPEN_MODES.find((m) => m.value === mode)!.opens;

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
      <fieldset className="open-dialog__modes">
        <legend className="open-dialog__step">1. How to open it</legend>
        {OPEN_MODES.map((m) => (
          <label key={m.value} className="open-dialog__mode">
            <input type="radio" name="open-mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} />
            <span>
              <span className="open-dialog__mode-label">{m.label}</span> <span className="muted">{m.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <h3 className="open-dialog__step">2. Choose the file</h3>
      <p className="muted">A file you choose opens {opens} at once.</p>
      <section aria-labelledby="open-dialog-folder">
        <h4 id="open-dialog-folder">In the case folder</h4>
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
                Open {opens}
              </button>
            </div>
          )}
        </Field>
      </form>
    </Dialog>
  );
}
