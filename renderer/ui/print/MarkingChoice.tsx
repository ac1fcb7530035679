// The confidentiality marking of a case's printed and exported pages, chosen beside a draft's Export buttons: one of
// the usual markings, none, or any other text. The choice is the case's (state/marking.ts): Print and every export
// of the same kind (internal material, or a shareable brief) use it until it is changed.
import { useEffect, useId, useState } from 'react';
import { MARKING_MAX_LENGTH, MARKING_PRESETS, useMarking, useMarkings, type MarkingKind } from '../../state/marking.js';

const NONE = '';
const OTHER = '\u0000other';

export function MarkingChoice({ caseId, kind }: { caseId: string; kind: MarkingKind }) {
  const id = useId();
  const marking = useMarking(caseId, kind);
  const choose = useMarkings((s) => s.choose);
  const preset = marking === NONE || (MARKING_PRESETS as readonly string[]).includes(marking);
  // "Other…" stays chosen while its text is typed, even when the text happens to match a preset or is still empty.
  const [typing, setTyping] = useState(!preset);
  useEffect(() => setTyping((t) => t || !preset), [preset]);
  const selected = typing ? OTHER : marking;
  return (
    <div className="marking-choice" role="group" aria-label="Marking">
      <label htmlFor={id} className="marking-choice__label">Marking</label>
      <select
        id={id}
        className="input marking-choice__select"
        value={selected}
        title="The confidentiality marking at the top of every printed and exported page"
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setTyping(true);
            return;
          }
          setTyping(false);
          choose(caseId, kind, e.target.value);
        }}
      >
        {MARKING_PRESETS.map((m) => <option key={m} value={m}>{m}</option>)}
        <option value={NONE}>No marking</option>
        <option value={OTHER}>Other…</option>
      </select>
      {typing && (
        <input
          className="input marking-choice__text"
          aria-label="Marking text"
          maxLength={MARKING_MAX_LENGTH}
          value={marking}
          placeholder="For example: Confidential - Mediation"
          onChange={(e) => choose(caseId, kind, e.target.value)}
        />
      )}
    </div>
  );
}
