// Where the Electron binary is, found the way node_modules/electron/index.js finds it but without its side effect:
// requiring that module starts a download when the binary is missing, and there may be no network.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ELECTRON_PACKAGE_DIR = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));

/** The Electron executable's path, or null when the binary has not been downloaded. */
export function findElectronBinary(packageDir = ELECTRON_PACKAGE_DIR, env = process.env) {
  let relative;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null; // path.txt is written only after a successful download
  }
  if (!relative) return null;
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(packageDir, 'dist', relative);
  return fs.existsSync(executable) ? executable : null;
}

/** The installed Electron's version (what its native modules must be built against). */
export function electronVersion(packageDir = ELECTRON_PACKAGE_DIR) {
  return JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
}

/**
 * Said when the binary is missing: one sentence with what to do. Electron 45's package has no install script, so
 * `npm install` alone never fetches the binary: its own `install-electron` command does.
 */
export const ELECTRON_MISSING_MESSAGE =
  "Parley's desktop shell could not be installed because the Electron binary cannot be downloaded from this machine: run `npm start` again where there is internet access, or run `npm run web` to use the full app in a browser.";
