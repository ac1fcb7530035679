// `parley ics`: the deadlines, meetings and action items of one or more case files as one calendar (.ics) to import
// or subscribe to.
import type { CaseInfo } from '../../../shared/api-types.js';
import { CALENDAR_CONTENTS, calendarContentsWords, calendarLeftOutSentence } from '../../../shared/calendar.js';
import { listOption } from '../args.js';
import type { CommandContext } from '../command.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { count } from '../output.js';
import { checkpoint } from '../stop.js';
import { outputOptions, writeUserFile } from './files.js';

export default defineCommand({
  name: 'ics',
  summary: 'Export the deadlines, meetings and action items of case files as a calendar (.ics)',
  description: [
    'One calendar of the dated deadlines (with reminders as alarms), meetings and action items of the FILEs; --include chooses fewer. A calendar is synced to phones and outside servers, so it holds only what may leave the team: records internal as a whole (a deadline of kind internal, anything marked internal or belonging to an internal meeting) are not on it, and an entry carries no notes. Each event\'s UID is a digest of its case and record, the same at every export, so importing a later export updates the events instead of adding copies. Deadlines and meetings whose date is not yet known are named in the calendar\'s description. The calendar goes to standard output unless -o names a file.',
  ],
  args: ['FILE...'],
  options: {
    include: { type: 'string', value: 'KIND,...', help: `what to put on the calendar, among ${CALENDAR_CONTENTS.join(', ')} (default: all)` },
    ...outputOptions('the calendar'),
  },
  library: 'throwaway',
  async run(ctx, files, { output, force, include: includeText }) {
    const include = listOption(includeText, CALENDAR_CONTENTS, { option: 'include', items: 'kinds of entries', command: 'ics' });
    const calendar = await readAll(ctx, files, [], (infos) => ctx.call('calendar.ics', { caseIds: infos.map((i) => i.caseId), include }));
    if (output === undefined) {
      ctx.out.raw(calendar.text);
      return EXIT.ok;
    }
    await checkpoint();
    writeUserFile(output, calendar.text, !!force);
    const leftOut = calendarLeftOutSentence(calendar.tally);
    ctx.out.result({ output, events: calendar.events, tally: calendar.tally }, (r) => [
      `Wrote ${calendarContentsWords(r.tally, calendar.included)} of ${count(files.length, 'case file')} to ${r.output}`,
      ...(leftOut ? [leftOut] : []),
    ]);
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
