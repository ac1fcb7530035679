// The real desktop app, launched with Playwright's _electron: where the Electron binary exists. Here (an offline
// install, no binary) the test is skipped and says why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/contract.js';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { newCase, tempDir, testApi } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const electronBinary = findElectronBinary();
const SKIP_REASON = 'skipped: the Electron binary is absent (run `npx install-electron` on a machine with internet access)';
if (!electronBinary) console.warn(`[parley] launch.e2e.test.ts ${SKIP_REASON}`);

describe('the desktop app, launched', () => {
  it.skipIf(!electronBinary)(`starts hardened, exposes only named functions, answers IPC and opens a file${electronBinary ? '' : ` (${SKIP_REASON})`}`, async () => {
    const { buildElectronDriver } = await import('../../scripts/build-electron-driver.mjs');
    buildElectronDriver();
    expect(fs.existsSync(path.join(ROOT, 'dist', 'electron', 'main.cjs'))).toBe(true);

    const api = testApi();
    const caseFile = newCase(api, 'launched.parley').path;
    api.session.closeAll();
    const userData = tempDir('parley-e2e-data-');

    const { _electron } = await import('@playwright/test');
    const app = await _electron.launch({ executablePath: electronBinary!, args: [ROOT, `--user-data-dir=${userData}`], cwd: ROOT });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('parley-app://app/index.html');

      // One window; the settings it was made with are asserted in security.test.ts (Electron 45 cannot report them).
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

      const exposed = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        parley: Object.keys((window as unknown as { parley: object }).parley).sort(),
        desktop: Object.keys((window as unknown as { parleyDesktop: object }).parleyDesktop).sort(),
      }));
      expect(exposed).toEqual({
        require: 'undefined',
        process: 'undefined',
        parley: [...OPERATION_NAMES].sort(),
        desktop: [
          'caseFolder', 'chooseCaseFileToOpen', 'chooseChangesFileToOpen', 'chooseChangesFileToSave', 'chooseNewCaseFile', 'forgetPassphrase', 'isPassphraseRemembered', 'onMenuCommand', 'onOpenFile',
          'passphraseStoreAvailability', 'rememberPassphrase', 'saveExportedFile', 'setActiveCase', 'setDirty',
        ],
      });

      const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
      expect(csp).toContain("default-src 'none'");
      const external = await page.evaluate(async () => fetch('https://example.com/').then(() => 'reached', () => 'blocked'));
      expect(external).toBe('blocked');

      // A file from the file manager: the page hears of it and opens it through the bridge.
      await page.evaluate(() => {
        const w = window as unknown as { parleyDesktop: { onOpenFile(cb: (p: string) => void): void }; opened: Promise<string> };
        w.opened = new Promise((resolve) => w.parleyDesktop.onOpenFile(resolve));
      });
      await app.evaluate(({ app: electronApp }, file) => electronApp.emit('open-file', { preventDefault() {} }, file), caseFile);
      const opened = await page.evaluate(async () => {
        const w = window as unknown as { opened: Promise<string>; parley: Record<string, (input: unknown) => Promise<unknown>> };
        const file = await w.opened;
        return w.parley['case.open']!({ path: file });
      });
      expect(opened).toMatchObject({ ok: true, data: { path: caseFile } });
      expect(fs.existsSync(path.join(userData, 'library.json'))).toBe(true);
    } finally {
      await app.close();
    }
  }, 180_000);
});
