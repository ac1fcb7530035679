// The SQLite driver is a native module, built once for Node (node_modules, used by the tests and the command line)
// and once for Electron's ABI (scripts/build-electron-driver.mjs writes it to dist/native/electron). The app tells
// the core's connection module to load the Electron build; the Node build in node_modules is never touched.
import fs from 'node:fs';
import path from 'node:path';
import { setNativeBinding as coreSetNativeBinding } from '../core/db/connection.js';

/** Where scripts/build-electron-driver.mjs puts the driver built for Electron, relative to the app's folder. */
export const ELECTRON_DRIVER_RELATIVE_PATH = path.join('dist', 'native', 'electron', 'better_sqlite3.node');

/**
 * The driver's path for an app folder. Inside a package the app folder is app.asar, but native modules cannot be
 * loaded from an archive: electron-builder unpacks them (asarUnpack) into app.asar.unpacked beside it.
 */
export function electronDriverPath(appPath: string): string {
  const unpacked = appPath.replace(/app\.asar(?=$|[\\/])/, 'app.asar.unpacked');
  return path.join(unpacked, ELECTRON_DRIVER_RELATIVE_PATH);
}

type SetNativeBinding = (file: string) => void;

export type DriverChoice =
  | { state: 'electron-build'; file: string }
  | { state: 'missing'; file: string };

/** Points the core at the Electron build of the driver, and says what happened so the caller can explain a failure. */
export function useElectronDriver(appPath: string, setNativeBinding: SetNativeBinding = coreSetNativeBinding): DriverChoice {
  const file = electronDriverPath(appPath);
  if (!fs.existsSync(file)) return { state: 'missing', file };
  setNativeBinding(file);
  return { state: 'electron-build', file };
}
