// PDFs written by hand for the tests and the bench: each page's text in Helvetica, in lines that fit the page (a
// reader leaves out text drawn beyond it), and, to make a file as large as a scanned exhibit, padding in each page's
// content stream (a comment, which a reader must still scan).
// Uncompressed and plain, so what a reader finds in it is exactly what was written.

export interface PdfOptions {
  /** The text of each page, from its number (1, 2, ...); broken into lines of at most 80 characters. */
  pageText: (page: number) => string;
  pages?: number;
  /** Bytes of padding in each page's content stream. */
  paddingPerPage?: number;
}

/** A PDF whose pages say what `pageText` gives. */
export function pdfWithText(opts: PdfOptions): Buffer {
  const pages = opts.pages ?? 1;
  const padding = opts.paddingPerPage ? `% ${'x'.repeat(Math.max(0, opts.paddingPerPage - 3))}\n` : '';
  const objects: string[] = [];
  // 1: catalog, 2: page tree, 3: font, then a page and its content stream for each page.
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (let n = 1; n <= pages; n++) {
    const lines = linesOf(opts.pageText(n)).map((line) => `(${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj T*`);
    const stream = `${padding}BT /F1 10 Tf 12 TL 50 750 Td ${lines.join(' ')} ET\n`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + (n - 1) * 2} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`);
  }
  const chunks: string[] = ['%PDF-1.4\n'];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const obj = `${i + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(offset);
    chunks.push(obj);
    offset += Buffer.byteLength(obj, 'latin1');
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(xref, `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}

/** Words put on lines of at most 80 characters: about what fits across a page in 10-point Helvetica. */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= 80) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A PDF of about `bytes` bytes over many pages, each page's line naming its number; `sentence` on the last page.
 * Reading it takes seconds, as a large exhibit does.
 */
export function largePdf(bytes: number, sentence: string): Buffer {
  const pages = Math.max(1, Math.round(bytes / 10_000));
  return pdfWithText({ pages, paddingPerPage: 9_700, pageText: (n) => (n === pages ? sentence : `Page ${n} of the exhibit.`) });
}
