// The end-to-end fixtures: a fresh data folder per test, the harness over it, the app open in the page, and a check
// that the page logged no errors (a CSP refusal, an uncaught exception) while the test ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ParleyApp } from '../pages/parley-app.js';
import { startHarness, type Harness } from './harness.js';

interface Fixtures {
  /** The harness starts as for a user who has not said who they are yet (test.use({ newUser: true })). */
  newUser: boolean;
  /** The sample case is made as the app makes it, its dates near today (test.use({ sampleNearToday: true })). */
  sampleNearToday: boolean;
  /** A temporary library folder, removed after the test. */
  dataDir: string;
  /** Starts harnesses over the data folder and closes them all after the test. */
  harnesses: { start(): Promise<Harness> };
  harness: Harness;
  /** Stops the harness and starts a new one on the same data folder, as a user restarting Parley would. */
  restartHarness(): Promise<Harness>;
  app: ParleyApp;
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  newUser: [false, { option: true }],
  sampleNearToday: [false, { option: true }],
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  harnesses: async ({ dataDir, newUser, sampleNearToday }, use) => {
    const started: Harness[] = [];
    await use({
      async start() {
        const harness = await startHarness(dataDir, { newUser, sampleNearToday });
        started.push(harness);
        return harness;
      },
    });
    await Promise.all(started.map((h) => h.close()));
  },
  harness: async ({ harnesses }, use) => {
    await use(await harnesses.start());
  },
  restartHarness: async ({ harness, harnesses }, use) => {
    let latest = harness;
    await use(async () => {
      await latest.close();
      latest = await harnesses.start();
      return latest;
    });
  },
  pageErrors: [
    // Depends on the harness so that the check runs while it still answers: a request the page makes after the
    // test, against a stopped harness, is not an error of the app.
    async ({ page, harness: _harness }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page, harness }, use) => {
    const app = new ParleyApp(page);
    await app.start(harness);
    await use(app);
  },
});

export { expect };
