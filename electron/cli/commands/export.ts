import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { count, jsonText } from '../output.js';
import { checkpoint } from '../stop.js';
import { outputOptions, writeUserFile } from './files.js';

export default defineCommand({
  name: 'export',
  summary: 'Write a whole case as JSON (records, deleted ones too, and attachments)',
  description: [
    'JSON is the only export format, so --json may be given or left out. The JSON goes to standard output unless -o names a file; `parley import` makes a case file from it again.',
  ],
  args: ['FILE'],
  options: outputOptions('the JSON'),
  library: 'throwaway',
  async run(ctx, [file], { output, force }) {
    const data = ctx.readCase(file!, (info) => ctx.call('case.export', { caseId: info.caseId, includeAttachments: true }));
    if (output === undefined) {
      ctx.out.jsonValue(data);
      return EXIT.ok;
    }
    await checkpoint();
    writeUserFile(output, jsonText(data), !!force);
    const records = Object.values(data.records).reduce((n, list) => n + list.length, 0);
    ctx.out.lines([`Exported ${count(records, 'record')} of case ${data.caseId} to ${output}`]);
    return EXIT.ok;
  },
});
