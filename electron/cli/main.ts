// The `parley` executable (bundled to dist/cli/parley.cjs, started by bin/parley.cjs).
import fs from 'node:fs';
import { runCli } from './run.js';

// A reader that stops early (`parley export x.parley | head`) is not a failure of ours: end quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  stdoutIsTty: !!process.stdout.isTTY,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
