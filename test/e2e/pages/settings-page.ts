// The Settings screen: one field per setting, each with its save state, and the time-zone picker.
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  readonly heading: Locator;
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Settings', level: 1 });
    this.screen = page.locator('.settings-screen');
  }

  /** Opens Settings with Ctrl+, from wherever the user is. */
  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+Comma');
    await expect(this.heading).toBeVisible();
  }

  /** A field by its label (a required one's label goes on with "(required)"). */
  field(label: string): Locator {
    return this.screen.getByLabel(new RegExp(`^${label}`));
  }

  /** The save state beside a field ("Saved", "Saving…", "Not saved"). */
  saveStateOf(label: string): Locator {
    return this.screen.locator('.field').filter({ has: this.page.getByLabel(new RegExp(`^${label}`)) }).locator('.save-state');
  }

  get zonePicker(): Locator {
    return this.screen.getByRole('combobox', { name: 'Default time zone' });
  }

  get zoneList(): Locator {
    return this.screen.getByRole('listbox', { name: 'Time zones' });
  }

  async setTheme(choice: 'Light' | 'Dark'): Promise<void> {
    await this.screen.getByRole('group', { name: 'Theme' }).getByLabel(choice).check();
  }
}
