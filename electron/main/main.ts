// The Electron main process: hands the real Electron module to the shell, which does the rest (see shell.ts).
import * as electron from 'electron';
import { startParley } from './shell.js';

startParley(electron, {
  argv: process.argv,
  workingDirectory: process.cwd(),
  platform: process.platform,
  // This file is bundled to dist/electron/main.cjs; the preload and the renderer are found from there.
  bundleDir: __dirname,
});
