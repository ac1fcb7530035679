// The Attachments screen and the attachments section of a record's panel: attaching by the file input or by a drop
// (a DataTransfer built in the page, as the desktop's drag would bring it), the table, the open file's panel and the
// preview dialog.
import type { Locator, Page } from '@playwright/test';
import { RecordPanel } from './negotiation-page.js';

export interface FileToAttach {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Drops the files on the element as a drag from the desktop would: dragenter, dragover, then drop. */
export async function dropFiles(target: Locator, files: FileToAttach[]): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.mimeType }));
    return transfer;
  }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })));
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}

export class AttachmentsPage {
  constructor(readonly page: Page) {}

  get screen(): Locator {
    return this.page.locator('.screen.attachments');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Attachments', exact: true });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader').filter({ hasText: name }) });
  }

  /** The screen's own file input (behind "Attach files…" in its heading). */
  async attach(files: FileToAttach[]): Promise<void> {
    await this.page.locator('.screen-heading [data-attach-input]').setInputFiles(files);
  }

  /** What the last attach said: how many went in, and each refusal. */
  get outcome(): Locator {
    return this.page.locator('.attachments__outcome').first();
  }

  async open(name: string): Promise<RecordPanel> {
    const button = this.row(name).getByRole('button', { name, exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.panel;
  }

  get panel(): RecordPanel {
    return new RecordPanel(this.page.locator('aside.records__detail'));
  }

  get preview(): Locator {
    return this.page.getByRole('dialog', { name: /^Preview: / });
  }
}

/** The attachments section of a record's panel (an issue's, a precedent's...). */
export class RecordAttachmentsSection {
  readonly root: Locator;

  constructor(panel: Locator) {
    this.root = panel.getByRole('region', { name: 'Attachments', exact: true });
  }

  async attach(files: FileToAttach[]): Promise<void> {
    await this.root.locator('[data-attach-input]').setInputFiles(files);
  }

  get list(): Locator {
    return this.root.getByRole('listitem');
  }

  get outcome(): Locator {
    return this.root.locator('.attachments__outcome');
  }
}
