// One draft open: the editor with its save state, regenerate a brief's section, export, and the revisions with
// compare and restore. Markdown revisions of older drafts are shown read-only as their text, with "Convert to
// editable", which saves them as an editor document (a new revision; the Markdown one stays in the history).
import { useEffect, useMemo, useRef, useState } from 'react';
import { findSections, MEETING_BRIEF_SECTIONS, type DocumentNode } from '../../../shared/documents/index.js';
import { inlineText } from '../../../shared/documents/text.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { useMarking } from '../../state/marking.js';
import { deliverExport } from '../../ui/exports/deliver-export.js';
import { MarkingChoice } from '../../ui/print/MarkingChoice.js';
import { printCurrentView, usePrintView } from '../../ui/print/print-view.js';
import { formatInstant } from '../../ui/dates.js';
import { Dialog } from '../../ui/Dialog.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { Compare } from './Compare.js';
import { FormDialog } from './FormDialog.js';
import { SaveAsTemplate } from './FirmTemplates.js';
import { DraftEditor, type DraftEditorHandle, type EditorSave } from './DraftEditor.js';
import {
  documentOf, DRAFT_TYPE_LABELS, workingDocumentOf, isShareableDraft, saveRevision, type Draft, type Revision,
} from './drafts-data.js';
import { documentFromMarkdown } from '../../../shared/documents/markdown-import.js';

const EXPORTS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
] as const;

interface DraftViewProps {
  caseId: string;
  draft: Draft;
  revisions: Revision[];
  readOnly: boolean;
  onBack(): void;
  onRevision(revision: Revision): void;
}

export function DraftView({ caseId, draft, revisions, readOnly, onBack, onRevision }: DraftViewProps) {
  const editorRef = useRef<DraftEditorHandle>(null);
  const [save, setSave] = useState<EditorSave>({ state: 'idle' });
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Bumped when the editor must start again from the latest revision (converted or restored elsewhere).
  const [editorKey, setEditorKey] = useState(0);
  const latest = revisions[revisions.length - 1];
  // Parsed once per revision: the editor keeps its own document after that.
  const latestDoc = useMemo(() => (latest ? documentOf(latest) : null), [latest]);
  // The text typed since that revision, when the draft was left with some (the editor opens on it): only on opening
  // the draft, since a restored or converted revision takes it over.
  const openedOnWorkingText = editorKey === 0;
  const workingDoc = useMemo(() => (openedOnWorkingText ? workingDocumentOf(draft) : null), [draft, openedOnWorkingText]);
  const shareable = isShareableDraft(draft, latestDoc);
  // A shareable brief may leave the team: its pages carry the case's shareable marking ("Confidential" unless the
  // user chose another), every other draft the internal one. Print uses the same while this draft is shown.
  const markingKind = shareable ? 'shareable' : 'internal';
  const marking = useMarking(caseId, markingKind);
  useEffect(() => {
    usePrintView.setState({ markingKind });
    return () => usePrintView.setState({ markingKind: 'internal' });
  }, [markingKind]);

  async function run(label: string, work: () => Promise<string | void>) {
    setBusy(label);
    setNotice(null);
    try {
      const done = await work();
      if (done) setNotice({ text: done });
    } catch (err) {
      setNotice({ text: messageOf(err), error: true });
    } finally {
      setBusy(null);
    }
  }

  const currentDocument = (): DocumentNode | null => editorRef.current?.document() ?? latestDoc;

  async function exportAs(format: (typeof EXPORTS)[number]['format'], label: string) {
    await run(`export-${format}`, async () => {
      // What leaves is kept as a revision first: the history shows what was exported.
      await editorRef.current?.flush();
      const document = currentDocument() ?? documentFromMarkdown(latest?.body ?? '');
      // A shareable draft may leave the team: the core writes it without record links, under the marking chosen for it.
      const file = await api().call('document.export', { caseId, document, format, title: draft.title, marking, ...(shareable ? { shareable: true } : {}) });
      return deliverExport(file, label);
    });
  }

  async function convert() {
    if (!latest) return;
    await run('convert', async () => {
      const revision = await saveRevision(caseId, draft.id, documentFromMarkdown(latest.body), `Converted from revision ${latest.revisionNumber} (${latest.format})`);
      onRevision(revision);
      setEditorKey((k) => k + 1);
      return `Revision ${latest.revisionNumber} is now editable, saved as revision ${revision.revisionNumber}.`;
    });
  }

  async function restore(revision: Revision) {
    await run('restore', async () => {
      await editorRef.current?.flush();
      const saved = await api().call('draftRevision.create', {
        caseId,
        fields: { draftId: draft.id, format: revision.format, body: revision.body, note: `Restored revision ${revision.revisionNumber}` },
      });
      onRevision(saved);
      setEditorKey((k) => k + 1);
      setSave({ state: 'saved' });
      return `Revision ${revision.revisionNumber} restored as revision ${saved.revisionNumber}.`;
    });
  }

  /** Prints once what is printed is kept as a revision, as an export is. */
  async function printAsRevised() {
    await editorRef.current?.flush();
    printCurrentView();
  }

  function back() {
    const saving = editorRef.current?.flush();
    if (saving) void saving.then(onBack);
    else onBack();
  }

  const editable = latestDoc !== null;
  return (
    <div className="screen drafts draft-view">
      <ScreenHeading
        eyebrow={
          <>
            <button type="button" className="link-button" onClick={back}>← All drafts</button>
            {' · '}{DRAFT_TYPE_LABELS[draft.draftType]}
            {shareable && <>{' · '}<span className="badge" title="Built only from what may leave the team: no targets, walk-aways, BATNAs, questions to ask or anything internal">Shareable</span></>}
          </>
        }
        actions={readOnly ? <span className="badge badge--problem">Read-only</span> : <SaveSummary save={save} onRetry={() => void editorRef.current?.flush()} />}
      >
        {draft.title}
      </ScreenHeading>
      {save.state === 'error' && (
        <p className="notice notice--error" role="alert">
          Your latest changes are not saved: {save.message} They are still in the editor.
        </p>
      )}
      <div className="draft-actions" role="group" aria-label="Draft actions">
        {draft.draftType === 'meeting_brief' && draft.meetingId && editable && !readOnly && (
          <RegenerateSection
            caseId={caseId}
            meetingId={draft.meetingId}
            shareable={shareable}
            busy={busy === 'regenerate'}
            editor={editorRef}
            onRun={(work) => run('regenerate', work)}
          />
        )}
        {editable && (
          // A template is a file of the firm, not a change to the case: offered in review mode too.
          <SaveAsTemplate draft={draft} shareable={shareable} document={currentDocument} disabled={busy !== null} onDone={setNotice} />
        )}
        <MarkingChoice caseId={caseId} kind={markingKind} />
        <button type="button" className="button button--small" onClick={() => void printAsRevised()}>
          Print…
        </button>
        <div className="export-group" role="group" aria-label="Export">
          <span className="export-group__label" aria-hidden="true">Export</span>
          {EXPORTS.map(({ format, label }) => (
            <button key={format} type="button" className="button button--small" disabled={busy !== null} aria-label={`Export as ${label}`} onClick={() => void exportAs(format, label)}>
              {busy === `export-${format}` ? `${label}…` : label}
            </button>
          ))}
        </div>
      </div>
      {notice && (
        <p className={`notice ${notice.error ? 'notice--error' : ''}`} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <div className="draft-layout">
        <section className="draft-layout__main" aria-label="Draft">
          {!latest ? (
            <p className="empty">This draft has no revisions yet.</p>
          ) : editable ? (
            <DraftEditor
              key={`${latest.draftId}-${editorKey}`}
              ref={editorRef}
              caseId={caseId}
              draftId={draft.id}
              initial={workingDoc ?? latestDoc}
              revised={latestDoc}
              readOnly={readOnly}
              onSaved={onRevision}
              onSaveState={setSave}
            />
          ) : (
            <div className="panel draft-source">
              <p className="notice">
                Revision {latest.revisionNumber} was written as {latest.format === 'markdown' ? 'Markdown' : 'HTML'} by an earlier
                version of Parley. It is shown as written; convert it to edit it here (the original stays in the revisions).
              </p>
              {!readOnly && (
                <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void convert()}>
                  Convert to editable
                </button>
              )}
              <pre className="draft-source__text" tabIndex={0} aria-label={`Revision ${latest.revisionNumber} as written`}>{latest.body}</pre>
            </div>
          )}
        </section>
        <Revisions revisions={revisions} readOnly={readOnly} busy={busy !== null} onRestore={(r) => void restore(r)} />
      </div>
    </div>
  );
}

function SaveSummary({ save, onRetry }: { save: EditorSave; onRetry(): void }) {
  const text = { idle: 'No changes yet', pending: 'Editing…', saving: 'Saving…', saved: 'All changes saved', error: 'Not saved' }[save.state];
  const tone = save.state === 'idle' || save.state === 'pending' ? 'idle' : save.state;
  return (
    <>
      <span className={`save-summary save-summary--${tone}`} role="status" aria-live="polite">{text}</span>
      {save.state === 'error' && <button type="button" className="button button--small" onClick={onRetry}>Try again</button>}
    </>
  );
}

function RegenerateSection({ caseId, meetingId, shareable, busy, editor, onRun }: {
  caseId: string;
  meetingId: string;
  /** Which variant the brief was prepared as: a regenerated section is built the same way. */
  shareable: boolean;
  busy: boolean;
  editor: React.RefObject<DraftEditorHandle | null>;
  onRun(work: () => Promise<string>): void;
}) {
  const [open, setOpen] = useState(false);
  const [sections, setSections] = useState<{ id: string; title: string }[]>([]);
  const [chosen, setChosen] = useState('');

  function start() {
    const doc = editor.current?.document();
    if (!doc) return;
    const found = findSections(doc).map((span) => {
      const heading = doc.content[span.start];
      const title = heading?.type === 'heading' ? inlineText(heading.content, false) : '';
      return { id: span.sectionId, title: title || MEETING_BRIEF_SECTIONS.find((s) => s.id === span.sectionId)?.title || span.sectionId };
    });
    setSections(found);
    setChosen(found[0]?.id ?? '');
    setOpen(true);
  }

  function regenerate() {
    setOpen(false);
    const title = sections.find((s) => s.id === chosen)?.title ?? chosen;
    onRun(async () => {
      const document = editor.current?.document();
      if (!document) return 'Nothing to regenerate.';
      const fresh = await api().call('brief.regenerateSection', { caseId, meetingId, shareable, document, sectionId: chosen });
      editor.current?.replace(fresh);
      await editor.current?.flush();
      return `"${title}" was rebuilt from the case; the rest of the brief is as you left it.`;
    });
  }

  return (
    <>
      <button type="button" className="button button--small" disabled={busy} onClick={start}>
        {busy ? 'Regenerating…' : 'Regenerate section…'}
      </button>
      <FormDialog open={open} title="Regenerate a section" onClose={() => setOpen(false)} onSubmit={regenerate} submitLabel="Regenerate" disabled={!chosen}>
        {sections.length === 0 ? (
          <p>This brief has no generated sections left to rebuild.</p>
        ) : (
          <>
            <p>The section is rebuilt from what the case holds now. Its heading and everything outside it stay as you edited them.</p>
            <label className="field">
              <span className="field__label">Section</span>
              <select className="input" value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {sections.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
              </select>
            </label>
          </>
        )}
      </FormDialog>
    </>
  );
}

function Revisions({ revisions, readOnly, busy, onRestore }: { revisions: Revision[]; readOnly: boolean; busy: boolean; onRestore(r: Revision): void }) {
  const newestFirst = [...revisions].reverse();
  const [olderId, setOlderId] = useState<string>('');
  const [newerId, setNewerId] = useState<string>('');
  const [comparing, setComparing] = useState<{ older: Revision; newer: Revision } | null>(null);
  const older = revisions.find((r) => r.id === olderId) ?? revisions[revisions.length - 2];
  const newer = revisions.find((r) => r.id === newerId) ?? revisions[revisions.length - 1];

  const label = (r: Revision) => `Revision ${r.revisionNumber}${r.note ? ` — ${r.note}` : ''}`;
  return (
    <aside className="panel revisions" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions <span className="count">{revisions.length}</span></h2>
      {revisions.length >= 2 && older && newer && (
        <form className="revisions__compare" onSubmit={(e) => { e.preventDefault(); setComparing(older.revisionNumber <= newer.revisionNumber ? { older, newer } : { older: newer, newer: older }); }}>
          <label className="field">
            <span className="field__label">Compare</span>
            <select className="input" value={older.id} onChange={(e) => setOlderId(e.target.value)}>
              {newestFirst.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field__label">with</span>
            <select className="input" value={newer.id} onChange={(e) => setNewerId(e.target.value)}>
              {newestFirst.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}
            </select>
          </label>
          <button type="submit" className="button button--small">Compare side by side</button>
        </form>
      )}
      {revisions.length === 0 ? (
        <p className="empty">No revisions yet: every save makes one.</p>
      ) : (
        <ol className="revisions__list" reversed>
          {newestFirst.map((r, i) => (
            <li key={r.id} className="revisions__item">
              <div>
                <strong>Revision {r.revisionNumber}</strong>
                {i === 0 && <span className="badge revisions__current">Current</span>}
                <div className="muted revisions__meta">
                  <time dateTime={r.createdAt}>{formatInstant(r.createdAt)}</time> · {r.createdBy}
                  {r.format !== 'prosemirror' && ` · ${r.format === 'markdown' ? 'Markdown' : 'HTML'}`}
                </div>
                {r.note && <div className="revisions__note">{r.note}</div>}
              </div>
              {i > 0 && !readOnly && (
                <button type="button" className="button button--small" disabled={busy} aria-label={`Restore revision ${r.revisionNumber}`} onClick={() => onRestore(r)}>
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <Dialog
        open={comparing !== null}
        title={comparing ? `Revision ${comparing.older.revisionNumber} and revision ${comparing.newer.revisionNumber}`  : 'Compare revisions'}
        className="compare-dialog"
        onClose={() => setComparing(null)}
      >
        {comparing && <Compare older={comparing.older} newer={comparing.newer} />}
      </Dialog>
    </aside>
  );
}
