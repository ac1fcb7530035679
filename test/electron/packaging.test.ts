// electron-builder.yml, read by electron-builder's own loader and checked against its own schema (packaging itself
// needs the Electron download and cannot run here), then the settings Parley relies on.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../electron/main/shell.js';

// app-builder-lib is electron-builder's own library; resolved from electron-builder, as electron-builder does.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const ROOT = path.resolve(import.meta.dirname, '../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really checked by that schema', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), npmRebuild: 'no' } as never, new DebugLogger(false))).rejects.toThrow();
  });

  it('names the app', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('Parley');
  });

  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS', () => {
    const targets = (t: unknown) => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : (x as { target: string }).target));
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
  });

  it('associates .parley files, with icons that exist', () => {
    const associations = Array.isArray(config.fileAssociations) ? config.fileAssociations : [config.fileAssociations!];
    expect(associations).toEqual([expect.objectContaining({ ext: 'parley', mimeType: 'application/x-parley', icon: 'parley-file' })]);
    const buildResources = path.join(ROOT, config.directories!.buildResources!);
    for (const icon of ['parley-file.icns', 'parley-file.ico', 'icon.png']) expect(fs.existsSync(path.join(buildResources, icon)), icon).toBe(true);
    expect(fs.readFileSync(path.join(buildResources, 'parley-file.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
  });

  it('packs the built app and the Electron driver, unpacking native modules from the archive', () => {
    const files = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', 'dist/native/electron/**/*']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('never rebuilds native modules (the Node build in node_modules stays as it is)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('sets the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points at the main process that scripts/build.mjs writes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    // Installing and testing must never rebuild the driver for Electron.
    for (const script of ['prepare', 'install', 'postinstall', 'test', 'pretest']) {
      expect(pkg.scripts[script] ?? '', script).not.toMatch(/electron-rebuild|@electron\/rebuild|install-app-deps|build-electron-driver/);
    }
  });
});
