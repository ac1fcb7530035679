// Copies of this case on the overview: the conflicts merges left open (a link to the Conflicts screen), and the ways
// to merge a copy, import a colleague's changes or export this copy's.
import { useCases } from '../../state/cases.js';
import { hashOf } from '../../state/navigation.js';
import { TeamActions } from '../../ui/team/TeamActions.js';

export function CopiesPanel({ caseId }: { caseId: string }) {
  const info = useCases((s) => s.open.find((c) => c.caseId === caseId));
  const open = info?.openConflicts ?? 0;
  return (
    <section className="panel copies-panel" aria-labelledby="copies-heading">
      <h2 id="copies-heading">Copies of this case</h2>
      <p>
        {open > 0 ? (
          <>
            <span className="badge badge--problem">{open.toLocaleString('en')}</span>{' '}
            <a href={hashOf({ screen: 'case', caseId, section: 'conflicts' })}>
              {open === 1 ? '1 conflict between copies to resolve' : `${open.toLocaleString('en')} conflicts between copies to resolve`}
            </a>
          </>
        ) : (
          <span className="muted">No conflicts between copies.</span>
        )}
      </p>
      <TeamActions caseId={caseId} readOnly={info?.readOnly ?? true} />
    </section>
  );
}
