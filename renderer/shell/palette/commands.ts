// What the palette can do besides searching: go to a section of the case on screen, print it, merge a copy of it or
// import or export its changes, the library, a new case, Settings, switch the theme, show the shortcuts.
import { CASE_SECTIONS, go, MORE_CASE_SCREENS, type Route } from '../../state/navigation.js';
import { redoLast, undoLast, useCaseUndo } from '../../state/undo.js';
import { useTheme } from '../../state/theme.js';
import { showShortcutSheet } from '../shortcuts/sheet-state.js';
import { lockApp } from '../../state/app-lock.js';
import { openProfileDialog } from '../../state/profile.js';
import { MOD, sectionDigit } from '../shortcuts/keymap.js';
import { chooseFilesToAttach } from '../../state/attachments.js';
import { printCurrentView } from '../../ui/print/print-view.js';
import { caseById } from '../../state/cases.js';
import { showTeamDialog } from '../../state/team.js';

export interface Command {
  id: string;
  label: string;
  /** The key that does the same, shown beside the command. */
  hint?: string;
  run(): void;
}

/** Flips between light and dark from whichever the screen shows now (the system's choice included). */
export function toggleTheme(): void {
  const { choice, choose } = useTheme.getState();
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  choose(dark ? 'light' : 'dark');
}

export function commandsFor(route: Route): Command[] {
  const commands: Command[] = [];
  if (route.screen === 'case') {
    const { caseId } = route;
    CASE_SECTIONS.forEach((s, i) =>
      commands.push({ id: `section:${s.id}`, label: `Go to ${s.label}`, hint: `Alt+${sectionDigit(i)}`, run: () => go({ screen: 'case', caseId, section: s.id }) }),
    );
    // The case's undo and redo, as the core last said (the palette reads it as it opens), and Recently deleted.
    const next = useCaseUndo.getState().next[caseId];
    if (next?.undo) commands.push({ id: 'undo', label: `Undo: ${next.undo}`, hint: `${MOD}+Z`, run: () => void undoLast(caseId) });
    if (next?.redo) commands.push({ id: 'redo', label: `Redo: ${next.redo}`, hint: `${MOD}+Shift+Z`, run: () => void redoLast(caseId) });
    for (const s of MORE_CASE_SCREENS) commands.push({ id: `section:${s.id}`, label: `Go to ${s.label}`, run: () => go({ screen: 'case', caseId, section: s.id }) });
    commands.push({ id: 'print', label: 'Print this view', hint: `${MOD}+P`, run: printCurrentView });
    // Copies of one case (the File menu's items in the desktop app): a read-only case takes nothing in.
    if (!caseById(caseId)?.readOnly) {
      commands.push(
        { id: 'attach', label: 'Attach files…', run: () => chooseFilesToAttach(caseId) },
        { id: 'merge-copy', label: 'Merge a copy…', run: () => showTeamDialog('merge', caseId) },
        { id: 'import-changes', label: 'Import changes…', run: () => showTeamDialog('import', caseId) },
      );
    }
    commands.push({ id: 'export-changes', label: 'Export changes…', run: () => showTeamDialog('export', caseId) });
  }
  commands.push(
    { id: 'library', label: 'Go to the Library', hint: 'G then L', run: () => go({ screen: 'library' }) },
    { id: 'new-case', label: 'New case', hint: 'G then N', run: () => go({ screen: 'new-case' }) },
    { id: 'theme', label: 'Switch between light and dark theme', hint: 'G then T', run: toggleTheme },
    { id: 'shortcuts', label: 'Show keyboard shortcuts', hint: '?', run: showShortcutSheet },
    { id: 'lock', label: 'Lock Parley', hint: `${MOD}+Shift+L`, run: lockApp },
    { id: 'profile', label: 'Change your name (as written on your changes)', run: openProfileDialog },
    { id: 'settings', label: 'Open Settings (name, time zone, date format, holidays, locking, theme)', hint: `${MOD}+,`, run: () => go({ screen: 'settings' }) },
  );
  return commands;
}

/** The commands whose label holds every word typed. */
export function matchCommands(commands: Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return commands;
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
}
