// What the File menu does without the renderer: Save a Copy As, Export and Import, over the real core and files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, exportCaseToFile, importCaseFromFile, saveCaseCopy } from '../../electron/main/case-files.js';
import { newCase, testApi, type TestApi } from '../helpers.js';

function caseWithAnIssue(api: TestApi) {
  const info = newCase(api);
  api.call('issue.create', { caseId: info.caseId, fields: { title: 'Scope of the suspension', priority: 'high', status: 'open' } });
  return info;
}

/** Opens a file in a session of its own (the same case may not be open twice in one session) and lists its issues. */
function issuesIn(file: string): string[] {
  const other = testApi();
  const { caseId } = other.call('case.open', { path: file });
  return other.call('issue.list', { caseId }).map((issue) => issue.title);
}

describe('Save a Copy As', () => {
  it('writes a consistent, complete copy that opens as a case file', () => {
    const api = testApi();
    const { caseId } = caseWithAnIssue(api);
    const target = path.join(api.dir, 'copy.parley');
    expect(saveCaseCopy(api.session, caseId, target)).toEqual({ ok: true, data: { path: target } });
    expect(issuesIn(target)).toEqual(['Scope of the suspension']);
    expect(fs.readdirSync(api.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('copies an encrypted case, still encrypted under its passphrase, with every record', () => {
    const api = testApi();
    const passphrase = 'passphrase of the encrypted case';
    const { caseId } = api.call('case.create', { path: path.join(api.dir, 'sealed.parley'), directive: { title: 'Sealed directive', status: 'received' }, passphrase });
    api.call('issue.create', { caseId, fields: { title: 'Scope of the suspension', priority: 'high', status: 'open' } });
    const target = path.join(api.dir, 'sealed copy.parley');
    expect(saveCaseCopy(api.session, caseId, target)).toEqual({ ok: true, data: { path: target } });
    expect(testApi().fail('case.open', { path: target }, 'passphrase_required')).toBeTruthy();
    const other = testApi();
    const copy = other.call('case.open', { path: target, passphrase });
    expect(copy.encrypted).toBe(true);
    expect(other.call('issue.list', { caseId: copy.caseId }).map((issue) => issue.title)).toEqual(['Scope of the suspension']);
    expect(other.call('case.verify', { caseId: copy.caseId }).ok).toBe(true);
  });

  it('replaces a file the user chose to overwrite', () => {
    const api = testApi();
    const { caseId } = caseWithAnIssue(api);
    const target = path.join(api.dir, 'old.parley');
    fs.writeFileSync(target, 'an older file');
    expect(saveCaseCopy(api.session, caseId, target).ok).toBe(true);
    expect(issuesIn(target)).toEqual(['Scope of the suspension']);
  });

  it('never replaces a file another program has open (its WAL beside it), which keeps every change it made', () => {
    const api = testApi();
    const { caseId } = caseWithAnIssue(api);
    const other = testApi();
    const elsewhere = newCase(other, 'elsewhere.parley', 'Open in another program');
    other.call('note.create', { caseId: elsewhere.caseId, fields: { body: 'Written by the other program' } });
    expect(fs.existsSync(`${elsewhere.path}-wal`)).toBe(true);
    const result = saveCaseCopy(api.session, caseId, elsewhere.path);
    expect(!result.ok && result.error.message).toMatch(/open in another program.*choose another name/);
    other.call('note.create', { caseId: elsewhere.caseId, fields: { body: 'Written after the refusal' } });
    other.call('case.close', { caseId: elsewhere.caseId });
    const reopened = testApi().call('case.open', { path: elsewhere.path, readOnly: true });
    expect(reopened.title).toBe('Open in another program');
    expect(reopened.counts.note).toBe(2);
  });

  it('never replaces a case file that is open', () => {
    const api = testApi();
    const first = caseWithAnIssue(api);
    const second = newCase(api, 'second.parley', 'Another directive');
    const before = fs.readFileSync(second.path);
    const result = saveCaseCopy(api.session, first.caseId, second.path);
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(fs.readFileSync(second.path).equals(before)).toBe(true);
    expect(saveCaseCopy(api.session, first.caseId, first.path).ok).toBe(false);
  });

  it('reports a case that is not open, and a folder that does not exist, without leaving files', () => {
    const api = testApi();
    const { caseId } = caseWithAnIssue(api);
    const notOpen = saveCaseCopy(api.session, '0b9f3c1e-8d4a-4c57-9a43-2d1f0e6b7a10', path.join(api.dir, 'x.parley'));
    expect(!notOpen.ok && notOpen.error.code).toBe('not_open');
    const noFolder = saveCaseCopy(api.session, caseId, path.join(api.dir, 'missing', 'x.parley'));
    expect(noFolder.ok).toBe(false);
    expect(fs.existsSync(path.join(api.dir, 'x.parley'))).toBe(false);
  });
});

describe('Export and Import', () => {
  it('exports a case to JSON and imports it as a new case file', () => {
    const api = testApi();
    const { caseId } = caseWithAnIssue(api);
    const exportFile = path.join(api.dir, 'case export.json');
    expect(exportCaseToFile(api.session, caseId, exportFile)).toEqual({ ok: true, data: { path: exportFile } });
    expect(JSON.parse(fs.readFileSync(exportFile, 'utf8')).format).toBe('parley-case-export');

    const other = testApi();
    const target = path.join(other.dir, 'imported.parley');
    const imported = importCaseFromFile(other.session, exportFile, target);
    expect(imported.ok && imported.data.path).toBe(target);
    expect(other.call('issue.list', { caseId: imported.ok ? imported.data.caseId : '' }).map((i) => i.title)).toEqual(['Scope of the suspension']);
  });

  it('refuses a file that is not JSON, or not an export, and makes no case file', () => {
    const api = testApi();
    const target = path.join(api.dir, 'imported.parley');
    const notJson = path.join(api.dir, 'notes.json');
    fs.writeFileSync(notJson, 'Minutes of the meeting');
    const result = importCaseFromFile(api.session, notJson, target);
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('not JSON') });
    const wrongShape = path.join(api.dir, 'other.json');
    fs.writeFileSync(wrongShape, JSON.stringify({ format: 'something-else' }));
    expect(!importCaseFromFile(api.session, wrongShape, target).ok).toBe(true);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a file too large to read before reading it', () => {
    const api = testApi();
    const huge = path.join(api.dir, 'huge.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_IMPORT_BYTES + 1);
    const result = importCaseFromFile(api.session, huge, path.join(api.dir, 'imported.parley'));
    expect(!result.ok && result.error.message).toMatch(/import limit/);
  });
});
