// Stopping a run on a signal (Ctrl-C, SIGTERM, a terminal closed under it) without leaving anything behind.
//
// main.ts's handlers only note the signal (requestStop). The run then stops at its next checkpoint: the command
// throws Stopped there, and everything it opened is closed the way it always is (each case file through its own
// close, the run's session, its throwaway library folder), so no -wal, -shm or temporary file is left. Everything
// a command does between two checkpoints runs synchronously, and a signal is handled only between such steps: a
// step under way (an import, an encrypt or decrypt, a file being written) always finishes or is undone by its own
// error handling first. Commands that work through several files check between files.
import { Stopped, type StopSignal } from './errors.js';

let requested: StopSignal | null = null;

/** Notes a signal; the first one decides how the run ends. */
export function requestStop(signal: StopSignal): void {
  requested ??= signal;
}

/** The signal that asked the run to stop, if one came; null otherwise. */
export async function stopSignal(): Promise<StopSignal | null> {
  await signalsHandled();
  return requested;
}

/** Throws Stopped if a signal has asked the run to stop; otherwise lets the run go on. */
export async function checkpoint(): Promise<void> {
  if ((await stopSignal()) !== null) throw new Stopped(requested!);
}

/**
 * Lets Node handle a signal that came while synchronous work ran: its handler runs in the event loop's poll phase,
 * which comes before the setImmediate callbacks, so by the time this resolves any pending signal has been noted.
 */
function signalsHandled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
