// `parley templates` and `parley brief --template / --sections` as a user runs them: the built command line in a
// child process with its own --data folder. The templates are files in that folder's templates folder, put there
// by the core as "Save as template" does (or by a colleague copying a file in).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirmTemplates } from '../../electron/core/firm-templates.js';
import { doc, paragraph } from '../../shared/documents/index.js';
import { expectFailure, expectOk, sampleCaseRunner, type ParleyRunner } from './support/parley.js';

let parley: ParleyRunner;
let data: string;
let sample: string;
let meetingId: string;

beforeAll(async () => {
  ({ parley, data, sample } = await sampleCaseRunner());
  meetingId = parley.run(['brief', sample, '--data', data, '--json']).json<{ id: string }[]>()[0]!.id;
}, 120_000);
afterAll(() => parley?.cleanUp());

/** The level-two headings of a Markdown brief, in order. */
function headings(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
}

describe('parley templates', () => {
  it('says when there are none, then lists each template and every file that cannot be used', () => {
    const folder = path.join(data, 'templates');
    expect(expectOk(parley.run(['templates', '--data', data])).stdout).toBe(`No templates in ${folder} yet.\n`);

    const templates = new FirmTemplates(data);
    templates.save({ kind: 'brief', title: 'Session brief', sections: ['issues', 'attachments', 'purpose'] }, 'Dana');
    templates.save({ kind: 'draft', title: 'Bureau letter', draftType: 'letter', shareable: true, document: doc([paragraph('Dear {{directive.issuingAuthority}}')]) }, 'Dana');
    fs.writeFileSync(path.join(folder, 'newer.parley-template.json'), JSON.stringify({ format: 'parley-template', version: 9 }));

    expect(expectOk(parley.run(['templates', '--data', data])).stdout.split('\n')).toEqual([
      `Templates in ${folder}:`,
      '  bureau-letter  Bureau letter (draft template, shareable)',
      '  session-brief  Session brief (brief template: Issues, Appendix: attachments, Purpose and desired outcome)',
      'Files that cannot be used:',
      '  newer.parley-template.json was saved by a newer version of Parley. Update Parley to use it.',
      '',
    ]);
    const json = parley.run(['templates', '--data', data, '--json']).json<{ folder: string; templates: { id: string }[]; unreadable: { fileName: string }[] }>();
    expect(json.folder).toBe(folder);
    expect(json.templates.map((t) => t.id)).toEqual(['bureau-letter', 'session-brief']);
    expect(json.unreadable.map((u) => u.fileName)).toEqual(['newer.parley-template.json']);
  });
});

describe('parley brief with chosen sections', () => {
  it('takes the sections and their order from a brief template, by id or by name', () => {
    const out = parley.file('from-template.md');
    expectOk(parley.run(['brief', sample, '--meeting', meetingId, '--template', 'Session Brief', '-o', out, '--data', data]));
    expect(headings(out)).toEqual(['Issues', 'Appendix: attachments', 'Purpose and desired outcome']);
  });

  it('takes them from --sections; a shareable brief still leaves out the internal ones', () => {
    const out = parley.file('chosen.md');
    expectOk(parley.run(['brief', sample, '--meeting', meetingId, '--sections', 'batna,deadlines,purpose', '-o', out, '--data', data]));
    expect(headings(out)).toEqual(['Alternatives to agreement (BATNA)', 'Deadlines', 'Purpose and desired outcome']);
    expectOk(parley.run(['brief', sample, '--meeting', meetingId, '--sections', 'batna,deadlines,purpose', '--shareable', '-o', out, '--force', '--data', data]));
    expect(headings(out)).toEqual(['Deadlines', 'Purpose and desired outcome']);
  });

  it('refuses an unknown template or section, or both options at once, saying what there is', () => {
    expectFailure(parley.run(['brief', sample, '--meeting', meetingId, '--template', 'nope', '--data', data]), 2, /no brief template called "nope"; the brief templates are: session-brief/);
    expectFailure(parley.run(['brief', sample, '--meeting', meetingId, '--sections', 'issues,secrets', '--data', data]), 2, /--sections takes sections among .*; not secrets/);
    expectFailure(parley.run(['brief', sample, '--meeting', meetingId, '--sections', 'issues', '--template', 'session-brief', '--data', data]), 2, /give --sections or --template, not both/);
  });
});
