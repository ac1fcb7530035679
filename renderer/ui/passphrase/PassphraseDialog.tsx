// The modal that asks for an encrypted case file's passphrase (state/passphrase-prompt.ts). A wrong passphrase
// comes back with the core's message in the same dialog, so the user can try again or cancel.
import { useEffect, useId, useRef, useState } from 'react';
import { usePassphrasePrompt } from '../../state/passphrase-prompt.js';
import { Dialog } from '../Dialog.js';
import './passphrase.css';

export function PassphraseDialog() {
  const { question, answer } = usePassphrasePrompt();
  const [passphrase, setPassphrase] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    setPassphrase('');
    if (question) requestAnimationFrame(() => input.current?.focus());
  }, [question]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (passphrase) answer?.(passphrase);
  };
  return (
    <Dialog
      open={!!question}
      title="Enter the passphrase"
      onClose={() => answer?.(null)}
      className="passphrase-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={() => answer?.(null)}>Cancel</button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!passphrase}>Open</button>
        </>
      }
    >
      <form id={`${id}-form`} className="passphrase-fields" onSubmit={submit}>
        <p>
          <bdi>{question?.fileName}</bdi> is encrypted. Enter its passphrase to open it.
        </p>
        <p className="muted">A file that is not a Parley case file at all can look encrypted too; no passphrase opens it.</p>
        <label htmlFor={`${id}-input`} className="field__label">Passphrase</label>
        <input
          id={`${id}-input`} ref={input} type="password" className="input" autoComplete="current-password" value={passphrase}
          aria-invalid={question?.error ? true : undefined} aria-describedby={question?.error ? `${id}-error` : undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {question?.error && <p id={`${id}-error`} className="field__error" role="alert">{question.error}</p>}
        <RememberOption />
      </form>
    </Dialog>
  );
}

/** "Remember on this device": offered only where the system keeps secrets safely; otherwise shown off, with why. */
function RememberOption() {
  const id = useId();
  return (
    <div className="passphrase-remember">
      <label className="checkbox">
        <input type="checkbox" disabled aria-describedby={`${id}-why`} /> Remember on this device
      </label>
      <p id={`${id}-why`} className="muted">Not available here: Parley keeps passphrases only in the desktop app, with the system’s secure storage.</p>
    </div>
  );
}
