// "Open the sample case": a realistic fictional case to look around in, made on first use where the platform can.
import { useState } from 'react';
import { messageOf } from '../../api/client.js';
import { platform } from '../../services.js';
import { openCase } from '../../state/cases.js';
import { showProblem } from '../../state/problem.js';

export function SampleCaseButton() {
  const [busy, setBusy] = useState(false);
  const sampleCase = platform().sampleCase;
  if (!sampleCase) return null;
  const open = async () => {
    setBusy(true);
    try {
      await openCase(await sampleCase());
    } catch (err) {
      showProblem({ title: 'The sample case could not be made', message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" onClick={() => void open()} disabled={busy}>
      {busy ? 'Making the sample…' : 'Open the sample case'}
    </button>
  );
}
