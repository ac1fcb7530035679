// A modal dialog on the native <dialog> element: the browser traps focus inside it, Escape closes it, and focus
// returns to where it was when it closes.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  /** The buttons at the bottom; a Close button is added when there are none; null: the body has its own (a form's). */
  actions?: ReactNode | null;
  tone?: 'normal' | 'danger';
  className?: string;
}

export function Dialog({ open, title, onClose, children, actions, tone = 'normal', className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${tone} ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">{title}</h2>
      <div className="dialog__body">{children}</div>
      {actions !== null && (
        <div className="dialog__actions">
          {actions ?? (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      )}
    </dialog>
  );
}
