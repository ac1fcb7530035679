// `npm start` where the Electron binary was never downloaded: one sentence, a non-zero exit, node_modules untouched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_MISSING_MESSAGE, ELECTRON_PACKAGE_DIR, findElectronBinary } from '../../scripts/electron-binary.mjs';
import { copyDriverSources, isUpToDate } from '../../scripts/build-electron-driver.mjs';
import { tempDir } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const hasElectron = findElectronBinary() !== null;

/** A listing of a folder with sizes and modification times, to show nothing in it changed. */
function snapshot(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
    const file = path.join(e.parentPath, e.name);
    const stat = fs.statSync(file);
    return `${path.relative(dir, file)} ${stat.size} ${stat.mtimeMs}`;
  }).sort();
}

describe('finding the Electron binary', () => {
  it('is null when path.txt is missing, or names a file that is not there', () => {
    const dir = tempDir();
    expect(findElectronBinary(dir, {})).toBeNull();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeNull();
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'elsewhere') })).toBeNull();
  });
});

describe('scripts/start.mjs', () => {
  it.skipIf(hasElectron)('says in one sentence that the desktop shell is not installed, and stops without touching node_modules', () => {
    const driverDir = path.join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers');
    const before = { electron: snapshot(ELECTRON_PACKAGE_DIR), driver: snapshot(path.join(driverDir, 'build', 'Release')) };
    const result = spawnSync(process.execPath, ['scripts/start.mjs', '--no-build'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).not.toBe(0);
    // It tried to fetch the binary first (which fails offline, as here, within seconds).
    expect(result.stdout.trim()).toBe('Downloading the Electron desktop shell (first start only)...');
    expect(result.stderr.trim()).toBe(ELECTRON_MISSING_MESSAGE);
    expect(ELECTRON_MISSING_MESSAGE.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(ELECTRON_MISSING_MESSAGE).toMatch(/npm run web/);
    expect({ electron: snapshot(ELECTRON_PACKAGE_DIR), driver: snapshot(path.join(driverDir, 'build', 'Release')) }).toEqual(before);
  });
});

describe('scripts/build-electron-driver.mjs', () => {
  it('builds from a copy of the driver without its Node build', () => {
    const from = tempDir();
    for (const dir of ['src', 'deps', 'lib', 'build/Release', 'node_modules/x']) fs.mkdirSync(path.join(from, dir), { recursive: true });
    fs.writeFileSync(path.join(from, 'binding.gyp'), '{}');
    fs.writeFileSync(path.join(from, 'src', 'addon.cpp'), '');
    fs.writeFileSync(path.join(from, 'build', 'Release', 'better_sqlite3.node'), 'node build');
    const to = path.join(tempDir(), 'copy');
    copyDriverSources(from, to);
    expect(fs.readdirSync(to).sort()).toEqual(['binding.gyp', 'deps', 'lib', 'src']);
    expect(fs.readFileSync(path.join(from, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node build');
  });
});

describe('an existing Electron build of the driver', () => {
  it('is reused only if it was made for the same Electron, driver, platform and architecture', () => {
    const out = tempDir();
    const target = { electron: '45.5.0', driver: '12.11.1', platform: 'linux', arch: 'x64' };
    expect(isUpToDate(out, target)).toBe(false);
    fs.writeFileSync(path.join(out, 'better_sqlite3.node'), '');
    fs.writeFileSync(path.join(out, 'build-info.json'), JSON.stringify(target));
    expect(isUpToDate(out, target)).toBe(true);
    expect(isUpToDate(out, { ...target, electron: '46.0.0' })).toBe(false);
    fs.rmSync(path.join(out, 'better_sqlite3.node'));
    expect(isUpToDate(out, target)).toBe(false);
  });
});
