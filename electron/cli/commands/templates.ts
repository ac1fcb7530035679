// `parley templates`: the firm's templates in the templates folder of the data folder (shared/templates.ts), each
// with its kind and what it holds, and the files there that cannot be used, with why. A template is shared by
// copying its file into a colleague's templates folder; `parley brief --template NAME` uses a brief template.
import { MEETING_BRIEF_SECTIONS } from '../../../shared/documents/brief-sections.js';
import type { FirmTemplateInfo } from '../../../shared/templates.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';

export default defineCommand({
  name: 'templates',
  summary: 'List the firm\'s templates (drafts saved as templates, and brief templates)',
  description: [
    'Lists the templates in the templates folder of the data folder: drafts saved as templates ("Save as template…" in the app) and brief templates (a chosen set and order of a meeting brief\'s sections). Share one by copying its file into a colleague\'s templates folder.',
    'Files in the folder that cannot be used (not a template, damaged, or saved by a newer Parley) are listed after them with the reason.',
    'With --json: {folder, templates, unreadable}.',
  ],
  args: [],
  options: {},
  library: 'throwaway',
  run(ctx) {
    const listing = ctx.call('template.list', {});
    ctx.out.result(listing, ({ folder, templates, unreadable }) => [
      templates.length ? `Templates in ${folder}:` : `No templates in ${folder} yet.`,
      ...templates.map((t) => `  ${t.id}  ${t.title} (${whatItIs(t)})`),
      ...(unreadable.length ? ['Files that cannot be used:', ...unreadable.map((u) => `  ${u.fileName} ${u.problem}`)] : []),
    ]);
    return EXIT.ok;
  },
});

function whatItIs(t: FirmTemplateInfo): string {
  if (t.kind === 'draft') return `draft template${t.shareable ? ', shareable' : ''}`;
  const titles = t.sections.map((id) => MEETING_BRIEF_SECTIONS.find((s) => s.id === id)?.title ?? id);
  return `brief template: ${titles.join(', ')}`;
}
