// Export to JSON and import into a new case file: a round trip keeps every record, and a bad export makes no file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseExport } from '../../shared/contract.js';
import { KIND_NAMES, type KindName } from '../../shared/records.js';
import { CaseWorld, folderState } from './support/world.js';

/** A case holding records of every kind, some of them changed, deleted or purged. */
function richCase(): CaseWorld {
  const w = CaseWorld.create();
  for (const kind of KIND_NAMES) w.make(kind);
  const issue = w.make('issue', { ourOpening: 'No suspension' });
  w.api.call('issue.update', { caseId: w.caseId, id: issue.id, changes: { ourOpening: 'Tier-1 only', theirPosition: 'Everything' }, reason: 'meeting' });
  w.api.call('directive.update', { caseId: w.caseId, changes: { status: 'negotiating', authoritiesCited: ['Act s. 12', 'Reg 4'] } });
  w.api.call('note.delete', { caseId: w.caseId, id: w.make('note', { internal: true }).id });
  w.api.call('precedent.purge', { caseId: w.caseId, id: w.ref('precedent') });
  w.make('attachment', { dataBase64: Buffer.from([0, 1, 2, 250, 255]).toString('base64') });
  return w;
}

const withoutStamp = ({ exportedAt: _exportedAt, ...rest }: CaseExport) => rest;

describe('export and import', () => {
  it('round-trips every record, deleted ones included, and the import verifies', () => {
    const w = richCase();
    const exported = w.api.call('case.export', { caseId: w.caseId });
    expect(Object.keys(exported.records).sort()).toEqual([...KIND_NAMES].sort());
    for (const kind of KIND_NAMES) expect(exported.records[kind as KindName]!.length, kind).toBeGreaterThan(0);
    w.api.call('case.close', { caseId: w.caseId });
    const copy = path.join(w.api.dir, 'imported.parley');
    const imported = w.api.call('case.import', { path: copy, data: JSON.parse(JSON.stringify(exported)) });
    expect(imported).toMatchObject({ caseId: w.caseId, path: copy, title: 'Export-control suspension order' });
    expect(withoutStamp(w.api.call('case.export', { caseId: w.caseId }))).toEqual(withoutStamp(exported));
    expect(w.api.call('case.verify', { caseId: w.caseId })).toMatchObject({ ok: true, integrity: ['ok'] });
    const history = w.api.call('case.recentChanges', { caseId: w.caseId, limit: 1 })[0]!;
    expect(history.reason).toMatch(/^imported from an export of case/);
  });

  it('refuses to import a copy of a case that is open, and makes no file', () => {
    const w = richCase();
    const exported = w.api.call('case.export', { caseId: w.caseId });
    const before = folderState(w.api.dir);
    w.api.fail('case.import', { path: path.join(w.api.dir, 'imported.parley'), data: exported }, 'already_open');
    expect(folderState(w.api.dir)).toEqual(before);
  });

  const corruptions: [label: string, corrupt: (data: CaseExport) => void][] = [
    ['attachment bytes that do not match their digest', (d) => { d.attachments![Object.keys(d.attachments!)[0]!] = Buffer.from('tampered').toString('base64'); }],
    ['a record that points at a record the export does not hold', (d) => { d.records.meeting = []; }],
    ['a record of a kind Parley does not know', (d) => { d.records.spaceship = [{}]; }],
    ['no directive', (d) => { d.records.directive = []; }],
    ['a record with a field of the wrong type', (d) => { d.records.note![0]!.body = 42; }],
    ['two records with one id', (d) => { d.records.note!.push(d.records.note![0]!); }],
  ];

  it.each(corruptions)('refuses an export with %s as invalid_input, and makes no file', (_label, corrupt) => {
    const w = richCase();
    const data = w.api.call('case.export', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    corrupt(data);
    const before = folderState(w.api.dir);
    w.api.fail('case.import', { path: path.join(w.api.dir, 'imported.parley'), data }, 'invalid_input');
    expect(folderState(w.api.dir)).toEqual(before);
    expect(w.api.internalErrors).toEqual([]);
  });

  it('will not import over an existing file', () => {
    const w = CaseWorld.create();
    const data = w.api.call('case.export', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    const taken = path.join(w.api.dir, 'taken.parley');
    fs.writeFileSync(taken, 'someone else');
    w.api.fail('case.import', { path: taken, data }, 'already_exists');
    expect(fs.readFileSync(taken, 'utf8')).toBe('someone else');
  });
});
