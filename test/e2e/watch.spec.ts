// The watch list: an item added, its indicators and implications saved as the user goes, marked triggered (dated
// today), deleted and brought back (axe: accessibility.spec.ts).
import { WatchPage } from './pages/negotiation-page.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

test('a watch item is added, described, marked triggered, deleted and restored', async ({ app, page, harness }) => {
  test.setTimeout(90_000);
  const { caseId } = await createCaseFile(harness, 'order.parley');
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/watch`), caseId);
  await page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText('Watch list');
  const watch = new WatchPage(page);
  await expect(page.getByText('Nothing on the watch list yet.')).toBeVisible();

  await watch.add('Senate bill on frontier-model exports');
  const panel = watch.panel;
  await panel.field('Indicators').fill('Committee markup scheduled\nBureau testimony');
  await panel.field('Implications for our positions').fill('The Bureau gains statutory cover; our walk-away weakens.');
  await panel.field('Evidence so far').fill('Floor statement introducing S. 4127.');
  await panel.field('Description').focus();
  await expect(panel.saveStateOf('Evidence so far')).toHaveText('Saved');
  await expect(watch.row('Senate bill')).toContainText('2 indicators');

  await panel.field('Status').selectOption({ label: 'Triggered' });
  await expect(panel.saveStateOf('Status')).toHaveText('Saved');
  await expect(panel.field('Triggered on')).toHaveValue(isoDaysFromToday(0));
  await expect(watch.row('Senate bill')).toContainText('Triggered');
  await app.screenshot('watch-triggered');
  const [item] = await callThrough(harness, 'watchItem.list', { caseId });
  expect(item).toMatchObject({ status: 'triggered', triggeredOn: isoDaysFromToday(0), indicators: ['Committee markup scheduled', 'Bureau testimony'] });

  await panel.root.getByRole('button', { name: 'Delete this watch item' }).click();
  await watch.deleteQuestion.getByRole('button', { name: 'Delete' }).click();
  await expect(watch.undoNotice).toContainText('deleted');
  await watch.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await expect(watch.row('Senate bill')).toBeVisible();
  expect(await callThrough(harness, 'watchItem.list', { caseId })).toHaveLength(1);
});

test('an address naming a watch item (from the dashboard or search) opens it and marks its row', async ({ app, page, harness }) => {
  const { caseId } = await createCaseFile(harness, 'order.parley');
  for (const title of ['Allied labs follow the carve-out', 'Senate bill on frontier-model exports']) {
    await callThrough(harness, 'watchItem.create', { caseId, fields: { title, status: 'watching' } });
  }
  const target = (await callThrough(harness, 'watchItem.list', { caseId })).find((w) => w.title.startsWith('Senate'))!;
  await page.evaluate(([id, item]) => (window.location.hash = `#/case/${id}/watch/${item}`), [caseId, target.id]);
  await page.reload(); // the renderer learns of the case the harness opened
  const watch = new WatchPage(page);
  await expect(watch.panel.root.getByRole('heading', { level: 2 })).toContainText('Senate bill');
  await expect(watch.row('Senate bill')).toHaveAttribute('data-landed', '');
  // As when the user opens it: the focus is on the panel's heading, whichever of the panel and the landing came first.
  await expect(watch.panel.root.getByRole('heading', { level: 2 })).toBeFocused();
  await app.screenshot('watch-landed');
});
