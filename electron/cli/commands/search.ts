import type { CaseSearchHit } from '../../../shared/api-types.js';
import { KINDS } from '../../../shared/records.js';
import { foldedWords } from '../../../shared/search-ranking.js';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { count, oneLine, renderSnippet } from '../output.js';
import { checkpoint } from '../stop.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;

export default defineCommand({
  name: 'search',
  summary: 'Search the text of one or more case files',
  description: [
    'Every word of QUERY must appear; the last may be the start of a word. Matches show [in brackets], or in bold on a terminal.',
    'Each hit is a record: a word in its title ranks it first, and matches in its history (an issue\'s position changes, a draft\'s revisions) count under it.',
    'With --json, each hit\'s snippet marks its matches with the characters U+0002 (start) and U+0003 (end).',
  ],
  args: ['QUERY', 'FILE...'],
  options: {
    limit: { type: 'string', value: 'N', help: `at most N hits per file (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})` },
  },
  library: 'throwaway',
  async run(ctx, [query, ...files], options) {
    const limit = parseLimit(options.limit);
    const hits: CaseSearchHit[] = [];
    for (const file of files) {
      await checkpoint(); // a signal stops the run between files, each closed
      hits.push(...ctx.readCase(file, (info): CaseSearchHit[] =>
        ctx.call('case.search', { caseId: info.caseId, query: query!, limit }).map((hit) => ({ ...hit, caseId: info.caseId, caseTitle: info.title, path: info.path })),
      ));
    }
    ctx.out.result(hits, () => hitLines(query!, hits));
    return EXIT.ok;
  },
});

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}`, 'search');
  return n;
}

/** Hits grouped by file, in the order the files were given, best match first within each. */
function hitLines(query: string, hits: CaseSearchHit[]): string[] {
  if (!hits.length) return [`No matches for "${oneLine(query)}".`];
  const lines: string[] = [];
  let currentPath: string | null = null;
  for (const hit of hits) {
    if (hit.path !== currentPath) {
      currentPath = hit.path;
      const inFile = hits.filter((h) => h.path === hit.path).length;
      lines.push(`${hit.path}: ${oneLine(hit.caseTitle)} (${count(inFile, 'hit')})`);
    }
    lines.push(`  ${KINDS[hit.kind].label}: ${oneLine(hit.title)}`, `    ${renderSnippet(hit.snippet)}`);
    const folded = foldedWords(hit.folded, hit.matchedItself);
    if (folded) lines.push(`    (${folded})`);
  }
  return lines;
}
