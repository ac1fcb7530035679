// main.ts hands the Electron module to the shell. Electron's module is replaced at its boundary by the fake.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fake-electron.js';

const dataDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  return mkdtempSync(`${tmpdir()}/parley-main-`);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

vi.mock('electron', async () => {
  const { fakeElectron } = await import('./fake-electron.js');
  return fakeElectron({ userData: path.join(dataDir, 'userData'), appPath: dataDir });
});

describe('main.ts', () => {
  it('starts the shell with the real process arguments and its own folder as the bundle folder', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const electron = (await import('electron')) as unknown as FakeElectron;
    await import('../../electron/main/main.js');
    expect(electron.log).toEqual(['registerSchemesAsPrivileged', 'requestSingleInstanceLock']);
    await electron.app.becomeReady();
    const { FakeBrowserWindow } = await import('./fake-electron.js');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences?.preload).toBe(path.resolve('electron/main/preload.cjs'));
    expect(fs.existsSync(path.join(dataDir, 'userData'))).toBe(true);
  });
});
