// Our best alternative to a negotiated agreement, and our estimate of theirs: one record per side, edited in place.
import { useState } from 'react';
import { BATNA_STRENGTHS } from '../../../shared/enums.js';
import type { RecordOf } from '../../../shared/records.js';
import { useRecords } from '../../state/data.js';
import { createRecord } from '../../state/records.js';
import { humanize } from '../../ui/labels.js';
import { failureText, RecordField, RecordSelect } from '../../ui/records/RecordField.js';

type Batna = RecordOf<'batna'>;

const STRENGTHS = BATNA_STRENGTHS.map((s) => ({ value: s, label: humanize(s) }));
const SIDES = [
  { side: 'ours', title: 'Our BATNA', hint: 'What we do if no agreement is reached.' },
  { side: 'theirs', title: 'Their BATNA (our estimate)', hint: 'What we think the other side does without an agreement.' },
] as const;

export function BatnaSection({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const batnas = useRecords(caseId, 'batna');
  return (
    <section className="panel batna" aria-labelledby="batna-heading" style={{ marginTop: '1rem' }}>
      <h2 id="batna-heading">Alternatives to agreement (BATNA)</h2>
      {batnas.error && <p className="field__error" role="alert">{batnas.error}</p>}
      <div className="batna-grid">
        {SIDES.map(({ side, title, hint }) => {
          const record = batnas.records?.find((b) => b.side === side);
          return (
            <section key={side} aria-labelledby={`batna-${side}`} className={`batna__side batna__side--${side}`}>
              <h3 id={`batna-${side}`}>{title}</h3>
              {batnas.records && (record ? (
                <BatnaFields caseId={caseId} record={record} readOnly={readOnly} onSaved={batnas.put} />
              ) : (
                <NewBatna caseId={caseId} side={side} hint={hint} readOnly={readOnly} onCreated={batnas.put} />
              ))}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function BatnaFields({ caseId, record, readOnly, onSaved }: { caseId: string; record: Batna; readOnly: boolean; onSaved(r: Batna): void }) {
  const common = { caseId, kind: 'batna' as const, record, onSaved, disabled: readOnly };
  const side = record.side;
  return (
    <>
      <RecordField {...common} field="description" label={side === 'ours' ? 'Our alternative' : 'Their alternative'} control="long" required />
      <RecordSelect {...common} field="strength" label="Strength" options={STRENGTHS} emptyLabel="Not assessed" />
      <RecordField {...common} field="notes" label="Notes" control="long" />
    </>
  );
}

function NewBatna({ caseId, side, hint, readOnly, onCreated }: { caseId: string; side: Batna['side']; hint: string; readOnly: boolean; onCreated(r: Batna): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (readOnly) return <p className="empty">Not recorded.</p>;
  return (
    <form
      aria-label={side === 'ours' ? 'Record our BATNA' : 'Record their BATNA'}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          onCreated(await createRecord(caseId, 'batna', { side, description: text }));
        } catch (err) {
          setError(failureText(err, 'description'));
        }
      }}
    >
      <div className={`field ${error ? 'field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`new-batna-${side}`}>{side === 'ours' ? 'Our alternative' : 'Their alternative'}</label>
        <p className="field__hint" id={`new-batna-${side}-hint`}>{hint} Not recorded yet.</p>
        <input id={`new-batna-${side}`} className="input" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`new-batna-${side}-hint`} />
        {error && <p className="field__error" role="alert">{error}</p>}
      </div>
      <button type="submit" className="button button--small">Record</button>
    </form>
  );
}
