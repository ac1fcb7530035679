import { writeDemoCase } from '../../core/demo.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { caseSummaryLines, recordCountLines } from './case-summary.js';

export default defineCommand({
  name: 'demo',
  summary: 'Write a sample case file (a fictional export-control suspension order) to try Parley with',
  description: [
    'FILE must not exist yet. Every name, citation and date in the sample is fictional; the dates fall in late 2026 and do not change from run to run. The new file joins the library.',
  ],
  args: ['FILE'],
  options: {},
  library: 'user',
  run(ctx, [file]) {
    const info = writeDemoCase(ctx.session, file!, ctx.logInternalError);
    ctx.out.result(info, () => [`Wrote the sample case to ${info.path}`, ...caseSummaryLines(info), ...recordCountLines(info)]);
    return EXIT.ok;
  },
});
