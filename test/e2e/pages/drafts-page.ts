// The drafts screen as a user meets it: the list, the dialogs that start a draft, the editor and its revisions.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ParleyApp } from './parley-app.js';

/** Opens the sample case from the library and goes to its Drafts screen. */
export async function openSampleDrafts(app: ParleyApp, page: Page): Promise<DraftsPage> {
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 30_000 });
  await app.sidebar.getByRole('link', { name: 'Drafts', exact: true }).click();
  const drafts = new DraftsPage(page);
  await expect(drafts.table).toBeVisible({ timeout: 30_000 });
  return drafts;
}

export class DraftsPage {
  readonly table: Locator;
  /** The screen's own heading (a brief holds an h1 of its own). */
  readonly title: Locator;
  readonly editor: Locator;
  readonly toolbar: Locator;
  readonly saveSummary: Locator;
  readonly revisions: Locator;
  readonly compareDialog: Locator;
  /** The draft's footnotes, listed under the editor in their order. */
  readonly footnotes: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator('.screen-heading h1');
    this.table = page.getByRole('table', { name: 'Drafts of this case' });
    this.editor = page.getByRole('textbox', { name: 'Draft text' });
    this.toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    this.saveSummary = page.locator('.save-summary');
    this.revisions = page.getByRole('complementary', { name: /Revisions/ });
    this.compareDialog = page.locator('dialog.compare-dialog');
    this.footnotes = page.getByRole('region', { name: 'Footnotes' });
  }

  /** Inserts a footnote (or citation) where the cursor is, from the toolbar. */
  async insertFootnote(note: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Footnote or citation' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Insert a footnote or citation' });
    await dialog.getByLabel('Note or citation').fill(note);
    await dialog.getByRole('button', { name: 'Insert footnote' }).click();
    await expect(dialog).toBeHidden();
    // The cursor is back in the text, so what is typed next goes on after the footnote.
    await expect(this.editor).toBeFocused();
  }

  /** Links to a record of the case from the toolbar: the selection, or the record's title inserted at the cursor. */
  async insertRecordLink(kind: string, title: string, beforeLinking?: () => Promise<unknown>): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Link to a case record' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Link to a case record' });
    await dialog.getByLabel('Kind of record').selectOption({ label: kind });
    await dialog.getByLabel('Find').fill(title);
    await dialog.getByRole('radio', { name: title, exact: true }).check();
    await beforeLinking?.();
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.editor).toBeFocused();
  }

  row(title: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader').filter({ hasText: title }) });
  }

  async prepareBrief(meeting: string | RegExp, audience: 'Internal' | 'Shareable'): Promise<void> {
    await this.page.getByRole('button', { name: 'Prepare brief…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Prepare a meeting brief' });
    await dialog.getByLabel('Meeting').selectOption({ label: await this.optionLabel(dialog.getByLabel('Meeting'), meeting) });
    await dialog.getByRole('radio', { name: new RegExp(`^${audience}`) }).check();
    if (audience === 'Shareable') {
      // A shareable brief is previewed first: every section as offered, then created.
      await dialog.getByRole('button', { name: 'Preview…' }).click();
      const preview = await this.sharePreview();
      await preview.getByRole('button', { name: 'Create shareable brief' }).click();
    } else {
      await dialog.getByRole('button', { name: 'Prepare brief' }).click();
    }
    await expect(this.editor).toBeVisible({ timeout: 15_000 });
  }

  /** Opens the preview of a shareable brief for a meeting (Prepare brief → Shareable → Preview). */
  async previewShareable(meeting: string | RegExp): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Prepare brief…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Prepare a meeting brief' });
    await dialog.getByLabel('Meeting').selectOption({ label: await this.optionLabel(dialog.getByLabel('Meeting'), meeting) });
    await dialog.getByRole('radio', { name: /^Shareable/ }).check();
    await dialog.getByRole('button', { name: 'Preview…' }).click();
    return this.sharePreview();
  }

  /** The preview dialog once it has read what the brief would carry. */
  async sharePreview(): Promise<Locator> {
    const preview = this.page.getByRole('dialog', { name: 'Preview the shareable brief' });
    await expect(preview.getByRole('group', { name: 'Sections' })).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole('button', { name: 'Create shareable brief' })).toBeEnabled({ timeout: 30_000 });
    return preview;
  }

  private async optionLabel(select: Locator, match: string | RegExp): Promise<string> {
    // The dialog reads the case's meetings when it opens: under load the list can still be empty when first asked.
    await expect(select.locator('option').filter({ hasText: match })).not.toHaveCount(0, { timeout: 15_000 });
    const labels = await select.locator('option').allTextContents();
    const found = labels.find((l) => (typeof match === 'string' ? l.includes(match) : match.test(l)));
    if (!found) throw new Error(`no option matches ${String(match)} in ${labels.join(' | ')}`);
    return found;
  }

  /** The paragraph right after a heading of the editor. */
  paragraphAfter(heading: string): Locator {
    return this.editor.locator(`h2:has-text("${heading}") + *`).first();
  }

  /**
   * Extends the selection with a key the browser handles itself (Shift+Home, Shift+Arrow...), and waits until the
   * editor has taken it in. The editor reads such a selection on the browser's selectionchange event, while Chromium
   * handles input before other queued work: on a busy machine the next key (Ctrl+B) could otherwise reach the editor
   * before it knew of the selection, and act on the old one.
   */
  async extendSelection(key: string, selected: string): Promise<void> {
    await this.page.keyboard.press(key);
    await expect
      .poll(() =>
        this.editor.evaluate((element) => {
          const editor = (element as HTMLElement & { editor?: { state: { doc: { textBetween(from: number, to: number): string }; selection: { from: number; to: number } } } }).editor;
          if (!editor) return '';
          const { from, to } = editor.state.selection;
          return editor.state.doc.textBetween(from, to);
        }),
      )
      .toContain(selected);
  }

  /** Leaves the draft for the list and opens it again: leaving keeps what was typed since the last revision as one. */
  async leaveAndReopen(title: string): Promise<void> {
    await this.page.getByRole('button', { name: '← All drafts' }).click();
    await expect(this.table).toBeVisible();
    await this.row(title).getByRole('button').first().click();
    await expect(this.editor).toBeVisible();
  }

  /** How many revisions the draft has, from the list. */
  async revisionCount(): Promise<number> {
    return this.revisions.getByRole('listitem').count();
  }

  revision(n: number): Locator {
    return this.revisions.getByRole('listitem').filter({ has: this.page.locator('strong', { hasText: new RegExp(`^Revision ${n}$`) }) });
  }

  async compare(older: number, newer: number): Promise<void> {
    await this.revisions.getByRole('combobox', { name: 'Compare', exact: true }).selectOption({ label: await this.optionLabel(this.revisions.getByRole('combobox', { name: 'Compare', exact: true }), new RegExp(`^Revision ${older}\\b`)) });
    await this.revisions.getByRole('combobox', { name: 'with', exact: true }).selectOption({ label: await this.optionLabel(this.revisions.getByRole('combobox', { name: 'with', exact: true }), new RegExp(`^Revision ${newer}\\b`)) });
    await this.revisions.getByRole('button', { name: 'Compare side by side' }).click();
    await expect(this.compareDialog).toBeVisible();
  }
}
