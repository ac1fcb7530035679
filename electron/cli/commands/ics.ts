// `parley ics`: the deadlines of one or more case files as one calendar (.ics) to import or subscribe to.
import type { CaseInfo } from '../../../shared/api-types.js';
import type { CommandContext } from '../command.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { count } from '../output.js';
import { checkpoint } from '../stop.js';
import { outputOptions, writeUserFile } from './files.js';

export default defineCommand({
  name: 'ics',
  summary: 'Export the deadlines of case files as a calendar (.ics)',
  description: [
    'One calendar of the dated deadlines of the FILEs, with reminders as alarms. A calendar is synced to phones and outside servers, so it holds only what may leave the team: deadlines internal as a whole (of kind internal, or marked internal) are not on it, and an event carries no notes, owner or confidence. Each event\'s UID is a digest of its case and deadline, the same at every export, so importing a later export updates the events instead of adding copies. Deadlines whose date is not yet known are named in the calendar\'s description. The calendar goes to standard output unless -o names a file.',
  ],
  args: ['FILE...'],
  options: outputOptions('the calendar'),
  library: 'throwaway',
  async run(ctx, files, { output, force }) {
    const calendar = await readAll(ctx, files, [], (infos) => ctx.call('calendar.ics', { caseIds: infos.map((i) => i.caseId) }));
    if (output === undefined) {
      ctx.out.raw(calendar.text);
      return EXIT.ok;
    }
    await checkpoint();
    writeUserFile(output, calendar.text, !!force);
    ctx.out.result({ output, events: calendar.events }, (r) => [`Wrote ${count(r.events, 'deadline')} of ${count(files.length, 'case file')} to ${r.output}`]);
    return EXIT.ok;
  },
});

/**
 * Opens every file read-only at once (each closed again afterwards, also when a signal stops the run between two
 * of them) and runs `use` with them all.
 */
async function readAll<T>(ctx: CommandContext, files: string[], infos: CaseInfo[], use: (infos: CaseInfo[]) => T): Promise<T> {
  await checkpoint();
  const [first, ...rest] = files;
  if (first === undefined) return use(infos);
  return ctx.readCase(first, (info) => readAll(ctx, rest, [...infos, info], use));
}
