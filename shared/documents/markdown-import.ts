// Older drafts were stored as Markdown. "Convert to editable" turns one into an editor document with this small
// reader: headings, paragraphs, bulleted and numbered lists, block quotes, pipe tables, rules, and bold, italic,
// code and link marks. What it does not know stays as its text, so nothing written is lost.
import type { BlockNode, DocumentNode, InlineNode, ListItemNode, Mark, TableRowNode } from './model.js';
import { isSafeHref } from './model.js';

const INLINE = /\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|_(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function inlineFromMarkdown(text: string, marks: Mark[] = []): InlineNode[] {
  const out: InlineNode[] = [];
  const plain = (t: string) => {
    const unescaped = t.replace(/\\([\\`*_[\]<>|~#&!.+-=()])/g, '$1');
    if (unescaped) out.push(marks.length ? { type: 'text', text: unescaped, marks } : { type: 'text', text: unescaped });
  };
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    plain(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] ?? m[2]) out.push(...inlineFromMarkdown((m[1] ?? m[2])!, [...marks, { type: 'bold' }]));
    else if (m[3] ?? m[4]) out.push(...inlineFromMarkdown((m[3] ?? m[4])!, [...marks, { type: 'italic' }]));
    else if (m[5]) out.push({ type: 'text', text: m[5], marks: [...marks, { type: 'code' }] });
    else if (m[6] && m[7] && isSafeHref(m[7])) out.push(...inlineFromMarkdown(m[6], [...marks, { type: 'link', attrs: { href: m[7] } }]));
    else plain(m[0]);
  }
  plain(text.slice(last));
  // A mark may appear once per text: drop repeats that nested markup could make.
  return out.map((n) => (n.type === 'text' && n.marks ? { ...n, marks: n.marks.filter((mk, i, all) => all.findIndex((o) => o.type === mk.type) === i) } : n));
}

const paragraph = (text: string): BlockNode => {
  const content = inlineFromMarkdown(text.trim());
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
};

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

export function documentFromMarkdown(markdown: string): DocumentNode {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: BlockNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) { i++; continue; }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const content = inlineFromMarkdown(heading[2]!.trim());
      blocks.push({ type: 'heading', attrs: { level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6 }, ...(content.length ? { content } : {}) });
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) { blocks.push({ type: 'horizontalRule' }); i++; continue; }
    const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (list) {
      const items: ListItemNode[] = [];
      while (i < lines.length && list.test(lines[i]!)) {
        let text = list.exec(lines[i]!)![1]!;
        i++;
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]!) && !BULLET.test(lines[i]!) && !NUMBERED.test(lines[i]!)) text += ` ${lines[i++]!.trim()}`;
        items.push({ type: 'listItem', content: [paragraph(text) as ListItemNode['content'][0]] });
      }
      blocks.push(list === BULLET ? { type: 'bulletList', content: items } : { type: 'orderedList', attrs: { start: 1 }, content: items });
      continue;
    }
    if (line.trimStart().startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith('>')) quoted.push(lines[i++]!.trimStart().replace(/^>\s?/, ''));
      const inner = documentFromMarkdown(quoted.join('\n'));
      blocks.push({ type: 'blockquote', content: inner.content });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]!)) {
      const rows: TableRowNode[] = [];
      const header = cells(line);
      rows.push({ type: 'tableRow', content: header.map((c) => ({ type: 'tableHeader', content: [paragraph(c)] })) });
      i += 2;
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim()) {
        const row = cells(lines[i++]!);
        rows.push({ type: 'tableRow', content: header.map((_h, k) => ({ type: 'tableCell', content: [paragraph(row[k] ?? '')] })) });
      }
      blocks.push({ type: 'table', content: rows });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^(#{1,6})\s/.test(lines[i]!) && !BULLET.test(lines[i]!) && !NUMBERED.test(lines[i]!) && !lines[i]!.trimStart().startsWith('>')) {
      text.push(lines[i++]!.trim());
    }
    blocks.push(paragraph(text.join(' ')));
  }
  return { type: 'doc', content: blocks.length ? blocks : [{ type: 'paragraph' }] };
}
