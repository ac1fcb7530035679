// How a run of `parley` ends: exit codes a script can branch on, and the errors that carry them.

export const EXIT = {
  /** The command did what was asked (for verify: every check passed). */
  ok: 0,
  /** The command ran but the answer is no: the core refused the change, or verify found problems. */
  failed: 1,
  /** The command line itself is wrong: unknown command or option, missing argument, bad option value. */
  usage: 2,
  /** A file named on the command line could not be opened: missing, not a case file, newer, unreadable. */
  cannotOpen: 3,
} as const;
/** A run stopped by a signal ends as shells report a process the signal ended: 128 + the signal's number. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT] | (typeof SIGNAL_EXIT)[StopSignal];

/** An error to report as one line on stderr, ending the run with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line is wrong; `command` names the command whose help explains it. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** The run was stopped by a signal at a point where nothing was under way (see stop.ts). */
export class Stopped extends CliError {
  constructor(readonly signal: StopSignal) {
    super(`stopped (${signal}): nothing after the last saved change was written, and every file this run opened was closed`, SIGNAL_EXIT[signal]);
    this.name = 'Stopped';
  }
}
