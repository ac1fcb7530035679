// What a shareable brief will carry, before anything is written (brief.preview): each section, in the order chosen,
// with a box to leave it out or take it in and what the sharing rules keep out of it, the shareable texts that may give something away (a sentence of an
// internal text, or a telltale word such as "walk-away"), each naming its record and field with a way to open it, and
// the choices people made for single records or fields that the brief follows.
import { useEffect, useId } from 'react';
import type { SharingWarning, TextPlace } from '../../../shared/api-types.js';
import type { MeetingBriefSectionId } from '../../../shared/documents/brief-sections.js';
import type { SectionChoice } from './FirmTemplates.js';
import { KINDS } from '../../../shared/records.js';
import { useRead } from '../../state/data.js';
import { formatInstant } from '../../ui/dates.js';

interface ShareablePreviewProps {
  caseId: string;
  meetingId: string;
  /** Every section in the order chosen, each held or not (the dialog's list). */
  choices: readonly SectionChoice[];
  onToggle(id: MeetingBriefSectionId, on: boolean): void;
  /** Whether the preview can be confirmed (it was read, and the meeting may be shared). */
  onReady(ready: boolean): void;
  /** Opens a record of the case (the dialog closes). */
  onOpen(place: Pick<TextPlace, 'kind' | 'id'>): void;
}

const kindWord = (kind: TextPlace['kind']) => KINDS[kind].label.toLowerCase();

export function ShareablePreview({ caseId, meetingId, choices, onToggle, onReady, onOpen }: ShareablePreviewProps) {
  const ids = useId();
  const sections = choices.filter((c) => c.on).map((c) => c.id);
  // Read again for each choice of sections, the last preview staying on screen (and its boxes focused) meanwhile.
  const { data: preview, error, reading } = useRead('brief.preview', { caseId, meetingId, sections }, { keepPrevious: true });
  const ready = !reading && error === null && preview !== null;
  // onReady is the dialog's setter.
  useEffect(() => onReady(ready), [ready]);

  if (error) return <p className="notice notice--error" role="alert">The shareable brief cannot be previewed: {error}</p>;
  if (!preview) return <p aria-busy="true">Reading what the brief would carry…</p>;

  // In the dialog's order, so that a box keeps its place when it is ticked or unticked.
  const position = (id: MeetingBriefSectionId) => choices.findIndex((c) => c.id === id);
  const listed = [...preview.sections].sort((a, b) => position(a.id) - position(b.id));
  const titleOf = (id: MeetingBriefSectionId) => preview.sections.find((s) => s.id === id)?.title ?? id;

  return (
    <div className="share-preview" aria-busy={reading}>
      <p className="share-preview__intro">
        Nothing is written until you confirm. Untick a section to leave it out; what Parley keeps in the team is listed
        under each section.
      </p>
      <div className="share-preview__columns">
        <fieldset className="share-preview__sections">
          <legend className="field__label">Sections</legend>
          <ul>
            {listed.map((s) => {
              const internal = s.excluded === 'internal';
              const hintId = `${ids}-${s.id}`;
              return (
                <li key={s.id} className={`share-preview__section ${s.included ? '' : 'share-preview__section--out'}`}>
                  <label>
                    <input
                      type="checkbox"
                      checked={s.included}
                      // An internal section never goes; the last section held cannot be let go.
                      disabled={internal || (s.included && sections.length === 1)}
                      aria-describedby={internal || s.leftOut.length ? hintId : undefined}
                      onChange={(e) => onToggle(s.id, e.target.checked)}
                    />
                    <span>{s.title}</span>
                  </label>
                  {internal ? (
                    <p id={hintId} className="share-preview__left-out">Internal: never in a shareable brief.</p>
                  ) : (
                    s.leftOut.length > 0 && (
                      <p id={hintId} className="share-preview__left-out">
                        {s.included ? 'Kept out: ' : 'Left out, with: '}
                        {s.leftOut.map((l) => l.text).join('; ')}.
                      </p>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="share-preview__checks">
          <section aria-labelledby={`${ids}-warnings`}>
            <h3 id={`${ids}-warnings`}>
              {preview.warnings.length === 0 ? 'Nothing to check' : `Check before sharing (${preview.warnings.length})`}
            </h3>
            {preview.warnings.length === 0 ? (
              <p className="muted">No shareable text in the brief quotes an internal one or uses a word such as walk-away or BATNA.</p>
            ) : (
              <>
                <p className="muted share-preview__note">These texts would go out as written. Open the record to reword it, or mark the field internal.</p>
                <ul className="share-preview__warnings" aria-label="Texts to check">
                  {preview.warnings.map((w, i) => (
                    <Warning key={i} warning={w} sections={w.sections.map(titleOf)} onOpen={onOpen} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby={`${ids}-choices`}>
            <h3 id={`${ids}-choices`}>Choices it follows</h3>
            {preview.choices.length === 0 ? (
              <p className="muted">Nobody has marked a record or a field by hand: every default applies. Mark one from its panel (“Who may see it”).</p>
            ) : (
              <ul className="share-preview__choices">
                {preview.choices.map((c) => (
                  <li key={`${c.id}-${c.field ?? ''}`}>
                    <strong>{c.level === 'shareable' ? 'Shared' : 'Kept internal'}:</strong>{' '}
                    {c.fieldLabel ? `${c.fieldLabel} of the ${kindWord(c.kind)} “${c.title}”` : `the ${kindWord(c.kind)} “${c.title}”`}
                    <span className="muted">, by {c.by} on {formatInstant(c.at)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

function Warning({ warning: w, sections, onOpen }: { warning: SharingWarning; sections: string[]; onOpen(place: TextPlace): void }) {
  const where = `${w.at.fieldLabel} of the ${kindWord(w.at.kind)} “${w.at.title}”`;
  return (
    <li className="share-preview__warning">
      <p className="share-preview__where">{where}</p>
      <blockquote className="share-preview__excerpt">{w.excerpt}</blockquote>
      <p className="share-preview__why">
        {w.reason === 'quotes_internal' && w.quotes
          ? <>Repeats {w.quotes.fieldLabel.toLowerCase()} of the {kindWord(w.quotes.kind)} “{w.quotes.title}”, which is internal.</>
          : <>Uses the word “{w.word}”.</>}
        {' '}<span className="muted">In {sections.join(', ')}.</span>
      </p>
      <button type="button" className="link-button" onClick={() => onOpen(w.at)} aria-label={`Open the ${kindWord(w.at.kind)} “${w.at.title}” at ${w.at.fieldLabel}`}>
        Open the {kindWord(w.at.kind)}
      </button>
    </li>
  );
}
