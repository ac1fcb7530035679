// Which Chromium the end-to-end tests drive: PARLEY_CHROMIUM if set, else Debian's /usr/bin/chromium, else a
// browser Playwright downloaded itself. `npx playwright install` cannot run offline, so Debian's is the usual one.
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, DEBIAN_CHROMIUM } from './chromium-args.js';

export { CHROMIUM_ARGS };

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.PARLEY_CHROMIUM;
  if (explicit) {
    if (fs.existsSync(explicit)) return explicit;
    throw new Error(`PARLEY_CHROMIUM is set to ${explicit}, but there is no file there: point it at a Chromium binary, or unset it to use ${DEBIAN_CHROMIUM}.`);
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const bundled = safeBundledPath();
  if (bundled && fs.existsSync(bundled)) return bundled;
  throw new Error('No Chromium found for the end-to-end tests: install one with `apt-get install chromium` (or set PARLEY_CHROMIUM to a Chromium binary).');
}

function safeBundledPath(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}
