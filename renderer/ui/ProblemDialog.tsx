// Shows the problem put in the problem store (state/problem.ts): the core's message, what it was about, and at
// most one way forward besides closing.
import { useProblem } from '../state/problem.js';
import { Dialog } from './Dialog.js';

export function ProblemDialog() {
  const { problem, dismiss } = useProblem();
  return (
    <Dialog
      open={!!problem}
      title={problem?.title ?? ''}
      onClose={dismiss}
      tone="danger"
      className="problem-dialog"
      actions={
        <>
          {problem?.action && (
            <button
              type="button"
              className="button"
              onClick={() => {
                const action = problem.action!;
                dismiss();
                void action.run();
              }}
            >
              {problem.action.label}
            </button>
          )}
          <button type="button" className="button button--primary" onClick={dismiss} autoFocus>
            Close
          </button>
        </>
      }
    >
      <p className="problem-dialog__message">{problem?.message}</p>
      {problem?.detail && <p className="problem-dialog__detail"><code>{problem.detail}</code></p>}
    </Dialog>
  );
}
