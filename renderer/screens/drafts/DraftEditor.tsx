// The draft editor: TipTap over the shared document schema, a formatting toolbar with keyboard shortcuts, and
// save-as-you-go where every save is a new revision (after a pause in typing, or when the editor loses focus).
// A refused save keeps the text in the editor and says why; "Try again" saves it again.
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { DocumentNode } from '../../../shared/documents/model.js';
import { isSafeHref } from '../../../shared/documents/model.js';
import { parleyEditorExtensions } from '../../../shared/documents/tiptap.js';
import { messageOf } from '../../api/client.js';
import { Dialog } from '../../ui/Dialog.js';
import { saveRevision, type Revision } from './drafts-data.js';

export const AUTOSAVE_PAUSE_MS = 1_000;

export type EditorSave = { state: 'idle' | 'pending' | 'saving' | 'saved' } | { state: 'error'; message: string };

export interface DraftEditorHandle {
  /** The document as it stands in the editor. */
  document(): DocumentNode;
  /** Replaces the document (a regenerated section, a restored revision); it is saved as a new revision. */
  replace(doc: DocumentNode): void;
  /** Saves now whatever is waiting. */
  flush(): Promise<void>;
}

interface DraftEditorProps {
  caseId: string;
  draftId: string;
  initial: DocumentNode;
  readOnly: boolean;
  onSaved(revision: Revision): void;
  onSaveState(save: EditorSave): void;
}

export const DraftEditor = forwardRef<DraftEditorHandle, DraftEditorProps>(function DraftEditor(
  { caseId, draftId, initial, readOnly, onSaved, onSaveState },
  ref,
) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);
  const lastSaved = useRef(JSON.stringify(initial));
  const latest = useRef(initial);
  const callbacks = useRef({ onSaved, onSaveState });
  callbacks.current = { onSaved, onSaveState };
  const [linkOpen, setLinkOpen] = useState(false);

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
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => {
      latest.current = e.getJSON() as DocumentNode;
      dirty.current = true;
      callbacks.current.onSaveState({ state: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_PAUSE_MS);
    },
    onBlur: () => {
      if (dirty.current) void flushRef.current();
    },
  });

  const flushRef = useRef<() => Promise<void>>(async () => {});
  flushRef.current = flush;

  async function flush(): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (saving.current) {
      await saving.current;
      if (dirty.current) return flush();
      return;
    }
    if (!dirty.current) return;
    const doc = latest.current;
    const body = JSON.stringify(doc);
    dirty.current = false;
    if (body === lastSaved.current) {
      callbacks.current.onSaveState({ state: 'saved' });
      return;
    }
    callbacks.current.onSaveState({ state: 'saving' });
    let failed = false;
    saving.current = (async () => {
      try {
        const revision = await saveRevision(caseId, draftId, doc);
        lastSaved.current = body;
        callbacks.current.onSaved(revision);
        callbacks.current.onSaveState(dirty.current ? { state: 'pending' } : { state: 'saved' });
      } catch (err) {
        dirty.current = true;
        failed = true;
        callbacks.current.onSaveState({ state: 'error', message: messageOf(err) });
      } finally {
        saving.current = null;
      }
    })();
    await saving.current;
    if (!failed && dirty.current && !timer.current && JSON.stringify(latest.current) !== lastSaved.current) {
      // Typing went on while the save ran: save that too after a pause.
      timer.current = setTimeout(() => void flush(), AUTOSAVE_PAUSE_MS);
    }
  }

  useImperativeHandle(ref, () => ({
    document: () => latest.current,
    replace(doc) {
      editor?.commands.setContent(doc, { emitUpdate: true });
    },
    flush,
  }));

  // Leaving the draft saves what is still waiting.
  useEffect(() => () => {
    if (dirty.current) void flushRef.current();
  }, []);

  if (!editor) return null;
  return (
    <div className="draft-editor">
      {!readOnly && <Toolbar editor={editor} onLink={() => setLinkOpen(true)} />}
      <EditorContent editor={editor} className="draft-editor__page" />
      <LinkDialog editor={editor} open={linkOpen} onClose={() => { setLinkOpen(false); editor.commands.focus(); }} />
    </div>
  );
});

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

function Toolbar({ editor, onLink }: { editor: Editor; onLink(): void }) {
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
      table: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons: { key: keyof typeof active | 'insertTable'; label: string; text: string; shortcut?: string; run(): void; className?: string }[] = [
    { key: 'h2', label: 'Heading', text: 'H2', shortcut: `${MOD}+Alt+2`, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: 'Subheading', text: 'H3', shortcut: `${MOD}+Alt+3`, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'bold', label: 'Bold', text: 'B', shortcut: `${MOD}+B`, run: () => chain().toggleBold().run(), className: 'tool--bold' },
    { key: 'italic', label: 'Italic', text: 'I', shortcut: `${MOD}+I`, run: () => chain().toggleItalic().run(), className: 'tool--italic' },
    { key: 'underline', label: 'Underline', text: 'U', shortcut: `${MOD}+U`, run: () => chain().toggleUnderline().run(), className: 'tool--underline' },
    { key: 'bulletList', label: 'Bulleted list', text: '• List', shortcut: `${MOD}+Shift+8`, run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', label: 'Numbered list', text: '1. List', shortcut: `${MOD}+Shift+7`, run: () => chain().toggleOrderedList().run() },
    { key: 'blockquote', label: 'Block quote', text: '“ Quote', shortcut: `${MOD}+Shift+B`, run: () => chain().toggleBlockquote().run() },
    { key: 'link', label: 'Link', text: 'Link', shortcut: `${MOD}+K`, run: onLink },
    { key: 'insertTable', label: 'Insert table', text: 'Table', run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
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
          aria-pressed={b.key === 'insertTable' ? undefined : active[b.key]}
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
    <Dialog
      open={open}
      title="Link"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="button" className="button button--primary" onClick={apply}>Apply link</button>
        </>
      }
    >
      <form onSubmit={(e) => { e.preventDefault(); apply(); }}>
        <label className="field">
          <span className="field__label">Address (leave empty to remove the link)</span>
          <input className="input" value={href} onChange={(e) => setHref(e.target.value)} aria-invalid={error ? true : undefined} />
        </label>
        {error && <p className="field__error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
