// Esc closes a record's side panel and puts the focus back on the row that opened it, as it closes a dialog. It
// leaves Esc alone where something else inside the panel owns it: an open dialog or menu, a list of suggestions, an
// editor's popup.
import { useState, type KeyboardEvent } from 'react';

/** What owns Esc while the focus is inside it (or while it is open anywhere, for a modal dialog). */
const OWNS_ESCAPE = 'dialog, [role="menu"], [role="listbox"], [role="combobox"][aria-expanded="true"], [aria-haspopup][aria-expanded="true"], [data-own-escape]';

/**
 * The panel's onKeyDown: Esc closes it (`onClose`) and focuses what had the focus when it opened (the row's open
 * button), or else the row of record `recordId`.
 */
export function usePanelEscape(recordId: string, onClose: () => void): (e: KeyboardEvent<HTMLElement>) => void {
  // Read while the panel first renders, before its heading takes the focus.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  return (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (target.closest(OWNS_ESCAPE) || document.querySelector('dialog[open]')) return;
    e.preventDefault();
    onClose();
    // After the panel is gone (React commits the close before the next frame).
    requestAnimationFrame(() => focusRow(opener, recordId));
  };
}

function focusRow(opener: HTMLElement | null, recordId: string): void {
  if (opener?.isConnected && opener !== document.body && !opener.closest('[data-record-panel]')) {
    opener.focus();
    return;
  }
  const row = [...document.querySelectorAll<HTMLElement>(`[data-record-id="${CSS.escape(recordId)}"]`)].find((el) => !el.closest('[data-record-panel]'));
  const target = row?.querySelector<HTMLElement>('[data-row-open], button, a[href]') ?? row;
  target?.focus();
}
