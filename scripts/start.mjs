// `npm start`: builds the app, makes sure the database driver is built for Electron, and runs the desktop app.
// Where the Electron binary was never downloaded (an offline install), it says so in one sentence and stops,
// without touching node_modules.
//
//   node scripts/start.mjs [--no-build] [case files to open...]
//   --no-build  skip `npm run build` (when dist/ is already current)
import { spawn, spawnSync } from 'node:child_process';
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

const electron = findElectronBinary();
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
