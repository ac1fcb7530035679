// `parley merge`, `parley changes export|import` and `parley conflicts`: copies of one case edited apart, combined
// (docs/USER-GUIDE.md, "Working as a team"). Each goes through the same operations as the app: case.merge,
// changes.export, changes.import, conflict.list.
import type { MergeConflictView, MergeSummary } from '../../../shared/api-types.js';
import { defineCommand, type CommandContext } from '../command.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { columns, count, oneLine } from '../output.js';

const confirmOptions = {
  preview: { type: 'boolean', help: 'say what would come in, change nothing' },
  'confirm-moves': { type: 'boolean', help: 'rule-built deadlines the merge re-dates may move (needs --reason)' },
  reason: { type: 'string', value: 'TEXT', help: 'why, kept in the audit trail (needed to move deadlines)' },
} as const;

export const merge = defineCommand({
  name: 'merge',
  summary: 'Bring into a case file every change another copy of the same case has and it lacks (merge INTO FROM)',
  description: [
    'merge INTO FROM: INTO takes in each change made in FROM that it does not have, with its original author, time and copy in its audit trail. FROM is opened read-only and never changed; merge the other way (merge FROM INTO) to bring both to the same records. Merging twice brings nothing more.',
    'A field changed in both copies to different values is a conflict: both values are kept, the newest is shown, and `parley conflicts` lists them until someone resolves them in the app (or with `parley call FILE conflict.resolve --input \'{"id": N, "side": 0}\'`). A record deleted in one copy and changed in the other comes back, flagged as a conflict.',
    'Rule-built deadlines are dated again after the merge; if that moves any, the merge is refused until you confirm with --confirm-moves and --reason (see them first with --preview). Copies of different cases are refused. An encrypted FROM opens with the passphrase asked for at the terminal (or read with --passphrase-stdin), INTO\'s first.',
  ],
  args: ['INTO', 'FROM'],
  options: confirmOptions,
  library: 'user',
  run(ctx, [into, from], options) {
    if (from === undefined) throw new UsageError('missing FROM: merge takes the case file to change and the copy to take changes from', 'merge');
    return ctx.withCase(into!, 'edit', (info) => {
      const input = { caseId: info.caseId, from: from, preview: options.preview, confirmMoves: options['confirm-moves'], reason: options.reason };
      const summary = callWithPassphrase(ctx, from, (passphrase) => ctx.call('case.merge', { ...input, passphrase }));
      ctx.out.result(summary, () => summaryLines(summary, `from ${from}`));
      return EXIT.ok;
    });
  },
});

export const changes = defineCommand({
  name: 'changes',
  summary: 'Export the changes of a case file as a bundle, or import a colleague\'s bundle (changes export|import)',
  description: [
    'changes export FILE -o BUNDLE [--since DAY|INSTANT]: writes FILE\'s changes (all of them, or those made since the day or instant) to BUNDLE (.parley-changes is added if it has no extension): readable JSON with each change\'s id (the SHA-256 of its content, author and time), the bytes of attachments it adds, and a SHA-256 over the whole. A bundle of an encrypted case is encrypted with its passphrase.',
    'changes import FILE BUNDLE: takes the bundle\'s changes FILE lacks into it, as merge does (conflicts kept, rule-built deadlines dated again, --preview, --confirm-moves with --reason). Importing a bundle twice brings nothing more. A bundle of another case, one altered after export, or one whose changes build on changes FILE does not have yet (a --since bundle sent too early) is refused, and nothing is imported.',
  ],
  args: ['ACTION', 'FILE', '[BUNDLE]'],
  options: {
    output: { type: 'string', short: 'o', value: 'BUNDLE', help: 'export: the bundle to write (never over an existing file)' },
    since: { type: 'string', value: 'WHEN', help: 'export: only changes made on or after this day (YYYY-MM-DD) or instant (ISO 8601)' },
    ...confirmOptions,
  },
  library: 'user',
  run(ctx, [action, file, bundle], options) {
    if (action === 'export') {
      if (bundle !== undefined) throw new UsageError(`unexpected argument "${bundle}": changes export writes the bundle named by -o`, 'changes');
      if (options.output === undefined) throw new UsageError('changes export needs -o BUNDLE, the file to write', 'changes');
      return ctx.withCase(file!, 'read', (info) => {
        const done = ctx.call('changes.export', { caseId: info.caseId, path: options.output!, since: options.since });
        ctx.out.result(done, () => [`Exported ${count(done.changes, 'change')} of case ${info.caseId} to ${done.path}${done.encrypted ? ' (encrypted with the case\'s passphrase)' : ''}`]);
        return EXIT.ok;
      });
    }
    if (action === 'import') {
      if (bundle === undefined) throw new UsageError('missing BUNDLE: changes import takes the case file and the bundle', 'changes');
      return ctx.withCase(file!, 'edit', (info) => {
        const input = { caseId: info.caseId, path: bundle, preview: options.preview, confirmMoves: options['confirm-moves'], reason: options.reason };
        const summary = callWithPassphrase(ctx, bundle, (passphrase) => ctx.call('changes.import', { ...input, passphrase }));
        ctx.out.result(summary, () => summaryLines(summary, `from ${bundle}`));
        return EXIT.ok;
      });
    }
    throw new UsageError(`unknown action "${action}"; the actions are export and import`, 'changes');
  },
});

export const conflicts = defineCommand({
  name: 'conflicts',
  summary: 'List the open conflicts merges kept in a case file: record, field, each value with its author and time',
  description: [
    'Each conflict is a field two copies changed to different values (or a record deleted in one copy and changed in another), with every value kept. Resolve them in the app\'s Conflicts screen, or with `parley call FILE conflict.resolve --input \'{"id": N, "side": 0}\'`.',
    'Exit status: 0 when there are none, 1 when some are open.',
  ],
  args: ['FILE'],
  options: {},
  library: 'throwaway',
  run(ctx, [file]) {
    const open = ctx.readCase(file!, (info) => ctx.call('conflict.list', { caseId: info.caseId }));
    ctx.out.result(open, conflictLines);
    return open.length ? EXIT.failed : EXIT.ok;
  },
});

/** Calls with no passphrase, then (if the other file or bundle is sealed with another) with one asked for it. */
function callWithPassphrase(ctx: CommandContext, file: string, call: (passphrase?: string) => MergeSummary): MergeSummary {
  try {
    return call();
  } catch (err) {
    if (!(err instanceof CliError) || !/passphrase/i.test(err.message)) throw err;
    return call(ctx.passphrases.ask(file));
  }
}

function summaryLines(s: MergeSummary, from: string): string[] {
  const verb = s.preview ? 'Would take in' : 'Took in';
  if (!s.changes) return [`Nothing to take in ${from}: this copy has every change it has.`];
  return [
    `${verb} ${count(s.changes, 'change')} to ${count(s.records, 'record')} ${from}, made by ${s.authors.join(', ')}`,
    ...(s.newConflicts ? [`${count(s.newConflicts, 'new conflict')}: both values kept; see \`parley conflicts\``] : []),
    ...s.moves.map((m) => `Moves “${oneLine(m.title)}” from ${m.before.dueDate ?? 'not yet known'} to ${m.after.dueDate ?? 'not yet known'} (dated by its rule)`),
    ...(s.openConflicts ? [`${count(s.openConflicts, 'conflict')} open in the case`] : []),
  ];
}

function conflictLines(list: MergeConflictView[]): string[] {
  if (!list.length) return ['No open conflicts.'];
  return list.flatMap((c) => [
    `#${c.id} ${c.kind} “${oneLine(c.recordTitle)}” (${c.recordId}): ${c.fieldLabel}`,
    ...columns(c.sides.map((s, i) => [`[${i}]`, oneLine(typeof s.value === 'string' ? s.value : JSON.stringify(s.value)), `${oneLine(s.author)}, ${s.at}`, s.copyLabel ? oneLine(s.copyLabel) : ''])),
  ].map((l, i) => (i ? `  ${l}` : l)));
}
