// The `parley` executable (bundled to dist/cli/parley.cjs, started by bin/parley.cjs).
import fs from 'node:fs';
import { runCli } from './run.js';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  stdoutIsTty: !!process.stdout.isTTY,
  env: process.env,
});
