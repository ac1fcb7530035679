// The one shape every dialog of the drafts screens has: a form, Cancel, and one primary button that submits it
// (Enter in a field does the same). Busy, the primary button says what is happening and cannot be pressed again.
import { useId, type ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog.js';

interface FormDialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  onSubmit(): void;
  /** The primary button: "Create draft", "Insert footnote"... */
  submitLabel: string;
  /** What the primary button says while the work runs ("Creating…"); the submit label if not given. */
  busyLabel?: string;
  busy?: boolean;
  /** The primary button is disabled (nothing to submit yet). */
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

export function FormDialog({ open, title, onClose, onSubmit, submitLabel, busyLabel, busy = false, disabled = false, className, children }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      className={className}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy || disabled}>
            {busy ? busyLabel ?? submitLabel : submitLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        {children}
      </form>
    </Dialog>
  );
}
