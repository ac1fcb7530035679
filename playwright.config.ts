// End-to-end tests: the real renderer in Chromium against the real core through the browser harness, one fresh
// data folder per test. Headless, so CI runs it as root with no display. Run with `npx playwright test`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './test/e2e/support/chromium.js';

/** Without a Chromium nothing here can run: say how to get one in one sentence, not a stack trace. */
function chromiumOrExit(): string {
  try {
    return chromiumExecutable();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/support/global-setup.ts',
  fullyParallel: true,
  // Two cores: one browser per core.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: chromiumOrExit(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
