// Printing what is on screen (File > Print, Ctrl+P / Cmd+P, the palette). The view is readied for paper first, then
// the print dialog opens (window.print(): the browser's, or in the desktop app the system's). Readying it means:
//   - `printing` is set, so views that draw only what is near the window (the virtualized deadline list, the
//     timeline) draw every row, and a draft draws its printable document (PrintedDocument.tsx);
//   - every field shows its value as text beside it, which print.css prints in place of the field (a text input
//     cannot wrap, a text area prints only what fits its box, and a placeholder is no value);
//   - the page's running text is set for print.css's @page margin boxes: the confidentiality marking at the top;
//     the case, the view and the date at the foot.
// A print started from the browser's own menu is readied too (beforeprint); afterprint puts the screen back.
import { flushSync } from 'react-dom';
import { create } from 'zustand';
import { cssString } from '../../../shared/documents/html.js';
import { DEFAULT_MARKING } from '../../../shared/documents/page.js';
import { caseById } from '../../state/cases.js';
import { currentMarking, type MarkingKind } from '../../state/marking.js';
import { CASE_SECTIONS, MORE_CASE_SCREENS, useNavigation } from '../../state/navigation.js';
import { formatDay, isoToday } from '../dates.js';

interface PrintViewState {
  /** The print view is drawn (from just before the print dialog opens until it closes). */
  printing: boolean;
  /**
   * Which of the case's markings (state/marking.ts) the view on screen prints with: a shareable brief's while one is
   * shown (DraftView sets it); every other view holds the case's internal material.
   */
  markingKind: MarkingKind;
}

export const usePrintView = create<PrintViewState>()(() => ({ printing: false, markingKind: 'internal' }));

/** The marking the view on screen prints with: the one chosen for its case (state/marking.ts); the library's, privileged. */
export function markingOfView(): string {
  const { route } = useNavigation.getState();
  return route.screen === 'case' ? currentMarking(route.caseId, usePrintView.getState().markingKind) : DEFAULT_MARKING;
}

/** Marks the text put beside a field for paper, so that it can be found and taken away again. */
const PRINT_VALUE_ATTRIBUTE = 'data-print-value';
/** Controls whose state is shown some other way on paper (print.css: a ticked box prints as its label). */
const NOT_PRINTED_AS_TEXT = new Set(['checkbox', 'radio', 'hidden', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color', 'password']);

/** What a field prints as: its value in words; null for a control that does not print as text. */
export function printedValue(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string | null {
  if (control instanceof HTMLSelectElement) return [...control.selectedOptions].map((option) => option.text).join(', ');
  if (control instanceof HTMLTextAreaElement) return control.value;
  if (NOT_PRINTED_AS_TEXT.has(control.type)) return null;
  // A date reads as on the rest of the page ("3 December 2026"), not as the input's numbers.
  if (control.type === 'date') return control.value ? formatDay(control.value) : '';
  return control.value;
}

/** Puts each field's value beside it as text, in place of what an earlier print put there. */
function showFieldsAsText(root: ParentNode): void {
  removeFieldText(root);
  for (const control of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
    const value = printedValue(control);
    if (value === null) continue;
    const text = document.createElement('span');
    text.setAttribute(PRINT_VALUE_ATTRIBUTE, '');
    // On screen it is never shown (print.css); a screen reader already reads the field itself.
    text.setAttribute('aria-hidden', 'true');
    text.className = value.trim() ? 'print-value' : 'print-value print-value--empty';
    text.textContent = value.trim() ? value : '—';
    control.after(text);
  }
}

function removeFieldText(root: ParentNode): void {
  for (const text of root.querySelectorAll(`[${PRINT_VALUE_ATTRIBUTE}]`)) text.remove();
}

/** The running text of the printed pages, as CSS strings for print.css's margin boxes. */
function setRunningText(): void {
  const { route } = useNavigation.getState();
  const caseTitle = route.screen === 'case' ? caseById(route.caseId)?.title ?? '' : '';
  const view = route.screen === 'case' ? [...CASE_SECTIONS, ...MORE_CASE_SCREENS].find((s) => s.id === route.section)?.label ?? '' : route.screen === 'library' ? 'Library' : '';
  const date = formatDay(isoToday());
  const style = document.documentElement.style;
  style.setProperty('--print-marking', cssString(markingOfView()));
  style.setProperty('--print-footer', cssString([caseTitle, view, date].filter(Boolean).join(' \u00b7 ')));
}

/** Draws the print view now (synchronously, so that the print that follows sees it) and sets its running text. */
export function preparePrintView(): void {
  flushSync(() => usePrintView.setState({ printing: true }));
  setRunningText();
  showFieldsAsText(document.getElementById('main') ?? document);
}

/** Back to the screen as it was. */
export function endPrintView(): void {
  removeFieldText(document);
  usePrintView.setState({ printing: false });
}

/** Prints the view on screen: readies it, then opens the print dialog. */
export function printCurrentView(): void {
  preparePrintView();
  window.print();
}

// A print the app did not start (the browser's menu) is readied as well; the print dialog closing ends either.
window.addEventListener('beforeprint', () => {
  if (!usePrintView.getState().printing) preparePrintView();
});
window.addEventListener('afterprint', endPrintView);
