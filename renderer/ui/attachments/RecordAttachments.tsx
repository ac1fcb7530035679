// A record's own attachments, in its panel (an issue, a deadline, a meeting, a precedent, a watch item): a short list
// with each file's text state and a preview, "Attach files…", and the whole panel taking files dropped on it.
import { useEffect, useId, useRef, useState } from 'react';
import { formatFileSize } from '../../../shared/attachments.js';
import { attachFiles, useAttachments, type AttachedTo, type Attachment, type AttachOutcome } from '../../state/attachments.js';
import { useRecords } from '../../state/data.js';
import { AttachButton, AttachOutcomeNotice, TextStatus } from './AttachControls.js';
import { AttachmentPreview } from './AttachmentPreview.js';
import { useFileDrop } from './file-drop.js';
import './attachments.css';

/** `className`: where the section stands alone (a meeting's, a panel of its own) rather than in a record's panel. */
export function RecordAttachments({ caseId, kind, id, noun, readOnly, className = 'records__section' }: AttachedTo & { caseId: string; noun: string; readOnly: boolean; className?: string }) {
  const list = useRecords(caseId, 'attachment', { filter: { attachedToKind: kind, attachedToId: id } });
  const attachedCount = useAttachments((s) => s.attachedCount[caseId] ?? 0);
  const { reload } = list;
  useEffect(() => {
    if (attachedCount) void reload();
  }, [attachedCount, reload]);
  const [outcome, setOutcome] = useState<AttachOutcome | null>(null);
  const [previewing, setPreviewing] = useState<Attachment | null>(null);
  const headingId = useId();
  const hintId = useId();
  const section = useRef<HTMLElement>(null);

  async function attach(files: File[]) {
    setOutcome(await attachFiles(caseId, files, { kind, id }));
  }
  usePanelDrop(section, attach, !readOnly);

  const records = list.records ?? [];
  return (
    <section ref={section} className={`${className} record-attachments`} aria-labelledby={headingId}>
      <h3 id={headingId}>Attachments</h3>
      {list.error && <p className="notice notice--error" role="alert">The attachments could not be read: {list.error}</p>}
      {list.records && records.length === 0 && <p className="muted">No files attached to this {noun}.</p>}
      {records.length > 0 && (
        <ul>
          {records.map((a) => (
            <li key={a.id}>
              <button type="button" className="link-button" onClick={() => setPreviewing(a)} aria-label={`Preview “${a.name}”`}>{a.name}</button>
              <span className="muted">{formatFileSize(a.size)}</span>
              <span className="muted"><TextStatus caseId={caseId} attachment={a} /></span>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <>
          <AttachButton small onFiles={(files) => void attach(files)} describedBy={hintId} />
          <p id={hintId} className="field__hint">Or drop files here to attach them to this {noun}.</p>
        </>
      )}
      <AttachOutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      <AttachmentPreview caseId={caseId} attachment={previewing} onClose={() => setPreviewing(null)} />
    </section>
  );
}

/** The record's whole panel (the nearest element marked data-record-panel, else the section itself) takes files dropped on it. */
function usePanelDrop(inside: React.RefObject<HTMLElement | null>, onFiles: (files: File[]) => void, enabled: boolean) {
  const drop = useFileDrop((files) => latest.current.onFiles(files), enabled);
  const latest = useRef({ onFiles, drop });
  latest.current = { onFiles, drop };
  const over = drop.over;
  useEffect(() => {
    const panel = inside.current?.closest<HTMLElement>('[data-record-panel]') ?? inside.current;
    if (!panel || !enabled) return;
    const events = { dragenter: 'onDragEnter', dragover: 'onDragOver', dragleave: 'onDragLeave', drop: 'onDrop' } as const;
    const listeners = Object.entries(events).map(([type, name]) => {
      const listener = (e: Event) => latest.current.drop.handlers[name](e as DragEvent);
      panel.addEventListener(type, listener);
      return () => panel.removeEventListener(type, listener);
    });
    return () => listeners.forEach((remove) => remove());
  }, [inside, enabled]);
  useEffect(() => {
    const panel = inside.current?.closest<HTMLElement>('[data-record-panel]') ?? inside.current;
    panel?.classList.toggle('file-drop--over', over);
  }, [inside, over]);
}
