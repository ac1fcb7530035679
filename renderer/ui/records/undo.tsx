// The case's undo notice ("Issue “Scope” deleted. Undo"), drawn above every section of the case, so that it stays
// when the user moves on; what it offers and when it goes are renderer/state/undo.ts's.
import { MOD } from '../../shell/shortcuts/keymap.js';
import { dismissUndoNotice, undoLast, useCaseUndo } from '../../state/undo.js';
import './records.css';

export function CaseUndoNotice({ caseId }: { caseId: string }) {
  const notice = useCaseUndo((s) => (s.notice?.caseId === caseId ? s.notice : null));
  if (!notice) return null;
  const { offers } = notice;
  return (
    <div className={`undo-notice ${notice.failed ? 'undo-notice--error' : ''}`} role="status" aria-live="polite">
      <span>{notice.message}</span>
      {offers && (
        <button type="button" className="button button--small" title={`Undo ${offers} (${MOD}+Z)`} onClick={() => void undoLast(caseId, offers)}>
          Undo
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissUndoNotice}>
        ×
      </button>
    </div>
  );
}
