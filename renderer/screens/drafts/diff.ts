// A word-level diff of two texts (each revision's documentText), for comparing revisions side by side. Words and
// the spaces and line breaks between them are tokens; the longest common subsequence of the tokens is kept and
// the rest is marked removed (from the older text) or added (to the newer one). The common start and end are cut
// off first, so comparing two long revisions that differ in one paragraph stays quick.

export type DiffOp = 'same' | 'removed' | 'added';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Splits text into words, runs of spaces and line breaks (each its own token), keeping every character. */
export function tokenize(text: string): string[] {
  return text.match(/\n|[^\S\n]+|[^\s]+/g) ?? [];
}

/** Above this many cells the middle is compared line by line instead of word by word. */
const MAX_CELLS = 4_000_000;

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (j < m && (i === n || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      push(parts, 'added', b[j]!);
      j++;
    } else {
      push(parts, 'removed', a[i]!);
      i++;
    }
  }
  return parts;
}

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** The parts of the change from `before` to `after`, in order; adjacent parts of one kind are joined. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  if (start > 0) push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = (midA.length + 1) * (midB.length + 1) <= MAX_CELLS
    ? lcsDiff(midA, midB)
    : lcsDiff(lines(midA.join('')), lines(midB.join('')));
  for (const part of middle) push(parts, part.op, part.text);
  if (endA < a.length) push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** How many words were removed and added: "3 words removed, 5 added". */
export function diffSummary(parts: readonly DiffPart[]): { removed: number; added: number } {
  const count = (op: DiffOp) => parts.filter((p) => p.op === op).reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  return { removed: count('removed'), added: count('added') };
}
