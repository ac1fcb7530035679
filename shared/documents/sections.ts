// Generated sections of a document, so one section can be brought up to date from the case while every other
// part of the document stays as the user edited it.
//
// A section is a heading whose attrs.sectionId is set, and every block after it up to the next heading that has a
// sectionId (of any level). Headings without a sectionId (the user's own) belong to the section they sit in.
// Blocks before the first section heading (a title, a line of dates) belong to no section and are never replaced.
import type { BlockNode, DocumentNode, HeadingNode } from './model.js';

export interface SectionSpan {
  sectionId: string;
  /** Index of the section's heading in doc.content. */
  start: number;
  /** Index one past the section's last block. */
  end: number;
}

function sectionIdOf(block: BlockNode | undefined): string | null {
  return block?.type === 'heading' ? (block.attrs.sectionId ?? null) : null;
}

/** The sections of a document in order. A sectionId that appears twice (a copied heading) counts once: the first. */
export function findSections(doc: DocumentNode): SectionSpan[] {
  const spans: SectionSpan[] = [];
  doc.content.forEach((block, index) => {
    const id = sectionIdOf(block);
    if (id === null) return;
    const last = spans[spans.length - 1];
    if (last) last.end = index;
    spans.push({ sectionId: id, start: index, end: doc.content.length });
  });
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(s.sectionId) && seen.add(s.sectionId));
}

export function sectionIds(doc: DocumentNode): string[] {
  return findSections(doc).map((s) => s.sectionId);
}

/** The blocks of one section, heading first, or null if the document has no such section. */
export function sectionBlocks(doc: DocumentNode, sectionId: string): BlockNode[] | null {
  const span = findSections(doc).find((s) => s.sectionId === sectionId);
  return span ? doc.content.slice(span.start, span.end) : null;
}

export class SectionNotFoundError extends Error {
  constructor(readonly sectionId: string) {
    super(`The freshly built document has no section "${sectionId}".`);
    this.name = 'SectionNotFoundError';
  }
}

/**
 * Replaces one section of an edited document by the same section of a freshly built one, and keeps everything
 * else as the user left it (blocks, order, other sections' edits).
 * - The section's heading stays the user's (they may have renamed it); what follows it is replaced.
 * - If the user deleted the section, it comes back where the fresh document puts it: after the nearest section
 *   before it that the edited document still has, or before the nearest one after it, or at the end.
 * Returns a new document; the one given is not changed.
 */
export function replaceSection(edited: DocumentNode, sectionId: string, fresh: DocumentNode): DocumentNode {
  const freshBlocks = sectionBlocks(fresh, sectionId);
  if (!freshBlocks) throw new SectionNotFoundError(sectionId);
  const spans = findSections(edited);
  const content = [...edited.content];
  const existing = spans.find((s) => s.sectionId === sectionId);
  if (existing) {
    const heading = content[existing.start] as HeadingNode;
    content.splice(existing.start, existing.end - existing.start, heading, ...freshBlocks.slice(1));
    return { ...edited, content };
  }
  const freshOrder = sectionIds(fresh);
  const position = freshOrder.indexOf(sectionId);
  const byId = new Map(spans.map((s) => [s.sectionId, s]));
  const before = freshOrder.slice(0, position).reverse().map((id) => byId.get(id)).find((s) => s !== undefined);
  const after = freshOrder.slice(position + 1).map((id) => byId.get(id)).find((s) => s !== undefined);
  const at = before ? before.end : after ? after.start : content.length;
  content.splice(at, 0, ...freshBlocks);
  return { ...edited, content };
}
