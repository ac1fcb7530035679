// Merge fields: {{name}} placeholders in a template, filled from live case data.
// - An inline field is replaced by text wherever it stands and keeps the marks of the text around it (a bold
//   {{directive.title}} gives a bold title). Line breaks in a value become hard breaks.
// - A block field stands alone in a paragraph ("{{issues.table}}") and the paragraph is replaced by blocks (a table,
//   a list). Where a paragraph cannot become other blocks (the first paragraph of a list item), or a block field
//   shares its paragraph with other text, it is left as typed and reported as unresolved.
// - A field with no value is replaced by "[name not recorded]" and reported as missing, so a gap is visible in the
//   draft rather than silently empty. A field nobody knows is left as typed and reported as unresolved.
// A field must be typed in one run of text (ProseMirror keeps same-formatted text in one node, so it is unless
// part of the braces is formatted differently).
import type { BlockNode, DocumentNode, InlineNode, ListItemNode, ParagraphNode, TableCellNode, TextNode } from './model.js';

export interface MergeValues {
  /** Inline fields by name; null or '' is "not recorded". */
  inline: Record<string, string | null | undefined>;
  /** Block fields by name. */
  blocks?: Record<string, BlockNode[]>;
}

export interface MergeResult {
  doc: DocumentNode;
  /** Fields that were known but had no value (each once). */
  missing: string[];
  /** Fields that could not be filled: unknown names, or block fields where blocks cannot go (each once). */
  unresolved: string[];
}

const FIELD = /\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;
const WHOLE_FIELD = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}\s*$/;

/** The names of the merge fields a document uses, in order of first use. */
export function mergeFieldsIn(doc: DocumentNode): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as { type?: string; text?: string; content?: unknown };
      if (node.type === 'text' && node.text) for (const m of node.text.matchAll(FIELD)) names.add(m[1]!);
      visit(node.content);
    }
  };
  visit(doc.content);
  return [...names];
}

export function fillMergeFields(doc: DocumentNode, values: MergeValues): MergeResult {
  const missing = new Set<string>();
  const unresolved = new Set<string>();
  const blockFields = values.blocks ?? {};

  const fillText = (node: TextNode): InlineNode[] => {
    if (!node.text.includes('{{')) return [node];
    const out: InlineNode[] = [];
    let last = 0;
    const emit = (value: string) => {
      value.split('\n').forEach((line, i) => {
        if (i > 0) out.push({ type: 'hardBreak' });
        if (line) out.push(node.marks ? { type: 'text', text: line, marks: node.marks } : { type: 'text', text: line });
      });
    };
    for (const match of node.text.matchAll(FIELD)) {
      const [whole, name] = match as unknown as [string, string];
      emit(node.text.slice(last, match.index));
      last = match.index! + whole.length;
      if (Object.hasOwn(values.inline, name)) {
        const value = values.inline[name];
        if (value === null || value === undefined || value === '') {
          missing.add(name);
          emit(`[${name} not recorded]`);
        } else emit(value);
      } else {
        unresolved.add(name);
        emit(whole);
      }
    }
    emit(node.text.slice(last));
    return out;
  };

  const fillInline = (content: InlineNode[] | undefined): InlineNode[] | undefined =>
    content?.flatMap((n) => (n.type === 'text' ? fillText(n) : [n]));

  const fillParagraph = (p: ParagraphNode): ParagraphNode => {
    const content = fillInline(p.content);
    return content?.length ? { type: 'paragraph', content } : { type: 'paragraph' };
  };

  /** A paragraph that is a block field alone, if that field is known. */
  const blockFieldOf = (block: BlockNode): BlockNode[] | null => {
    const only = block.type === 'paragraph' && block.content?.length === 1 ? block.content[0] : undefined;
    if (only?.type !== 'text') return null;
    const name = WHOLE_FIELD.exec(only.text)?.[1];
    return name && Object.hasOwn(blockFields, name) ? blockFields[name]! : null;
  };

  const fillBlocks = (blocks: BlockNode[]): BlockNode[] =>
    blocks.flatMap((block) => blockFieldOf(block) ?? [fillBlock(block)]);

  const fillListItem = (item: ListItemNode): ListItemNode => {
    const [first, ...rest] = item.content;
    const firstText = first.content?.[0];
    if (blockFieldOf(first) && firstText?.type === 'text') unresolved.add(WHOLE_FIELD.exec(firstText.text)![1]!);
    return { type: 'listItem', content: [fillParagraph(first), ...fillBlocks(rest)] };
  };

  const fillCell = (cell: TableCellNode): TableCellNode => {
    const content = fillBlocks(cell.content);
    return { ...cell, content: content.length ? content : [{ type: 'paragraph' }] };
  };

  function fillBlock(block: BlockNode): BlockNode {
    switch (block.type) {
      case 'heading': {
        const content = fillInline(block.content);
        return content ? { ...block, content } : block;
      }
      case 'paragraph': return fillParagraph(block);
      case 'bulletList':
      case 'orderedList': return { ...block, content: block.content.map(fillListItem) };
      case 'blockquote': {
        const content = fillBlocks(block.content);
        return { ...block, content: content.length ? content : [{ type: 'paragraph' }] };
      }
      case 'table': return { ...block, content: block.content.map((row) => ({ ...row, content: row.content.map(fillCell) })) };
      case 'horizontalRule': return block;
    }
  }

  const content = fillBlocks(doc.content);
  return {
    doc: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] },
    missing: [...missing],
    unresolved: [...unresolved],
  };
}
