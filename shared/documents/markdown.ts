// A document as CommonMark with the GitHub extensions (pipe tables, ~~strike~~, [^n] footnotes). Markdown has no
// underline, so underlined text is written as <u>...</u>; every other character a Markdown reader could take for
// syntax is escaped, so text reads back as the text it was.
import { marksInnermostFirst, recordLinkHref, recordTitleNote, writeInline, type BlockNode, type DocumentNode, type InlineNode, type Mark, type TextNode } from './model.js';

const ESCAPED = /[\\`*_[\]<>|~#&!]/g;

function escapeText(value: string): string {
  return value
    .replace(ESCAPED, (c) => `\\${c}`)
    // A line that starts like a list item, a quote or a heading would become one.
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, (_m, space: string, marker: string) =>
      `${space}${marker.replace(/^([-+=])$/, '\\$1').replace(/^(\d+)([.)])$/, '$1\\$2')}`);
}

function codeSpan(value: string): string {
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function linkDestination(href: string): string {
  return `<${href.replace(/[<>\\]/g, (c) => `\\${c}`)}>`;
}

class MarkdownWriter {
  private readonly footnotes: string[] = [];

  document(doc: DocumentNode): string {
    const body = this.blocks(doc.content);
    const notes = this.footnotes.map((note, i) => `[^${i + 1}]: ${escapeText(note).replace(/\n/g, '\n    ')}`);
    return [body, ...(notes.length ? [notes.join('\n')] : [])].join('\n\n').trimEnd() + '\n';
  }

  private blocks(blocks: readonly BlockNode[]): string {
    return blocks.map((b) => this.block(b)).filter((s) => s.length > 0).join('\n\n');
  }

  private block(block: BlockNode): string {
    switch (block.type) {
      case 'heading':
        return `${'#'.repeat(block.attrs.level)} ${this.inline(block.content).replace(/\n/g, ' ')}`.trimEnd();
      case 'paragraph':
        return this.inline(block.content);
      case 'horizontalRule':
        return '---';
      case 'blockquote':
        return this.blocks(block.content).split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
      case 'bulletList':
      case 'orderedList': {
        const start = block.type === 'orderedList' ? (block.attrs?.start ?? 1) : 1;
        // A list whose items are single paragraphs is written tight (no blank lines between items).
        const tight = block.content.every((item) => item.content.length === 1);
        return block.content
          .map((item, i) => {
            const marker = block.type === 'bulletList' ? '- ' : `${start + i}. `;
            const body = this.blocks(item.content) || '';
            return marker + body.split('\n').map((line, n) => (n === 0 || !line ? line : ' '.repeat(marker.length) + line)).join('\n');
          })
          .join(tight ? '\n' : '\n\n');
      }
      case 'table': {
        const rows = block.content.map((row) => row.content.map((cell) => this.cellText(cell.content)));
        const width = Math.max(1, ...rows.map((r) => r.length));
        const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
        const [header = [], ...body] = rows;
        return [line(header), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
      }
    }
  }

  /** A table cell holds one line in Markdown: its blocks go on one line, apart by <br>. */
  private cellText(blocks: readonly BlockNode[]): string {
    return this.blocks(blocks).replace(/\n+/g, '<br>');
  }

  private inline(content: readonly InlineNode[] | undefined): string {
    return writeInline(content, {
      hardBreak: '\\\n',
      footnote: (note) => `[^${this.footnotes.push(note)}]`,
      text: (node) => this.text(node),
      recordTitle: (title) => escapeText(recordTitleNote(title)),
    });
  }

  private text(node: TextNode): string {
    const marks = node.marks ?? [];
    const isCode = marks.some((m) => m.type === 'code');
    // Emphasis must hug its text: leading and trailing spaces stay outside the delimiters.
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text) ?? [];
    if (!core) return node.text;
    let out = isCode ? codeSpan(core) : escapeText(core);
    for (const mark of marksInnermostFirst(marks)) out = wrap(out, mark);
    return lead + out + trail;
  }
}

function wrap(inner: string, mark: Mark): string {
  switch (mark.type) {
    case 'bold': return `**${inner}**`;
    case 'italic': return `*${inner}*`;
    case 'strike': return `~~${inner}~~`;
    case 'underline': return `<u>${inner}</u>`;
    case 'code': return inner;
    case 'link': return `[${inner}](${linkDestination(mark.attrs.href)})`;
    case 'recordLink': return `[${inner}](${linkDestination(recordLinkHref(mark.attrs))})`;
  }
}

export function toMarkdown(doc: DocumentNode): string {
  return new MarkdownWriter().document(doc);
}
