// Choosing the Electron build of the SQLite driver.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseDatabase, setNativeBinding } from '../../electron/core/db/connection.js';
import { ELECTRON_DRIVER_RELATIVE_PATH, electronDriverPath, useElectronDriver } from '../../electron/main/native-driver.js';
import { tempDir } from '../helpers.js';

describe('the Electron build of the driver', () => {
  it('lies in dist/native/electron while developing', () => {
    expect(electronDriverPath('/src/parley')).toBe(path.join('/src/parley', 'dist', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('lies in app.asar.unpacked inside a package, where native modules can be loaded', () => {
    expect(electronDriverPath('/opt/Parley/resources/app.asar')).toBe(
      path.join('/opt/Parley/resources/app.asar.unpacked', 'dist', 'native', 'electron', 'better_sqlite3.node'),
    );
    expect(electronDriverPath('/Users/x/app.asarx/app')).toBe(path.join('/Users/x/app.asarx/app', ELECTRON_DRIVER_RELATIVE_PATH));
  });

  it('is handed to the core when it exists', () => {
    const appPath = tempDir();
    const file = path.join(appPath, ELECTRON_DRIVER_RELATIVE_PATH);
    const chosen: string[] = [];
    expect(useElectronDriver(appPath, (f) => chosen.push(f))).toEqual({ state: 'missing', file });
    expect(chosen).toEqual([]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    expect(useElectronDriver(appPath, (f) => chosen.push(f))).toEqual({ state: 'electron-build', file });
    expect(chosen).toEqual([file]);
  });

  it('is loaded by every connection the core opens once chosen', () => {
    // The default hook is the core's own: choosing a path that does not exist makes the next open fail, which
    // shows the option reaches the driver; choosing none again restores the Node build.
    const appPath = tempDir();
    const file = path.join(appPath, ELECTRON_DRIVER_RELATIVE_PATH);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not a native module');
    expect(useElectronDriver(appPath)).toEqual({ state: 'electron-build', file });
    try {
      expect(() => openCaseDatabase(path.join(appPath, 'x.parley'))).toThrow();
    } finally {
      setNativeBinding(undefined);
    }
  });
});
