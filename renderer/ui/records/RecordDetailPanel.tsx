// The side panel a list screen opens one record in: a focused heading naming the record, a close button, the
// screen's fields (each with who may see it beside its label), who may see the record and each of its fields, the
// record's links, and a delete button unless the case is read-only. `data-record-panel` tells a landing
// (land-on-record.ts) that the record has a panel of its own, which keeps the focus.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { LINKABLE_KINDS } from '../../../shared/enums.js';
import { ReviewComments } from '../review/ReviewComments.js';
import { LinksPanel } from '../links/LinksPanel.js';
import { RecordAttachments } from '../attachments/RecordAttachments.js';
import { RecordSharingProvider, SharingSection } from '../sharing/RecordSharing.js';
import { usePanelEscape } from './panel-escape.js';

export function RecordDetailPanel(props: {
  caseId: string;
  kind: (typeof LINKABLE_KINDS)[number];
  id: string;
  /** What the record is, in words: "precedent", "watch item". */
  noun: string;
  title: string;
  readOnly: boolean;
  onClose(): void;
  onDelete(): void;
  children: ReactNode;
}) {
  const { caseId, kind, id, noun, title, readOnly, onClose, onDelete, children } = props;
  const closeOnEscape = usePanelEscape(id, onClose);
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <RecordSharingProvider caseId={caseId} kind={kind} id={id}>
    <aside className="panel records__detail" aria-labelledby={`${ids}-h`} data-record-panel={id} onKeyDown={closeOnEscape}>
      <div className="records__detail-head">
        <h2 id={`${ids}-h`} ref={heading} tabIndex={-1}><span className="visually-hidden">{Noun}: </span>{title}</h2>
        <button type="button" className="icon-button" aria-label={`Close the ${noun}`} onClick={onClose}>×</button>
      </div>
      {children}
      {/* An attachment has no attachments of its own. */}
      {kind !== 'attachment' && <RecordAttachments caseId={caseId} kind={kind} id={id} noun={noun} readOnly={readOnly} />}
      <SharingSection noun={noun} readOnly={readOnly} />
      <LinksPanel caseId={caseId} kind={kind} id={id} readOnly={readOnly} />
      <ReviewComments caseId={caseId} kind={kind} id={id} noun={noun} />
      {!readOnly && (
        <div className="records__section">
          <button type="button" className="button button--small" onClick={onDelete}>Delete this {noun}</button>
        </div>
      )}
    </aside>
    </RecordSharingProvider>
  );
}
