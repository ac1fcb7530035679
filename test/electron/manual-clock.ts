// A scheduler clock a test moves by hand: timers fire as time passes, in order, as the event loop would run them.
import type { SchedulerClock } from '../../electron/main/reminders.js';

export class ManualClock implements SchedulerClock {
  time = Date.UTC(2025, 5, 2, 9, 0);
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;
  readonly delays: number[] = [];
  now = () => this.time;
  setTimer = (callback: () => void, delayMs: number) => {
    this.delays.push(delayMs);
    const timer = { id: this.nextId++, at: this.time + delayMs, callback };
    this.timers.push(timer);
    return timer.id;
  };
  clearTimer = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  get armed(): number {
    return this.timers.length;
  }
  /** Moves time forward, firing timers as they come due (as the event loop would). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.time = next.at;
      this.timers = this.timers.filter((t) => t !== next);
      next.callback();
    }
    this.time = end;
  }
}
