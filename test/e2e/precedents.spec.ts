// Precedents: added and edited as the user goes, linked to the issue they support, with the backlink on the issue;
// delete with undo (axe: accessibility.spec.ts).
import { NegotiationPage, PrecedentsPage } from './pages/negotiation-page.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

test('a precedent is added, edited, linked to an issue it supports, and the issue shows the backlink', async ({ app, page, harness }) => {
  test.setTimeout(90_000);
  const { caseId } = await createCaseFile(harness, 'order.parley');
  await callThrough(harness, 'issue.create', { caseId, fields: { title: 'Scope of foreign national', priority: 'high', status: 'open' } });
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/precedents`), caseId);
  await page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText('Precedents');
  const pre = new PrecedentsPage(page);
  await expect(page.getByText('No precedents yet.')).toBeVisible();

  await pre.add('Halden Robotics v. Bureau of Industry Controls');
  const panel = pre.panel;
  await panel.field('Type').selectOption({ label: 'Court decision' });
  await panel.field('Citation').fill('No. 24-cv-0912 (D.D.C. 2025)');
  await panel.field('Date').fill('2025-06-18');
  await panel.field('Jurisdiction').fill('District of Columbia');
  await panel.field('Summary').fill('Deemed-export orders must name the technology released.');
  await panel.field('Relevance to this case').fill('The order does not name the model weights it covers.');
  await panel.field('Citation').focus();
  await expect(panel.saveStateOf('Relevance to this case')).toHaveText('Saved');
  await expect(pre.row('Halden Robotics')).toContainText('No. 24-cv-0912 (D.D.C. 2025)');
  await expect(pre.row('Halden Robotics')).toContainText('18 Jun 2025');

  await panel.addLink('Supports', 'foreign', 'Scope of foreign national');
  await expect(panel.links.getByRole('list', { name: 'Links from this record' })).toContainText('Supports');
  await expect(panel.links.getByRole('list', { name: 'Links from this record' })).toContainText('Scope of foreign national');
  await app.screenshot('precedents-linked');

  // The issue shows the precedent that supports it; the link leads back.
  await panel.links.getByRole('list', { name: 'Links from this record' }).getByRole('button', { name: 'Scope of foreign national', exact: true }).click();
  await expect(app.heading).toHaveText('Negotiation');
  const neg = new NegotiationPage(page);
  const incoming = neg.panel.links.getByRole('list', { name: 'Links to this record' });
  await expect(incoming).toContainText('Supported by');
  await expect(incoming).toContainText('Halden Robotics v. Bureau of Industry Controls');
  await app.screenshot('negotiation-backlink');
  const links = await callThrough(harness, 'link.list', { caseId });
  expect(links).toHaveLength(1);
  expect(links[0]).toMatchObject({ fromKind: 'precedent', linkType: 'supports', toKind: 'issue' });

  // Delete the precedent, then undo.
  await app.goToSection('Precedents');
  await pre.open('Halden Robotics v. Bureau of Industry Controls');
  await pre.panel.root.getByRole('button', { name: 'Delete this precedent' }).click();
  await expect(pre.deleteQuestion).toContainText('1 link goes with it');
  await pre.deleteQuestion.getByRole('button', { name: 'Delete' }).click();
  await expect(pre.table).toHaveCount(0);
  await pre.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await expect(pre.row('Halden Robotics')).toBeVisible();
});
