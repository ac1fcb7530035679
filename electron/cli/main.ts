// The `parley` executable (bundled to dist/cli/parley.cjs, started by bin/parley.cjs).
import fs from 'node:fs';
import { CliError } from './errors.js';
import { runCli } from './run.js';

// A reader that stops early (`parley export x.parley | head`) is not a failure of ours: end quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

// Everything a command does runs synchronously, so a signal handled here is handled between steps, never in the
// middle of one: an encrypt, decrypt or import that has begun finishes (or fails and removes its temporary copy)
// before the run ends. Without a handler, Ctrl-C would end the process at once and could leave a decrypt's
// plaintext copy beside the still-encrypted file until the folder is next opened.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    process.stderr.write(`parley: interrupted (${signal}); what had begun was finished or undone first\n`);
    process.exit(code);
  });
}

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  readSecret,
  stdoutIsTty: !!process.stdout.isTTY,
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
