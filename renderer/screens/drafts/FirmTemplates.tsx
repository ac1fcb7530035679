// The firm's templates in the drafts screens (shared/templates.ts): "Save as template…" on a draft, the Templates
// dialog that lists them (with the files in the folder that cannot be used) to rename or delete, and the brief's
// list of sections to choose and order, which can be saved as a brief template. Templates are files in the data
// folder, not in the case: they are shared by copying a file into a colleague's templates folder.
import { useEffect, useLayoutEffect, useState } from 'react';
import {
  isInternalOnlySection, MEETING_BRIEF_SECTIONS, type DocumentNode, type MeetingBriefSectionId,
} from '../../../shared/documents/index.js';
import type { FirmTemplateInfo, TemplateListing } from '../../../shared/templates.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { useRead, type Read } from '../../state/data.js';
import { formatInstant } from '../../ui/dates.js';
import { Dialog } from '../../ui/Dialog.js';
import { FormDialog } from './FormDialog.js';
import { DRAFT_TYPE_LABELS, type Draft } from './drafts-data.js';

/** The firm's templates, read while `enabled` (a dialog open). */
export function useFirmTemplates(enabled: boolean): Read<TemplateListing> {
  return useRead('template.list', enabled ? {} : null);
}

/** Where the templates are and how they travel, in one sentence every templates view shows. */
function FolderNote({ folder }: { folder: string }) {
  return (
    <p className="field__hint templates__folder">
      Templates are files in <code>{folder}</code>, not in the case. Share one by copying its file into a colleague’s
      templates folder{window.parleyDesktop ? ' (Help → Show Templates Folder)' : ''}.
    </p>
  );
}

// ---- Save as template ---------------------------------------------------------------------------------------

export function SaveAsTemplate({ draft, shareable, document, disabled, onDone }: {
  draft: Draft;
  /** Saved from a shareable draft, the template is filled from what may leave the team. */
  shareable: boolean;
  document(): DocumentNode | null;
  disabled: boolean;
  onDone(notice: { text: string; error?: boolean }): void;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function start() {
    setTitle(draft.title);
    setError(null);
    setOpen(true);
  }

  async function save() {
    const doc = document();
    if (!doc) return setError('This draft has no document to save as a template.');
    setBusy(true);
    setError(null);
    try {
      const saved = await api().call('template.save', { kind: 'draft', title, draftType: draft.draftType, shareable, document: doc });
      setOpen(false);
      onDone({ text: `Saved as the template “${saved.title}” (${saved.fileName}). New draft offers it in every case.` });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--small" disabled={disabled} onClick={start}>Save as template…</button>
      <FormDialog open={open} title="Save as a template" onClose={() => setOpen(false)} onSubmit={() => void save()} submitLabel="Save template" busyLabel="Saving…" busy={busy}>
        <p>
          The draft as it is now becomes a template of the firm: <strong>New draft</strong> offers it in every case.
          Placeholders such as <code>{'{{directive.title}}'}</code> or <code>{'{{issue.1.ourOpening}}'}</code> are
          filled from the case{shareable ? ', from what may leave the team,' : ''} when a draft is started from it; links to records are kept as plain words.
        </p>
        <label className="field">
          <span className="field__label">Template name</span>
          <input className="input" value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
        </label>
        <p className="field__hint">The template is a plain file, not encrypted with the case: leave out what must stay in the case file.</p>
        {error && <p className="field__error" role="alert">{error}</p>}
      </FormDialog>
    </>
  );
}

// ---- the Templates dialog -------------------------------------------------------------------------------------

function kindText(t: FirmTemplateInfo): string {
  if (t.kind === 'brief') return `Brief: ${t.sections.length} ${t.sections.length === 1 ? 'section' : 'sections'}`;
  return `${DRAFT_TYPE_LABELS[t.draftType]}${t.shareable ? ' (shareable)' : ''}`;
}

export function TemplatesDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const listing = useFirmTemplates(open);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (open) { setRenaming(null); setDeleting(null); setNotice(null); }
  }, [open]);
  // After a rename or delete, focus lands on something that is still there.
  useLayoutEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  });

  async function change(work: () => Promise<string>, focus: string) {
    setNotice(null);
    try {
      const text = await work();
      await listing.reload();
      setNotice({ text });
      setFocusId(focus);
    } catch (err) {
      setNotice({ text: messageOf(err), error: true });
    }
  }

  const rename = (id: string, title: string) => change(async () => {
    const saved = await api().call('template.rename', { templateId: id, title });
    setRenaming(null);
    return `Renamed to “${saved.title}”.`;
  }, 'templates-close');

  const remove = (id: string, name: string) => change(async () => {
    await api().call('template.remove', { templateId: id });
    setDeleting(null);
    return `Deleted “${name}”.`;
  }, 'templates-close');

  const data = listing.data;
  return (
    <Dialog
      open={open}
      title="Templates of the firm"
      className="templates-dialog"
      onClose={onClose}
      actions={<button id="templates-close" type="button" className="button" onClick={onClose}>Close</button>}
    >
      {listing.error && <p className="notice notice--error" role="alert">The templates could not be read: {listing.error}</p>}
      {!data ? (
        !listing.error && <p aria-busy="true">Reading the templates…</p>
      ) : (
        <>
          <FolderNote folder={data.folder} />
          {data.templates.length === 0 ? (
            <p className="empty">No templates yet. Open a draft and choose <strong>Save as template…</strong>, or save a brief’s sections from <strong>Prepare brief</strong>.</p>
          ) : (
            <table className="case-table templates-table" aria-label="Templates">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Saved</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {data.templates.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">
                      {renaming?.id === t.id ? (
                        <form className="templates-table__rename" onSubmit={(e) => { e.preventDefault(); void rename(t.id, renaming.title); }}>
                          <input
                            className="input" autoFocus aria-label={`New name for “${t.title}”`} value={renaming.title} maxLength={200} required
                            onChange={(e) => setRenaming({ id: t.id, title: e.target.value })}
                            onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setRenaming(null); } }}
                          />
                          <button type="submit" className="button button--small button--primary">Save name</button>
                          <button type="button" className="button button--small" onClick={() => setRenaming(null)}>Cancel</button>
                        </form>
                      ) : t.title}
                    </th>
                    <td>{kindText(t)}</td>
                    <td className="muted">{formatInstant(t.savedAt)}{t.savedBy ? ` · ${t.savedBy}` : ''}</td>
                    <td className="templates-table__actions">
                      {deleting === t.id ? (
                        <span role="group" aria-label={`Delete “${t.title}”?`} className="templates-table__confirm">
                          <span>Delete for good?</span>
                          <button type="button" className="button button--small button--danger" autoFocus onClick={() => void remove(t.id, t.title)}>Delete</button>
                          <button type="button" className="button button--small" onClick={() => setDeleting(null)}>Keep</button>
                        </span>
                      ) : renaming?.id !== t.id && (
                        <>
                          <button type="button" className="button button--small" aria-label={`Rename “${t.title}”`} onClick={() => { setDeleting(null); setRenaming({ id: t.id, title: t.title }); }}>Rename</button>
                          <button type="button" className="button button--small" aria-label={`Delete “${t.title}”`} onClick={() => { setRenaming(null); setDeleting(t.id); }}>Delete</button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <UnreadableTemplates listing={data} onRemove={(fileName) => setDeleting(fileName)} deleting={deleting} onConfirm={(id, name) => void remove(id, name)} onKeep={() => setDeleting(null)} />
        </>
      )}
      {notice && <p className={`notice ${notice.error ? 'notice--error' : ''}`} role={notice.error ? 'alert' : 'status'}>{notice.text}</p>}
    </Dialog>
  );
}

/** The files in the folder that cannot be used, each with why; one can be deleted (asked first). */
function UnreadableTemplates({ listing, deleting, onRemove, onConfirm, onKeep }: {
  listing: TemplateListing;
  deleting: string | null;
  onRemove(fileName: string): void;
  onConfirm(id: string, fileName: string): void;
  onKeep(): void;
}) {
  if (!listing.unreadable.length) return null;
  return (
    <section className="templates__unreadable" aria-labelledby="templates-unreadable">
      <h3 id="templates-unreadable">Files that cannot be used ({listing.unreadable.length})</h3>
      <ul>
        {listing.unreadable.map((u) => {
          const id = u.fileName.replace(/\.parley-template\.json$/, '');
          return (
            <li key={u.fileName}>
              <code>{u.fileName}</code> {u.problem}{' '}
              {deleting === u.fileName ? (
                <span role="group" aria-label={`Delete ${u.fileName}?`}>
                  <button type="button" className="button button--small button--danger" autoFocus onClick={() => onConfirm(id, u.fileName)}>Delete the file</button>{' '}
                  <button type="button" className="button button--small" onClick={onKeep}>Keep</button>
                </span>
              ) : (
                <button type="button" className="link-button" aria-label={`Delete ${u.fileName}`} onClick={() => onRemove(u.fileName)}>Delete…</button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// ---- a brief's sections, chosen and ordered -------------------------------------------------------------------

export interface SectionChoice {
  id: MeetingBriefSectionId;
  on: boolean;
}

/** Every section in the order given (those named, on), then the others, off. Without a list, the default choice. */
export function sectionChoices(chosen?: readonly MeetingBriefSectionId[]): SectionChoice[] {
  if (!chosen) return MEETING_BRIEF_SECTIONS.map((s) => ({ id: s.id, on: !('offByDefault' in s) }));
  return [
    ...chosen.map((id) => ({ id, on: true })),
    ...MEETING_BRIEF_SECTIONS.filter((s) => !chosen.includes(s.id)).map((s) => ({ id: s.id, on: false })),
  ];
}

export const sectionTitle = (id: MeetingBriefSectionId) => MEETING_BRIEF_SECTIONS.find((s) => s.id === id)?.title ?? id;

/**
 * The sections of the brief as a list: a box to hold each, and Move up / Move down (Alt+Up and Alt+Down on a box do
 * the same, and the box keeps the focus).
 */
export function BriefSectionList({ choices, shareable, onChange }: { choices: SectionChoice[]; shareable: boolean; onChange(next: SectionChoice[]): void }) {
  const [focus, setFocus] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  function move(index: number, by: -1 | 1, focusOn: 'box' | 'up' | 'down') {
    const to = index + by;
    if (to < 0 || to >= choices.length) return;
    const next = [...choices];
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item!);
    onChange(next);
    // A button that can no longer move its section further hands the focus to its box.
    const edge = (focusOn === 'up' && to === 0) || (focusOn === 'down' && to === choices.length - 1);
    setFocus(`brief-section-${item!.id}-${edge ? 'box' : focusOn}`);
  }

  const count = choices.filter((c) => c.on).length;
  return (
    <fieldset className="brief-sections">
      <legend className="field__label">Sections, in order</legend>
      <p className="field__hint">Tick the sections to hold. Move up and Move down (or Alt+Up and Alt+Down on a box) set the order.</p>
      <ol className="brief-sections__list">
        {choices.map((c, i) => {
          const title = sectionTitle(c.id);
          const internal = shareable && isInternalOnlySection(c.id);
          return (
            <li key={c.id} className={`brief-sections__item ${c.on ? '' : 'brief-sections__item--off'}`}>
              <label>
                <input
                  id={`brief-section-${c.id}-box`}
                  type="checkbox"
                  checked={c.on}
                  // The last section held cannot be let go: a brief has at least one.
                  disabled={c.on && count === 1}
                  aria-describedby={internal ? `brief-section-${c.id}-note` : undefined}
                  onChange={(e) => onChange(choices.map((x) => (x.id === c.id ? { ...x, on: e.target.checked } : x)))}
                  onKeyDown={(e) => {
                    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                      e.preventDefault();
                      move(i, e.key === 'ArrowUp' ? -1 : 1, 'box');
                    }
                  }}
                />
                <span>{title}</span>
              </label>
              {internal && <span id={`brief-section-${c.id}-note`} className="muted brief-sections__note">Internal: left out of a shareable brief</span>}
              <span className="brief-sections__moves">
                <button id={`brief-section-${c.id}-up`} type="button" className="icon-button" aria-label={`Move “${title}” up`} title="Move up (Alt+Up)" disabled={i === 0} onClick={() => move(i, -1, 'up')}>↑</button>
                <button id={`brief-section-${c.id}-down`} type="button" className="icon-button" aria-label={`Move “${title}” down`} title="Move down (Alt+Down)" disabled={i === choices.length - 1} onClick={() => move(i, 1, 'down')}>↓</button>
              </span>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

/**
 * Which brief template the sections come from, and saving the list as one. Choosing a template sets the list;
 * changing the list afterwards is allowed (the template stays as saved).
 */
export function BriefTemplateChoice({ open, choices, onChoose }: { open: boolean; choices: SectionChoice[]; onChoose(next: SectionChoice[]): void }) {
  const listing = useFirmTemplates(open);
  const briefs = (listing.data?.templates ?? []).filter((t): t is Extract<FirmTemplateInfo, { kind: 'brief' }> => t.kind === 'brief');
  const [chosenId, setChosenId] = useState('');
  const [naming, setNaming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    if (open) { setChosenId(''); setNaming(null); setNotice(null); }
  }, [open]);

  function choose(id: string) {
    setChosenId(id);
    const template = briefs.find((t) => t.id === id);
    onChoose(sectionChoices(template?.sections));
  }

  async function save() {
    if (naming === null) return;
    setNotice(null);
    try {
      const sections = choices.filter((c) => c.on).map((c) => c.id);
      const saved = await api().call('template.save', { kind: 'brief', title: naming, sections });
      await listing.reload();
      setChosenId(saved.id);
      setNaming(null);
      setNotice({ text: `Saved as the brief template “${saved.title}”.` });
    } catch (err) {
      setNotice({ text: messageOf(err), error: true });
    }
  }

  return (
    <div className="brief-template">
      <label className="field">
        <span className="field__label">Brief template</span>
        <select className="input" value={chosenId} onChange={(e) => choose(e.target.value)}>
          <option value="">Standard sections</option>
          {briefs.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}
        </select>
      </label>
      {naming === null ? (
        <button type="button" className="button button--small" onClick={() => { setNotice(null); setNaming(''); }}>Save sections as a brief template…</button>
      ) : (
        <div className="brief-template__save" role="group" aria-label="Save as a brief template">
          <label className="field">
            <span className="field__label">Brief template name</span>
            <input
              className="input" autoFocus value={naming} maxLength={200}
              onChange={(e) => setNaming(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') { e.preventDefault(); void save(); }
                if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setNaming(null); }
              }}
            />
          </label>
          <button type="button" className="button button--small button--primary" onClick={() => void save()}>Save brief template</button>
          <button type="button" className="button button--small" onClick={() => setNaming(null)}>Cancel</button>
        </div>
      )}
      {notice && <p className={notice.error ? 'field__error' : 'notice'} role={notice.error ? 'alert' : 'status'}>{notice.text}</p>}
    </div>
  );
}
