// Small constructors for documents made by code (meeting briefs, templates), so that generated documents are
// valid by construction: empty strings become no node at all, list items start with a paragraph, cells hold a block.
import type {
  BlockNode, DocumentNode, FootnoteNode, HeadingLevel, HeadingNode, InlineNode, LinkableKind, ListItemNode, Mark,
  ParagraphNode, TableCellNode, TableNode, TextNode,
} from './model.js';

/** Inline content as code writes it: plain strings, nodes, or nothing (null, undefined and '' are dropped). */
export type InlineInput = string | InlineNode | null | undefined | false | InlineInput[];

export function inline(...parts: InlineInput[]): InlineNode[] {
  const out: InlineNode[] = [];
  const add = (part: InlineInput): void => {
    if (part === null || part === undefined || part === false || part === '') return;
    if (Array.isArray(part)) part.forEach(add);
    else out.push(typeof part === 'string' ? { type: 'text', text: part } : part);
  };
  parts.forEach(add);
  return out;
}

export function text(value: string, ...marks: Mark[]): TextNode | null {
  if (!value) return null;
  return marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

export const bold = (value: string) => text(value, { type: 'bold' });
export const italic = (value: string) => text(value, { type: 'italic' });

export function recordLink(value: string, kind: LinkableKind, id: string, ...marks: Mark[]): TextNode | null {
  return text(value, ...marks, { type: 'recordLink', attrs: { kind, id } });
}

export function footnote(value: string): FootnoteNode {
  return { type: 'footnote', attrs: { text: value } };
}

export function paragraph(...parts: InlineInput[]): ParagraphNode {
  const content = inline(...parts);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function heading(level: HeadingLevel, title: string, sectionId?: string): HeadingNode {
  return { type: 'heading', attrs: sectionId ? { level, sectionId } : { level }, content: inline(title) };
}

/** A list item from inline content, or from blocks (the first of which must be a paragraph; one is added if not). */
export function listItem(content: InlineInput | BlockNode[]): ListItemNode {
  if (Array.isArray(content) && content.length && isBlock(content[0])) {
    const blocks = content as BlockNode[];
    const [first, ...rest] = blocks;
    return first?.type === 'paragraph' ? { type: 'listItem', content: [first, ...rest] } : { type: 'listItem', content: [paragraph(), ...blocks] };
  }
  return { type: 'listItem', content: [paragraph(content as InlineInput)] };
}

export function bulletList(items: (InlineInput | BlockNode[])[]): BlockNode {
  return { type: 'bulletList', content: items.map(listItem) };
}

export function orderedList(items: (InlineInput | BlockNode[])[]): BlockNode {
  return { type: 'orderedList', attrs: { start: 1 }, content: items.map(listItem) };
}

/**
 * A table with one header row (none if header is null); each body cell is inline content (or blocks, for a cell
 * with several paragraphs).
 */
export function table(header: string[] | null, rows: (InlineInput | BlockNode[])[][]): TableNode {
  const cell = (type: TableCellNode['type'], content: InlineInput | BlockNode[]): TableCellNode => ({
    type,
    content: Array.isArray(content) && content.length && isBlock(content[0]) ? (content as BlockNode[]) : [paragraph(content as InlineInput)],
  });
  return {
    type: 'table',
    content: [
      ...(header ? [{ type: 'tableRow' as const, content: header.map((h) => cell('tableHeader', h)) }] : []),
      ...rows.map((row) => ({ type: 'tableRow' as const, content: row.map((c) => cell('tableCell', c)) })),
    ],
  };
}

export function doc(blocks: BlockNode[]): DocumentNode {
  return { type: 'doc', content: blocks.length ? blocks : [paragraph()] };
}

const BLOCK_TYPES = new Set(['heading', 'paragraph', 'bulletList', 'orderedList', 'table', 'blockquote', 'horizontalRule']);
function isBlock(value: unknown): value is BlockNode {
  return !!value && typeof value === 'object' && BLOCK_TYPES.has((value as { type?: string }).type ?? '');
}
