// `parley attach` and `parley attachments` as a user runs them: the built bundle (with the worker that reads text
// beside it) in a child process, on real files in a temporary folder, with --data a temporary library.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentRefusal } from '../../shared/attachments.js';
import { pdfWithText } from '../support/pdf-files.js';
import { buildTextWorker } from '../support/text-worker.js';
import { buildCli, expectFailure, expectOk, parleyRunner, type ParleyRunner } from './support/parley.js';

let parley: ParleyRunner;
let data: string;

beforeAll(async () => {
  await Promise.all([buildCli(), buildTextWorker()]);
  parley = parleyRunner();
  data = parley.file('library');
});
afterAll(() => parley.cleanUp());

function newCaseFile(name: string): string {
  const file = parley.file(name);
  expectOk(parley.run(['new', file, '--title', 'Export-control order', '--data', data]));
  return file;
}

describe('parley attach', () => {
  it('attaches a PDF to the case, reads its text before returning, and search finds a sentence in it', () => {
    const file = newCaseFile('pdf.parley');
    const pdf = parley.file('Annex II.pdf');
    fs.writeFileSync(pdf, pdfWithText({ pageText: () => 'Licences granted before the order remain valid until they expire.' }));
    const attached = expectOk(parley.run(['attach', file, pdf, '--description', 'The annex', '--data', data]));
    expect(attached.stdout).toMatch(/^Attached “Annex II\.pdf” \(PDF, \d+ bytes\) to the case as [0-9a-f-]{36}\.\nIts text is searchable \(65 characters\)\.\n$/);

    const found = expectOk(parley.run(['search', 'remain valid', file, '--json', '--data', data])).json<{ kind: string; title: string }[]>();
    expect(found).toEqual([expect.objectContaining({ kind: 'attachment', title: 'Annex II.pdf' })]);
  });

  it('attaches to a record named by a start of its id; attachments lists both, in words and as JSON', () => {
    const file = newCaseFile('to-note.parley');
    const note = expectOk(parley.run(['call', file, 'note.create', '--input', '{"fields": {"body": "Call with the ministry"}}', '--data', data])).json<{ id: string }>();
    const text = parley.file('minutes.txt');
    fs.writeFileSync(text, 'Minutes: the ministry will reply by Friday.');
    const image = parley.file('whiteboard.png');
    fs.writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(expectOk(parley.run(['attach', file, text, '--to', `note:${note.id.slice(0, 8)}`, '--data', data])).stdout).toContain('to the note “Call with the ministry”');
    expect(expectOk(parley.run(['attach', file, image, '--data', data])).stdout).toContain('Parley does not read the text of this type of file.');

    const listed = expectOk(parley.run(['attachments', file, '--data', data])).stdout.split('\n');
    expect(listed[0]).toBe('2 attachments:');
    expect(listed.find((l) => l.includes('minutes.txt'))).toMatch(/Plain text\s+43 bytes\s+the note “Call with the ministry”\s+searchable/);
    expect(listed.find((l) => l.includes('whiteboard.png'))).toMatch(/PNG image\s+8 bytes\s+the case\s+no text/);
    const json = expectOk(parley.run(['attachments', file, '--json', '--data', data])).json<Record<string, unknown>[]>();
    expect(json.map((a) => [a.name, a.attachedToKind, a.attachedToId, a.textStatus, a.textLength])).toEqual([
      ['minutes.txt', 'note', note.id, 'extracted', 43],
      ['whiteboard.png', null, null, 'none', null],
    ]);
    expect(json[0]).not.toHaveProperty('extractedText');
  });

  it('refuses a type Parley does not take in the app’s sentence, and a --to that is not KIND:ID, changing nothing', () => {
    const file = newCaseFile('refused.parley');
    const auditEntries = () => expectOk(parley.run(['info', file, '--json', '--data', data])).json<{ auditEntries: number }>().auditEntries;
    const before = auditEntries();
    const exe = parley.file('setup.exe');
    fs.writeFileSync(exe, 'MZ');
    const refused = parley.run(['attach', file, exe, '--data', data]);
    expectFailure(refused, 1, /cannot be attached/);
    expect(refused.stderr).toContain(attachmentRefusal('setup.exe', 'application/octet-stream', 2)!);
    expectFailure(parley.run(['attach', file, exe, '--to', 'nothing', '--data', data]), 2, /--to must be KIND:ID/);
    expect(auditEntries()).toBe(before);
    expect(expectOk(parley.run(['attachments', file, '--data', data])).stdout).toBe('No attachments.\n');
  });
});
