// @vitest-environment jsdom
// The cases store: which case files are open, and opening, creating and closing one through the core's checks, with
// the core's refusals shown in the problem dialog and an encrypted file's passphrase asked for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseById, closeCase, createCase, openCase, useCases } from '../../renderer/state/cases.js';
import { useNavigation } from '../../renderer/state/navigation.js';
import { usePassphrasePrompt } from '../../renderer/state/passphrase-prompt.js';
import { useProblem } from '../../renderer/state/problem.js';
import { newCase } from '../helpers.js';
import { connectRenderer, settle } from './connect.js';

const route = () => useNavigation.getState().route;

/** The route after the hashchange the store's `go` caused. */
async function routeNow() {
  await settle();
  return route();
}

describe('the cases store', () => {
  it('refresh reads the cases the core has open (after a reload they are still open)', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    await useCases.getState().refresh();
    expect(useCases.getState().open).toEqual([info]);
    expect(caseById(info.caseId)?.path).toBe(info.path);
  });

  it('createCase creates the file, lists it and shows its overview', async () => {
    const core = connectRenderer();
    const file = path.join(core.dir, 'export-control.parley');
    const info = await createCase({ path: file, directive: { title: 'Export-control suspension order', status: 'received' } });
    expect(fs.existsSync(file)).toBe(true);
    expect(useCases.getState().open.map((c) => c.caseId)).toEqual([info.caseId]);
    expect(await routeNow()).toEqual({ screen: 'case', caseId: info.caseId, section: 'overview' });
  });

  it('createCase throws the core\'s refusal to the form, with the field it is about', async () => {
    const core = connectRenderer();
    const refusal = await createCase({ path: path.join(core.dir, 'x.parley'), directive: { title: '', status: 'received' } }).catch((err: unknown) => err);
    expect(refusal).toMatchObject({ name: 'ApiFailure', code: 'invalid_input' });
    expect(Object.keys((refusal as { issuesUnder(under: string): object }).issuesUnder('directive'))).toEqual(['title']);
    expect(useCases.getState().open).toEqual([]);
  });

  it('openCase opens a closed file for editing, read-only or for review, each as asked', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    core.call('case.close', { caseId: info.caseId });
    const opened = await openCase(info.path, { readOnly: true, section: 'deadlines' });
    expect(opened).toMatchObject({ caseId: info.caseId, readOnly: true });
    expect(await routeNow()).toEqual({ screen: 'case', caseId: info.caseId, section: 'deadlines' });
    await closeCase(info.caseId);
    expect(await openCase(info.path, { review: true })).toMatchObject({ review: true, readOnly: true });
  });

  it('openCase of a case already open the same way goes to it without asking the core', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    await useCases.getState().refresh();
    const calls: string[] = [];
    const bridge = window.parley!;
    const open = bridge['case.open'];
    bridge['case.open'] = (input) => (calls.push('case.open'), open(input));
    expect(await openCase(info.path, { section: 'timeline' })).toEqual(info);
    expect(calls).toEqual([]);
    expect(await routeNow()).toEqual({ screen: 'case', caseId: info.caseId, section: 'timeline' });
  });

  it('says in the problem dialog why a file does not open, and offers read-only for a damaged one', async () => {
    const core = connectRenderer();
    const missing = path.join(core.dir, 'gone.parley');
    expect(await openCase(missing)).toBeNull();
    expect(useProblem.getState().problem).toMatchObject({ title: 'The file is not there', detail: missing });

    const notACase = path.join(core.dir, 'notes.parley');
    fs.writeFileSync(notACase, 'Meeting notes, typed in a text editor.');
    expect(await openCase(notACase)).toBeNull();
    expect(useProblem.getState().problem?.title).toBe('This is not a Parley case file');
    expect(useProblem.getState().problem?.action).toBeUndefined();
    expect(useCases.getState().open).toEqual([]);
  });

  it('asks for an encrypted file\'s passphrase, again after a wrong one, and opens it with the right one', async () => {
    const core = connectRenderer();
    const file = path.join(core.dir, 'sealed.parley');
    const passphrase = 'correct horse battery staple';
    const info = core.call('case.create', { path: file, directive: { title: 'Sealed order', status: 'received' }, passphrase });
    core.call('case.close', { caseId: info.caseId });

    const opening = openCase(file);
    await settle();
    expect(usePassphrasePrompt.getState().question).toEqual({ fileName: 'sealed.parley', error: null });
    usePassphrasePrompt.getState().answer!({ passphrase: 'not it', remember: false });
    await settle();
    expect(usePassphrasePrompt.getState().question?.error).toMatch(/passphrase/i);
    usePassphrasePrompt.getState().answer!({ passphrase, remember: false });
    expect(await opening).toMatchObject({ caseId: info.caseId, encrypted: true });
    expect(usePassphrasePrompt.getState().question).toBeNull();
  });

  it('opens nothing when the passphrase question is cancelled', async () => {
    const core = connectRenderer();
    const file = path.join(core.dir, 'sealed.parley');
    const info = core.call('case.create', { path: file, directive: { title: 'Sealed order', status: 'received' }, passphrase: 'correct horse battery staple' });
    core.call('case.close', { caseId: info.caseId });
    const opening = openCase(file);
    await settle();
    usePassphrasePrompt.getState().answer!(null);
    expect(await opening).toBeNull();
    expect(core.call('case.listOpen', {})).toEqual([]);
    expect(useProblem.getState().problem).toBeNull();
  });

  it('closeCase closes it in the core, forgets it and goes to the library', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    await useCases.getState().refresh();
    await closeCase(info.caseId);
    expect(core.call('case.listOpen', {})).toEqual([]);
    expect(useCases.getState().open).toEqual([]);
    expect(await routeNow()).toEqual({ screen: 'library' });
  });

  it('closeCase of a case the core no longer has open only forgets it', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    await useCases.getState().refresh();
    core.call('case.close', { caseId: info.caseId });
    await closeCase(info.caseId);
    expect(useCases.getState().open).toEqual([]);
    expect(useProblem.getState().problem).toBeNull();
  });

  it('replace puts a changed summary in place, or adds it; forget drops it', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    const { replace, forget } = useCases.getState();
    replace(info);
    replace({ ...info, title: 'Renamed order' });
    expect(useCases.getState().open.map((c) => c.title)).toEqual(['Renamed order']);
    forget(info.caseId);
    expect(useCases.getState().open).toEqual([]);
  });
});
