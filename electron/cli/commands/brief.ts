import { EXPORT_FORMATS } from '../../../shared/contract.js';
import { MEETING_BRIEF_SECTION_IDS, type MeetingBriefSectionId } from '../../../shared/documents/brief-sections.js';
import { listOption } from '../args.js';
import { defineCommand, type CommandContext } from '../command.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { resolveRecordId } from '../record-ids.js';
import { checkpoint } from '../stop.js';
import { writeUserFile } from './files.js';

type Format = (typeof EXPORT_FORMATS)[number];

export default defineCommand({
  name: 'brief',
  summary: 'Write the brief for a meeting as PDF, Word, Markdown or HTML',
  description: [
    'Builds the meeting brief from the case as it is now (purpose, attendees, background, deadlines, the issues table, options, precedents, open action items, questions, watch items) and writes it to OUT.',
    '--sections chooses the sections and their order (the appendix of attachments, off by default, among them); --template takes them from a brief template of the firm (see `parley templates`), by its id or name.',
    '--shareable writes the version for the other side: built only from what may leave the team (our target, walk-away and interests, both BATNAs, risk, internal notes and deadlines, what a watch item would change, why a precedent matters and which support or undermine us, and the questions to ask stay out, unless someone marked them shareable), with no links into the case file. --leave-out leaves out whole sections besides.',
    'PDF is printed with Chromium (set PARLEY_CHROMIUM to its path if it is not /usr/bin/chromium).',
    'Without --meeting, the meetings of the case are listed with their ids. --meeting takes a meeting\'s id or a unique start of it (at least 4 characters).',
  ],
  args: ['FILE'],
  options: {
    meeting: { type: 'string', value: 'ID', help: 'the meeting the brief is for: its id, or the start of it' },
    shareable: { type: 'boolean', help: 'the version to share with the other side' },
    'leave-out': { type: 'string', value: 'SECTION,...', help: `sections to leave out: ${MEETING_BRIEF_SECTION_IDS.join(', ')}` },
    sections: { type: 'string', value: 'SECTION,...', help: 'the sections to hold, in this order (same names as --leave-out)' },
    template: { type: 'string', value: 'NAME', help: 'a brief template of the firm: its sections, in its order' },
    format: { type: 'string', value: 'pdf|docx|md|html', help: 'the file format (default: from OUT\'s extension, else pdf)' },
    output: { type: 'string', short: 'o', value: 'OUT', help: 'where to write the brief (default: a name made from the meeting)' },
    marking: { type: 'string', value: 'TEXT', help: 'the confidentiality marking on every page' },
    force: { type: 'boolean', help: 'replace OUT if it exists' },
  },
  library: 'throwaway',
  run(ctx, [file], { meeting, shareable, format, output, marking, force, 'leave-out': leaveOutText, sections: sectionsText, template }) {
    const chosen = chooseFormat(format, output);
    const leaveOut = chooseSections(leaveOutText, 'leave-out');
    if (sectionsText !== undefined && template !== undefined) throw new UsageError('give --sections or --template, not both', 'brief');
    const sections = template !== undefined ? briefTemplateSections(ctx, template) : chooseSections(sectionsText, 'sections');
    return ctx.readCase(file!, async (info) => {
      if (meeting === undefined) {
        const meetings = ctx.call('meeting.list', { caseId: info.caseId });
        if (!meetings.length) throw new CliError('the case has no meetings to brief');
        ctx.out.result(meetings.map((m) => ({ id: m.id, title: m.title, date: m.meetingDate, status: m.status })), () => [
          'Name the meeting with --meeting ID:',
          ...meetings.map((m) => `  ${m.id}  ${m.meetingDate ?? 'no date'}  ${m.title} (${m.status})`),
        ]);
        return EXIT.usage;
      }
      const brief = await ctx.callAsync('brief.export', { caseId: info.caseId, meetingId: resolveRecordId(ctx, info.caseId, meeting, 'meeting'), shareable: !!shareable, leaveOut, sections, format: chosen, marking });
      const target = output ?? brief.fileName;
      await checkpoint(); // printing takes a while: a signal meanwhile stops the run before the file is written
      writeUserFile(target, Buffer.from(brief.dataBase64, 'base64'), !!force);
      ctx.out.result({ path: target, mediaType: brief.mediaType }, () => [`Wrote the ${shareable ? 'shareable ' : ''}brief to ${target}`]);
      return EXIT.ok;
    });
  },
});

function chooseFormat(format: string | undefined, output: string | undefined): Format {
  const fromName = output?.split('.').pop()?.toLowerCase();
  const wanted = format ?? (fromName && (EXPORT_FORMATS as readonly string[]).includes(fromName) ? fromName : 'pdf');
  if (!(EXPORT_FORMATS as readonly string[]).includes(wanted)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`, 'brief');
  return wanted as Format;
}

function chooseSections(text: string | undefined, option: 'leave-out' | 'sections'): MeetingBriefSectionId[] | undefined {
  return listOption(text, MEETING_BRIEF_SECTION_IDS, { option, items: 'sections', command: 'brief' });
}

/** The sections of the brief template named by its id or its title (any case). */
function briefTemplateSections(ctx: CommandContext, name: string): MeetingBriefSectionId[] {
  const wanted = name.trim().toLowerCase();
  const briefs = ctx.call('template.list', {}).templates.filter((t) => t.kind === 'brief');
  const found = briefs.find((t) => t.id === wanted) ?? briefs.find((t) => t.title.toLowerCase() === wanted);
  if (!found) {
    const known = briefs.map((t) => t.id).join(', ');
    throw new CliError(`there is no brief template called "${name}"${known ? `; the brief templates are: ${known}` : ' (`parley templates` lists the templates)'}`, EXIT.usage);
  }
  return found.sections;
}
