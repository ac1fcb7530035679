// Typing into a date or time input as a person does, key by key. Playwright's fill() cannot give such an input an
// impossible date (it refuses "Malformed value"), and setting its value from script is not what a user can do: only
// keys reach the browser's own day, month and year parts, which is where 30 February comes from.
import type { Locator } from '@playwright/test';

/**
 * Types `keys` from the input's first part on (month first, in the en-US order the test browser uses): "02302026" is
 * 02/30/2026. The input is left first, so that focusing it again starts at its first part.
 */
export async function typeInto(input: Locator, keys: string): Promise<void> {
  await input.evaluate((el: HTMLInputElement) => el.blur());
  await input.focus();
  await input.page().keyboard.type(keys);
}

/**
 * Empties the first `count` parts of the input, from the first on, as a user does with Backspace: all of them (a date
 * has three, a time three with its AM/PM) clears it on purpose, fewer leave it incomplete.
 */
export async function emptyParts(input: Locator, count: number): Promise<void> {
  const keyboard = input.page().keyboard;
  await input.evaluate((el: HTMLInputElement) => el.blur());
  await input.focus();
  for (let i = 0; i < count; i++) {
    await keyboard.press('Backspace');
    await keyboard.press('ArrowRight');
  }
}
