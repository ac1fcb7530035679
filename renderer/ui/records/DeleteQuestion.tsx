// The question asked before a delete or a purge (state/deleting.ts), mounted once in the shell. "Keep it" has the
// focus: Enter never destroys by accident.
import { useDeleteQuestion } from '../../state/deleting.js';
import { Dialog } from '../Dialog.js';

export function DeleteQuestion() {
  const asking = useDeleteQuestion((s) => s.asking);
  const answer = useDeleteQuestion((s) => s.answer);
  return (
    <Dialog
      open={!!asking}
      title={asking?.title ?? ''}
      onClose={() => answer(false)}
      tone="danger"
      actions={
        <>
          <button type="button" className="button" onClick={() => answer(false)} autoFocus>
            Keep it
          </button>
          <button type="button" className="button button--danger" onClick={() => answer(true)}>
            {asking?.confirm}
          </button>
        </>
      }
    >
      <p>{asking?.message}</p>
    </Dialog>
  );
}
