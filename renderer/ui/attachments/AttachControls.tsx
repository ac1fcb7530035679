// The pieces every place that attaches files shares: the "Attach files…" button over a hidden file input (several
// files at once), what an attach said (how many went in, and why each refused file was refused), and a file's
// text state in words, asked again while its text is being read.
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { formatFileSize, MAX_ATTACHMENT_BYTES, ACCEPTED_ATTACHMENT_TYPES } from '../../../shared/attachments.js';
import { outcomeInWords, textStatusInWords, useTextState, type Attachment, type AttachOutcome } from '../../state/attachments.js';
import './attachments.css';

/** What the file input offers in the system's chooser: every accepted extension and media type. */
const ACCEPT = Object.entries(ACCEPTED_ATTACHMENT_TYPES).flatMap(([mediaType, type]) => [mediaType, ...type.extensions]).join(',');

/** What Parley takes, in a sentence for a hint (the refusal of another type names the extensions too). */
export const ACCEPTED_IN_WORDS = `Parley takes these files, up to ${formatFileSize(MAX_ATTACHMENT_BYTES)} each: ${Object.values(ACCEPTED_ATTACHMENT_TYPES).map((t) => t.label).join(', ')}.`;

export interface AttachButtonHandle {
  /**
   * Opens the system's file chooser, and puts the focus on the button: where the browser refuses a chooser that no
   * click or key of the user's opened (a menu command that came from the shell), Enter opens it from there.
   */
  choose(): void;
}

/** "Attach files…": the system's chooser, several files at once; the files chosen go to `onFiles`. */
export const AttachButton = forwardRef<AttachButtonHandle, { onFiles(files: File[]): void; label?: string; describedBy?: string; small?: boolean }>(
  function AttachButton({ onFiles, label = 'Attach files…', describedBy, small }, ref) {
    const input = useRef<HTMLInputElement>(null);
    const button = useRef<HTMLButtonElement>(null);
    useImperativeHandle(ref, () => ({
      choose() {
        button.current?.focus();
        input.current?.click();
      },
    }), []);
    return (
      <>
        <button ref={button} type="button" className={`button ${small ? 'button--small' : 'button--primary'}`} aria-describedby={describedBy} onClick={() => input.current?.click()}>
          {label}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={ACCEPT}
          data-attach-input
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = ''; // the same file chosen again is a new attach
            if (files.length) onFiles(files);
          }}
        />
      </>
    );
  },
);

/** How many files went in, and each refusal's sentence; a live region, so that it is read out as it comes. */
export function AttachOutcomeNotice({ outcome, onDismiss }: { outcome: AttachOutcome | null | undefined; onDismiss(): void }) {
  return (
    <div className="attachments__outcome" role="status">
      {outcome && (
        <div className={`notice ${outcome.refused.length ? 'notice--error' : ''} attachments__outcome-head`}>
          <div>
            {outcomeInWords(outcome)}
            {outcome.refused.length > 0 && (
              <ul aria-label="Not attached">
                {outcome.refused.map((sentence) => <li key={sentence}>{sentence}</li>)}
              </ul>
            )}
          </div>
          <button type="button" className="button button--small" onClick={onDismiss}>Dismiss</button>
        </div>
      )}
    </div>
  );
}

/** "Text read", "Reading text…", …: asked again every half second while the text is being read. */
export function TextStatus({ caseId, attachment }: { caseId: string; attachment: Attachment }) {
  const state = useTextState(caseId, attachment);
  return (
    <span className={state.textStatus === 'failed' ? 'attachments__status--failed' : undefined} data-text-status={state.textStatus}>
      {textStatusInWords(state)}
    </span>
  );
}
