// The document model of drafts (meeting briefs, position papers, letters, memos): ProseMirror JSON, exactly as
// the TipTap editor reads and writes it (see tiptap.ts for the editor's side of the same schema), so a stored
// draft opens in the editor as it is and an edited draft can be exported without conversion.
//
//   doc        > block+
//   block      = heading{level, sectionId?} | paragraph | bulletList | orderedList{start?, type?} | table
//                | blockquote | horizontalRule
//   listItem   > paragraph block*          (bulletList/orderedList > listItem+)
//   table      > tableRow+ > (tableHeader | tableCell)* > block+
//   inline     = text{marks?} | hardBreak | footnote{text}
//   marks      = bold | italic | underline | strike | code | link{href,...} | recordLink{kind, id, caseId?, title?}
//
// Footnotes (and citations, which are footnotes holding a citation) are atom inline nodes that carry their text in
// an attribute: they number themselves by position, survive cut and paste with the sentence they annotate, and
// need no second list to keep in step. A recordLink mark makes a run of text a live link to a case record; it keeps
// the record's title as it was when linked, so that outside the app (Markdown, HTML, Word, PDF) a link whose words
// are not the record's title still says which record it means: "the term sheet (see “Tiered access”)".
import { z } from 'zod';
import { LINKABLE_KINDS } from '../enums.js';

export type LinkableKind = (typeof LINKABLE_KINDS)[number];

// ---- types -------------------------------------------------------------------------------------------------

export type SimpleMark = { type: 'bold' | 'italic' | 'underline' | 'strike' | 'code' };
export interface LinkMark {
  type: 'link';
  attrs: { href: string; target?: string | null; rel?: string | null; class?: string | null; title?: string | null };
}
export interface RecordLinkMark {
  type: 'recordLink';
  /** caseId is set only for a record in another case file; title is the record's title when it was linked. */
  attrs: { kind: LinkableKind; id: string; caseId?: string | null; title?: string | null };
}
export type Mark = SimpleMark | LinkMark | RecordLinkMark;
export type MarkType = Mark['type'];

/**
 * The order writers nest marks in, innermost first, whatever order a text's marks array has (the editor sorts
 * them by its schema, code by its own): a bold link is always written as a link around bold text.
 */
const MARK_NESTING: readonly MarkType[] = ['code', 'strike', 'underline', 'italic', 'bold', 'link', 'recordLink'];
export function marksInnermostFirst(marks: readonly Mark[] | undefined): Mark[] {
  return [...(marks ?? [])].sort((a, b) => MARK_NESTING.indexOf(a.type) - MARK_NESTING.indexOf(b.type));
}

export interface TextNode { type: 'text'; text: string; marks?: Mark[] }
export interface HardBreakNode { type: 'hardBreak' }
export interface FootnoteNode { type: 'footnote'; attrs: { text: string } }
export type InlineNode = TextNode | HardBreakNode | FootnoteNode;

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export interface HeadingNode {
  type: 'heading';
  /** sectionId marks a heading that opens a generated section (see sections.ts). */
  attrs: { level: HeadingLevel; sectionId?: string | null };
  content?: InlineNode[];
}
export interface ParagraphNode { type: 'paragraph'; content?: InlineNode[] }
export interface ListItemNode { type: 'listItem'; content: [ParagraphNode, ...BlockNode[]] }
export interface BulletListNode { type: 'bulletList'; content: ListItemNode[] }
export interface OrderedListNode { type: 'orderedList'; attrs?: { start?: number; type?: string | null }; content: ListItemNode[] }
export interface TableCellAttrs { colspan?: number; rowspan?: number; colwidth?: number[] | null; align?: 'left' | 'center' | 'right' | null }
export interface TableCellNode { type: 'tableCell' | 'tableHeader'; attrs?: TableCellAttrs; content: BlockNode[] }
export interface TableRowNode { type: 'tableRow'; content: TableCellNode[] }
export interface TableNode { type: 'table'; content: TableRowNode[] }
export interface BlockquoteNode { type: 'blockquote'; content: BlockNode[] }
export interface HorizontalRuleNode { type: 'horizontalRule' }
export type BlockNode =
  | HeadingNode | ParagraphNode | BulletListNode | OrderedListNode | TableNode | BlockquoteNode | HorizontalRuleNode;
export interface DocumentNode { type: 'doc'; content: BlockNode[] }

// ---- bounds ------------------------------------------------------------------------------------------------

/** Limits that keep a hostile or corrupted document from exhausting the stack or the memory of its reader. */
export const DOCUMENT_LIMITS = {
  /** Nesting of nodes (a list in a table cell in a blockquote...). */
  maxDepth: 40,
  maxNodes: 200_000,
  /** Characters of text, footnotes and attribute values together. */
  maxTextChars: 4_000_000,
} as const;

/**
 * Counts depth, nodes and text without recursion, before the structural schema runs (which recurses), so that a
 * document nested ten thousand deep is refused with a message rather than a stack overflow.
 */
function checkBounds(value: unknown): string | null {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  let nodes = 0;
  let chars = 0;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > DOCUMENT_LIMITS.maxDepth) return `the document is nested more than ${DOCUMENT_LIMITS.maxDepth} levels deep`;
    if (++nodes > DOCUMENT_LIMITS.maxNodes) return `the document has more than ${DOCUMENT_LIMITS.maxNodes} nodes`;
    if (typeof node === 'string') chars += node.length;
    else if (Array.isArray(node)) for (const child of node) stack.push({ node: child, depth: depth + 1 });
    else if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
    if (chars > DOCUMENT_LIMITS.maxTextChars) return `the document holds more than ${DOCUMENT_LIMITS.maxTextChars} characters`;
  }
  return null;
}

// ---- schema ------------------------------------------------------------------------------------------------

/** Links may go to the web, to mail or phone, or to a place in the document: never javascript: or data:. */
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:|#)/i;
export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href) && !/[\u0000-\u001f\u007f]/.test(href);
}
export const SECTION_ID = /^[a-z][a-z0-9-]{0,63}$/;

const markSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({ type: z.literal('underline') }),
  z.strictObject({ type: z.literal('strike') }),
  z.strictObject({ type: z.literal('code') }),
  z.strictObject({
    type: z.literal('link'),
    attrs: z.strictObject({
      href: z.string().max(4_000).refine(isSafeHref, 'a link must start with http://, https://, mailto:, tel: or # and hold no control characters'),
      target: z.string().max(50).nullable().optional(),
      rel: z.string().max(200).nullable().optional(),
      class: z.string().max(200).nullable().optional(),
      title: z.string().max(1_000).nullable().optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('recordLink'),
    attrs: z.strictObject({
      kind: z.enum(LINKABLE_KINDS), id: z.uuid(), caseId: z.uuid().nullable().optional(), title: z.string().max(1_000).nullable().optional(),
    }),
  }),
]);

const marksSchema = z.array(markSchema).max(10)
  .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, 'a text carries each kind of mark at most once');

const inlineSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string().min(1, 'a text node must not be empty'), marks: marksSchema.optional() }),
  z.strictObject({ type: z.literal('hardBreak') }),
  z.strictObject({ type: z.literal('footnote'), attrs: z.strictObject({ text: z.string().max(50_000) }) }),
]);
const inlineContent = z.array(inlineSchema).optional();

const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('heading'),
      attrs: z.strictObject({
        level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
        sectionId: z.string().regex(SECTION_ID, 'a section id is lower-case letters, digits and dashes').nullable().optional(),
      }),
      content: inlineContent,
    }),
    paragraphSchema,
    z.strictObject({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1) }),
    z.strictObject({
      type: z.literal('orderedList'),
      attrs: z.strictObject({ start: z.number().int().min(0).max(1_000_000).optional(), type: z.string().max(10).nullable().optional() }).optional(),
      content: z.array(listItemSchema).min(1),
    }),
    z.strictObject({ type: z.literal('table'), content: z.array(tableRowSchema).min(1) }),
    z.strictObject({ type: z.literal('blockquote'), content: z.array(blockSchema).min(1) }),
    z.strictObject({ type: z.literal('horizontalRule') }),
  ]),
) as z.ZodType<BlockNode>;

const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), content: inlineContent });

const listItemSchema = z.strictObject({
  type: z.literal('listItem'),
  content: z.tuple([paragraphSchema], blockSchema),
});

const cellSchema = z.strictObject({
  type: z.enum(['tableCell', 'tableHeader']),
  attrs: z.strictObject({
    colspan: z.number().int().min(1).max(100).optional(),
    rowspan: z.number().int().min(1).max(10_000).optional(),
    colwidth: z.array(z.number().min(0).max(100_000)).max(100).nullable().optional(),
    align: z.enum(['left', 'center', 'right']).nullable().optional(),
  }).optional(),
  content: z.array(blockSchema).min(1),
});

const tableRowSchema = z.strictObject({ type: z.literal('tableRow'), content: z.array(cellSchema).max(100) });

const documentStructure = z.strictObject({ type: z.literal('doc'), content: z.array(blockSchema).min(1) });

/** Validates a document: its size and depth first, then every node, attribute and mark, strictly. */
export const DocumentSchema: z.ZodType<DocumentNode> = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = checkBounds(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .pipe(documentStructure) as unknown as z.ZodType<DocumentNode>;

export type DocumentParseResult = { ok: true; doc: DocumentNode } | { ok: false; problems: { path: string; message: string }[] };

/** Validates a document and says plainly what is wrong with it if it is not one. */
export function parseDocument(value: unknown): DocumentParseResult {
  const parsed = DocumentSchema.safeParse(value);
  if (parsed.success) return { ok: true, doc: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

/**
 * The address a record link exports as, outside the app (Markdown, HTML, Word): the app resolves parley: links to
 * the record; elsewhere they keep the record's identity readable.
 */
export function recordLinkHref(attrs: RecordLinkMark['attrs']): string {
  const kind = encodeURIComponent(attrs.kind);
  const id = encodeURIComponent(attrs.id);
  return attrs.caseId ? `parley://case/${encodeURIComponent(attrs.caseId)}/${kind}/${id}` : `parley://record/${kind}/${id}`;
}

/** How one output format writes each kind of inline node. */
export interface InlineFormat {
  hardBreak: string;
  /** Called in document order, so a format can number footnotes as it meets them. */
  footnote(text: string): string;
  text(node: TextNode): string;
  /** After a record link whose words are not its record's title: the title, for readers outside the app. */
  recordTitle(title: string): string;
}

/** Inline content written in one format (plain text, Markdown, HTML). */
export function writeInline(content: readonly InlineNode[] | undefined, format: InlineFormat): string {
  let out = '';
  const nodes = content ?? [];
  nodes.forEach((node, index) => {
    if (node.type === 'hardBreak') out += format.hardBreak;
    else if (node.type === 'footnote') out += format.footnote(node.attrs.text);
    else {
      out += format.text(node);
      const title = recordTitleAfter(nodes, index);
      if (title) out += format.recordTitle(title);
    }
  });
  return out;
}

const recordLinkOf = (node: InlineNode | undefined): RecordLinkMark | undefined =>
  node?.type === 'text' ? (node.marks?.find((m) => m.type === 'recordLink') as RecordLinkMark | undefined) : undefined;
const sameRecord = (a: RecordLinkMark | undefined, b: RecordLinkMark | undefined) =>
  !!a && !!b && a.attrs.kind === b.attrs.kind && a.attrs.id === b.attrs.id && (a.attrs.caseId ?? null) === (b.attrs.caseId ?? null);
const comparable = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The record title to write after the text node at `index`, if that node ends a run of text linked to one record
 * (a link may span several nodes: "the **term** sheet") whose words are not the record's title; otherwise null.
 */
export function recordTitleAfter(content: readonly InlineNode[], index: number): string | null {
  const link = recordLinkOf(content[index]);
  const title = link?.attrs.title;
  if (!link || !title || sameRecord(link, recordLinkOf(content[index + 1]))) return null;
  let words = '';
  for (let i = index; i >= 0 && sameRecord(link, recordLinkOf(content[i])); i--) words = (content[i] as TextNode).text + words;
  return comparable(words) === comparable(title) ? null : title;
}

/** How the record's title reads after a link whose words differ from it. */
export const recordTitleNote = (title: string) => ` (see \u201c${title}\u201d)`;
