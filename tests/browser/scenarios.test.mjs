/**
 * Scenarios in headless Chromium: fork the small routable preset, change B to MINIMUM_IP_TARGET=25 /
 * WARM_IP_TARGET=5 (26 addresses per node instead of 100), share the link, open it in a fresh browser
 * context and find both scenarios, then compare them; the advisor's fix becomes a scenario that fits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openPage, perNode, until, finish } from './support/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tabNames = (page) =>
  page
    .getByRole('tablist', { name: 'Scenarios' })
    .getByRole('tab')
    .evaluateAll((tabs) =>
      tabs.map((t) => `${t.textContent}${t.getAttribute('aria-selected') === 'true' ? ' *' : ''}`),
    );

test('fork a scenario, share the link, and open both scenarios in a fresh browser', async () => {
  const s = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = s;
  await page.getByRole('button', { name: 'Fork scenario' }).click();
  assert.deepEqual(await tabNames(page), ['Small routable VPC', 'Small routable VPC (B) *']);
  await page.getByLabel('MINIMUM_IP_TARGET', { exact: true }).fill('25');
  await page.getByLabel('WARM_IP_TARGET', { exact: true }).fill('5');
  assert.equal(await until(() => perNode(page, 'general'), '26'), '26');
  await page.getByRole('heading', { name: 'Fits at max' }).waitFor();

  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByText('Share link copied, with all 2 scenarios.').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#2\./);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  await other.goto(link);
  await other.getByRole('heading', { name: 'Fits at max' }).waitFor();
  assert.deepEqual(await tabNames(other), ['Small routable VPC', 'Small routable VPC (B) *']);
  assert.equal(await until(() => perNode(other, 'general'), '26'), '26');
  await other.getByRole('tab', { name: 'Small routable VPC', exact: true }).click();
  await other.getByRole('heading', { name: 'Does not fit at max' }).waitFor();
  assert.equal(await until(() => perNode(other, 'general'), '100'), '100');

  // Side by side: A does not fit (nodes-a at 7 nodes), B does, 26 addresses per node against 100.
  await other.getByRole('button', { name: 'Compare scenarios' }).click();
  const glance = other.getByRole('table', { name: 'At a glance' });
  await glance.waitFor();
  const row = async (table, label) =>
    await table
      .getByRole('row')
      .filter({ has: other.getByRole('rowheader', { name: label, exact: true }) })
      .getByRole('cell')
      .allTextContents();
  assert.deepEqual(await row(glance, 'Fits at max'), ['No', 'Yesagainst the baseline: now fits (better)']);
  assert.deepEqual(await row(glance, 'Nodes until the first subnet runs out'), [
    '7 (nodes-a)',
    'none up to 18against the baseline: no longer runs out (better)',
  ]);
  assert.deepEqual(await row(other.getByRole('table', { name: 'Node groups' }), 'Addresses per node'), [
    '100',
    '26against the baseline: −74 (better)',
  ]);
  assert.deepEqual(errors, []);
  await fresh.close();
  await finish(s);
});

test('"Make it a scenario" from the advisor adds a scenario that fits; deleting it can be undone', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const fix = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'MINIMUM_IP_TARGET=25, WARM_IP_TARGET=5' }) });
  const make = fix.getByRole('button', { name: 'Make it a scenario' });
  await make.waitFor();
  await until(() => make.isEnabled(), true);
  await make.click();
  assert.deepEqual(await tabNames(page), ['Small routable VPC', 'Small routable VPC + MIT 25/WIT 5 *']);
  await page.getByRole('heading', { name: 'Fits at max' }).waitFor();
  await page.getByRole('button', { name: 'Delete scenario Small routable VPC + MIT 25/WIT 5' }).click();
  assert.deepEqual(await tabNames(page), ['Small routable VPC *']);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await tabNames(page), ['Small routable VPC', 'Small routable VPC + MIT 25/WIT 5 *']);
  await finish(s);
});
