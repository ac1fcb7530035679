// IPC: only our window's top frame, showing our pages, reaches the core; unknown names, invalid input and paths to
// write at that the user did not choose are refused before any handler runs; remembered passphrases are used by the
// main process and never handed out. The core here is the real one, over real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_WRITING_OPERATIONS, FilePlaces, GRANT_LIFETIME_MS, PATH_READING_OPERATIONS } from '../../electron/main/file-places.js';
import { RefusedSenderError, registerContractIpc, registerDesktopIpc, type DesktopRequestHandlers } from '../../electron/main/ipc.js';
import { trustedSenderCheck } from '../../electron/main/trusted-sender.js';
import { IPC_CHANNEL } from '../../shared/bridge.js';
import { z } from 'zod';
import { CONTRACT, OPERATION_NAMES } from '../../shared/contract.js';
import { DESKTOP_REQUEST_CHANNEL } from '../../shared/desktop.js';
import type { Envelope } from '../../shared/result.js';
import { newCase, testApi } from '../helpers.js';
import { FakeBrowserWindow, FakeFrame, FakeIpcMain } from './fake-electron.js';

async function ourWindow(): Promise<FakeBrowserWindow> {
  const window = new FakeBrowserWindow({});
  await window.loadURL('parley-app://app/index.html');
  return window;
}

/** Passphrases remembered in memory, as the key store keeps them by path (key-store.test.ts tests the store). */
class RememberedInMemory {
  readonly kept = new Map<string, string>();
  readonly recalled: string[] = [];
  recall(file: string): string | null {
    this.recalled.push(file);
    return this.kept.get(path.resolve(file)) ?? null;
  }
  forget(file: string): void {
    this.kept.delete(path.resolve(file));
  }
}

async function setup() {
  const api = testApi();
  const window = await ourWindow();
  const ipcMain = new FakeIpcMain();
  const calls: string[] = [];
  let now = 1_000_000;
  const places = new FilePlaces({ dataDir: api.session.library.dataDir, knownCaseFiles: () => api.session.library.paths(), hasSaveDialog: true, now: () => now });
  const passphrases = new RememberedInMemory();
  registerContractIpc(ipcMain, api.session, trustedSenderCheck(() => [window]), { places, passphrases, afterCall: (name) => calls.push(name), log: () => {} });
  const call = (name: unknown, input: unknown, frame = window.webContents.mainFrame) =>
    ipcMain.invoke(IPC_CHANNEL, frame, name, input) as Promise<Envelope<unknown>>;
  const later = (ms: number) => void (now += ms);
  return { api, window, ipcMain, calls, call, places, passphrases, casesDir: places.casesDir, later };
}

const directive = { title: 'Export-control suspension order', status: 'received' };

describe('the contract channel', () => {
  it('is one handler on the one channel', async () => {
    const { ipcMain } = await setup();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('answers every operation of the contract through the dispatcher', async () => {
    const { call } = await setup();
    for (const name of OPERATION_NAMES) {
      // An extra key fails every operation's strict schema: the answer proves the name reached validation.
      const result = await call(name, { notAField: true });
      expect(result.ok, name).toBe(false);
      expect(!result.ok && result.error.code, name).toBe('invalid_input');
    }
  });

  it('refuses names outside the contract without reaching the core', async () => {
    const { call, calls } = await setup();
    for (const name of ['case.drop', 'constructor', '__proto__', 'toString', 42, null, undefined]) {
      const result = await call(name, {});
      expect(!result.ok && result.error.code, String(name)).toBe('unknown_operation');
    }
    expect(calls).toEqual([]);
  });

  it('refuses invalid input before the core runs', async () => {
    const { casesDir, call } = await setup();
    const file = path.join(casesDir, 'never.parley');
    const result = await call('case.create', { path: file, directive: { status: 'received' } });
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(!result.ok && result.error.issues?.some((i) => i.path === 'directive.title')).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('runs a valid call through the core and returns its envelope', async () => {
    const { casesDir, call, calls } = await setup();
    const file = path.join(casesDir, 'case.parley');
    const created = await call('case.create', { path: file, directive });
    expect(created.ok).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    const open = await call('case.listOpen', {});
    expect(open).toEqual({ ok: true, data: [expect.objectContaining({ path: file })] });
    expect(calls).toEqual(['case.create', 'case.listOpen']);
  });

  describe('refuses callers that are not our window', () => {
    const foreign: [string, (window: FakeBrowserWindow) => FakeFrame | null][] = [
      ['no frame (destroyed)', () => null],
      ['a subframe of our window', (w) => new FakeFrame('parley-app://app/index.html', w.webContents.mainFrame)],
      ['another window showing our page', () => new FakeFrame('parley-app://app/index.html')],
      ['our frame at another origin', (w) => Object.assign(w.webContents.mainFrame, { url: 'https://example.com/' })],
      ['our frame on file://', (w) => Object.assign(w.webContents.mainFrame, { url: 'file:///app/index.html' })],
      ['our frame on another app host', (w) => Object.assign(w.webContents.mainFrame, { url: 'parley-app://evil/index.html' })],
      ['the developer tools', () => new FakeFrame('devtools://devtools/bundled/devtools_app.html')],
      ['a detached frame', (w) => Object.assign(w.webContents.mainFrame, { detached: true })],
    ];
    for (const [who, frameOf] of foreign) {
      it(who, async () => {
        const { casesDir, window, call, calls } = await setup();
        const file = path.join(casesDir, 'refused.parley');
        await expect(call('case.create', { path: file, directive }, frameOf(window) as FakeFrame)).rejects.toThrow(RefusedSenderError);
        expect(fs.existsSync(file)).toBe(false);
        expect(calls).toEqual([]);
      });
    }

    it('a window that has been closed', async () => {
      const { window, call } = await setup();
      const frame = window.webContents.mainFrame;
      window.close();
      await expect(call('case.listOpen', {}, frame)).rejects.toThrow(RefusedSenderError);
    });
  });
});

describe('files the renderer may have written', () => {
  const refusedAt = (result: Envelope<unknown>) => {
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.error : null;
    expect(error?.code).toBe('invalid_input');
    expect(error?.issues).toEqual([{ path: 'path', message: error?.message }]);
    return error!.message;
  };

  it('writes a new case file only in the cases folder, with the .parley extension, links resolved; refused before the core runs', async () => {
    const { api, call, calls, casesDir } = await setup();
    const home = path.join(api.dir, 'home');
    fs.mkdirSync(home);
    fs.symlinkSync(home, path.join(casesDir, 'linked'));
    for (const target of [
      path.join(home, 'order.parley'),
      path.join(casesDir, '..', 'escaped.parley'),
      path.join(casesDir, 'linked', 'through-a-link.parley'),
      'relative.parley',
    ]) {
      expect(refusedAt(await call('case.create', { path: target, directive })), target).toMatch(
        /^Parley writes case files only in its cases folder \(.*\) or where you choose in a save dialog, not at .*\. Give a file name, or use Choose… to pick another place\.$/,
      );
      expect(fs.existsSync(target), target).toBe(false);
    }
    expect(refusedAt(await call('case.create', { path: path.join(casesDir, 'notes.txt'), directive }))).toBe(
      "A case file's name must end in .parley; notes.txt does not.",
    );
    expect(refusedAt(await call('case.create', { path: path.join(home, '.bash_profile'), directive }))).toBe(
      "A case file's name must end in .parley; .bash_profile does not.",
    );
    expect(fs.readdirSync(home)).toEqual([]);
    expect(calls).toEqual([]);

    // In the cases folder, and in a folder inside it, they are made.
    fs.mkdirSync(path.join(casesDir, 'team'));
    const made = await call('case.create', { path: path.join(casesDir, 'team', 'order.parley'), directive });
    expect(made.ok).toBe(true);
    const caseId = made.ok ? (made.data as { caseId: string }).caseId : '';

    // The other operations that make a new case file follow the same rule.
    const data = api.call('case.export', { caseId });
    const outside = path.join(home, 'transfer.parley');
    refusedAt(await call('case.exportForTransfer', { caseId, path: outside, passphrase: 'copper lantern orchard' }));
    refusedAt(await call('case.import', { path: path.join(home, 'imported.parley'), data }));
    expect(fs.readdirSync(home)).toEqual([]);
    const sent = await call('case.exportForTransfer', { caseId, path: path.join(casesDir, 'transfer.parley'), passphrase: 'copper lantern orchard' });
    expect(sent.ok).toBe(true);
    expect(fs.existsSync(path.join(casesDir, 'transfer.parley.certificate.json'))).toBe(true);
  });

  it('takes the exact path a save dialog answered, for one call, for a short while', async () => {
    const { api, call, places, later } = await setup();
    const chosen = path.join(api.dir, 'Documents', 'Directive 8.parley');
    fs.mkdirSync(path.dirname(chosen));
    places.grant(chosen);
    expect(refusedAt(await call('case.create', { path: path.join(path.dirname(chosen), 'another.parley'), directive }))).toContain('Parley writes case files only in its cases folder');
    // A call the core refuses writes nothing, so the answer still counts for the next one.
    const invalid = await call('case.create', { path: chosen, directive: { status: 'received' } });
    expect(!invalid.ok && invalid.error.issues?.[0]?.path).toBe('directive.title');
    const made = await call('case.create', { path: chosen, directive });
    expect(made.ok).toBe(true);
    await call('case.close', { caseId: made.ok ? (made.data as { caseId: string }).caseId : '' });
    fs.rmSync(chosen);
    expect(refusedAt(await call('case.create', { path: chosen, directive }))).toContain('Parley writes case files only in its cases folder');
    expect(fs.existsSync(chosen)).toBe(false);

    places.grant(chosen);
    later(GRANT_LIFETIME_MS + 1);
    expect(refusedAt(await call('case.create', { path: chosen, directive }))).toBe(
      `The place chosen in the save dialog (${chosen}) was chosen too long ago to be used now: choose it again.`,
    );
    expect(fs.existsSync(chosen)).toBe(false);
  });

  it('saves a copy (Save a Copy As) as a new file in the cases folder, and replaces a file only where a save dialog answered', async () => {
    const { api, call, places, casesDir } = await setup();
    const made = await call('case.create', { path: path.join(casesDir, 'order.parley'), directive });
    const caseId = made.ok ? (made.data as { caseId: string }).caseId : '';
    const other = testApi();
    const closed = other.call('case.create', { path: path.join(casesDir, 'closed.parley'), directive }).path;
    other.session.closeAll();
    const before = fs.readFileSync(closed);
    expect(refusedAt(await call('case.saveCopy', { caseId, path: closed }))).toBe(
      'closed.parley is already in the cases folder; Parley replaces a file only where you chose to in a save dialog. Choose another name, or use Choose… to replace it.',
    );
    expect(fs.readFileSync(closed).equals(before)).toBe(true);
    refusedAt(await call('case.saveCopy', { caseId, path: path.join(api.dir, 'elsewhere.parley') }));
    refusedAt(await call('case.saveCopy', { caseId, path: path.join(casesDir, 'copy.json') }));
    expect(await call('case.saveCopy', { caseId, path: path.join(casesDir, 'copy.parley') })).toEqual({ ok: true, data: { path: path.join(casesDir, 'copy.parley') } });
    places.grant(closed);
    expect(await call('case.saveCopy', { caseId, path: closed })).toEqual({ ok: true, data: { path: closed } });
    expect(fs.readFileSync(closed).equals(before)).toBe(false);
  });

  it('writes a bundle of changes (changes.export) only as a .parley-changes file in the cases folder or where a save dialog answered', async () => {
    const { api, call, places, casesDir } = await setup();
    const made = await call('case.create', { path: path.join(casesDir, 'order.parley'), directive });
    const caseId = made.ok ? (made.data as { caseId: string }).caseId : '';
    const home = path.join(api.dir, 'home');
    fs.mkdirSync(home);
    expect(refusedAt(await call('changes.export', { caseId, path: path.join(home, 'for-bob.parley-changes') }))).toMatch(/^Parley writes bundles of changes only in its cases folder/);
    expect(refusedAt(await call('changes.export', { caseId, path: path.join(home, '.bash_profile') }))).toBe(
      "A bundle of changes' name must end in .parley-changes; .bash_profile does not.",
    );
    expect(refusedAt(await call('changes.export', { caseId, path: path.join(casesDir, 'for-bob.parley') }))).toBe(
      "A bundle of changes' name must end in .parley-changes; for-bob.parley does not.",
    );
    expect(fs.readdirSync(home)).toEqual([]);
    expect(await call('changes.export', { caseId, path: path.join(casesDir, 'for-bob.parley-changes') })).toMatchObject({ ok: true, data: { path: path.join(casesDir, 'for-bob.parley-changes') } });
    places.grant(path.join(home, 'for-bob.parley-changes'));
    expect(await call('changes.export', { caseId, path: path.join(home, 'for-bob.parley-changes') })).toMatchObject({ ok: true });
    expect(places.listing().changeFiles.map((f) => f.name)).toEqual(['for-bob.parley-changes']);
  });

  it('rewrites in place (encrypt, re-key, decrypt) only a case file in the cases folder or one the library lists', async () => {
    const { call } = await setup();
    const other = testApi();
    const stranger = newCase(other, 'stranger.parley').path;
    other.session.closeAll();
    const before = fs.readFileSync(stranger);
    refusedAt(await call('case.encrypt', { path: stranger, passphrase: 'copper lantern orchard' }));
    expect(fs.readFileSync(stranger).equals(before)).toBe(true);
    // Opened once (reading needs no permission), the library lists it, and it may be encrypted.
    const opened = await call('case.open', { path: stranger });
    await call('case.close', { caseId: opened.ok ? (opened.data as { caseId: string }).caseId : '' });
    expect(await call('case.encrypt', { path: stranger, passphrase: 'copper lantern orchard' })).toEqual({ ok: true, data: { path: stranger, encrypted: true } });
  });

  it('knows every operation of the contract that takes a path: each writes there under these rules, or only reads', () => {
    const takingPath = OPERATION_NAMES.filter((name) => {
      const input = CONTRACT[name].input;
      return input instanceof z.ZodObject && 'path' in input.shape;
    });
    expect(takingPath.sort()).toEqual([...Object.keys(FILE_WRITING_OPERATIONS), ...PATH_READING_OPERATIONS].sort());
  });
});

describe('remembered passphrases', () => {
  const PASSPHRASE = 'copper lantern orchard';

  async function sealedCase() {
    const started = await setup();
    const file = path.join(started.casesDir, 'sealed.parley');
    const made = await started.call('case.create', { path: file, directive, passphrase: PASSPHRASE });
    await started.call('case.close', { caseId: made.ok ? (made.data as { caseId: string }).caseId : '' });
    return { ...started, file };
  }

  it('opens an encrypted case asked for without a passphrase with the one remembered, in the main process', async () => {
    const { call, passphrases, file } = await sealedCase();
    const asked = await call('case.open', { path: file });
    expect(!asked.ok && asked.error.code).toBe('passphrase_required');
    passphrases.kept.set(file, PASSPHRASE);
    const opened = await call('case.open', { path: file });
    expect(opened).toMatchObject({ ok: true, data: { path: file, encrypted: true } });
    // Nothing in the answer is the passphrase.
    expect(JSON.stringify(opened)).not.toContain(PASSPHRASE);
    await call('case.close', { caseId: opened.ok ? (opened.data as { caseId: string }).caseId : '' });
    expect(await call('case.openForReview', { path: file })).toMatchObject({ ok: true, data: { review: true } });
  });

  it('forgets a remembered passphrase that no longer opens the file, and answers as if there was none', async () => {
    const { call, passphrases, file } = await sealedCase();
    passphrases.kept.set(file, 'an old passphrase');
    const asked = await call('case.open', { path: file });
    expect(!asked.ok && asked.error.code).toBe('passphrase_required');
    expect(passphrases.kept.has(file)).toBe(false);
  });

  it('leaves a typed passphrase and a plain file alone', async () => {
    const { call, passphrases, file, casesDir } = await sealedCase();
    passphrases.kept.set(file, PASSPHRASE);
    const typed = await call('case.open', { path: file, passphrase: 'mistyped lantern' });
    expect(!typed.ok && typed.error.code).toBe('wrong_passphrase');
    const plain = path.join(casesDir, 'plain.parley');
    await call('case.create', { path: plain, directive });
    expect((await call('case.open', { path: plain })).ok).toBe(true);
    expect(passphrases.recalled).toEqual([]);
    expect(passphrases.kept.get(file)).toBe(PASSPHRASE);
  });
});

describe('the desktop channel', () => {
  async function desktopSetup() {
    const window = await ourWindow();
    const ipcMain = new FakeIpcMain();
    const received: [string, unknown][] = [];
    const handlers: DesktopRequestHandlers = {
      setDirty: (dirty) => received.push(['setDirty', dirty]),
      setActiveCase: (caseId) => received.push(['setActiveCase', caseId]),
      chooseNewCaseFile: (name) => (received.push(['chooseNewCaseFile', name]), '/cases/new.parley'),
      chooseCaseFileToOpen: () => (received.push(['chooseCaseFileToOpen', undefined]), null),
      chooseChangesFileToOpen: () => (received.push(['chooseChangesFileToOpen', undefined]), '/cases/from-bob.parley-changes'),
      chooseChangesFileToSave: (name) => (received.push(['chooseChangesFileToSave', name]), null),
      listeningForFiles: () => received.push(['listeningForFiles', undefined]),
      saveExportedFile: (file) => (received.push(['saveExportedFile', file]), { ok: true, path: `/exports/${file.fileName}` }),
      caseFolder: () => ({ folder: '/data/cases', separator: '/', files: [], changeFiles: [] }),
      passphraseStoreAvailability: () => ({ available: true }),
      isPassphraseRemembered: (file) => (received.push(['isPassphraseRemembered', file]), true),
      rememberPassphrase: (request) => received.push(['rememberPassphrase', request]),
      forgetPassphrase: (file) => received.push(['forgetPassphrase', file]),
    };
    registerDesktopIpc(ipcMain, trustedSenderCheck(() => [window]), handlers);
    const send = (name: unknown, argument?: unknown, frame: FakeFrame | null = window.webContents.mainFrame) =>
      ipcMain.invoke(DESKTOP_REQUEST_CHANNEL, frame, name, argument);
    return { window, received, send };
  }

  it('passes valid requests to their handlers and returns their answers', async () => {
    const { received, send } = await desktopSetup();
    await send('setDirty', true);
    await send('setActiveCase', '0b9f3c1e-8d4a-4c57-9a43-2d1f0e6b7a10');
    await send('setActiveCase', null);
    expect(await send('chooseNewCaseFile', 'Directive 2025/12')).toBe('/cases/new.parley');
    expect(await send('chooseCaseFileToOpen')).toBeNull();
    expect(await send('chooseChangesFileToOpen')).toBe('/cases/from-bob.parley-changes');
    expect(await send('chooseChangesFileToSave', 'Directive 2025/12 changes')).toBeNull();
    await send('listeningForFiles');
    expect(received).toEqual([
      ['setDirty', true],
      ['setActiveCase', '0b9f3c1e-8d4a-4c57-9a43-2d1f0e6b7a10'],
      ['setActiveCase', null],
      ['chooseNewCaseFile', 'Directive 2025/12'],
      ['chooseCaseFileToOpen', undefined],
      ['chooseChangesFileToOpen', undefined],
      ['chooseChangesFileToSave', 'Directive 2025/12 changes'],
      ['listeningForFiles', undefined],
    ]);
  });

  it('refuses unknown requests and invalid arguments before any handler runs', async () => {
    const { received, send } = await desktopSetup();
    await expect(send('openDevTools')).rejects.toThrow(/no desktop request/);
    await expect(send('hasOwnProperty')).rejects.toThrow(/no desktop request/);
    await expect(send('setDirty', 'yes')).rejects.toThrow(/Invalid argument/);
    await expect(send('setActiveCase', '../../etc')).rejects.toThrow(/Invalid argument/);
    await expect(send('rememberPassphrase', { path: '/cases/a.parley', passphrase: '' })).rejects.toThrow(/Invalid argument/);
    await expect(send('rememberPassphrase', { path: '/cases/a.parley', passphrase: 'x', extra: 1 })).rejects.toThrow(/Invalid argument/);
    await expect(send('chooseNewCaseFile', 'x'.repeat(300))).rejects.toThrow(/Invalid argument/);
    await expect(send('chooseCaseFileToOpen', { sneaky: true })).rejects.toThrow(/Invalid argument/);
    await expect(send('chooseChangesFileToSave', 'x'.repeat(300))).rejects.toThrow(/Invalid argument/);
    expect(received).toEqual([]);
  });

  it('says whether a passphrase is remembered, and has no request that gives one back', async () => {
    const { received, send } = await desktopSetup();
    expect(await send('isPassphraseRemembered', '/cases/sealed.parley')).toBe(true);
    for (const asking of ['recallPassphrase', 'passphrase', 'getPassphrase']) {
      await expect(send(asking, '/cases/sealed.parley')).rejects.toThrow(/no desktop request/);
    }
    expect(received).toEqual([['isPassphraseRemembered', '/cases/sealed.parley']]);
  });

  it('passes an exported file to be saved only if it is one: an export name, base64 bytes, nothing more', async () => {
    const { received, send } = await desktopSetup();
    const file = { fileName: 'meeting-brief-terms-2026-12-03.docx', mediaType: 'application/octet-stream', dataBase64: 'UEsDBA==' };
    expect(await send('saveExportedFile', file)).toEqual({ ok: true, path: '/exports/meeting-brief-terms-2026-12-03.docx' });
    for (const bad of [
      { ...file, fileName: 'payload.exe' },
      { ...file, fileName: 'brief.pdf.sh' },
      { ...file, fileName: '' },
      { ...file, fileName: `${'x'.repeat(300)}.pdf` },
      { ...file, dataBase64: 'not base64!' },
      { ...file, path: '/etc/passwd' },
      { fileName: 'brief.pdf' },
      'brief.pdf',
    ]) {
      await expect(send('saveExportedFile', bad), JSON.stringify(bad).slice(0, 80)).rejects.toThrow(/Invalid argument/);
    }
    expect(received).toEqual([['saveExportedFile', file]]);
  });

  it('refuses foreign senders', async () => {
    const { received, send } = await desktopSetup();
    await expect(send('setDirty', true, new FakeFrame('parley-app://app/index.html'))).rejects.toThrow(RefusedSenderError);
    await expect(send('setDirty', true, null)).rejects.toThrow(RefusedSenderError);
    expect(received).toEqual([]);
  });
});
