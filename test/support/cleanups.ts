// What a test leaves to be undone after it (test/helpers.ts onCleanup): run after each test by test/support/setup.ts.
const cleanups: (() => void)[] = [];

/** Runs `fn` after the current test, last registered first (the folder goes after what lives in it). */
export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}

/** Runs and forgets every registered cleanup, last registered first. */
export function runCleanups(): void {
  while (cleanups.length) cleanups.pop()!();
}
