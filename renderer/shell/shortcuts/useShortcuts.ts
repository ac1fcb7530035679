// Listens for the keyboard shortcuts listed in keymap.ts, on the whole window.
import { useEffect } from 'react';
import { CASE_SECTIONS, go, useNavigation } from '../../state/navigation.js';
import { toggleTheme } from '../palette/commands.js';
import { showPalette } from '../palette/palette-state.js';
import { SEQUENCE_MS, sectionIndexOfDigit } from './keymap.js';
import { showShortcutSheet } from './sheet-state.js';
import { lockApp } from '../../state/app-lock.js';
import { printCurrentView } from '../../ui/print/print-view.js';
import { redoLast, undoLast } from '../../state/undo.js';

const NOT_TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether the key goes into something the user types in. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPING_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function useShortcuts(): void {
  useEffect(() => {
    let gPressedAt = 0;
    function onKeyDown(e: KeyboardEvent): void {
      if (e.defaultPrevented || e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        showPalette();
        return;
      }
      if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lockApp();
        return;
      }
      // In the desktop app Parley > Settings (Edit > Settings off a Mac) owns the key and sends the same command.
      if (mod && !e.shiftKey && !e.altKey && e.key === ',' && !window.parleyDesktop) {
        e.preventDefault();
        go({ screen: 'settings' });
        return;
      }
      // The browser's own Ctrl+P would print the screen as it is; Parley's readies its print view first. In the
      // desktop app File > Print owns the shortcut (its accelerator) and sends the same command (desktop-shell.ts):
      // answering the key here as well would print twice.
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p' && !window.parleyDesktop) {
        e.preventDefault();
        printCurrentView();
        return;
      }
      if (document.querySelector('dialog[open]')) return;
      // Undo and redo of the case's changes; inside a text field the field's own undo keeps the keys.
      if (!isTyping(e.target) && mod && !e.altKey && ['z', 'y'].includes(e.key.toLowerCase())) {
        const { route } = useNavigation.getState();
        if (route.screen !== 'case') return;
        e.preventDefault();
        void (e.key.toLowerCase() === 'y' || e.shiftKey ? redoLast : undoLast)(route.caseId);
        return;
      }
      // Alt+digit works in fields too, so a user writing in a case need not leave the field to move through it. The
      // shortcut wins over the sign Option+digit types on a Mac (¡, ™…); AltGr, which types characters on other
      // keyboards, comes with Ctrl and is left alone. The field is left (blurred) first: a record field saves then.
      if (e.altKey && !mod && !e.shiftKey) {
        const digit = /^Digit([0-9])$/.exec(e.code)?.[1];
        const section = digit ? CASE_SECTIONS[sectionIndexOfDigit(digit)] : undefined;
        const { route } = useNavigation.getState();
        if (section && route.screen === 'case') {
          e.preventDefault();
          if (isTyping(e.target)) (e.target as HTMLElement).blur();
          go({ screen: 'case', caseId: route.caseId, section: section.id });
          return;
        }
      }
      if (isTyping(e.target)) return;
      if (e.altKey && !mod && !e.shiftKey) return;
      if (mod || e.altKey) return;
      const key = e.key.toLowerCase();
      if (gPressedAt && e.timeStamp - gPressedAt < SEQUENCE_MS) {
        gPressedAt = 0;
        const run = { l: () => go({ screen: 'library' }), n: () => go({ screen: 'new-case' }), t: toggleTheme }[key];
        if (run) {
          e.preventDefault();
          run();
          return;
        }
      }
      gPressedAt = 0;
      if (e.key === '?') {
        e.preventDefault();
        showShortcutSheet();
      } else if (e.key === '/') {
        e.preventDefault();
        showPalette();
      } else if (key === 'g' && !e.shiftKey) {
        gPressedAt = e.timeStamp;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
