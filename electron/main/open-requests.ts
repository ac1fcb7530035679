// Case files asked for from outside the window: on the command line, by a second launch (single instance), or by
// macOS "open-file", which may all arrive before the renderer listens. The relay keeps them until it does.
import path from 'node:path';
import { CASE_FILE_EXTENSION } from '../core/db/connection.js';

/** The case files named on a command line, as absolute paths (switches and other arguments are ignored). */
export function caseFilesInArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(CASE_FILE_EXTENSION))
    .map((arg) => path.resolve(workingDirectory, arg));
}

/**
 * The data folder named by `--user-data-dir=<folder>` (Chromium's switch, which Electron does not apply to
 * app.getPath('userData') by itself), for a portable copy or an isolated test run; null when not given.
 */
export function userDataDirInArgv(argv: readonly string[], workingDirectory: string): string | null {
  const prefix = '--user-data-dir=';
  const value = argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  return value ? path.resolve(workingDirectory, value) : null;
}

/** Delivers paths to the renderer once it has said it listens; before that, and across reloads, it keeps them. */
export class OpenFileRelay {
  private readonly waiting: string[] = [];
  private listening = false;

  constructor(private readonly deliver: (file: string) => void) {}

  request(file: string): void {
    if (this.listening) this.deliver(file);
    else if (!this.waiting.includes(file)) this.waiting.push(file);
  }

  /** The renderer subscribed to onOpenFile. */
  rendererListening(): void {
    this.listening = true;
    for (const file of this.waiting.splice(0)) this.deliver(file);
  }

  /** The page is (re)loading: its subscription is gone until it subscribes again. */
  rendererGone(): void {
    this.listening = false;
  }
}
