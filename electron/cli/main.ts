// The `parley` executable (bundled to dist/cli/parley.cjs, started by bin/parley.cjs).
import fs from 'node:fs';
import { CliError, SIGNAL_EXIT } from './errors.js';
import { runCli } from './run.js';
import { requestStop } from './stop.js';

// A reader that stops early (`parley export x.parley | head`) is not a failure of ours: end quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

// A signal asks the run to stop (stop.ts): the command stops at its next checkpoint, closing what it opened the way
// it always does, and the run ends with 128 + the signal's number and a line saying what was and was not done. A
// second signal, for a run that does not get to a checkpoint (a document still being printed), ends it at once.
let stopAsked = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopAsked) {
      process.stderr.write(`parley: stopped at once (${signal} again): what was under way was cut short, and files it had open were not closed\n`);
      process.exit(SIGNAL_EXIT[signal]);
    }
    stopAsked = true;
    requestStop(signal);
  });
}

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  readSecret,
  stdoutIsTty: !!process.stdout.isTTY,
  stderrIsTty: !!process.stderr.isTTY,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});

/**
 * Reads a line from the terminal with echo off (raw mode), so a passphrase never shows on screen or in a terminal
 * log. Backspace deletes; Ctrl-C cancels the run. Synchronous, like everything else the command line does.
 */
function readSecret(prompt: string): string | null {
  if (!process.stdin.isTTY) return null;
  process.stderr.write(prompt);
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  process.stdin.setRawMode(true);
  try {
    for (;;) {
      const n = readByteWaiting(one);
      const c = one[0]!;
      if (n === 0 || c === 0x0d || c === 0x0a || c === 0x04) break; // Enter, or end of input
      if (c === 0x03) throw new CliError('cancelled; nothing was changed'); // Ctrl-C
      if (c === 0x7f || c === 0x08) {
        // Backspace: drop one character, that is its UTF-8 continuation bytes and the byte that starts it.
        while (bytes.length && (bytes.pop()! & 0xc0) === 0x80);
        continue;
      }
      bytes.push(c);
    }
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stderr.write('\n');
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Node puts a terminal's stdin in non-blocking mode: a read with nothing typed yet says EAGAIN; wait and retry. */
function readByteWaiting(into: Buffer): number {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return fs.readSync(0, into, 0, 1, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}
