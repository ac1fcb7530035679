// The draft editor: TipTap over the shared document schema, a formatting toolbar with keyboard shortcuts, and
// save-as-you-go in two steps. Each short pause in typing saves the text as the draft's working text (draft.workingBody,
// audited like every write, so nothing typed is lost); a revision, the draft's history, is made from it after a
// longer pause in writing, at most once a minute while typing goes on, and whenever the writer leaves the text (another
// draft or screen, closing the case, locking the app, printing, exporting, restoring or rebuilding a section).
// A refused save keeps the text in the editor and says why; "Try again" saves it again.
//
// Besides formatting, the toolbar inserts footnotes (and citations, which are footnotes holding a citation) and
// links to records of the case: an issue, a precedent, a deadline, a meeting... A record link stays live: clicking
// it opens the record in its screen, through the app's navigation.
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { DocumentNode, LinkableKind } from '../../../shared/documents/model.js';
import { isSafeHref } from '../../../shared/documents/model.js';
import { parleyEditorExtensions } from '../../../shared/documents/tiptap.js';
import { LINKABLE_KINDS } from '../../../shared/enums.js';
import { messageOf } from '../../api/client.js';
import { whileEditing } from '../../state/pending-saves.js';
import { updateRecord } from '../../state/records.js';
import { openRecord } from '../../ui/links/open-record.js';
import { FormDialog } from './FormDialog.js';
import { saveRevision, type Revision } from './drafts-data.js';
import { RecordLinkDialog } from './RecordLinkDialog.js';

/** A pause this short saves what was typed as the working text: a crash or a power cut loses at most a second or so. */
export const WORKING_SAVE_PAUSE_MS = 1_000;
/**
 * A pause in writing this long makes a revision: long enough that the breaths between sentences do not each leave one
 * (hundreds in ten minutes of writing), short enough that the history has a point to go back to per spell of work.
 */
export const REVISION_PAUSE_MS = 30_000;
/** While typing goes on without such a pause, a revision at most this often, so a long spell still leaves points to go back to. */
export const REVISION_EVERY_MS = 60_000;

export type EditorSave = { state: 'idle' | 'pending' | 'saving' | 'saved' } | { state: 'error'; message: string };

export interface DraftEditorHandle {
  /** The document as it stands in the editor. */
  document(): DocumentNode;
  /** Replaces the document (a regenerated section, a restored revision); flush() then keeps it as a revision. */
  replace(doc: DocumentNode): void;
  /** Keeps whatever was typed since the last revision as a new revision, now (and clears the working text). */
  flush(): Promise<void>;
}

interface DraftEditorProps {
  caseId: string;
  draftId: string;
  /** What the editor opens with: the draft's working text if it has one, else `revised` itself. */
  initial: DocumentNode;
  /** The draft's newest revision: what needs no new revision. */
  revised: DocumentNode;
  readOnly: boolean;
  onSaved(revision: Revision): void;
  onSaveState(save: EditorSave): void;
}

export const DraftEditor = forwardRef<DraftEditorHandle, DraftEditorProps>(function DraftEditor(
  { caseId, draftId, initial, revised, readOnly, onSaved, onSaveState },
  ref,
) {
  const workingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const revisionTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The saves in order: a revision never overtakes the working save before it. */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(initial);
  /** What the file holds of this draft: its newest revision, and its working text (null when there is none). */
  const stored = useRef({ revision: JSON.stringify(revised), working: initial === revised ? null : JSON.stringify(initial) });
  /** When the oldest edit not yet in a revision was made (null when there is none in the editor or the file). */
  const uncutSince = useRef<number | null>(stored.current.working === null ? null : Date.now());
  const callbacks = useRef({ onSaved, onSaveState });
  callbacks.current = { onSaved, onSaveState };
  const [dialog, setDialog] = useState<'link' | 'footnote' | 'record' | null>(null);

  const editor = useEditor({
    extensions: parleyEditorExtensions(),
    content: initial,
    editable: !readOnly,
    // The CSP allows no inline <style>: the editor's own styles are in drafts.css.
    injectCSS: false,
    editorProps: {
      attributes: { 'aria-label': 'Draft text', 'aria-multiline': 'true', role: 'textbox', class: 'draft-editor__content' },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setDialog('link');
          return true;
        }
        return false;
      },
      handleDOMEvents: {
        // A record link opens its record, in the editor as in a read-only draft; its parley: address is not followed.
        click: (_view, event) => {
          const anchor = (event.target as Element | null)?.closest?.('a[data-record-kind][data-record-id]');
          if (!anchor) return false;
          event.preventDefault();
          const kind = anchor.getAttribute('data-record-kind');
          const id = anchor.getAttribute('data-record-id');
          const otherCase = anchor.getAttribute('data-case-id');
          if (kind && id && (LINKABLE_KINDS as readonly string[]).includes(kind)) openRecord(otherCase ?? caseId, kind as LinkableKind, id);
          return true;
        },
      },
    },
    onUpdate: ({ editor: e }) => {
      latest.current = e.getJSON() as DocumentNode;
      uncutSince.current ??= Date.now();
      callbacks.current.onSaveState({ state: 'pending' });
      restart(workingTimer, () => void saveRef.current('working'), WORKING_SAVE_PAUSE_MS);
      restart(revisionTimer, () => void saveRef.current('revision'), REVISION_PAUSE_MS);
    },
    onBlur: () => {
      if (waiting()) void saveRef.current('working');
    },
  });

  const saveRef = useRef<(step: 'working' | 'revision') => Promise<void>>(async () => {});
  saveRef.current = save;
  // Locking the app, closing the case or merging keeps the text as a revision at once, before the core closes the case.
  useEffect(() => whileEditing(() => saveRef.current('revision')), []);
  // A print the app did not start (the browser's or the system's menu) keeps the text as a revision too; the Print
  // button waits for it before printing.
  useEffect(() => {
    const printing = () => void saveRef.current('revision');
    window.addEventListener('beforeprint', printing);
    return () => window.removeEventListener('beforeprint', printing);
  }, []);

  /** Whether the editor holds text the file does not have yet. */
  function waiting(): boolean {
    const body = JSON.stringify(latest.current);
    return body !== (stored.current.working ?? stored.current.revision);
  }

  /**
   * Saves the editor's text: as the working text, or as a revision (which takes the working text over). A working
   * save becomes a revision once the oldest edit it holds is REVISION_EVERY_MS old.
   */
  function save(step: 'working' | 'revision'): Promise<void> {
    const run = queue.current.then(async () => {
      stop(workingTimer);
      const cut = step === 'revision' || (uncutSince.current !== null && Date.now() - uncutSince.current >= REVISION_EVERY_MS);
      if (cut) stop(revisionTimer);
      const body = JSON.stringify(latest.current);
      const doc = latest.current;
      const nothingNew = cut ? body === stored.current.revision && stored.current.working === null : !waiting();
      if (nothingNew) {
        if (cut) uncutSince.current = null;
        callbacks.current.onSaveState({ state: 'saved' });
        return;
      }
      callbacks.current.onSaveState({ state: 'saving' });
      try {
        if (cut && body !== stored.current.revision) {
          callbacks.current.onSaved(await saveRevision(caseId, draftId, doc));
          stored.current = { revision: body, working: null };
        } else {
          // Working text only, or back to the newest revision's text: the draft holds none then.
          const workingBody = body === stored.current.revision ? null : body;
          await updateRecord(caseId, 'draft', draftId, { workingBody });
          stored.current = { ...stored.current, working: workingBody };
        }
        if (cut) uncutSince.current = null;
        callbacks.current.onSaveState(waiting() ? { state: 'pending' } : { state: 'saved' });
      } catch (err) {
        callbacks.current.onSaveState({ state: 'error', message: messageOf(err) });
      }
    });
    queue.current = run;
    return run;
  }

  useImperativeHandle(ref, () => ({
    document: () => latest.current,
    replace(doc) {
      editor?.commands.setContent(doc, { emitUpdate: true });
    },
    flush: () => save('revision'),
  }));

  // Leaving the draft (for another draft or screen) keeps what was typed since the last revision as a revision.
  useEffect(() => () => {
    stop(workingTimer);
    stop(revisionTimer);
    void saveRef.current('revision');
  }, []);

  // The cursor goes back into the text once a dialog has closed. The native <dialog> gives focus back to the toolbar
  // button that opened it as it closes (in the Dialog's own effect, which runs before this one), so focusing the
  // editor any earlier lost the next keystrokes to that button.
  const hadDialog = useRef(false);
  useEffect(() => {
    if (dialog !== null) hadDialog.current = true;
    else if (hadDialog.current) {
      hadDialog.current = false;
      editor?.commands.focus();
    }
  }, [dialog, editor]);

  if (!editor) return null;
  const closeDialog = () => setDialog(null);
  return (
    <div className="draft-editor">
      {!readOnly && <Toolbar editor={editor} onOpen={setDialog} />}
      <EditorContent editor={editor} className="draft-editor__page" />
      <FootnoteList editor={editor} />
      <LinkDialog editor={editor} open={dialog === 'link'} onClose={closeDialog} />
      <FootnoteDialog editor={editor} open={dialog === 'footnote'} onClose={closeDialog} />
      <RecordLinkDialog caseId={caseId} editor={editor} open={dialog === 'record'} onClose={closeDialog} />
    </div>
  );
});

function restart(timer: { current: ReturnType<typeof setTimeout> | null }, run: () => void, ms: number): void {
  if (timer.current) clearTimeout(timer.current);
  timer.current = setTimeout(run, ms);
}

function stop(timer: { current: ReturnType<typeof setTimeout> | null }): void {
  if (timer.current) clearTimeout(timer.current);
  timer.current = null;
}

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

function Toolbar({ editor, onOpen }: { editor: Editor; onOpen(dialog: 'link' | 'footnote' | 'record'): void }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      footnote: e.isActive('footnote'),
      recordLink: e.isActive('recordLink'),
      table: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons: { key: keyof typeof active | 'insertTable' | 'clearFormatting'; label: string; text: string; shortcut?: string; run(): void; className?: string }[] = [
    { key: 'h2', label: 'Heading', text: 'H2', shortcut: `${MOD}+Alt+2`, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: 'Subheading', text: 'H3', shortcut: `${MOD}+Alt+3`, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'bold', label: 'Bold', text: 'B', shortcut: `${MOD}+B`, run: () => chain().toggleBold().run(), className: 'tool--bold' },
    { key: 'italic', label: 'Italic', text: 'I', shortcut: `${MOD}+I`, run: () => chain().toggleItalic().run(), className: 'tool--italic' },
    { key: 'underline', label: 'Underline', text: 'U', shortcut: `${MOD}+U`, run: () => chain().toggleUnderline().run(), className: 'tool--underline' },
    { key: 'bulletList', label: 'Bulleted list', text: '• List', shortcut: `${MOD}+Shift+8`, run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', label: 'Numbered list', text: '1. List', shortcut: `${MOD}+Shift+7`, run: () => chain().toggleOrderedList().run() },
    { key: 'blockquote', label: 'Block quote', text: '“ Quote', shortcut: `${MOD}+Shift+B`, run: () => chain().toggleBlockquote().run() },
    { key: 'link', label: 'Link', text: 'Link', shortcut: `${MOD}+K`, run: () => onOpen('link') },
    { key: 'footnote', label: 'Footnote or citation', text: 'Footnote', run: () => onOpen('footnote') },
    { key: 'recordLink', label: 'Link to a case record', text: 'Record link', run: () => onOpen('record') },
    { key: 'insertTable', label: 'Insert table', text: 'Table', run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { key: 'clearFormatting', label: 'Clear formatting (bold, italic, underline, strikethrough and code; links stay)', text: 'Clear formatting', run: () => clearFormatting(chain()) },
  ];
  return (
    <div className="draft-toolbar" role="toolbar" aria-label="Formatting">
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className={`tool ${b.className ?? ''}`}
          aria-label={b.shortcut ? `${b.label} (${b.shortcut})` : b.label}
          title={b.shortcut ? `${b.label} (${b.shortcut})` : b.label}
          aria-pressed={b.key === 'insertTable' || b.key === 'clearFormatting' ? undefined : active[b.key]}
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          {b.text}
        </button>
      ))}
      {active.table && (
        <>
          <button type="button" className="tool" onClick={() => chain().addRowAfter().run()}>Add row</button>
          <button type="button" className="tool" onClick={() => chain().addColumnAfter().run()}>Add column</button>
          <button type="button" className="tool" onClick={() => chain().deleteTable().run()}>Remove table</button>
        </>
      )}
    </div>
  );
}

/** The text formatting of the selection taken off (links and record links stay: they are content, not looks). */
const TEXT_FORMATTING = ['bold', 'italic', 'underline', 'strike', 'code'] as const;
function clearFormatting(chain: ReturnType<Editor['chain']>): void {
  for (const mark of TEXT_FORMATTING) chain = chain.unsetMark(mark);
  // With nothing selected, what is typed next is plain too.
  chain.command(({ tr }) => (tr.setStoredMarks([]), true)).run();
}

function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose(): void }) {
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setHref((editor.getAttributes('link').href as string | undefined) ?? 'https://');
      setError(null);
    }
  }, [open, editor]);
  const apply = () => {
    const value = href.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return onClose();
    }
    if (!isSafeHref(value)) return setError('A link must start with https://, http://, mailto:, tel: or #.');
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    onClose();
  };
  return (
    <FormDialog open={open} title="Link" onClose={onClose} onSubmit={apply} submitLabel="Apply link">
      <label className="field">
        <span className="field__label">Address (leave empty to remove the link)</span>
        <input className="input" value={href} onChange={(e) => setHref(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      {error && <p className="field__error" role="alert">{error}</p>}
    </FormDialog>
  );
}

/**
 * Inserts a footnote where the cursor is, or edits the one selected (click a footnote's number to select it). A
 * citation is a footnote holding the citation: exports number them, at the end or as Word footnotes.
 */
function FootnoteDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose(): void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!open) return;
    const selected = editor.isActive('footnote');
    setEditing(selected);
    setNote(selected ? ((editor.getAttributes('footnote').text as string | undefined) ?? '') : '');
    setError(null);
  }, [open, editor]);
  const apply = () => {
    const text = note.trim();
    if (!text) return setError('Write the note or the citation first.');
    if (editing) editor.chain().focus().updateAttributes('footnote', { text }).run();
    else editor.chain().focus().insertContent({ type: 'footnote', attrs: { text } }).run();
    onClose();
  };
  return (
    <FormDialog open={open} title={editing ? 'Edit footnote' : 'Insert a footnote or citation'} onClose={onClose} onSubmit={apply} submitLabel={editing ? 'Save footnote' : 'Insert footnote'}>
      <label className="field">
        <span className="field__label">Note or citation</span>
        <span className="field__hint">For example: Bernstein v. U.S. Dep’t of Justice, 176 F.3d 1132 (9th Cir. 1999).</span>
        <textarea className="input" rows={3} maxLength={50_000} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      {error && <p className="field__error" role="alert">{error}</p>}
    </FormDialog>
  );
}

/** The draft's footnotes in order, numbered as the editor and every export number them. */
function FootnoteList({ editor }: { editor: Editor }) {
  const notes = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const found: string[] = [];
      e.state.doc.descendants((node) => {
        if (node.type.name === 'footnote') found.push(node.attrs.text as string);
        return !node.isInline;
      });
      return found;
    },
    equalityFn: (a, b) => !!b && a.length === b.length && a.every((note, i) => note === b[i]),
  });
  if (!notes.length) return null;
  return (
    <section className="draft-footnotes" aria-label="Footnotes">
      <h2 className="draft-footnotes__title">Notes</h2>
      <ol>
        {notes.map((note, i) => <li key={i}>{note}</li>)}
      </ol>
    </section>
  );
}
