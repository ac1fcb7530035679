// What leaves the case file carries no way back into it: a record link becomes its words, and a parley: address in
// stored text goes. Used by everything shareable (shared/sharing.ts, the shareable brief, a shareable draft's export).
import type { BlockNode, DocumentNode, InlineNode, Mark } from './model.js';

/** A copy of the document with every record link turned into plain text (its other marks kept). */
export function withoutRecordLinks(doc: DocumentNode): DocumentNode {
  return { ...doc, content: doc.content.map(block) };
}

function block(node: BlockNode): BlockNode {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return node.content ? { ...node, content: node.content.map(inline) } : node;
    case 'bulletList':
    case 'orderedList':
      return { ...node, content: node.content.map((item) => ({ ...item, content: item.content.map(block) as typeof item.content })) };
    case 'blockquote':
      return { ...node, content: node.content.map(block) };
    case 'table':
      return { ...node, content: node.content.map((row) => ({ ...row, content: row.content.map((cell) => ({ ...cell, content: cell.content.map(block) })) })) };
    case 'horizontalRule':
      return node;
  }
}

function inline(node: InlineNode): InlineNode {
  if (node.type !== 'text' || !node.marks?.some((m) => m.type === 'recordLink')) return node;
  const marks: Mark[] = node.marks.filter((m) => m.type !== 'recordLink');
  return marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
}

// A Markdown link to a parley: address (its destination bare or in angle brackets), an HTML anchor to one, and any
// parley: address left over, written the ways the exporters write them (shared/documents/markdown.ts, html.ts).
const MARKDOWN_LINK = /\[([^\]]*)\]\(\s*<?parley:[^)>\s]*>?\s*\)/gi;
const HTML_ANCHOR = /<a\b[^>]*\bhref\s*=\s*["']?parley:[^>]*>([\s\S]*?)<\/a\s*>/gi;
const ADDRESS = /parley:\/*[^\s)>"'\]]*/gi;

/** Text with every parley: address taken out; a Markdown or HTML link to one keeps its words. */
export function withoutParleyAddresses(text: string): string {
  if (!/parley:/i.test(text)) return text;
  return text.replace(MARKDOWN_LINK, '$1').replace(HTML_ANCHOR, '$1').replace(ADDRESS, '');
}
