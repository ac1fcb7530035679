// Hand-written documents for the model and export tests.
import type { DocumentNode } from '../../shared/documents/index.js';

export const ID = '0b6f4a52-8d0e-4c1e-9a53-6f3f0f6f7d11';

/** A document with every node and mark the model knows, as the TipTap editor writes it (default attrs included). */
export const EVERYTHING: DocumentNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, sectionId: null }, content: [{ type: 'text', text: 'Title' }] },
    { type: 'heading', attrs: { level: 2, sectionId: 'issues' }, content: [{ type: 'text', text: 'Issues' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'italic ', marks: [{ type: 'italic' }] },
        { type: 'text', text: 'under ', marks: [{ type: 'underline' }] },
        { type: 'text', text: 'struck ', marks: [{ type: 'strike' }] },
        { type: 'text', text: 'code', marks: [{ type: 'code' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.gov/order', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'an issue', marks: [{ type: 'recordLink', attrs: { kind: 'issue', id: ID, caseId: null } }] },
        { type: 'footnote', attrs: { text: '176 F.3d 1132 (9th Cir. 1999)' } },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }, { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one.one' }] }] }] }] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Issue' }] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: [120], align: 'left' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Scope' }] }] }] },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
    { type: 'horizontalRule' },
    { type: 'paragraph' },
  ],
};
