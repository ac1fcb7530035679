// The document model, what turns a document into text, Markdown and HTML, and the three-way merge of two versions
// (merge.ts). Pure: runs in the renderer and the core alike. The editor's TipTap extensions are in ./tiptap.ts
// (imported by the renderer only).
export * from './model.js';
export * from './build.js';
export { documentText, inlineText } from './text.js';
export { toMarkdown } from './markdown.js';
export { toHtml, escapeHtml } from './html.js';
export * from './page.js';
export * from './sections.js';
export * from './merge-fields.js';
export * from './merge.js';
export * from './brief-sections.js';
export { withoutParleyAddresses, withoutRecordLinks } from './record-links.js';
