// Builds the SQLite driver (better-sqlite3-multiple-ciphers) for Electron's ABI into dist/native/electron, where
// the app loads it through the driver's `nativeBinding` option. The work happens in a temporary copy of the
// driver's sources: the Node build in node_modules (used by the tests and the command line) is never touched.
// It needs the network (a prebuilt binary from the driver's releases, or Electron's headers to compile), so it runs
// from `npm start` and packaging only, never from `npm install` or `npm test`.
//
//   node scripts/build-electron-driver.mjs [--platform linux|darwin|win32] [--arch x64|arm64]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DRIVER_PACKAGE = 'better-sqlite3-multiple-ciphers';
export const DRIVER_SOURCE_DIR = path.join(ROOT, 'node_modules', DRIVER_PACKAGE);
export const OUTPUT_DIR = path.join(ROOT, 'dist', 'native', 'electron');
export const DRIVER_FILE = 'better_sqlite3.node';
const STAMP_FILE = 'build-info.json';
/** Where node-gyp keeps Electron's headers, apart from its cache of Node's. */
const HEADERS_DIR = path.join(os.homedir(), '.cache', 'parley', 'electron-gyp');

/** What a build is for; an existing build for the same is reused. */
export function buildTarget({ platform = process.platform, arch = process.arch } = {}) {
  const driverVersion = JSON.parse(fs.readFileSync(path.join(DRIVER_SOURCE_DIR, 'package.json'), 'utf8')).version;
  return { electron: electronVersion(), driver: driverVersion, platform, arch };
}

export function isUpToDate(outputDir, target) {
  try {
    const built = JSON.parse(fs.readFileSync(path.join(outputDir, STAMP_FILE), 'utf8'));
    return fs.existsSync(path.join(outputDir, DRIVER_FILE)) && JSON.stringify(built) === JSON.stringify(target);
  } catch {
    return false;
  }
}

/** Copies the driver's sources without its build folder (the Node binary) or anything installed inside it. */
export function copyDriverSources(from, to) {
  const skipped = new Set(['build', 'node_modules', 'prebuilds'].map((name) => path.join(from, name)));
  fs.cpSync(from, to, { recursive: true, filter: (source) => !skipped.has(source) });
}

function run(command, args, cwd, env) {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  return result.status === 0;
}

/** Downloads the driver's prebuilt Electron binary, or compiles it against Electron's headers. */
function buildIn(workDir, target) {
  const env = { ...process.env, npm_config_build_from_source: '', npm_config_runtime: 'electron' };
  const prebuilt = run(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', target.electron, '--platform', target.platform, '--arch', target.arch],
    workDir,
    env,
  );
  if (prebuilt) return;
  if (target.platform !== process.platform) throw new Error(`No prebuilt driver for ${target.platform}, and it cannot be compiled here.`);
  console.log(`No prebuilt driver for Electron ${target.electron}; compiling it (about two minutes).`);
  const compiled = run(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${target.electron}`, `--arch=${target.arch}`,
      '--dist-url=https://electronjs.org/headers', `--devdir=${HEADERS_DIR}`,
    ],
    workDir,
    env,
  );
  if (!compiled) throw new Error('Compiling the driver for Electron failed (see the output above).');
}

/** Builds the driver for Electron unless an up-to-date build exists; returns the binary's path. */
export function buildElectronDriver(options = {}) {
  const target = buildTarget(options);
  const outputDir = options.outputDir ?? OUTPUT_DIR;
  const output = path.join(outputDir, DRIVER_FILE);
  if (isUpToDate(outputDir, target)) return output;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-electron-driver-'));
  try {
    copyDriverSources(DRIVER_SOURCE_DIR, workDir);
    buildIn(workDir, target);
    fs.mkdirSync(outputDir, { recursive: true });
    // Copied under a temporary name and renamed, so an interrupted build never leaves half a binary to load.
    const partial = `${output}.partial`;
    fs.copyFileSync(path.join(workDir, 'build', 'Release', DRIVER_FILE), partial);
    fs.renameSync(partial, output);
    fs.writeFileSync(path.join(outputDir, STAMP_FILE), `${JSON.stringify(target, null, 2)}\n`);
    return output;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function optionValue(args, name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  try {
    const output = buildElectronDriver({ platform: optionValue(args, '--platform'), arch: optionValue(args, '--arch') });
    console.log(`The Electron build of the database driver is at ${path.relative(ROOT, output)}.`);
  } catch (err) {
    console.error(`The database driver could not be built for Electron: ${err.message}`);
    process.exit(1);
  }
}
