// The three-way merge of drafts (shared/documents/merge.ts): examples of each rule, then properties over random
// documents of up to twelve blocks changed by random edits on both sides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DocumentMergeInputError, bulletList, doc, heading, mergeDocuments, paragraph, type BlockNode, type DocumentMerge,
  type DocumentNode, type StoredDocument,
} from '../../shared/documents/index.js';

const p = (text: string) => paragraph(text);
const blocks = (...texts: string[]) => doc(texts.map(p));
const textsOf = (d: DocumentNode) => d.content.map((b) => (b.type === 'paragraph' ? (b.content?.[0]?.type === 'text' ? b.content[0].text : '') : `<${b.type}>`));

/** Both ways round: the result of ours against theirs, and of theirs against ours. */
function both(base: StoredDocument, a: StoredDocument, b: StoredDocument): [DocumentMerge, DocumentMerge] {
  return [mergeDocuments(base, a, b), mergeDocuments(base, b, a)];
}

describe('merging two versions of a draft', () => {
  const base = blocks('one', 'two', 'three', 'four');

  it('keeps edits to different paragraphs from both sides, next to each other too', () => {
    const pairs: [DocumentNode, DocumentNode][] = [
      [blocks('ONE', 'two', 'three', 'four'), blocks('one', 'two', 'three', 'FOUR')],
      [blocks('one', 'TWO', 'three', 'four'), blocks('one', 'two', 'THREE', 'four')],
    ];
    for (const [a, b] of pairs) {
      const [ab, ba] = both(base, a, b);
      expect(ab.conflicts).toEqual([]);
      expect(ab.merged).toEqual(ba.merged);
      expect(textsOf(ab.merged)).toEqual(textsOf(a).map((t, i) => (t === textsOf(base)[i] ? textsOf(b)[i] : t)));
    }
  });

  it('keeps an insertion or a deletion on one side with an edit of another paragraph on the other', () => {
    const [inserted] = both(base, blocks('one', 'one and a half', 'two', 'three', 'four'), blocks('one', 'TWO', 'three', 'four'));
    expect(textsOf(inserted.merged)).toEqual(['one', 'one and a half', 'TWO', 'three', 'four']);
    expect(inserted.conflicts).toEqual([]);
    const [deleted, deletedOtherWay] = both(base, blocks('one', 'three', 'four'), blocks('one', 'two', 'THREE', 'four'));
    expect(textsOf(deleted.merged)).toEqual(['one', 'THREE', 'four']);
    expect(deleted.conflicts).toEqual([]);
    expect(deletedOtherWay.merged).toEqual(deleted.merged);
  });

  it('makes a conflict of a paragraph both sides changed differently, keeping ours in its place', () => {
    const ours = blocks('one', 'two (ours)', 'three', 'FOUR');
    const theirs = blocks('ONE', 'two (theirs)', 'three', 'four');
    const { merged, conflicts } = mergeDocuments(base, ours, theirs);
    expect(textsOf(merged)).toEqual(['ONE', 'two (ours)', 'three', 'FOUR']);
    expect(conflicts).toEqual([{
      index: 1, base: p('two'), ours: p('two (ours)'), theirs: p('two (theirs)'),
      text: { base: 'two', ours: 'two (ours)', theirs: 'two (theirs)' },
    }]);
    // The other way round: the same conflict, the sides swapped, and theirs in its place.
    const swapped = mergeDocuments(base, theirs, ours);
    expect(textsOf(swapped.merged)).toEqual(['ONE', 'two (theirs)', 'three', 'FOUR']);
    expect(swapped.conflicts.map((c) => [c.index, c.ours, c.theirs])).toEqual([[1, p('two (theirs)'), p('two (ours)')]]);
  });

  it('takes the same change made on both sides once, without a conflict', () => {
    const same = blocks('one', 'TWO', 'three', 'four');
    expect(mergeDocuments(base, same, same)).toEqual({ merged: same, conflicts: [] });
    // Both deleting a paragraph, and both making the same edit beside different ones.
    const { merged, conflicts } = mergeDocuments(base, blocks('TWO', 'three', 'four!'), blocks('TWO', 'three!', 'four'));
    expect(conflicts).toEqual([]);
    expect(textsOf(merged)).toEqual(['TWO', 'three!', 'four!']);
  });

  it('tells which paragraph of a run changed into which by their words: a deletion beside an edit is not taken for two edits', () => {
    const start = blocks('The supplier shall deliver.', 'Payment is due in thirty days.', 'end');
    // Ours deleted the first paragraph and edited the second; theirs edited the first.
    const ours = blocks('Payment is due in sixty days.', 'end');
    const theirs = blocks('The supplier shall deliver on time.', 'Payment is due in thirty days.', 'end');
    const { merged, conflicts } = mergeDocuments(start, ours, theirs);
    expect(textsOf(merged)).toEqual(['Payment is due in sixty days.', 'end']);
    expect(conflicts.map((c) => c.text)).toEqual([{ base: 'The supplier shall deliver.', ours: null, theirs: 'The supplier shall deliver on time.' }]);
    // And a paragraph written before one edited, in one run, is an insertion: the edit meets theirs.
    const inserted = mergeDocuments(start, blocks('The supplier shall deliver.', 'A new clause.', 'Payment is due in sixty days.', 'end'), blocks('The supplier shall deliver.', 'Payment is due in ninety days.', 'end'));
    expect(textsOf(inserted.merged)).toEqual(['The supplier shall deliver.', 'A new clause.', 'Payment is due in sixty days.', 'end']);
    expect(inserted.conflicts.map((c) => [c.index, c.text.ours, c.text.theirs])).toEqual([[2, 'Payment is due in sixty days.', 'Payment is due in ninety days.']]);
  });

  it('makes a conflict of a paragraph one side deleted and the other edited', () => {
    const deleting = blocks('one', 'three', 'four');
    const editing = blocks('one', 'TWO', 'three', 'four');
    const ourDeletion = mergeDocuments(base, deleting, editing);
    expect(textsOf(ourDeletion.merged)).toEqual(['one', 'three', 'four']);
    expect(ourDeletion.conflicts).toEqual([{ index: 1, base: p('two'), ours: null, theirs: p('TWO'), text: { base: 'two', ours: null, theirs: 'TWO' } }]);
    const ourEdit = mergeDocuments(base, editing, deleting);
    expect(textsOf(ourEdit.merged)).toEqual(['one', 'TWO', 'three', 'four']);
    expect(ourEdit.conflicts).toEqual([{ index: 1, base: p('two'), ours: p('TWO'), theirs: null, text: { base: 'two', ours: 'TWO', theirs: null } }]);
  });

  it('makes a conflict of a paragraph moved on one side and edited on the other, the moved copy kept', () => {
    const { merged, conflicts } = mergeDocuments(base, blocks('one', 'three', 'four', 'two'), blocks('one', 'TWO', 'three', 'four'));
    expect(textsOf(merged)).toEqual(['one', 'three', 'four', 'two']);
    expect(conflicts.map((c) => [c.base, c.ours, c.theirs])).toEqual([[p('two'), null, p('TWO')]]);
  });

  it('keeps what both sides inserted at one place, without a conflict, in the same order either way', () => {
    const [ab, ba] = both(base, blocks('one', 'ours', 'two', 'three', 'four'), blocks('one', 'theirs', 'two', 'three', 'four'));
    expect(ab.conflicts).toEqual([]);
    expect(ba.conflicts).toEqual([]);
    // Not ours first: the run whose JSON sorts first, so that both ways agree.
    expect(textsOf(ab.merged)).toEqual(['one', 'ours', 'theirs', 'two', 'three', 'four']);
    expect(ba.merged).toEqual(ab.merged);
    // What both inserted alike at the start and the end of the run is kept once.
    const [shared] = both(base, blocks('one', 'new', 'mine', 'end', 'two', 'three', 'four'), blocks('one', 'new', 'end', 'two', 'three', 'four'));
    expect(textsOf(shared.merged)).toEqual(['one', 'new', 'mine', 'end', 'two', 'three', 'four']);
  });

  it('keeps a paragraph one side inserted after a paragraph the other edited', () => {
    const { merged, conflicts } = mergeDocuments(base, blocks('one', 'TWO', 'three', 'four'), blocks('one', 'two', 'two and a half', 'three', 'four'));
    expect(conflicts).toEqual([]);
    expect(textsOf(merged)).toEqual(['one', 'TWO', 'two and a half', 'three', 'four']);
  });

  it('compares blocks by content, whatever the order of their keys', () => {
    const reordered = JSON.parse('{"content":[{"content":[{"text":"one","type":"text"}],"type":"paragraph"},{"type":"paragraph","content":[{"type":"text","text":"two"}]},{"content":[{"text":"three","type":"text"}],"type":"paragraph"},{"type":"paragraph","content":[{"type":"text","text":"four"}]}],"type":"doc"}') as DocumentNode;
    const { merged, conflicts } = mergeDocuments(base, reordered, blocks('one', 'TWO', 'three', 'four'));
    expect(conflicts).toEqual([]);
    expect(textsOf(merged)).toEqual(['one', 'TWO', 'three', 'four']);
  });

  it('merges every kind of block, headings and lists as well as paragraphs', () => {
    const start = doc([heading(1, 'Brief'), p('intro'), bulletList(['a', 'b']), p('end')]);
    const ours = doc([heading(1, 'Meeting brief'), p('intro'), bulletList(['a', 'b']), p('end')]);
    const theirs = doc([heading(1, 'Brief'), p('intro'), bulletList(['a', 'b', 'c']), p('end')]);
    const { merged, conflicts } = mergeDocuments(start, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual(doc([heading(1, 'Meeting brief'), p('intro'), bulletList(['a', 'b', 'c']), p('end')]));
    // A list changed on both sides is one block: a conflict, with the list's text for the person choosing.
    const clash = mergeDocuments(start, doc([heading(1, 'Brief'), p('intro'), bulletList(['a']), p('end')]), theirs);
    expect(clash.conflicts.map((c) => c.text)).toEqual([{ base: 'a\nb', ours: 'a', theirs: 'a\nb\nc' }]);
  });

  it('takes bodies as a draft revision stores them (JSON text), and nothing or an empty document as no base', () => {
    const ours = blocks('intro', 'ours', 'end');
    const theirs = blocks('intro', 'theirs', 'end');
    for (const none of [null, undefined, '', doc([]), JSON.stringify(doc([]))]) {
      const [ab, ba] = both(none, JSON.stringify(ours), JSON.stringify(theirs));
      // Written independently: what both have is kept once, the rest of each is kept, nothing conflicts.
      expect(ab).toEqual({ merged: blocks('intro', 'ours', 'theirs', 'end'), conflicts: [] });
      expect(ba).toEqual(ab);
    }
    expect(mergeDocuments(JSON.stringify(base), JSON.stringify(base), JSON.stringify(blocks('one', 'two')))).toEqual({ merged: blocks('one', 'two'), conflicts: [] });
    // Two paragraphs in opposite orders: which one counts as common (the one whose JSON sorts first) is the same
    // either way round.
    const [ab, ba] = both(null, blocks('x', 'y'), blocks('y', 'x'));
    expect(ab).toEqual({ merged: blocks('y', 'x', 'y'), conflicts: [] });
    expect(ba).toEqual(ab);
  });

  it('gives an empty document when nothing is left, and treats an emptied draft as every paragraph deleted', () => {
    expect(mergeDocuments(base, doc([]), doc([]))).toEqual({ merged: doc([]), conflicts: [] });
    expect(mergeDocuments(base, doc([]), base)).toEqual({ merged: doc([]), conflicts: [] });
    const emptied = mergeDocuments(base, doc([]), blocks('one', 'TWO', 'three', 'four'));
    expect(emptied.merged).toEqual(doc([]));
    expect(emptied.conflicts).toEqual([{ index: 0, base: p('two'), ours: null, theirs: p('TWO'), text: { base: 'two', ours: null, theirs: 'TWO' } }]);
  });

  it('refuses what is not an editor document, naming the version', () => {
    expect(() => mergeDocuments(base, 'not json', base)).toThrow(new DocumentMergeInputError('ours', 'its text is not JSON'));
    expect(() => mergeDocuments(base, base, '{"type":"doc","content":[]}')).toThrow(/^their version is not a valid editor document/);
    expect(() => mergeDocuments({ type: 'paragraph' } as unknown as DocumentNode, base, base)).toThrow(/^the base version/);
  });

  it('merges long drafts, and past the pairwise bound still keeps every change (more coarsely)', () => {
    const long = (prefix: string, n: number) => doc(Array.from({ length: n }, (_, i) => p(`${prefix} ${i}`)));
    const start = long('base', 3000);
    const edit = (d: DocumentNode, at: number, text: string) => doc(d.content.map((b, i) => (i === at ? p(text) : b)));
    const near = mergeDocuments(start, edit(start, 10, 'ours'), edit(start, 2990, 'theirs'));
    expect(near.conflicts).toEqual([]);
    expect(textsOf(near.merged).filter((t) => !t.startsWith('base'))).toEqual(['ours', 'theirs']);
    // Every block replaced on both sides: the differing middle is one run, paired in order; what theirs has beyond
    // the base's length is an insertion.
    const far = mergeDocuments(start, long('ours', 2500), long('theirs', 3200));
    expect(far.conflicts).toHaveLength(3000);
    expect(far.conflicts[2999]).toMatchObject({ index: 2500, ours: null, theirs: p('theirs 2999') });
    expect(textsOf(far.merged)).toEqual([...textsOf(long('ours', 2500)), ...textsOf(long('theirs', 3200)).slice(3000)]);
  });
});

// ---- properties ----------------------------------------------------------------------------------------------

type Edit = { kind: 'insert' | 'delete' | 'replace' | 'move'; at: number; to: number; block: BlockNode };

function applyEdits(start: readonly BlockNode[], edits: readonly Edit[], fresh?: () => BlockNode): BlockNode[] {
  const out = [...start];
  for (const e of edits) {
    const block = fresh ? fresh() : e.block;
    if (e.kind === 'insert') out.splice(e.at % (out.length + 1), 0, block);
    else if (out.length) {
      const i = e.at % out.length;
      if (e.kind === 'delete') out.splice(i, 1);
      else if (e.kind === 'replace') out.splice(i, 1, block);
      else out.splice(e.to % out.length, 0, ...out.splice(i, 1));
    }
  }
  return out;
}

// Few distinct blocks, so that documents repeat blocks and sides often make the same change.
const someBlock: fc.Arbitrary<BlockNode> = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'd', '').map((t) => paragraph(t)),
  fc.constantFrom('a', 'b').map((t) => heading(2, t)),
  fc.constantFrom('a', 'b').map((t) => bulletList([t])),
);
const edit = (kinds: Edit['kind'][]): fc.Arbitrary<Edit> =>
  fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat(100), to: fc.nat(100), block: someBlock });
const edits = (kinds: Edit['kind'][]) => fc.array(edit(kinds), { maxLength: 6 });
const anyBlocks = fc.array(someBlock, { maxLength: 12 });
const ALL_EDITS: Edit['kind'][] = ['insert', 'delete', 'replace', 'move'];

/** Our result with every conflict settled for theirs: what merging the other way round gives. */
function settledForTheirs(result: DocumentMerge): BlockNode[][] {
  const settle = (start: BlockNode[]) => {
    const out = [...start];
    for (const c of [...result.conflicts].reverse()) out.splice(c.index, c.ours ? 1 : 0, ...(c.theirs ? [c.theirs] : []));
    return out;
  };
  const content = result.merged.content;
  // An empty result holds the empty document's paragraph, which no conflict's index counts.
  const empty = content.length === 1 && content[0]!.type === 'paragraph' && !content[0]!.content?.length;
  return empty ? [settle(content), settle([])] : [settle(content)];
}

describe('merging drafts, over random documents and edits', () => {
  it('merging a version with itself gives it, without conflicts', () => {
    fc.assert(fc.property(anyBlocks, edits(ALL_EDITS), (start, script) => {
      const x = doc(applyEdits(start, script));
      expect(mergeDocuments(doc(start), x, x)).toEqual({ merged: x, conflicts: [] });
      expect(mergeDocuments(doc(start), JSON.stringify(x), JSON.stringify(x))).toEqual({ merged: x, conflicts: [] });
    }), { numRuns: 300 });
  });

  it('merging a version with the base gives the version, either way round', () => {
    fc.assert(fc.property(anyBlocks, edits(ALL_EDITS), (start, script) => {
      const x = doc(applyEdits(start, script));
      expect(mergeDocuments(doc(start), doc(start), x)).toEqual({ merged: x, conflicts: [] });
      expect(mergeDocuments(doc(start), x, doc(start))).toEqual({ merged: x, conflicts: [] });
    }), { numRuns: 300 });
  });

  it('does not depend on which side is ours: the same document without conflicts, the same edits surviving with them', () => {
    fc.assert(fc.property(fc.oneof(anyBlocks, fc.constant<BlockNode[]>([])), edits(ALL_EDITS), edits(ALL_EDITS), (start, scriptA, scriptB) => {
      const a = doc(applyEdits(start, scriptA));
      const b = doc(applyEdits(start, scriptB));
      const [ab, ba] = both(doc(start), a, b);
      expect(mergeDocuments(doc(start), a, b)).toEqual(ab);
      expect(ba.conflicts.map((c) => [c.base, c.theirs, c.ours])).toEqual(ab.conflicts.map((c) => [c.base, c.ours, c.theirs]));
      if (!ab.conflicts.length) expect(ba.merged).toEqual(ab.merged);
      // With conflicts, ours settled for theirs is the merge the other way round: every other edit is in both.
      expect(settledForTheirs(ab).map((content) => doc(content))).toContainEqual(ba.merged);
    }), { numRuns: 300 });
  });

  it('merges two drafts written independently (no base) into one holding each, the same either way round', () => {
    const isIn = (part: readonly BlockNode[], whole: readonly BlockNode[]) => {
      let at = 0;
      for (const b of whole) if (at < part.length && JSON.stringify(b) === JSON.stringify(part[at])) at++;
      return at === part.length;
    };
    fc.assert(fc.property(anyBlocks, anyBlocks, (a, b) => {
      const [ab, ba] = both(null, doc(a), doc(b));
      expect(ab.conflicts).toEqual([]);
      expect(ba).toEqual(ab);
      // The editor's empty document (one empty paragraph) is no blocks at all.
      const written = (blocks: BlockNode[]) => (blocks.length === 1 && blocks[0]!.type === 'paragraph' && !blocks[0]!.content?.length ? [] : blocks);
      expect(isIn(written(a), ab.merged.content)).toBe(true);
      expect(isIn(written(b), ab.merged.content)).toBe(true);
    }), { numRuns: 300 });
  });

  // Blocks every one different (the base's, each side's new ones), so which base blocks a side changed, and how, is
  // plain from its document: what follows is the rule of merge.ts, stated over that, for runs whose blocks are
  // nothing alike.
  const distinct = fc.record({
    size: fc.integer({ min: 0, max: 12 }),
    ours: edits(['insert', 'delete', 'replace']),
    theirs: edits(['insert', 'delete', 'replace']),
  }).map(({ size, ours, theirs }) => {
    // Texts of one letter each, repeated: nothing alike between the base's and a side's, so a run's blocks pair in
    // order (see fates below).
    const start: BlockNode[] = Array.from({ length: size }, (_, i) => p('α'.repeat(i + 1)));
    const made = (letter: string) => {
      let n = 0;
      return () => p(letter.repeat(++n));
    };
    return { start, ours: applyEdits(start, ours, made('ω')), theirs: applyEdits(start, theirs, made('ψ')) };
  });

  /**
   * For each base block, what a side made of it: 'kept', or the block it became (null: deleted). Between two kept
   * blocks the side's new blocks, nothing like the removed ones, replace them in order; any left over were inserted.
   */
  function fates(start: readonly BlockNode[], version: readonly BlockNode[]): (BlockNode | null | 'kept')[] {
    const key = (b: BlockNode) => JSON.stringify(b);
    const at = new Map(start.map((b, i) => [key(b), i]));
    const result: (BlockNode | null | 'kept')[] = start.map(() => null);
    let removedFrom = 0;
    let run: BlockNode[] = [];
    for (const b of [...version, null]) {
      const i = b ? at.get(key(b)) : start.length;
      if (i === undefined) {
        run.push(b!);
        continue;
      }
      for (let k = removedFrom; k < i; k++) result[k] = run[k - removedFrom] ?? null;
      if (i < start.length) result[i] = 'kept';
      removedFrom = i + 1;
      run = [];
    }
    return result;
  }

  it('keeps every edit made on one side only: every new block of ours, every new block of theirs not in a conflict', () => {
    fc.assert(fc.property(distinct, ({ start, ours, theirs }) => {
      const { merged, conflicts } = mergeDocuments(doc(start), doc(ours), doc(theirs));
      const o = fates(start, ours);
      const t = fates(start, theirs);
      const inBase = new Set<BlockNode>(start);
      const lost = new Set(conflicts.map((c) => JSON.stringify(c.theirs)));
      const expected = [
        ...start.filter((_, i) => o[i] === 'kept' && t[i] === 'kept'),
        ...ours.filter((b) => !inBase.has(b)),
        ...theirs.filter((b) => !inBase.has(b) && !lost.has(JSON.stringify(b))),
      ];
      const key = (b: BlockNode) => JSON.stringify(b);
      expect((expected.length ? merged.content : []).map(key).sort()).toEqual(expected.map(key).sort());
      // In the order each side has them.
      const present = new Set(merged.content.map(key));
      expect(merged.content.map(key).filter((k) => ours.some((b) => key(b) === k))).toEqual(ours.map(key).filter((k) => present.has(k)));
      if (!conflicts.length) expect(merged.content.map(key).filter((k) => theirs.some((b) => key(b) === k))).toEqual(theirs.map(key).filter((k) => present.has(k)));
    }), { numRuns: 300 });
  });

  it('makes a conflict exactly of each base block both sides changed, unless both deleted it', () => {
    fc.assert(fc.property(distinct, ({ start, ours, theirs }) => {
      const { merged, conflicts } = mergeDocuments(doc(start), doc(ours), doc(theirs));
      const o = fates(start, ours);
      const t = fates(start, theirs);
      const expected = start.flatMap((base, i) => {
        const [mine, their] = [o[i]!, t[i]!];
        return mine !== 'kept' && their !== 'kept' && (mine || their) ? [{ base, ours: mine, theirs: their }] : [];
      });
      expect(conflicts.map(({ base, ours: mine, theirs: their }) => ({ base, ours: mine, theirs: their }))).toEqual(expected);
      for (const c of conflicts) if (c.ours) expect(merged.content[c.index]).toEqual(c.ours);
    }), { numRuns: 300 });
  });
});
