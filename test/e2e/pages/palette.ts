// The command palette (Ctrl+K): its field, its grouped results and the shortcut sheet beside it.
import { expect, type Locator, type Page } from '@playwright/test';

export class Palette {
  readonly dialog: Locator;
  readonly field: Locator;
  readonly status: Locator;
  readonly sheet: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search and commands' });
    this.field = this.dialog.getByRole('combobox');
    this.status = this.dialog.getByRole('status');
    this.sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.dialog).toBeVisible();
    await expect(this.field).toBeFocused();
  }

  async search(text: string): Promise<void> {
    await this.field.fill(text);
    await expect(this.status).toContainText(/found/);
  }

  group(name: 'This case' | 'Other cases' | 'Cases' | 'Commands'): Locator {
    return this.dialog.getByRole('group', { name });
  }

  /** Presses the arrow keys until the option is the active one. */
  async moveTo(option: Locator): Promise<void> {
    for (let i = 0; i < 60; i++) {
      if ((await option.getAttribute('aria-selected')) === 'true') return;
      await this.field.press('ArrowDown');
    }
    throw new Error('The arrow keys never reached the option');
  }
}
