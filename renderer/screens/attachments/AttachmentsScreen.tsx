// Attachments: the documents of the case (the directive itself, letters, exhibits, notes), each attached to the case
// or to one of its records. Files come in through "Attach files…" (also File > Attach… and the palette) or dropped
// anywhere on the screen; the table says whether Parley has read each one's text (for search); one file open beside
// the table is previewed, saved as a copy, renamed and described, or deleted (to Recently deleted).
import { useEffect, useMemo, useRef, useState } from 'react';
import { acceptedType, formatFileSize } from '../../../shared/attachments.js';
import { attachFiles, dismissAttachOutcome, saveAttachmentCopy, takeChooserRequest, useAttachedToTitles, useAttachments, type Attachment } from '../../state/attachments.js';
import { useCases } from '../../state/cases.js';
import { useRecords } from '../../state/data.js';
import { deleteWithCare, focusAfterRemoval } from '../../state/deleting.js';
import { hashOf } from '../../state/navigation.js';
import { messageOf } from '../../api/client.js';
import { sectionOfKind } from '../../shell/palette/record-sections.js';
import { AttachButton, AttachOutcomeNotice, ACCEPTED_IN_WORDS, TextStatus, type AttachButtonHandle } from '../../ui/attachments/AttachControls.js';
import { AttachmentPreview } from '../../ui/attachments/AttachmentPreview.js';
import { useFileDrop } from '../../ui/attachments/file-drop.js';
import { formatInstant } from '../../ui/dates.js';
import { kindLabel } from '../../ui/labels.js';
import { takeOpenRequest } from '../../ui/links/open-record.js';
import { RecordDetailPanel } from '../../ui/records/RecordDetailPanel.js';
import { RecordField } from '../../ui/records/RecordField.js';
import { RecordsBesideDetail, RecordTable, type RecordColumn } from '../../ui/records/RecordTable.js';
import { useLandOnRecord } from '../../ui/records/land-on-record.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import '../../ui/records/records.css';
import '../../ui/attachments/attachments.css';

/** An attachment as the record table lists it: its name is its title. */
type Row = Attachment & { title: string };

const typeLabel = (a: Attachment) => acceptedType(a.mediaType)?.label ?? a.mediaType;
const NEWEST_FIRST = (a: Attachment, b: Attachment) => b.createdAt.localeCompare(a.createdAt);

export function AttachmentsScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const list = useRecords(caseId, 'attachment');
  const { reload } = list;
  const attachedCount = useAttachments((s) => s.attachedCount[caseId] ?? 0);
  useEffect(() => {
    if (attachedCount) void reload();
  }, [attachedCount, reload]);
  const outcome = useAttachments((s) => s.outcome[caseId]);
  const [openId, setOpenId] = useState<string | null>(() => takeOpenRequest('attachment'));
  const [previewing, setPreviewing] = useState<Attachment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useLandOnRecord({ listed: list.records, open: setOpenId });
  const titles = useAttachedToTitles(caseId, list.records);

  // The palette's or the menu's "Attach files…" brought the user here: the chooser opens as the screen does.
  const chooser = useRef<AttachButtonHandle>(null);
  useEffect(() => {
    if (!readOnly && takeChooserRequest(caseId)) chooser.current?.choose();
  }, [caseId, readOnly]);

  const attach = (files: File[]) => void attachFiles(caseId, files);
  const drop = useFileDrop(attach, !readOnly);

  const rows = useMemo<Row[]>(() => [...(list.records ?? [])].sort(NEWEST_FIRST).map((a) => ({ ...a, title: a.name })), [list.records]);
  const open = rows.find((a) => a.id === openId) ?? null;

  const attachedTo = (a: Attachment) => (
    <AttachedTo caseId={caseId} attachment={a} title={a.attachedToKind && a.attachedToId ? titles[`${a.attachedToKind}:${a.attachedToId}`] : undefined} />
  );
  const columns: RecordColumn<Row>[] = [
    { heading: 'Type', className: 'attachments__beside-panel', cell: typeLabel },
    { heading: 'Size', nowrap: true, cell: (a) => formatFileSize(a.size) },
    { heading: 'Attached to', cell: attachedTo },
    { heading: 'Added', className: 'attachments__beside-panel', cell: (a) => <>{formatInstant(a.createdAt)}<span className="muted"> by {a.createdBy}</span></> },
    { heading: 'Text', cell: (a) => <TextStatus caseId={caseId} attachment={a} /> },
    { heading: 'Preview', className: 'attachments__beside-panel', cell: (a) => <button type="button" className="button button--small" onClick={() => setPreviewing(a)} aria-label={`Preview “${a.name}”`}>Preview</button> },
  ];

  async function remove(attachment: Attachment) {
    const ids = rows.map((r) => r.id);
    try {
      if (!(await deleteWithCare(caseId, 'attachment', attachment.id))) return;
      list.drop(attachment.id);
      setOpenId(null);
      focusAfterRemoval(ids, attachment.id);
    } catch (err) {
      setProblem(messageOf(err));
    }
  }

  return (
    <div className={`screen attachments ${drop.over ? 'file-drop--over' : ''}`} {...drop.handlers}>
      <ScreenHeading eyebrow="Case section" actions={!readOnly && <AttachButton ref={chooser} onFiles={attach} describedBy="attachments-hint" />}>
        Attachments
      </ScreenHeading>
      <AttachOutcomeNotice outcome={outcome} onDismiss={() => dismissAttachOutcome(caseId)} />
      {problem && <p className="notice notice--error" role="alert">{problem}</p>}
      <RecordsBesideDetail
        detail={open && (
          <AttachmentPanel key={open.id} caseId={caseId} attachment={open} attachedTo={attachedTo(open)} readOnly={readOnly} onSaved={(a) => list.put(a)} onPreview={() => setPreviewing(open)} onClose={() => setOpenId(null)} onDelete={() => void remove(open)} />
        )}
      >
        <section className="panel" aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">Documents of this case</h2>
          <p id="attachments-hint" className="field__hint attachments__hint">
            {readOnly ? ACCEPTED_IN_WORDS : `Drop files anywhere on this screen to attach them to the case, or attach them to a record from its panel. ${ACCEPTED_IN_WORDS}`}
          </p>
          {list.error && <p className="notice notice--error" role="alert">The attachments could not be read: {list.error}</p>}
          {list.records && rows.length === 0 && <p className="empty">No attachments yet. Attach the directive itself, letters, exhibits and notes: Parley reads the text of PDFs, Word documents and text files so that search finds what they say.</p>}
          <RecordTable label="Attachments" titleHeading="Name" columns={columns} records={rows} openId={openId} onOpen={setOpenId} rowsNoun="attachments" />
        </section>
      </RecordsBesideDetail>
      <AttachmentPreview caseId={caseId} attachment={previewing} onClose={() => setPreviewing(null)} />
    </div>
  );
}

/** Where the file belongs: the case, or a link to the record (its title, once read). */
function AttachedTo({ caseId, attachment: a, title }: { caseId: string; attachment: Attachment; title: string | null | undefined }) {
  if (!a.attachedToKind || !a.attachedToId) return <>The case</>;
  const kind = kindLabel(a.attachedToKind);
  if (title === null) return <span className="muted">{kind} (no longer in the case)</span>;
  return (
    <a href={hashOf({ screen: 'case', caseId, section: sectionOfKind(a.attachedToKind), record: a.attachedToId })}>
      {kind}: {title ?? '…'}
    </a>
  );
}

function AttachmentPanel(props: { caseId: string; attachment: Attachment; attachedTo: React.ReactNode; readOnly: boolean; onSaved(a: Attachment): void; onPreview(): void; onClose(): void; onDelete(): void }) {
  const { caseId, attachment, attachedTo, readOnly, onSaved, onPreview, onClose, onDelete } = props;
  const [saved, setSaved] = useState<string | null>(null);
  const common = { caseId, kind: 'attachment' as const, record: attachment, onSaved, disabled: readOnly };
  async function saveCopy() {
    try {
      setSaved(await saveAttachmentCopy(caseId, attachment));
    } catch (err) {
      setSaved(messageOf(err));
    }
  }
  return (
    <RecordDetailPanel caseId={caseId} kind="attachment" id={attachment.id} noun="attachment" title={attachment.name} readOnly={readOnly} onClose={onClose} onDelete={onDelete}>
      <p className="muted">
        {typeLabel(attachment)} · {formatFileSize(attachment.size)} · <TextStatus caseId={caseId} attachment={attachment} />
        <br />
        Attached to: {attachedTo}. Added {formatInstant(attachment.createdAt)} by {attachment.createdBy}.
      </p>
      <div className="attachments__actions">
        <button type="button" className="button button--small button--primary" onClick={onPreview}>Preview</button>
        <button type="button" className="button button--small" onClick={() => void saveCopy()}>Save a copy…</button>
      </div>
      <p role="status" className="muted">{saved}</p>
      <RecordField {...common} field="name" label="Name" required />
      <RecordField {...common} field="description" label="Description" control="long" hint="What it is and why it matters: search finds these words too." />
    </RecordDetailPanel>
  );
}
