// The keyboard shortcuts, in one place: what the sheet lists and what the key handler does.
//   Ctrl+K (Cmd+K on a Mac)   the command palette; works in fields too
//   /                          the command palette
//   ?                          this sheet
//   Alt+1 … Alt+9, Alt+0       the sections of the case on screen, in the sidebar's order (Option on a Mac).
//                              Alt+digit opens no browser or Electron menu (Ctrl+digit switches browser tabs);
//                              works in fields too.
//   G then L / N / T           Library, New case, switch theme (G, then the letter within a second and a half)
//   Ctrl+Shift+L               lock Parley; works in fields too
//   Ctrl+, (Cmd+, on a Mac)    Settings; works in fields too
//   Ctrl+P (Cmd+P on a Mac)    print the view on screen (ui/print/print-view.ts); works in fields too
// Single keys and sequences are ignored while the user types in a field or a dialog is open.
import { CASE_SECTIONS } from '../../state/navigation.js';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = IS_MAC ? '⌘' : 'Ctrl';
export const ALT = IS_MAC ? '⌥' : 'Alt';

export interface ShortcutDoc {
  /** Keys pressed together are one entry ("Ctrl", "K"); a sequence is given as "G then L". */
  keys: string[][];
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: ShortcutDoc[];
}

/** The digit that goes with Alt to the section at this place in the sidebar: 1 to 9, then 0 for the tenth. */
export const sectionDigit = (index: number): string => String((index + 1) % 10);
/** The section Alt and this digit go to, by its place in CASE_SECTIONS; -1 for none. */
export const sectionIndexOfDigit = (digit: string): number => (digit === '0' ? 9 : Number(digit) - 1);

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: [[MOD, 'K'], ['/']], description: 'Search this case and all cases, or run a command' },
      { keys: [['?']], description: 'Show these shortcuts' },
      { keys: [['G'], ['L']], description: 'Go to the Library' },
      { keys: [['G'], ['N']], description: 'Start a new case' },
      { keys: [['G'], ['T']], description: 'Switch between light and dark theme' },
      { keys: [[MOD, 'Shift', 'L']], description: 'Lock Parley: close every case and clear the window' },
      { keys: [[MOD, ',']], description: 'Open Settings' },
      { keys: [[MOD, 'P']], description: 'Print what is on screen: every row whole, with the case and its marking on each page' },
    ],
  },
  {
    title: 'In a case',
    shortcuts: CASE_SECTIONS.map((s, i) => ({ keys: [[ALT, sectionDigit(i)]], description: `Go to ${s.label}` })),
  },
  {
    title: 'In lists and tables',
    shortcuts: [
      { keys: [['↑'], ['↓']], description: 'Move to the previous or next record' },
      { keys: [['Home'], ['End']], description: 'Move to the first or last record' },
      { keys: [['Enter']], description: 'Open the record' },
    ],
  },
  {
    title: 'In the search palette',
    shortcuts: [
      { keys: [['↑'], ['↓']], description: 'Move through the results' },
      { keys: [['Enter']], description: 'Open the result or run the command' },
      { keys: [['Esc']], description: 'Close the palette' },
    ],
  },
];

/** How long after G the second key of a sequence counts. */
export const SEQUENCE_MS = 1_500;
