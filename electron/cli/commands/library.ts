// `parley library list|dashboard|search QUERY|index`: the library's questions across its case files, answered by the
// same core as the app (library.list, library.dashboard, library.search) from the library index in the data folder.
// While the index is brought up to date, a progress bar is drawn on standard error when that is a terminal.
import type { CaseSearchHit, Dashboard, LibraryEntry, LibraryIndexProgress } from '../../../shared/api-types.js';
import { KINDS } from '../../../shared/records.js';
import { foldedWords } from '../../../shared/search-ranking.js';
import { isoDate } from '../../../shared/fields.js';
import { defineCommand, type CommandContext } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { columns, count, oneLine, renderSnippet } from '../output.js';
import { checkpoint } from '../stop.js';

const ACTIONS = ['list', 'dashboard', 'search', 'index'] as const;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
const MAX_FIRST = 10_000;
/** How long each step of bringing the index up to date runs before the progress bar is drawn again. */
const STEP_MS = 200;
const BAR_WIDTH = 20;

export default defineCommand({
  name: 'library',
  summary: 'The library across its case files: list, dashboard, search QUERY, index',
  description: [
    'parley library list: every case file of the library, with its title, status, next deadline and counts (or why it cannot be read).',
    'parley library dashboard: what is due across the cases of the library (overdue, due within 14 days, not dated yet), open action items, planned meetings, triggered watch items, issues to review and watch items to check.',
    'parley library search QUERY: search every case of the library; every word must appear, the last may be the start of a word.',
    'parley library index: bring the library index up to date (with --rebuild: set it aside and read every case file again).',
    'The library is the --data folder (default: the desktop app\'s). Answers come from the library index in that folder, checked against every case file first. An encrypted case that is not open is listed without its details and left out of the dashboard and search.',
    'With --json: library.list, library.dashboard or library.search\'s answer as the app gets it.',
  ],
  args: ['ACTION', '[QUERY]'],
  options: {
    today: { type: 'string', value: 'YYYY-MM-DD', help: 'the day the dashboard and next deadlines are for (default: today)' },
    limit: { type: 'string', value: 'N', help: `at most N search hits (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})` },
    first: { type: 'string', value: 'N', help: `with dashboard: only the first N rows of each list, and how many more there are (at most ${MAX_FIRST.toLocaleString('en-US')})` },
    rebuild: { type: 'boolean', help: 'with index: set the index aside and read every case file again' },
  },
  library: 'user',
  async run(ctx, [action, query], options) {
    if (!(ACTIONS as readonly string[]).includes(action!)) throw new UsageError(`ACTION must be one of ${ACTIONS.join(', ')}, not "${oneLine(action)}"`, 'library');
    if ((action === 'search') !== (query !== undefined)) {
      throw new UsageError(action === 'search' ? 'give the words to search for: parley library search QUERY' : `library ${action} takes no QUERY`, 'library');
    }
    if (options.rebuild && action !== 'index') throw new UsageError('--rebuild goes with library index', 'library');
    if (options.first !== undefined && action !== 'dashboard') throw new UsageError('--first goes with library dashboard', 'library');
    const firstFew = options.first === undefined ? undefined : wholeNumber(options.first, '--first', MAX_FIRST);
    const today = options.today;
    if (today !== undefined && !isoDate.safeParse(today).success) throw new UsageError('--today must be a date written YYYY-MM-DD', 'library');
    if (options.rebuild) ctx.session.library.rebuildIndex();
    await bringIndexUpToDate(ctx);
    switch (action) {
      case 'list': {
        const entries = ctx.call('library.list', today ? { today } : {});
        ctx.out.result(entries, listLines);
        break;
      }
      case 'dashboard': {
        const dashboard = ctx.call('library.dashboard', { ...(today ? { today } : {}), ...(firstFew ? { firstFew } : {}) });
        ctx.out.result(dashboard, dashboardLines);
        break;
      }
      case 'search': {
        const hits = ctx.call('library.search', { query: query!, limit: parseLimit(options.limit) });
        ctx.out.result(hits, () => hitLines(query!, hits));
        break;
      }
      case 'index': {
        const progress = ctx.call('library.prepareIndex', {});
        ctx.out.result(progress, (p) => [`The library index is up to date: ${count(p.total, 'case file')}.`]);
        break;
      }
    }
    return EXIT.ok;
  },
});

/**
 * Brings the index up to date a step at a time, drawing a progress bar on standard error when it is a terminal
 * (a script that reads standard error gets nothing); a signal stops the run between steps.
 */
async function bringIndexUpToDate(ctx: CommandContext): Promise<void> {
  const draw = ctx.io.stderrIsTty === true;
  let drawn = false;
  for (;;) {
    const p = ctx.call('library.prepareIndex', { budgetMs: STEP_MS });
    // Drawn once the work takes more than a step; a carriage return ends each line, so the next step draws over it.
    if (draw && (drawn || !p.complete)) {
      ctx.io.stderr(`${progressBar(p)}${p.complete ? '\n' : '\r'}`);
      drawn = true;
    }
    if (p.complete) return;
    await checkpoint();
  }
}

/** "Indexing case files [#####...............] 340 / 2,000". */
export function progressBar(p: LibraryIndexProgress): string {
  const done = p.total ? Math.floor((p.indexed / p.total) * BAR_WIDTH) : BAR_WIDTH;
  return `Indexing case files [${'#'.repeat(done)}${'.'.repeat(BAR_WIDTH - done)}] ${p.indexed.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')}`;
}

function parseLimit(text: string | undefined): number {
  return text === undefined ? DEFAULT_LIMIT : wholeNumber(text, '--limit', MAX_LIMIT);
}

function wholeNumber(text: string, option: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${option} must be a whole number from 1 to ${max.toLocaleString('en-US')}`, 'library');
  return n;
}

/** Each case file as its title (or why it cannot be shown), then what it holds, then where it is. */
function listLines(entries: LibraryEntry[]): string[] {
  if (!entries.length) return ['The library has no case files yet.'];
  const lines = [`${count(entries.length, 'case file')}:`];
  for (const e of entries) {
    const what = e.state === 'missing' ? `Missing: ${oneLine(e.problem)}`
      : e.state === 'unreadable' ? `Cannot be read: ${oneLine(e.problem)}`
      : e.encrypted && e.title === null ? 'Encrypted (open it with its passphrase to see its details)'
      : oneLine(e.title);
    lines.push(`  ${what}${e.archived ? ' (archived)' : ''}`);
    if (e.state === 'ok' && e.title !== null) {
      const next = e.nextDeadline ? `; next deadline ${e.nextDeadline.dueDate}: ${oneLine(e.nextDeadline.title)}` : '';
      lines.push(`    ${count(e.counts.openDeadlines, 'open deadline')}, ${count(e.counts.openActionItems, 'open action item')}, ${count(e.counts.issues, 'issue')}${next}`);
    }
    lines.push(`    ${oneLine(e.path)}`);
  }
  return lines;
}

function dashboardLines(d: Dashboard): string[] {
  const where = (r: { caseTitle: string }) => `(${oneLine(r.caseTitle)})`;
  // Each list with how many rows it has in all: with --first, more than it holds.
  const sections: [string, string[][], number][] = [
    ['Overdue', d.overdue.map((r) => [r.dueDate ?? '', oneLine(r.title), where(r)]), d.totals.overdue],
    ['Due soon', d.upcoming.map((r) => [r.dueDate ?? '', oneLine(r.title), where(r)]), d.totals.upcoming],
    ['Date not set yet', d.tbd.map((r) => ['', oneLine(r.title), where(r)]), d.totals.tbd],
    ['Open action items', d.openActionItems.map((r) => [r.dueDate ?? '', oneLine(r.title), r.owner ? `owner: ${oneLine(r.owner)}` : '', where(r)]), d.totals.openActionItems],
    ['Planned meetings', d.upcomingMeetings.map((r) => [r.meetingDate ?? 'date not set', oneLine(r.title), where(r)]), d.totals.upcomingMeetings],
    ['Triggered watch items', d.triggeredWatchItems.map((r) => [r.triggeredOn ?? '', oneLine(r.title), where(r)]), d.totals.triggeredWatchItems],
    ['Issues to review', d.toReview.map((r) => [r.movedAt.slice(0, 10), oneLine(r.issueTitle), `watch item: ${oneLine(r.watchItemTitle)}`, where(r)]), d.totals.toReview],
    ['Watch items to check', d.checksDue.map((r) => [r.checkBy, oneLine(r.title), where(r)]), d.totals.checksDue],
  ];
  const lines = [`Across the library on ${d.today}:`];
  for (const [title, rows, total] of sections) {
    if (!total) continue;
    lines.push(`${title} (${total.toLocaleString('en-US')}):`, ...columns(rows, '  '));
    if (total > rows.length) lines.push(`  and ${(total - rows.length).toLocaleString('en-US')} more`);
  }
  if (lines.length === 1) lines.push('Nothing is due, open or planned.');
  if (d.problems.length) lines.push(`Case files that could not be read (${d.problems.length}):`, ...d.problems.map((p) => `  ${oneLine(p.path)}: ${oneLine(p.message)}`));
  return lines;
}

function hitLines(query: string, hits: CaseSearchHit[]): string[] {
  if (!hits.length) return [`No matches for "${oneLine(query)}" in the library.`];
  const lines: string[] = [];
  for (const hit of hits) {
    lines.push(`${KINDS[hit.kind].label}: ${oneLine(hit.title)} (${oneLine(hit.caseTitle)}, ${oneLine(hit.path)})`, `    ${renderSnippet(hit.snippet)}`);
    const folded = foldedWords(hit.folded, hit.matchedItself);
    if (folded) lines.push(`    (${folded})`);
  }
  return lines;
}
