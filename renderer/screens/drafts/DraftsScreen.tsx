// The drafts of a case: meeting briefs, position papers, letters and memos, each with every saved revision. The
// list says what each is and when it was last saved; "New draft" starts one blank or from a template (built in, or
// one of the firm's) filled from the case; "Prepare brief" builds a meeting brief from what the case holds, with the
// sections chosen in the order chosen (a shareable one after a preview of what it carries); "Templates" lists the
// firm's templates. Opening one shows the editor.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isInternalOnlySection, type MeetingBriefSectionId } from '../../../shared/documents/brief-sections.js';
import type { KindName } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { useCases } from '../../state/cases.js';
import { useRecords } from '../../state/data.js';
import { go } from '../../state/navigation.js';
import { deleteWithCare, focusAfterRemoval } from '../../state/deleting.js';
import { sectionOfKind } from '../../shell/palette/record-sections.js';
import { formatDay, formatInstant, timeAgo } from '../../ui/dates.js';
import { Dialog } from '../../ui/Dialog.js';
import { parentThrough, useLandOnRecord } from '../../ui/records/land-on-record.js';
import { deliverExport } from '../../ui/exports/deliver-export.js';
import { FormDialog } from './FormDialog.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { DraftView } from './DraftView.js';
import { ShareablePreview } from './ShareablePreview.js';
import { BriefSectionList, BriefTemplateChoice, sectionChoices, TemplatesDialog, useFirmTemplates, type SectionChoice } from './FirmTemplates.js';
import {
  DRAFT_TYPE_LABELS, EMPTY_DOCUMENT, revisionsOf, saveRevision, TEMPLATE_LABELS,
  type Draft, type Revision, type TemplateName,
} from './drafts-data.js';
import './drafts.css';

export function DraftsScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const drafts = useRecords(caseId, 'draft');
  const revisions = useRecords(caseId, 'draftRevision');
  const data = drafts.records && revisions.records ? { drafts: drafts.records, revisions: revisions.records } : null;
  const loadError = drafts.error ?? revisions.error;
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'new' | 'brief' | 'templates' | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  // An address that names a draft or one of its revisions (a jump from search) opens that draft.
  useLandOnRecord({ listed: data?.drafts ?? null, parentOf: parentThrough(caseId, ['draftRevision'], 'draftId'), open: setOpenId });

  const reloadDrafts = drafts.reload;
  const reloadRevisions = revisions.reload;
  const reload = useCallback(async () => {
    await Promise.all([reloadDrafts(), reloadRevisions()]);
  }, [reloadDrafts, reloadRevisions]);

  const addRevision = revisions.put;

  async function created(draft: Draft, revision: Revision) {
    drafts.put(draft);
    revisions.put(revision);
    setDialog(null);
    setOpenId(draft.id);
  }

  /** Deleted as on every screen: asked first where something goes with it, undone with the case's Undo. */
  async function remove(draft: Draft) {
    const ids = (data?.drafts ?? []).map((d) => d.id);
    try {
      if (!(await deleteWithCare(caseId, 'draft', draft.id))) return;
      setNotice(null);
      await reload();
      focusAfterRemoval(ids, draft.id);
    } catch (err) {
      setNotice({ text: messageOf(err), error: true });
    }
  }

  if (loadError) {
    return (
      <div className="screen">
        <ScreenHeading eyebrow="Case section">Drafts</ScreenHeading>
        <p className="notice notice--error" role="alert">The drafts could not be read: {loadError}</p>
      </div>
    );
  }
  if (!data) return <div className="screen" aria-busy="true" />;

  const open = data.drafts.find((d) => d.id === openId);
  if (open) {
    return (
      <DraftView
        caseId={caseId}
        draft={open}
        revisions={revisionsOf(data.revisions, open.id)}
        readOnly={readOnly}
        onBack={() => { setOpenId(null); void reload(); }}
        onRevision={addRevision}
      />
    );
  }

  return (
    <div className="screen drafts">
      <ScreenHeading
        eyebrow="Case section"
        actions={
          <>
            <button type="button" className="button" onClick={() => setDialog('templates')}>Templates…</button>
            {!readOnly && (
              <>
                <button type="button" className="button" onClick={() => setDialog('brief')}>Prepare brief…</button>
                <button type="button" className="button button--primary" onClick={() => setDialog('new')}>New draft…</button>
              </>
            )}
          </>
        }
      >
        Drafts
      </ScreenHeading>
      {notice && <p className={`notice ${notice.error ? 'notice--error' : ''}`} role={notice.error ? 'alert' : 'status'}>{notice.text}</p>}
      <section className="panel" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading" className="visually-hidden">All drafts</h2>
        {data.drafts.length === 0 ? (
          <div className="empty drafts__empty">
            <p>No drafts yet.</p>
            <p>Use <strong>Prepare brief</strong> to build a meeting brief from the case, or <strong>New draft</strong> to start a position paper, letter or memo.</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="case-table drafts-table" aria-label="Drafts of this case">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">Revisions</th>
                  <th scope="col">Last saved</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {[...data.drafts]
                  .map((d) => ({ draft: d, revisions: revisionsOf(data.revisions, d.id) }))
                  .sort((a, b) => lastSaved(b.draft, b.revisions).localeCompare(lastSaved(a.draft, a.revisions)))
                  .map(({ draft, revisions }) => (
                    <tr key={draft.id} data-record-id={draft.id}>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => setOpenId(draft.id)}>{draft.title}</button>
                      </th>
                      <td>
                        {DRAFT_TYPE_LABELS[draft.draftType]}
                        {draft.shareable && <> <span className="badge">Shareable</span></>}
                      </td>
                      <td>{draft.status === 'final' ? 'Final' : 'Working'}</td>
                      <td className="numeric">{revisions.length}</td>
                      <td>
                        <time dateTime={lastSaved(draft, revisions)} title={formatInstant(lastSaved(draft, revisions))}>
                          {timeAgo(lastSaved(draft, revisions))}
                        </time>
                      </td>
                      <td className="drafts-table__actions">
                        {!readOnly && (
                          <button type="button" className="button button--small" aria-label={`Delete ${draft.title}`} onClick={() => void remove(draft)}>
                            Delete
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <NewDraftDialog caseId={caseId} open={dialog === 'new'} onClose={() => setDialog(null)} onCreated={created} />
      <PrepareBriefDialog caseId={caseId} open={dialog === 'brief'} onClose={() => setDialog(null)} onCreated={created} />
      <TemplatesDialog open={dialog === 'templates'} onClose={() => setDialog(null)} />
    </div>
  );
}

/** How a brief's sections differ from the standard ones, for its first revision's note: ", without one section". */
function choiceWords(sections: readonly MeetingBriefSectionId[], shareable: boolean): string {
  const standard = sectionChoices().filter((c) => c.on).map((c) => c.id);
  const count = (n: number) => (n === 1 ? 'one section' : `${n} sections`);
  // Only some standard sections left out, the rest in their usual order.
  if (standard.filter((id) => sections.includes(id)).join() === sections.join()) {
    const leftOut = standard.filter((id) => !sections.includes(id) && !(shareable && isInternalOnlySection(id))).length;
    return leftOut ? `, without ${count(leftOut)}` : '';
  }
  return `, ${count(sections.filter((id) => !(shareable && isInternalOnlySection(id))).length)} chosen`;
}

function lastSaved(draft: Draft, revisions: Revision[]): string {
  return revisions[revisions.length - 1]?.createdAt ?? draft.updatedAt;
}

/** What a new draft starts from: blank, a built-in template, or one of the firm's ("firm:" and its id). */
type Starting = 'blank' | TemplateName | `firm:${string}`;

function NewDraftDialog({ caseId, open, onClose, onCreated }: { caseId: string; open: boolean; onClose(): void; onCreated(d: Draft, r: Revision): void }) {
  const [start, setStart] = useState<Starting>('positionPaper');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firm = useFirmTemplates(open);
  const firmDrafts = (firm.data?.templates ?? []).filter((t) => t.kind === 'draft');

  useEffect(() => {
    if (open) { setTitle(''); setError(null); setBusy(false); }
  }, [open]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      if (start === 'blank') {
        const draft = await api().call('draft.create', { caseId, fields: { title: title.trim() || 'Untitled draft', draftType: 'other', status: 'working' } });
        onCreated(draft, await saveRevision(caseId, draft.id, EMPTY_DOCUMENT, 'Blank'));
      } else {
        const firmId = start.startsWith('firm:') ? start.slice('firm:'.length) : null;
        const filled = await api().call('template.fill', firmId ? { caseId, templateId: firmId } : { caseId, template: start as TemplateName });
        const draft = await api().call('draft.create', {
          caseId,
          // An outward template is filled from what may leave the team: the draft is shareable (exported without record links).
          fields: { title: title.trim() || filled.title, draftType: filled.draftType as Draft['draftType'], status: 'working', shareable: filled.shareable },
        });
        const from = firmId ? `the firm’s template “${firmDrafts.find((t) => t.id === firmId)?.title ?? firmId}”` : `the ${TEMPLATE_LABELS[start as TemplateName].toLowerCase()} template`;
        onCreated(draft, await saveRevision(caseId, draft.id, filled.doc, `From ${from}`));
      }
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  const options: { value: Starting; label: string; hint: string }[] = [
    { value: 'positionPaper', label: TEMPLATE_LABELS.positionPaper, hint: 'Our position on each issue, filled from the case.' },
    { value: 'agencyLetter', label: TEMPLATE_LABELS.agencyLetter, hint: 'A letter to the issuing authority, addressed from the case.' },
    { value: 'internalMemo', label: TEMPLATE_LABELS.internalMemo, hint: 'A memo for the team: where things stand.' },
    ...firmDrafts.map((t) => ({
      value: `firm:${t.id}` as const,
      label: t.title,
      hint: `The firm’s template${t.shareable ? ', filled from what may leave the team' : ''}; saved by ${t.savedBy}.`,
    })),
    { value: 'blank', label: 'Blank', hint: 'An empty page.' },
  ];
  const unreadable = firm.data?.unreadable.length ?? 0;
  return (
    <FormDialog open={open} title="New draft" onClose={onClose} onSubmit={() => void submit()} submitLabel="Create draft" busyLabel="Creating…" busy={busy}>
      <fieldset className="choice-list">
        <legend className="field__label">Start from</legend>
        {options.map((o) => (
          <label key={o.value} className="choice-list__item">
            <input type="radio" name="start" value={o.value} checked={start === o.value} onChange={() => setStart(o.value)} />
            <span><strong>{o.label}</strong> <span className="muted">{o.hint}</span></span>
          </label>
        ))}
      </fieldset>
      {firm.error && <p className="field__error" role="alert">The firm’s templates could not be read: {firm.error}</p>}
      {unreadable > 0 && (
        <p className="field__hint">
          {unreadable === 1 ? 'One file' : `${unreadable} files`} in the templates folder cannot be used; <strong>Templates…</strong> says why.
        </p>
      )}
      <label className="field">
        <span className="field__label">Title</span>
        <span className="field__hint">Leave empty to use the template's title.</span>
        <input className="input" value={title} maxLength={1000} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {error && <p className="field__error" role="alert">{error}</p>}
    </FormDialog>
  );
}

/**
 * Prepare a meeting brief: choose the meeting, who it is for, and its sections in their order (from a brief template,
 * or by hand, which can be saved as one). An internal brief is made at once; a shareable one is previewed first
 * (ShareablePreview): the user can still untick sections, checks the warnings, then creates the draft or exports the
 * brief straight away, both with the sections chosen.
 */
function PrepareBriefDialog({ caseId, open, onClose, onCreated }: { caseId: string; open: boolean; onClose(): void; onCreated(d: Draft, r: Revision): void }) {
  // Read each time the dialog opens; planned meetings first, soonest first.
  const listed = useRecords(caseId, 'meeting', { enabled: open });
  const meetings = useMemo(
    () => listed.records && [...listed.records].sort((a, b) => (a.status === 'planned' ? 0 : 1) - (b.status === 'planned' ? 0 : 1) || (a.meetingDate ?? '').localeCompare(b.meetingDate ?? '')),
    [listed.records],
  );
  const [meetingId, setMeetingId] = useState('');
  const [shareable, setShareable] = useState(false);
  const [step, setStep] = useState<'choose' | 'preview'>('choose');
  const [choices, setChoices] = useState<SectionChoice[]>(sectionChoices);
  const sections: MeetingBriefSectionId[] = choices.filter((c) => c.on).map((c) => c.id);
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? listed.error;
  const [exported, setExported] = useState<string | null>(null);
  const formId = useId();
  const previewHeading = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setBusy(null);
    setStep('choose');
    setChoices(sectionChoices());
    setExported(null);
  }, [open, caseId]);

  // The meeting chosen stays chosen while it is listed; else the first.
  useEffect(() => {
    if (meetings) setMeetingId((id) => (meetings.some((m) => m.id === id) ? id : meetings[0]?.id ?? ''));
  }, [meetings]);

  useEffect(() => {
    if (step === 'preview') previewHeading.current?.focus();
  }, [step]);

  const meeting = meetings?.find((m) => m.id === meetingId);

  async function create() {
    if (!meeting) return setError('Choose the meeting the brief is for.');
    setBusy('create');
    setError(null);
    try {
      const doc = await api().call('brief.build', { caseId, meetingId, shareable, sections });
      const draft = await api().call('draft.create', {
        caseId,
        fields: { title: `Brief: ${meeting.title}${shareable ? ' (shareable)' : ''}`.slice(0, 1000), draftType: 'meeting_brief', status: 'working', meetingId, shareable },
      });
      const note = `Prepared from the case (${shareable ? 'shareable' : 'internal'}${choiceWords(sections, shareable)})`;
      onCreated(draft, await saveRevision(caseId, draft.id, doc, note));
    } catch (err) {
      setError(messageOf(err));
      setBusy(null);
    }
  }

  async function exportNow(format: 'pdf' | 'docx', label: string) {
    setBusy(format);
    setError(null);
    setExported(null);
    try {
      const file = await api().call('brief.export', { caseId, meetingId, shareable: true, sections, format });
      setExported(await deliverExport(file, label));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  function submit() {
    if (busy) return;
    if (step === 'choose' && shareable) {
      if (!meeting) return setError('Choose the meeting the brief is for.');
      setError(null);
      setStep('preview');
      return;
    }
    if (step === 'preview' && !ready) return;
    void create();
  }

  function openRecord(place: { kind: KindName; id: string }) {
    onClose();
    go({ screen: 'case', caseId, section: sectionOfKind(place.kind), record: place.id });
  }

  const previewing = step === 'preview' && meeting;
  return (
    <Dialog
      open={open}
      title={previewing ? 'Preview the shareable brief' : 'Prepare a meeting brief'}
      onClose={onClose}
      className={previewing ? 'share-preview-dialog' : 'prepare-brief-dialog'}
      actions={
        previewing ? (
          <>
            <button type="button" className="button" onClick={() => { setStep('choose'); setExported(null); }}>Back</button>
            <span className="share-preview__exports" role="group" aria-label="Export without a draft">
              <button type="button" className="button" disabled={busy !== null || !ready} onClick={() => void exportNow('pdf', 'PDF')}>
                {busy === 'pdf' ? 'Exporting…' : 'Export as PDF'}
              </button>
              <button type="button" className="button" disabled={busy !== null || !ready} onClick={() => void exportNow('docx', 'Word')}>
                {busy === 'docx' ? 'Exporting…' : 'Export as Word'}
              </button>
            </span>
            <button type="submit" form={formId} className="button button--primary" disabled={busy !== null || !ready}>
              {busy === 'create' ? 'Creating…' : 'Create shareable brief'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>Cancel</button>
            <button type="submit" form={formId} className="button button--primary" disabled={busy !== null || !meetings?.length}>
              {busy === 'create' ? 'Preparing…' : shareable ? 'Preview…' : 'Prepare brief'}
            </button>
          </>
        )
      }
    >
      <form
        id={formId}
        onSubmit={(e) => { e.preventDefault(); submit(); }}
        // Enter confirms from anywhere in the preview, a section's box included (a form submits only from a text field).
        onKeyDown={(e) => {
          const target = e.target as HTMLElement;
          if (e.key === 'Enter' && target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) {
            e.preventDefault();
            submit();
          }
        }}
      >
        {previewing ? (
          <>
            <p ref={previewHeading} tabIndex={-1} className="share-preview__for">
              For <strong>{meeting.title}</strong>{meeting.meetingDate ? ` — ${formatDay(meeting.meetingDate)}` : ''}
            </p>
            <ShareablePreview
              caseId={caseId} meetingId={meeting.id} choices={choices} onReady={setReady} onOpen={openRecord}
              onToggle={(id, on) => setChoices(choices.map((c) => (c.id === id ? { ...c, on } : c)))}
            />
            {exported && <p className="notice" role="status">{exported}</p>}
          </>
        ) : meetings === null ? (
          <p aria-busy="true">Reading the meetings…</p>
        ) : meetings.length === 0 ? (
          <p>This case has no meetings yet. Add the meeting in Meetings first; the brief is built from it.</p>
        ) : (
          <>
            <label className="field">
              <span className="field__label">Meeting</span>
              <select className="input" value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}{m.meetingDate ? ` — ${formatDay(m.meetingDate)}` : ''}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="choice-list">
              <legend className="field__label">Who it is for</legend>
              <label className="choice-list__item">
                <input type="radio" name="audience" checked={!shareable} onChange={() => setShareable(false)} />
                <span><strong>Internal</strong> <span className="muted">Everything, with our targets, walk-away positions and BATNA.</span></span>
              </label>
              <label className="choice-list__item">
                <input type="radio" name="audience" checked={shareable} onChange={() => setShareable(true)} />
                <span><strong>Shareable</strong> <span className="muted">Only what may leave the team. You see what it carries before anything is written.</span></span>
              </label>
            </fieldset>
            <BriefTemplateChoice open={open} choices={choices} onChoose={setChoices} />
            <BriefSectionList choices={choices} shareable={shareable} onChange={setChoices} />
          </>
        )}
        {error && <p className="field__error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
