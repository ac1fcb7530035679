// Plain text of a document, for the full-text index and for anything that wants words rather than structure.
import { recordTitleNote, writeInline, type BlockNode, type DocumentNode, type InlineNode } from './model.js';

/**
 * The words of inline content. Footnotes are kept, in brackets where they stand, so a search for a citation
 * finds the draft that cites it.
 */
export function inlineText(content: readonly InlineNode[] | undefined, withFootnotes = true): string {
  return writeInline(content, {
    hardBreak: '\n',
    footnote: (note) => (withFootnotes ? ` [${note}]` : ''),
    text: (node) => node.text,
    recordTitle: recordTitleNote,
  });
}

function blockText(block: BlockNode): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [inlineText(block.content)];
    case 'bulletList':
    case 'orderedList':
      return block.content.flatMap((item) => item.content.flatMap(blockText));
    case 'blockquote':
      return block.content.flatMap(blockText);
    case 'table':
      // One line per row, cells apart by tabs: a row of the issues table reads as one line.
      return block.content.map((row) => row.content.map((cell) => cell.content.flatMap(blockText).join(' ')).join('\t'));
    case 'horizontalRule':
      return [];
  }
}

/** The document as plain text: one line per paragraph, heading, list item and table row. */
export function documentText(doc: DocumentNode): string {
  return doc.content.flatMap(blockText).filter((line) => line.length > 0).join('\n');
}
