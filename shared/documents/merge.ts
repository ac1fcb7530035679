// A three-way merge of two versions of a draft with the version both came from, block by block: the blocks are the
// document's top-level content (paragraphs, headings, lists, tables, quotes, rules). Pure: the core merges copies of
// a case with it and the renderer may show its conflicts.
//
// How it works. Each side is compared with the base by content (a longest common subsequence of blocks, two blocks
// being the same when their JSON is, whatever the order of its keys). A base block the side still has is kept by it.
// Between two kept blocks, the side's new blocks replace the base blocks it no longer has: as many are paired as the
// shorter of the two runs has, in order, choosing the pairs most alike (the same words, the same kind of block) and,
// where nothing tells them apart, the first removed block with the first new block, and so on (pairRun). A removed
// block left unpaired was deleted; a new block left unpaired was inserted where it stands. So each base block is, on
// each side, kept, changed into one block, or deleted; and between each two base blocks (and at both ends) each side
// may have inserted blocks. Then, base block by base block:
//   - changed on one side only (edited or deleted): that side's change;
//   - changed on both sides the same way (the same new block, or both deleted): that change, once;
//   - changed on both sides differently (two different edits, or an edit and a deletion): a conflict. The merged
//     document holds our version there (nothing, where we deleted it); the conflict carries the base block and both
//     versions, for the caller to record and put to the user.
// Blocks inserted at the same place by both sides are all kept, without a conflict: an insertion replaces nothing,
// so keeping both loses nothing and overrides nobody (diff3 would call it a conflict). What both inserted alike at
// the start and the end of the run is kept once; of the rest, the run whose JSON sorts first goes first, not ours,
// so that merging a with b and b with a give the same document.
// So edits to different blocks always both survive, even next to each other, and with no conflict the result does
// not depend on which side is ours; with conflicts, ours with each conflict settled for theirs is the result the
// other way round. A block moved is a deletion and an insertion: moved on one side and edited on
// the other, it is a conflict (the edit against the deletion), and the moved copy stays where it was moved to.
//
// With no base (none given, or an empty document: the two were written independently) nothing can be told apart as
// an edit: the base is taken to be what the two have in common (their longest common subsequence of blocks, the same
// whichever side is ours), so that is kept once, everything else of each side is an insertion, and there are no
// conflicts. An emptied draft (the editor's empty document) on either side is every block deleted; a merge that
// leaves nothing is the editor's empty document.
import { documentText } from './text.js';
import { parseDocument, type BlockNode, type DocumentNode } from './model.js';

/** A draft's body as a record holds it (a draft revision's JSON text) or as parsed; null, undefined or '' for none. */
export type StoredDocument = DocumentNode | string | null | undefined;

/** A base block both sides changed, each in its own way. */
export interface BlockConflict {
  /**
   * Where our version stands in the merged document; where we deleted the block, where theirs would go. Counted in
   * the merged document as returned, so a caller putting theirs in place of ours works from the last conflict back.
   */
  index: number;
  base: BlockNode;
  /** null: deleted on that side. */
  ours: BlockNode | null;
  theirs: BlockNode | null;
  /** The three as plain text (documentText), for a person choosing between them; null where deleted. */
  text: { base: string; ours: string | null; theirs: string | null };
}

export interface DocumentMerge {
  /** A valid document: every change that does not conflict, and ours where one does. */
  merged: DocumentNode;
  /** In document order. */
  conflicts: BlockConflict[];
}

const WHO = { base: 'the base version', ours: 'our version', theirs: 'their version' } as const;

/** Thrown for an input that is neither nothing nor a valid editor document (as JSON text or parsed). */
export class DocumentMergeInputError extends Error {
  constructor(readonly which: 'base' | 'ours' | 'theirs', detail: string) {
    super(`${WHO[which]} is not a valid editor document: ${detail}`);
    this.name = 'DocumentMergeInputError';
  }
}

/**
 * Merges ours and theirs, both changed from base, block by block (see the top of this file). Deterministic; with no
 * conflicts, the same document whichever side is ours. The merged document is parsed; a record stores its JSON text.
 * Throws DocumentMergeInputError for an input that is not a document.
 */
export function mergeDocuments(base: StoredDocument, ours: StoredDocument, theirs: StoredDocument): DocumentMerge {
  const o = side(blocksOf(ours, 'ours'));
  const t = side(blocksOf(theirs, 'theirs'));
  const given = side(blocksOf(base, 'base'));
  const b = given.blocks.length ? given : commonBase(o, t);

  const ourChanges = changesFrom(b, o);
  const theirChanges = changesFrom(b, t);
  const merged: BlockNode[] = [];
  const conflicts: BlockConflict[] = [];
  for (let i = 0; ; i++) {
    merged.push(...mergeInsertions(ourChanges.inserted[i]!, theirChanges.inserted[i]!));
    if (i === b.blocks.length) break;
    const baseBlock = b.blocks[i]!;
    const mine = ourChanges.changed.get(i);
    const their = theirChanges.changed.get(i);
    let kept: BlockNode | null;
    if (mine === undefined && their === undefined) kept = baseBlock;
    else if (mine === undefined) kept = their!.block;
    else if (their === undefined || mine.key === their.key) kept = mine.block;
    else {
      // Ours stays in the merged document; the conflict records both for the caller to ask about.
      conflicts.push({
        index: merged.length, base: baseBlock, ours: mine.block, theirs: their.block,
        text: { base: blockText(baseBlock), ours: mine.block && blockText(mine.block), theirs: their.block && blockText(their.block) },
      });
      kept = mine.block;
    }
    if (kept) merged.push(kept);
  }
  return { merged: { type: 'doc', content: merged.length ? merged : [{ type: 'paragraph' }] }, conflicts };
}

// ---- inputs ------------------------------------------------------------------------------------------------

/**
 * The top-level blocks of a stored document. Nothing, and the editor's empty document (one empty paragraph), are
 * no blocks at all: a draft just made, or one emptied, holds no paragraph anyone wrote.
 */
function blocksOf(value: StoredDocument, which: 'base' | 'ours' | 'theirs'): BlockNode[] {
  if (value === null || value === undefined || value === '') return [];
  let json: unknown = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      throw new DocumentMergeInputError(which, 'its text is not JSON');
    }
  }
  const parsed = parseDocument(json);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw new DocumentMergeInputError(which, first ? `${first.path || 'the document'}: ${first.message}` : 'refused');
  }
  const { content } = parsed.doc;
  const only = content.length === 1 ? content[0]! : null;
  return only?.type === 'paragraph' && !only.content?.length ? [] : content;
}

/** Blocks with their keys: JSON with the keys of every object sorted, so equal blocks have equal keys. */
interface Side { blocks: BlockNode[]; keys: string[] }

function side(blocks: BlockNode[]): Side {
  return { blocks, keys: blocks.map(canonicalJson) };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Keys as one string, to compare runs of blocks (JSON text never holds a raw line feed). */
const joined = (keys: readonly string[]) => keys.join('\n');

/**
 * The base of two documents written independently: their longest common subsequence of blocks. Of the two that
 * the search finds (ours against theirs, theirs against ours), the one whose JSON sorts first, so that the base is
 * the same whichever side is ours.
 */
function commonBase(o: Side, t: Side): Side {
  const fromOurs = matchedPairs(o.keys, t.keys).map(([i]) => i);
  const fromTheirs = matchedPairs(t.keys, o.keys).map(([i]) => i);
  const a = fromOurs.map((i) => o.keys[i]!);
  const b = fromTheirs.map((i) => t.keys[i]!);
  return joined(b) < joined(a)
    ? { blocks: fromTheirs.map((i) => t.blocks[i]!), keys: b }
    : { blocks: fromOurs.map((i) => o.blocks[i]!), keys: a };
}

// ---- one side against the base -----------------------------------------------------------------------------

interface Changes {
  /** Base blocks this side no longer has, by index: the block it became, or null where it was deleted. */
  changed: Map<number, { block: BlockNode | null; key: string | null }>;
  /** Blocks inserted before base block i (at i = the base's length: at the end), for every i. */
  inserted: Side[];
}

function changesFrom(base: Side, s: Side): Changes {
  const changed: Changes['changed'] = new Map();
  const inserted: Side[] = Array.from({ length: base.blocks.length + 1 }, () => side([]));
  let baseFrom = 0;
  let sideFrom = 0;
  for (const [baseTo, sideTo] of [...matchedPairs(base.keys, s.keys), [base.keys.length, s.keys.length] as const]) {
    // Base blocks [baseFrom, baseTo) became the side's blocks [sideFrom, sideTo).
    const pairs = pairRun(base.blocks.slice(baseFrom, baseTo), s.blocks.slice(sideFrom, sideTo));
    let next = sideFrom;
    const insertBefore = (gap: number, upTo: number) => {
      inserted[gap]!.blocks.push(...s.blocks.slice(next, upTo));
      inserted[gap]!.keys.push(...s.keys.slice(next, upTo));
      next = upTo;
    };
    for (let g = baseFrom; g < baseTo; g++) {
      const to = pairs[g - baseFrom]!;
      if (to === null) {
        changed.set(g, { block: null, key: null });
        continue;
      }
      insertBefore(g, sideFrom + to);
      // A block paired with its equal is kept: only a comparison cut short (MAX_CELLS) leaves such pairs unmatched.
      if (s.keys[sideFrom + to] !== base.keys[g]) changed.set(g, { block: s.blocks[sideFrom + to]!, key: s.keys[sideFrom + to]! });
      next++;
    }
    insertBefore(baseTo, sideTo);
    baseFrom = baseTo + 1;
    sideFrom = sideTo + 1;
  }
  return { changed, inserted };
}

/** Pairs weighed in a run before it is paired in order (50 blocks removed and 50 written, say). */
const MAX_RUN_PAIRS = 2_500;
/** Characters of a block's text its likeness is judged on. */
const LIKENESS_CHARS = 2_000;

/**
 * The new version of each removed base block of a run, as an index into the side's blocks that replace the run, or
 * null where it was deleted. As many blocks are paired as the shorter of the two has, in order, choosing the pairs
 * most alike (in words, and in kind of block); among pairings alike, the earliest (so the first removed block with
 * the first new block, where nothing tells them apart). The side's blocks left unpaired were inserted.
 */
function pairRun(removed: readonly BlockNode[], written: readonly BlockNode[]): (number | null)[] {
  const k = removed.length;
  const m = written.length;
  if (k === m || !k || !m || k * m > MAX_RUN_PAIRS) return removed.map((_, i) => (i < m ? i : null));
  // The shorter run is paired whole with blocks of the longer, in order: best[i][j] is the most likeness pairing
  // short[i..] with blocks of long[j..] can reach.
  const [short, long] = k < m ? [removed, written] : [written, removed];
  const shortShapes = short.map(shape);
  const longShapes = long.map(shape);
  const likeness = (i: number, j: number) => alike(shortShapes[i]!, longShapes[j]!);
  const p = short.length;
  const q = long.length;
  const width = q + 1;
  const best = new Float64Array((p + 1) * width);
  for (let i = p - 1; i >= 0; i--) {
    for (let j = q - (p - i); j >= 0; j--) {
      const pair = likeness(i, j) + best[(i + 1) * width + j + 1]!;
      best[i * width + j] = j + 1 <= q - (p - i) ? Math.max(pair, best[i * width + j + 1]!) : pair;
    }
  }
  const chosen: number[] = [];
  for (let i = 0, j = 0; i < p; j++) {
    const canSkip = j + 1 <= q - (p - i);
    if (!canSkip || likeness(i, j) + best[(i + 1) * width + j + 1]! >= best[i * width + j + 1]!) {
      chosen.push(j);
      i++;
    }
  }
  if (k < m) return chosen;
  const pairs: (number | null)[] = removed.map(() => null);
  chosen.forEach((r, w) => (pairs[r] = w));
  return pairs;
}

/** What a block's likeness is judged on: its kind and the pairs of letters of its text. */
interface Shape { type: string; grams: Map<string, number>; count: number }

function shape(block: BlockNode): Shape {
  const words = blockText(block).slice(0, LIKENESS_CHARS).toLowerCase();
  const grams = new Map<string, number>();
  const add = (gram: string) => grams.set(gram, (grams.get(gram) ?? 0) + 1);
  if (words.length < 2) add(words);
  else for (let i = 0; i + 1 < words.length; i++) add(words.slice(i, i + 2));
  return { type: block.type === 'heading' ? `heading${block.attrs.level}` : block.type, grams, count: words.length < 2 ? 1 : words.length - 1 };
}

/**
 * How alike two blocks are, as a whole number (so that sums compare exactly): the share of their texts' letter
 * pairs they have in common (Dice's coefficient) in thousandths, and 200 more for the same kind of block.
 */
function alike(a: Shape, b: Shape): number {
  let common = 0;
  for (const [gram, n] of a.grams) common += Math.min(n, b.grams.get(gram) ?? 0);
  return Math.round((2000 * common) / (a.count + b.count)) + (a.type === b.type ? 200 : 0);
}

/**
 * Blocks both sides inserted at one place: what they begin and end with alike once, and between, both sides' own,
 * the run whose JSON sorts first first (not ours first: the merge must not depend on which side is ours).
 */
function mergeInsertions(o: Side, t: Side): BlockNode[] {
  if (!t.blocks.length || joined(o.keys) === joined(t.keys)) return o.blocks;
  if (!o.blocks.length) return t.blocks;
  const shorter = Math.min(o.keys.length, t.keys.length);
  let start = 0;
  while (start < shorter && o.keys[start] === t.keys[start]) start++;
  let end = 0;
  while (end < shorter - start && o.keys[o.keys.length - 1 - end] === t.keys[t.keys.length - 1 - end]) end++;
  const ourRun = o.blocks.slice(start, o.blocks.length - end);
  const theirRun = t.blocks.slice(start, t.blocks.length - end);
  const ourFirst = joined(o.keys.slice(start, o.keys.length - end)) <= joined(t.keys.slice(start, t.keys.length - end));
  return [...o.blocks.slice(0, start), ...(ourFirst ? [...ourRun, ...theirRun] : [...theirRun, ...ourRun]), ...o.blocks.slice(o.blocks.length - end)];
}

// ---- longest common subsequence ----------------------------------------------------------------------------

/**
 * The most pairs of blocks a comparison weighs (once equal blocks at both ends are set aside; 16 MB): past it, the
 * differing middle is taken as replaced whole, its blocks paired in order, which merges more coarsely (more
 * conflicts where blocks were inserted or deleted in it) in bounded memory and time. A middle of two thousand blocks
 * on each side: far more than a draft's.
 */
const MAX_CELLS = 4_000_000;

/** Index pairs [i in a, j in b] of a longest common subsequence, in increasing order. */
function matchedPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) pairs.push([start, start++]);
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS) {
    // Keys as numbers, then lengths of the longest common subsequence of every pair of suffixes.
    const ids = new Map<string, number>();
    const id = (key: string): number => {
      let found = ids.get(key);
      if (found === undefined) ids.set(key, (found = ids.size));
      return found;
    };
    const x = Array.from({ length: n }, (_, i) => id(a[start + i]!));
    const y = Array.from({ length: m }, (_, j) => id(b[start + j]!));
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] = x[i] === y[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    // Walked from the start: equal blocks are matched; otherwise the step that keeps the longest, a's first.
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) pairs.push([start + i++, start + j++]);
      else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
      else j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

function blockText(block: BlockNode): string {
  return documentText({ type: 'doc', content: [block] });
}
