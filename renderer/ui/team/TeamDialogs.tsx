// The team dialog, mounted once in the shell (like the schedule dialog): Merge a copy…, Import changes… or Export
// changes… for the case it was opened for, from wherever it was asked (the File menu, the palette, the overview,
// the Conflicts screen). It closes if that case is closed meanwhile.
import { useCases } from '../../state/cases.js';
import { useTeam } from '../../state/team.js';
import { ExportChangesDialog } from './ExportChangesDialog.js';
import { MergeDialog } from './MergeDialog.js';

/**
 * Closes the dialog. The dialog gives focus back to where it was; if a merge drew the screen again meanwhile, that
 * button is gone, and focus goes to the screen's heading instead of the top of the page.
 */
function close(): void {
  useTeam.getState().close();
  requestAnimationFrame(() => {
    if (document.activeElement === document.body || !document.activeElement) document.querySelector<HTMLElement>('main h1')?.focus();
  });
}

export function TeamDialogs() {
  const dialog = useTeam((s) => s.dialog);
  const info = useCases((s) => (dialog ? s.open.find((c) => c.caseId === dialog.caseId) : undefined));
  if (!dialog || !info) return null;
  const key = `${dialog.action}/${dialog.caseId}`;
  if (dialog.action === 'export') return <ExportChangesDialog key={key} caseId={info.caseId} casePath={info.path} onClose={close} />;
  return <MergeDialog key={key} caseId={info.caseId} casePath={info.path} from={dialog.action === 'merge' ? 'copy' : 'changes'} onClose={close} />;
}
