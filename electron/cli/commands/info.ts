import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { caseSummaryLines, recordCountLines } from './case-summary.js';

export default defineCommand({
  name: 'info',
  summary: 'Show a case file\'s title, status, ids, record counts and audit trail',
  description: ['The file is opened read-only and left as it was.'],
  args: ['FILE'],
  options: {},
  library: 'throwaway',
  run(ctx, [file]) {
    const info = ctx.readCase(file!, (opened) => opened);
    ctx.out.result(info, () => [...caseSummaryLines(info), ...recordCountLines(info)]);
    return EXIT.ok;
  },
});
