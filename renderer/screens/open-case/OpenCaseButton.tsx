// "Open…": the system's open dialog on the desktop; Parley's own chooser in a browser.
import { useState } from 'react';
import { platform } from '../../services.js';
import { openCase } from '../../state/cases.js';
import { OpenCaseDialog } from './OpenCaseDialog.js';

export function OpenCaseButton({ className = 'button' }: { className?: string }) {
  const [choosing, setChoosing] = useState(false);
  const start = async () => {
    const pick = platform().pickCaseFile;
    if (!pick) return setChoosing(true);
    const chosen = await pick();
    if (chosen) await openCase(chosen);
  };
  return (
    <>
      <button type="button" className={className} onClick={() => void start()}>
        Open…
      </button>
      {choosing && (
        <OpenCaseDialog
          onClose={() => setChoosing(false)}
          onChoose={(path, mode) => {
            setChoosing(false);
            void openCase(path, { readOnly: mode === 'readOnly', review: mode === 'review' });
          }}
        />
      )}
    </>
  );
}
