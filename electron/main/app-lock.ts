// Locking Parley from the desktop side. The renderer does the locking itself (it closes every case through
// session.lock, empties its stores and draws only the lock screen) and watches for idleness in its window; the
// shell adds what only it can see: the File menu's Lock Parley, and the operating system's signs that the user
// has gone (the screen locked, the machine going to sleep with a laptop lid closed in a hurry).
import type { PowerMonitorLike } from './electron-api.js';

/** powerMonitor events after which a case must not be readable without unlocking Parley again. */
export const SYSTEM_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

/** Calls `lock` whenever the operating system locks the screen or suspends. */
export function lockWhenSystemLocks(powerMonitor: PowerMonitorLike, lock: () => void): void {
  for (const event of SYSTEM_LOCK_EVENTS) powerMonitor.on(event, lock);
}
