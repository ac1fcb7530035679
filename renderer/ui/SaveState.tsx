// The save state of one field, announced politely to screen readers as it changes.
import type { FieldSave } from '../state/directive.js';

export function SaveState({ save, pending }: { save: FieldSave | undefined; pending: boolean }) {
  let text = '';
  let tone = 'idle';
  if (save?.state === 'saving') [text, tone] = ['Saving…', 'saving'];
  else if (save?.state === 'error') [text, tone] = ['Not saved', 'error'];
  else if (pending) [text, tone] = ['Editing', 'pending'];
  else if (save?.state === 'saved') [text, tone] = ['Saved', 'saved'];
  return (
    <span className={`save-state save-state--${tone}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
