// `npm start`: builds the app, makes sure the database driver is built for Electron, and runs the desktop app.
// Where the Electron binary is missing it fetches it once; where that cannot be done (an offline machine), it says
// so in one sentence and stops, without touching node_modules.
//
//   node scripts/start.mjs [--no-build] [case files to open...]
//   --no-build  skip `npm run build` (when dist/ is already current)
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectronDriver } from './build-electron-driver.mjs';
import { ELECTRON_MISSING_MESSAGE, findElectronBinary } from './electron-binary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const forwarded = args.filter((arg) => arg !== '--no-build');

function buildApp() {
  // Under `npm start`, npm says where it lives; otherwise `npm` is found on the PATH (npm.cmd needs a shell on Windows).
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

if (!skipBuild) {
  const status = buildApp();
  if (status !== 0) process.exit(status);
}

/**
 * Electron's package no longer downloads its binary on `npm install`; its own installer does, once. A first start
 * runs it, so that `npm install && npm start` is all a connected machine needs. Offline it fails within seconds and
 * leaves node_modules as it was (it writes only after a verified download).
 */
function fetchElectronBinary() {
  console.log('Downloading the Electron desktop shell (first start only)...');
  const installer = path.join(ROOT, 'node_modules', 'electron', 'install.js');
  spawnSync(process.execPath, [installer], { cwd: ROOT, stdio: 'ignore', timeout: 600_000 });
}

let electron = findElectronBinary();
if (!electron && !process.env.PARLEY_NO_DOWNLOAD) {
  fetchElectronBinary();
  electron = findElectronBinary();
}
if (!electron) {
  console.error(ELECTRON_MISSING_MESSAGE);
  process.exit(1);
}

try {
  buildElectronDriver();
} catch (err) {
  console.error(`The database driver could not be built for Electron (${err.message}); the desktop app cannot start without it.`);
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE, if set in the developer's shell, would make Electron a plain Node and not start the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, ['.', ...forwarded], { cwd: ROOT, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
