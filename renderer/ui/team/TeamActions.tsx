// The three ways of working with copies of the case, as buttons (the overview and the Conflicts screen; the desktop
// app's File menu and the palette open the same dialog). A read-only case takes nothing in, but can export.
import { showTeamDialog } from '../../state/team.js';
import './team.css';

export function TeamActions({ caseId, readOnly, className = 'team-actions' }: { caseId: string; readOnly: boolean; className?: string }) {
  return (
    <div className={className}>
      {!readOnly && (
        <>
          <button type="button" className="button button--small" onClick={() => showTeamDialog('merge', caseId)}>Merge a copy…</button>
          <button type="button" className="button button--small" onClick={() => showTeamDialog('import', caseId)}>Import changes…</button>
        </>
      )}
      <button type="button" className="button button--small" onClick={() => showTeamDialog('export', caseId)}>Export changes…</button>
    </div>
  );
}
