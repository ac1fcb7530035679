// A document as a complete, printable HTML page. Everything from the document or the options is escaped; the
// page runs no script and loads nothing (a Content-Security-Policy says so), so an exported brief can be opened
// anywhere. Printing (Chromium's page.pdf, Electron's printToPDF, a browser's print dialog) picks up the @page
// rules: the page size and margins, the marking at the top of every page, the case reference, the date and
// "Page n of m" at the foot (CSS page-margin boxes, which Chromium draws since version 131).
import { isSafeHref, marksInnermostFirst, recordLinkHref, recordTitleNote, writeInline, type BlockNode, type DocumentNode, type InlineNode, type Mark, type TableCellNode } from './model.js';
import { PAGE_MARGINS_MM, pageChrome, type PageOptions } from './page.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A CSS string literal that no text can break out of (not even "</style>"): all but letters, digits and spaces escaped. */
export function cssString(value: string): string {
  return `"${[...value].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

class HtmlWriter {
  readonly footnotes: string[] = [];

  blocks(blocks: readonly BlockNode[]): string {
    return blocks.map((b) => this.block(b)).join('\n');
  }

  private block(block: BlockNode): string {
    switch (block.type) {
      case 'heading': {
        const id = block.attrs.sectionId ? ` id="section-${escapeHtml(block.attrs.sectionId)}"` : '';
        return `<h${block.attrs.level}${id}>${this.inline(block.content)}</h${block.attrs.level}>`;
      }
      case 'paragraph':
        return `<p>${this.inline(block.content)}</p>`;
      case 'horizontalRule':
        return '<hr>';
      case 'blockquote':
        return `<blockquote>\n${this.blocks(block.content)}\n</blockquote>`;
      case 'bulletList':
      case 'orderedList': {
        const tag = block.type === 'bulletList' ? 'ul' : 'ol';
        const start = block.type === 'orderedList' && (block.attrs?.start ?? 1) !== 1 ? ` start="${Number(block.attrs?.start)}"` : '';
        const items = block.content.map((item) => `<li>${this.listItem(item.content)}</li>`).join('\n');
        return `<${tag}${start}>\n${items}\n</${tag}>`;
      }
      case 'table': {
        // Leading rows of header cells become <thead>, which Chromium repeats at the top of every printed page.
        const headRows = block.content.findIndex((row) => !row.content.length || row.content.some((c) => c.type !== 'tableHeader'));
        const split = headRows === -1 ? block.content.length : headRows;
        const rows = (from: number, to: number) =>
          block.content.slice(from, to).map((row) => `<tr>${row.content.map((c) => this.cell(c)).join('')}</tr>`).join('\n');
        const head = split > 0 ? `<thead>\n${rows(0, split)}\n</thead>\n` : '';
        return `<table>\n${head}<tbody>\n${rows(split, block.content.length)}\n</tbody>\n</table>`;
      }
    }
  }

  /** A list item's first paragraph is written without <p>, so a tight list prints tight. */
  private listItem(content: readonly BlockNode[]): string {
    const [first, ...rest] = content;
    const lead = first?.type === 'paragraph' ? this.inline(first.content) : first ? this.block(first) : '';
    return rest.length ? `${lead}\n${this.blocks(rest)}` : lead;
  }

  private cell(cell: TableCellNode): string {
    const tag = cell.type === 'tableHeader' ? 'th' : 'td';
    const a = cell.attrs ?? {};
    const attrs =
      (a.colspan && a.colspan > 1 ? ` colspan="${Number(a.colspan)}"` : '') +
      (a.rowspan && a.rowspan > 1 ? ` rowspan="${Number(a.rowspan)}"` : '') +
      (a.align && ['left', 'center', 'right'].includes(a.align) ? ` style="text-align:${a.align}"` : '');
    const only = cell.content.length === 1 && cell.content[0]!.type === 'paragraph' ? cell.content[0] : null;
    return `<${tag}${attrs}>${only?.type === 'paragraph' ? this.inline(only.content) : this.blocks(cell.content)}</${tag}>`;
  }

  private inline(content: readonly InlineNode[] | undefined): string {
    return writeInline(content, {
      hardBreak: '<br>',
      footnote: (note) => {
        const n = this.footnotes.push(note);
        return `<sup class="footnote-ref"><a href="#footnote-${n}" id="footnote-ref-${n}">${n}</a></sup>`;
      },
      text: (node) => marksInnermostFirst(node.marks).reduce((html, mark) => wrap(html, mark), escapeHtml(node.text)),
      recordTitle: (title) => `<span class="record-link-title">${escapeHtml(recordTitleNote(title))}</span>`,
    });
  }
}

function wrap(inner: string, mark: Mark): string {
  switch (mark.type) {
    case 'bold': return `<strong>${inner}</strong>`;
    case 'italic': return `<em>${inner}</em>`;
    case 'underline': return `<u>${inner}</u>`;
    case 'strike': return `<s>${inner}</s>`;
    case 'code': return `<code>${inner}</code>`;
    case 'link': return isSafeHref(mark.attrs.href) ? `<a href="${escapeHtml(mark.attrs.href)}">${inner}</a>` : inner;
    case 'recordLink':
      return `<a class="record-link" href="${escapeHtml(recordLinkHref(mark.attrs))}" data-kind="${escapeHtml(mark.attrs.kind)}" data-id="${escapeHtml(mark.attrs.id)}">${inner}</a>`;
  }
}

function stylesheet(chrome: ReturnType<typeof pageChrome>): string {
  const m = PAGE_MARGINS_MM;
  const running = 'font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 8pt; color: #444;';
  return `
@page {
  size: ${chrome.pageSize};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  ${chrome.marking ? `@top-center { content: ${cssString(chrome.marking)}; ${running} font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; }` : ''}
  ${chrome.footer ? `@bottom-left { content: ${cssString(chrome.footer)}; ${running} }` : ''}
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${running} }
}
:root { color-scheme: light; }
html { font-family: "Liberation Serif", "Times New Roman", "DejaVu Serif", serif; font-size: 11pt; line-height: 1.4; color: #111; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; }
h1 { font-size: 18pt; margin: 0 0 0.6em; }
h2 { font-size: 13.5pt; margin: 1.4em 0 0.4em; padding-bottom: 0.15em; border-bottom: 1px solid #bbb; }
h3 { font-size: 11.5pt; margin: 1.1em 0 0.3em; }
h4, h5, h6 { font-size: 11pt; margin: 1em 0 0.3em; }
h1, h2, h3, h4, h5, h6 { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.55em; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.4em; }
li { margin: 0.15em 0; }
li > p { margin: 0.2em 0 0.3em; }
blockquote { margin: 0.6em 0; padding: 0.1em 0 0.1em 0.9em; border-left: 3px solid #bbb; color: #333; }
hr { border: 0; border-top: 1px solid #bbb; margin: 1em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.9em; font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 8.5pt; line-height: 1.3; }
/* break-word, not anywhere: a column is never narrowed below its longest word (no "Criti-cal"). */
th, td { border: 1px solid #888; padding: 0.3em 0.45em; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { background: #e8e8e8; font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
td p, th p { margin: 0 0 0.3em; }
td p:last-child, th p:last-child { margin-bottom: 0; }
a { color: #1a4d8f; }
a.record-link { color: inherit; text-decoration: underline dotted; }
sup.footnote-ref { font-size: 0.7em; line-height: 0; }
sup.footnote-ref a { text-decoration: none; }
code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.92em; }
.page-banner { display: flex; justify-content: space-between; gap: 1rem; font-family: "Liberation Sans", Arial, sans-serif; font-size: 8.5pt; color: #444; border-bottom: 1px solid #ccc; padding-bottom: 0.4rem; margin-bottom: 1.2rem; }
.page-banner .marking { font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; }
.footnotes { margin-top: 2em; font-size: 9pt; }
.footnotes ol { padding-left: 1.6em; }
.footnotes-title { font-family: "Liberation Sans", Arial, sans-serif; font-weight: bold; margin: 0.6em 0 0.2em; }
@media print {
  body { max-width: none; padding: 0; }
  /* On paper the marking and the case line are in every page's margins (@page above). */
  .page-banner { display: none; }
  a { color: inherit; }
  /* A record link means something in the app only; on paper it is plain text. */
  a.record-link { text-decoration: none; }
  .footnote-back { display: none; }
}
`;
}

/** The document as a complete HTML page, ready to show or print. */
export function toHtml(doc: DocumentNode, opts: PageOptions): string {
  const chrome = pageChrome(opts);
  const writer = new HtmlWriter();
  const body = writer.blocks(doc.content);
  const notes = writer.footnotes.length
    ? `\n<section class="footnotes" aria-label="Notes">\n<hr>\n<p class="footnotes-title">Notes</p>\n<ol>\n${writer.footnotes
        .map((note, i) => `<li id="footnote-${i + 1}">${escapeHtml(note)} <a class="footnote-back" href="#footnote-ref-${i + 1}" aria-label="Back to the text">\u21a9</a></li>`)
        .join('\n')}\n</ol>\n</section>`
    : '';
  const banner = chrome.marking || chrome.footer
    ? `<header class="page-banner"><span class="marking">${escapeHtml(chrome.marking)}</span><span>${escapeHtml(chrome.footer)}</span></header>\n`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(chrome.title)}</title>
<style>${stylesheet(chrome)}</style>
</head>
<body>
${banner}<main>
${body}
</main>${notes}
</body>
</html>
`;
}
