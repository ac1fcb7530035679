// The editor's side of the document model (model.ts): the TipTap extensions whose ProseMirror schema reads and
// writes exactly the JSON that DocumentSchema accepts. The renderer builds its editor from parleyEditorExtensions();
// a test loads generated documents into this schema and checks they come back unchanged.
//
// Kept apart from index.ts so the core, which only reads and writes documents, does not load the editor.
import { Extension, Mark, markInputRule, Node, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { isSafeHref, recordLinkHref, type RecordLinkMark } from './model.js';

/** Adds sectionId to headings; a new heading made by pressing Enter does not inherit it. */
export const SectionHeading = Extension.create({
  name: 'sectionHeading',
  addGlobalAttributes() {
    return [{
      types: ['heading'],
      attributes: {
        sectionId: {
          default: null,
          keepOnSplit: false,
          parseHTML: (element) => element.getAttribute('data-section-id'),
          renderHTML: (attrs) => (attrs.sectionId ? { 'data-section-id': attrs.sectionId as string } : {}),
        },
      },
    }];
  },
});

/** A live link from a run of text to a record of the case (or, with caseId, of another case). */
export const RecordLink = Mark.create({
  name: 'recordLink',
  inclusive: false,
  priority: 1100, // above the ordinary link, which would otherwise claim <a> elements first
  addAttributes() {
    return {
      kind: { default: null, parseHTML: (el) => el.getAttribute('data-record-kind') },
      id: { default: null, parseHTML: (el) => el.getAttribute('data-record-id') },
      caseId: { default: null, parseHTML: (el) => el.getAttribute('data-case-id') },
      title: { default: null, parseHTML: (el) => el.getAttribute('data-record-title') },
    };
  },
  parseHTML() {
    return [{ tag: 'a[data-record-kind][data-record-id]' }];
  },
  renderHTML({ mark }) {
    const attrs = mark.attrs as RecordLinkMark['attrs'];
    return ['a', {
      class: 'record-link',
      href: recordLinkHref(attrs),
      'data-record-kind': attrs.kind,
      'data-record-id': attrs.id,
      ...(attrs.caseId ? { 'data-case-id': attrs.caseId } : {}),
      ...(attrs.title ? { 'data-record-title': attrs.title, title: `Open \u201c${attrs.title}\u201d` } : {}),
    }];
  },
});

/** A footnote (or citation): an atom in the text holding its note; numbered by position when shown or exported. */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { text: { default: '', parseHTML: (el) => el.getAttribute('data-footnote') ?? '' } };
  },
  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },
  renderHTML({ node }) {
    // No text of its own: the editor's stylesheet numbers footnotes in order (a CSS counter), as exports do.
    const text = node.attrs.text as string;
    return ['sup', { 'data-footnote': text, class: 'footnote', title: text, 'aria-label': `Footnote: ${text}` }];
  },
  renderText({ node }) {
    return ` [${node.attrs.text as string}]`;
  },
});

/**
 * Inline code, in place of StarterKit's. Two differences, both so that code formatting does not stick: the mark is
 * not inclusive (text typed or pasted at the end of code is plain, as after a link), and there is no paste rule (a
 * pasted `word` in backticks stays plain text: only pasted HTML that carries <code> arrives as code). Typing `word`
 * and Ctrl+E still make code.
 */
const InlineCode = Mark.create({
  name: 'code',
  inclusive: false,
  excludes: '_',
  code: true,
  parseHTML() {
    return [{ tag: 'code' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['code', HTMLAttributes, 0];
  },
  addKeyboardShortcuts() {
    return { 'Mod-e': () => this.editor.commands.toggleMark(this.name) };
  },
  addInputRules() {
    return [markInputRule({ find: /(^|[^`])`([^`]+)`(?!`)$/, type: this.type })];
  },
});

/** Everything the draft editor needs, configured to match DocumentSchema (no code blocks; safe links only). */
export function parleyEditorExtensions(): Extensions {
  return [
    StarterKit.configure({
      codeBlock: false,
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        isAllowedUri: (url) => isSafeHref(url),
      },
    }),
    InlineCode,
    TableKit.configure({ table: { resizable: false } }),
    SectionHeading,
    RecordLink,
    Footnote,
  ];
}
