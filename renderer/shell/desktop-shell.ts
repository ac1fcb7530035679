// Keeps the Electron shell and the renderer in step: files the shell asks to open (command line, file manager,
// File > Open), its menu commands (Merge a Copy, Import and Export Changes open the team dialog for the case shown), and what it must know for its own decisions (the case in view; whether closing
// the window would lose typed text).
import type { ParleyDesktop } from '../../shared/desktop.js';
import { closeCase, openCase } from '../state/cases.js';
import { useDirective } from '../state/directive.js';
import { go, useNavigation } from '../state/navigation.js';
import { lockApp } from '../state/app-lock.js';
import { printCurrentView } from '../ui/print/print-view.js';
import { showTeamDialog } from '../state/team.js';
import { redoLast, undoLast } from '../state/undo.js';
import { chooseFilesToAttach } from '../state/attachments.js';

export function followDesktopShell(desktop: ParleyDesktop): void {
  desktop.onOpenFile((path) => void openCase(path));
  desktop.onMenuCommand((command) => {
    const { route } = useNavigation.getState();
    if (command === 'newCase') go({ screen: 'new-case' });
    if (command === 'closeCase' && route.screen === 'case') void closeCase(route.caseId);
    if (command === 'lock') lockApp();
    if (command === 'settings') go({ screen: 'settings' });
    if (command === 'library') go({ screen: 'library' });
    if (command === 'print') printCurrentView();
    if (route.screen === 'case') {
      if (command === 'mergeCopy') showTeamDialog('merge', route.caseId);
      if (command === 'importChanges') showTeamDialog('import', route.caseId);
      if (command === 'exportChanges') showTeamDialog('export', route.caseId);
      if (command === 'undo') void undoLast(route.caseId);
      if (command === 'redo') void redoLast(route.caseId);
      if (command === 'attach') chooseFilesToAttach(route.caseId);
    }
  });

  const activeCase = () => {
    const { route } = useNavigation.getState();
    return route.screen === 'case' ? route.caseId : null;
  };
  let lastActive = activeCase();
  desktop.setActiveCase(lastActive);
  useNavigation.subscribe(() => {
    const now = activeCase();
    if (now !== lastActive) desktop.setActiveCase((lastActive = now));
  });

  let lastDirty = false;
  useDirective.subscribe((state) => {
    const dirty = Object.keys(state.drafts).length > 0;
    if (dirty !== lastDirty) desktop.setDirty((lastDirty = dirty));
  });
}
