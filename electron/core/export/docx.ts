// A document as a Word file (.docx): headings as Word's heading styles (so Word's navigation pane and table of
// contents work), real bulleted and numbered lists, tables with a repeating header row, footnotes as Word
// footnotes, and on every page the marking at the top, the case reference, the date and "Page n of m" at the foot.
import {
  AlignmentType, BorderStyle, Document, LineRuleType, ExternalHyperlink, Footer, FootnoteReferenceRun, Header, HeadingLevel,
  LevelFormat, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TabStopType,
  TextRun, WidthType, convertMillimetersToTwip, type ILevelsOptions, type IRunOptions, type ParagraphChild,
} from 'docx';
import { documentText } from '../../../shared/documents/text.js';
import { isSafeHref, recordTitleAfter, recordTitleNote, type BlockNode, type DocumentNode, type InlineNode, type TableNode } from '../../../shared/documents/model.js';
import { PAGE_MARGINS_MM, PAGE_SIZES_MM, pageChrome, type PageChrome, type PageOptions } from '../../../shared/documents/page.js';

// Word's metric-compatible defaults: LibreOffice substitutes Liberation Serif/Sans with identical line breaks.
const BODY_FONT = 'Times New Roman';
const HEADING_FONT = 'Arial';
const HALF_POINTS = (pt: number) => pt * 2;
const INDENT_STEP = 720; // twips: half an inch per list level

const HEADING_LEVELS = [
  HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6,
] as const;

function listLevels(kind: 'bullet' | 'ordered'): ILevelsOptions[] {
  const bullets = ['\u2022', '\u25e6', '\u25aa'];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
    text: kind === 'bullet' ? bullets[level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT_STEP * (level + 1), hanging: 360 } } },
  }));
}

interface BlockContext {
  /** The list level a block sits at (-1 outside lists), for indenting a list item's second paragraph. */
  listLevel: number;
  /** Inside a table: smaller type. */
  inTable: boolean;
  /** Inside a blockquote: indented, with a rule on the left. */
  quoted: boolean;
  /** In a table's header cell: bold. */
  header?: boolean;
}

class DocxWriter {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private footnoteCount = 0;
  /** Each ordered list is its own numbering instance, so each starts at 1. */
  private orderedLists = 0;

  constructor(private readonly contentWidth: number) {}

  blocks(blocks: readonly BlockNode[], ctx: BlockContext): (Paragraph | Table)[] {
    return blocks.flatMap((b, i) => {
      const written = this.block(b, ctx);
      // Word sets the next paragraph flush against a table; a small empty paragraph gives it air.
      return b.type === 'table' && i < blocks.length - 1 ? [...written, new Paragraph({ spacing: { after: 0, line: 160, lineRule: LineRuleType.EXACT }, children: [] })] : written;
    });
  }

  private block(block: BlockNode, ctx: BlockContext): (Paragraph | Table)[] {
    const size = { ...(ctx.inTable ? { size: HALF_POINTS(9) } : {}), ...(ctx.header ? { bold: true } : {}) };
    const quote = ctx.quoted
      ? { indent: { left: INDENT_STEP }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'AAAAAA', space: 8 } } }
      : ctx.listLevel >= 0 ? { indent: { left: INDENT_STEP * (ctx.listLevel + 1) } } : {};
    switch (block.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADING_LEVELS[block.attrs.level - 1], keepNext: true, children: this.inline(block.content, {}) })];
      case 'paragraph':
        return [new Paragraph({ ...quote, spacing: ctx.inTable ? { after: 40, line: 240 } : { after: 120 }, children: this.inline(block.content, size) })];
      case 'horizontalRule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'BBBBBB', space: 1 } }, children: [] })];
      case 'blockquote':
        return this.blocks(block.content, { ...ctx, quoted: true });
      case 'bulletList':
      case 'orderedList': {
        const level = Math.min(ctx.listLevel + 1, 8);
        const numbering = block.type === 'bulletList'
          ? { reference: 'bullets', level }
          : { reference: 'ordered', level, instance: ++this.orderedLists };
        return block.content.flatMap((item) => {
          const [first, ...rest] = item.content;
          return [
            new Paragraph({ numbering, spacing: { after: 60 }, children: this.inline(first.content, size) }),
            ...this.blocks(rest, { ...ctx, listLevel: level }),
          ];
        });
      }
      case 'table':
        return [this.table(block)];
    }
  }

  private table(block: TableNode): Table {
    const widths = columnWidths(block, this.contentWidth);
    let leadingHeaderRows = true;
    const rows = block.content.map((row) => {
      const isHeader = leadingHeaderRows && row.content.length > 0 && row.content.every((c) => c.type === 'tableHeader');
      leadingHeaderRows &&= isHeader;
      let column = 0;
      const span = (colspan = 1) => widths.slice(column, (column += colspan)).reduce((x, y) => x + y, 0);
      return new TableRow({
        tableHeader: isHeader,
        cantSplit: true,
        children: row.content.map((cell) => new TableCell({
          children: endsWithParagraph(this.blocks(cell.content, { listLevel: -1, inTable: true, quoted: false, header: cell.type === 'tableHeader' })),
          columnSpan: cell.attrs?.colspan ?? 1,
          rowSpan: cell.attrs?.rowspan ?? 1,
          width: { size: span(cell.attrs?.colspan), type: WidthType.DXA },
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          ...(cell.type === 'tableHeader' ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
        })),
      });
    });
    return new Table({
      rows,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
    });
  }

  private inline(content: readonly InlineNode[] | undefined, base: IRunOptions): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const nodes = content ?? [];
    for (const [index, node] of nodes.entries()) {
      if (node.type === 'hardBreak') out.push(new TextRun({ ...base, break: 1 }));
      else if (node.type === 'footnote') {
        const id = ++this.footnoteCount;
        this.footnotes[String(id)] = { children: [new Paragraph({ children: [new TextRun(node.attrs.text)] })] };
        out.push(new FootnoteReferenceRun(id));
      } else {
        const marks = new Set((node.marks ?? []).map((m) => m.type));
        const link = node.marks?.find((m) => m.type === 'link');
        const run = new TextRun({
          ...base,
          text: node.text,
          ...(marks.has('bold') ? { bold: true } : {}),
          ...(marks.has('italic') ? { italics: true } : {}),
          ...(marks.has('underline') ? { underline: {} } : {}),
          ...(marks.has('strike') ? { strike: true } : {}),
          ...(marks.has('code') ? { font: 'Courier New' } : {}),
          ...(link ? { style: 'Hyperlink' } : {}),
        });
        // Record links stay plain text in Word: a parley: address means nothing outside the app. Their record's
        // title follows them where their words are not the title.
        out.push(link && isSafeHref(link.attrs.href) ? new ExternalHyperlink({ link: link.attrs.href, children: [run] }) : run);
        const title = recordTitleAfter(nodes, index);
        if (title) out.push(new TextRun({ ...base, text: recordTitleNote(title) }));
      }
    }
    return out;
  }
}

/**
 * Advance widths of the printable ASCII characters (space to tilde), in thousandths of an em, in DejaVu Serif and
 * DejaVu Serif Bold. Word files name Times New Roman; where it is missing (and Liberation Serif, its metric twin, too)
 * LibreOffice sets them in DejaVu Serif, the widest face a reader is likely to get. A column wide enough for a word
 * in DejaVu is wide enough for it in Times New Roman and Liberation Serif.
 */
const GLYPH_WIDTHS = {
  regular: [
    318, 402, 460, 838, 636, 950, 890, 275, 390, 390, 500, 838, 318, 338, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
    636, 636, 337, 337, 838, 838, 838, 536, 1000, 722, 735, 765, 802, 730, 694, 799, 872, 395, 401, 747, 664, 1024, 875, 820,
    673, 820, 753, 685, 667, 843, 722, 1028, 712, 660, 695, 390, 337, 390, 838, 500, 500, 596, 640, 560, 640, 592, 370, 640,
    644, 320, 310, 606, 320, 948, 644, 602, 640, 640, 478, 513, 402, 644, 565, 856, 564, 565, 527, 636, 337, 636, 838,
  ],
  bold: [
    348, 439, 521, 838, 696, 950, 903, 306, 473, 473, 523, 838, 348, 415, 348, 365, 696, 696, 696, 696, 696, 696, 696, 696,
    696, 696, 369, 369, 838, 838, 838, 586, 1000, 776, 845, 796, 867, 762, 710, 854, 945, 468, 473, 869, 703, 1107, 914, 871,
    752, 871, 831, 722, 744, 872, 776, 1123, 776, 714, 730, 473, 365, 473, 838, 500, 500, 648, 699, 609, 699, 636, 430, 699,
    727, 380, 362, 693, 380, 1058, 727, 667, 699, 699, 527, 563, 462, 727, 581, 861, 596, 581, 568, 643, 364, 643, 838,
  ],
} as const;
/** Table text is 9-point: twips (1/20 point) per thousandth of an em. */
const TABLE_TWIPS_PER_MILLI_EM = (9 * 20) / 1000;
/** A cell's left and right margins (see `table`), and a little room for rounding in the reader's layout. */
const CELL_PADDING_TWIPS = 80 + 80 + 40;

/** How wide a run of table text is set, in twips; a letter with an accent counts as its base letter, others as an em. */
function textTwips(text: string, bold: boolean): number {
  const widths = GLYPH_WIDTHS[bold ? 'bold' : 'regular'];
  let milliEm = 0;
  for (const ch of text.normalize('NFKD')) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue; // a combining accent sits over the letter before it
    milliEm += code >= 32 && code <= 126 ? widths[code - 32]! : 1000;
  }
  return Math.ceil(milliEm * TABLE_TWIPS_PER_MILLI_EM);
}

/** The pieces a line may not break inside: words, where a hyphenated word may break after each hyphen. */
function unbreakable(text: string): string[] {
  return text.split(/\s+/).flatMap((word) => word.split(/(?<=-)/)).filter((piece) => piece.length > 0);
}

/**
 * Column widths that suit what the columns hold, as a browser's automatic table layout would: no column narrower
 * than its longest word as it will be set (so "Compliance" never breaks into "Complianc" and "e"), and the room left
 * shared in proportion to how much text each column's longest cell holds beyond that. Header cells are bold, and
 * measured so. When even the longest words do not fit side by side, the widest columns give way first, down to a
 * common width, so that the narrow ones (a status, a priority) still keep their words whole.
 */
function columnWidths(block: TableNode, available: number): number[] {
  const columns = Math.max(1, ...block.content.map((row) => row.content.reduce((n, c) => n + (c.attrs?.colspan ?? 1), 0)));
  const minimum = new Array<number>(columns).fill(CELL_PADDING_TWIPS);
  const content = new Array<number>(columns).fill(CELL_PADDING_TWIPS);
  for (const row of block.content) {
    let column = 0;
    for (const cell of row.content) {
      if ((cell.attrs?.colspan ?? 1) === 1 && column < columns) {
        const bold = cell.type === 'tableHeader';
        const text = documentText({ type: 'doc', content: cell.content });
        const longestWord = Math.max(0, ...unbreakable(text).map((piece) => textTwips(piece, bold)));
        minimum[column] = Math.max(minimum[column]!, longestWord + CELL_PADDING_TWIPS);
        content[column] = Math.max(content[column]!, Math.min(textTwips(text, bold), available) + CELL_PADDING_TWIPS);
      }
      column += cell.attrs?.colspan ?? 1;
    }
  }
  const minTotal = minimum.reduce((a, b) => a + b, 0);
  if (minTotal >= available) return capWidest(minimum, available);
  const extra = content.map((c, i) => Math.max(0, c - minimum[i]!));
  const extraTotal = extra.reduce((a, b) => a + b, 0);
  const room = available - minTotal;
  return minimum.map((m, i) => Math.floor(m + (extraTotal ? (extra[i]! * room) / extraTotal : room / columns)));
}

/** Widths no wider than a cap chosen so that they fill `available`: the widest columns shrink, the narrow keep theirs. */
function capWidest(widths: number[], available: number): number[] {
  const sorted = [...widths].sort((a, b) => a - b);
  let rest = available;
  for (const [i, w] of sorted.entries()) {
    const cap = rest / (sorted.length - i);
    if (w > cap) return widths.map((x) => Math.floor(Math.min(x, cap)));
    rest -= w;
  }
  return widths;
}

/** Word requires every table cell to end with a paragraph (a cell ending in a nested table is refused). */
function endsWithParagraph(children: (Paragraph | Table)[]): (Paragraph | Table)[] {
  return children.at(-1) instanceof Paragraph ? children : [...children, new Paragraph({ children: [] })];
}

function running(chrome: PageChrome, contentWidth: number): { header: Header; footer: Footer } {
  const small = { size: HALF_POINTS(8), font: HEADING_FONT, color: '444444' };
  return {
    header: new Header({
      children: chrome.marking
        ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...small, text: chrome.marking, bold: true, allCaps: true })] })]
        : [],
    }),
    footer: new Footer({
      children: [new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
        children: [
          new TextRun({ ...small, text: chrome.footer }),
          new TextRun({ ...small, children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      })],
    }),
  };
}

export async function toDocx(doc: DocumentNode, opts: PageOptions): Promise<Buffer> {
  const chrome = pageChrome(opts);
  const size = PAGE_SIZES_MM[chrome.pageSize];
  const m = PAGE_MARGINS_MM;
  const contentWidth = convertMillimetersToTwip(size.width - m.left - m.right);
  const writer = new DocxWriter(contentWidth);
  const children = writer.blocks(doc.content, { listLevel: -1, inTable: false, quoted: false });
  const { header, footer } = running(chrome, contentWidth);
  const headingStyle = (pt: number) => ({
    run: { font: HEADING_FONT, size: HALF_POINTS(pt), bold: true, color: '111111' },
    paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
  });
  const document = new Document({
    title: chrome.title,
    creator: 'Parley',
    description: chrome.marking,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: HALF_POINTS(11) }, paragraph: { spacing: { line: 264 } } },
        heading1: headingStyle(18),
        heading2: headingStyle(13.5),
        heading3: headingStyle(11.5),
        heading4: headingStyle(11),
        heading5: headingStyle(11),
        heading6: headingStyle(11),
        hyperlink: { run: { color: '1A4D8F', underline: {} } },
      },
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: listLevels('bullet') },
        { reference: 'ordered', levels: listLevels('ordered') },
      ],
    },
    footnotes: writer.footnotes,
    sections: [{
      properties: {
        page: {
          size: { width: convertMillimetersToTwip(size.width), height: convertMillimetersToTwip(size.height) },
          margin: {
            top: convertMillimetersToTwip(m.top), bottom: convertMillimetersToTwip(m.bottom),
            left: convertMillimetersToTwip(m.left), right: convertMillimetersToTwip(m.right),
            header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10),
          },
        },
      },
      headers: { default: header },
      footers: { default: footer },
      children: children.length ? children : [new Paragraph({ children: [] })],
    }],
  });
  return Packer.toBuffer(document);
}
