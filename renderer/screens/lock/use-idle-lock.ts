// Locks the app after the time chosen in Settings without keyboard, pointer or touch use in the window. Activity only stamps a
// time (pointer moves come often); a timer compares it now and then.
import { useEffect } from 'react';
import { lockApp, useAppLock } from '../../state/app-lock.js';
import { useSettings } from '../../state/profile.js';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the idle time is compared with the limit; the lock comes at most this late. */
const CHECK_EVERY_MS = 15_000;

export function useIdleLock(): void {
  const minutes = useSettings().lockAfterMinutes;
  const locked = useAppLock((s) => s.locked);
  useEffect(() => {
    if (locked || minutes === 0) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    const stamp = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, stamp, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity >= limit) lockApp();
    }, Math.min(CHECK_EVERY_MS, limit));
    return () => {
      clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, stamp, { capture: true });
    };
  }, [minutes, locked]);
}
