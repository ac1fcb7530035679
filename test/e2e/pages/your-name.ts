// Who the user is: "Who are you?" on the library, the name at the foot of the sidebar, and the "Your name" dialog.
import type { Locator, Page } from '@playwright/test';

export class YourName {
  /** The card on the library screen while no name is set. */
  readonly card: Locator;
  /** The confirmation left where the card was once the name is saved. */
  readonly saved: Locator;
  /** The name and initials at the foot of the sidebar, with the button that changes them. */
  readonly sidebar: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('region', { name: 'Who are you?' });
    this.saved = page.getByRole('status').filter({ hasText: 'Your changes are now written as' });
    this.sidebar = page.locator('.sidebar .identity');
    this.dialog = page.getByRole('dialog', { name: 'Your name' });
  }

  /** The name field and the initials field of a form (the card's or the dialog's). */
  nameIn(form: Locator): Locator {
    return form.getByRole('textbox', { name: /^Your name/ });
  }

  initialsIn(form: Locator): Locator {
    return form.getByRole('textbox', { name: /^Initials/ });
  }

  async openDialogFromSidebar(): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'Your name…' }).click();
  }
}
