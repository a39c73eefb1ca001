/**
 * What an architect does in the planner, in headless Chromium against the built app: presets, edits
 * and their numbers, the share link, a bad CIDR, reload, undo, a broken link, and no outside request.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launch, openPage, perNode, stat, until, finish } from './support/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the small routable preset (picked from the Preset menu); another preset loads; editing pods per node changes the numbers', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await assert.doesNotReject(page.getByRole('heading', { name: 'Does not fit at max' }).waitFor());
  assert.equal(await stat(page, 'Addresses used at desired'), '324'); // 3 × 100 + 24 reserved
  assert.equal(await perNode(page, 'general'), '100');

  // GPU training: p5.48xlarge pods use card 0's 2 ENIs × 49 slots: 12 pods → 98 held + 2 primaries.
  await page.getByLabel('Preset').selectOption({ label: 'GPU training cluster (p5.48xlarge)' });
  assert.equal(await until(() => perNode(page, 'p5-training'), '100'), '100');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await until(() => perNode(page, 'general'), '100'), '100');

  const pods = page.getByLabel('Pods per node');
  await pods.fill('60'); // 3 ENIs × 49 + 3 primaries
  assert.equal(await until(() => perNode(page, 'general'), '150'), '150');
  assert.equal(await stat(page, 'Addresses used at desired'), '474');
  assert.equal(await stat(page, 'Addresses used at max'), '1,374');
  await finish(s);
});

test('Copy share link copies a link that opens the same plan in a fresh browser', async () => {
  const s = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = s;
  await page.getByLabel('Pods per node').fill('60');
  await page.getByLabel('Plan name').fill('Review with ACME');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByText('Share link copied to the clipboard.').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#1\./);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await other.getByRole('heading', { name: 'Does not fit at max' }).waitFor();
  assert.equal(await other.getByLabel('Plan name').inputValue(), 'Review with ACME');
  assert.equal(await other.getByLabel('Pods per node').inputValue(), '60');
  assert.equal(await until(() => perNode(other, 'general'), '150'), '150');
  await fresh.close();
  await finish(s);
});

test('a bad subnet CIDR shows its message beside the field and keeps the last result, marked stale', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const cidr = page.getByLabel('Subnet CIDR').first();
  await cidr.fill('10.0.0.');
  assert.equal(await cidr.getAttribute('aria-invalid'), 'true');
  const msgId = (await cidr.getAttribute('aria-describedby')).split(' ')[0];
  const msg = page.locator(`#${msgId}`);
  assert.match(await msg.textContent(), /10\.0\.0\. is not a (CIDR|valid IPv4 address)/);
  assert.equal(await msg.isVisible(), true);
  await page
    .getByRole('heading', { name: /1 field needs fixing: the results below are from the last valid plan/ })
    .waitFor();
  assert.equal(await stat(page, 'Addresses used at desired'), '324');
  assert.equal(await cidr.inputValue(), '10.0.0.');
  await cidr.fill('10.0.0.0/24');
  assert.equal(await cidr.getAttribute('aria-invalid'), null);
  await finish(s);
});

test('the plan survives a reload (address bar) and a new visit (local storage)', async () => {
  const s = await openPage(browser);
  const { page, context } = s;
  const before = page.url();
  await page.getByLabel('Maximum nodes').fill('12');
  await until(() => page.url() !== before, true);
  await page.reload();
  await page.getByRole('heading', { name: /fit at max/ }).waitFor();
  assert.equal(await page.getByLabel('Maximum nodes').inputValue(), '12');

  const again = await context.newPage();
  await again.goto(baseUrl());
  await again.getByRole('heading', { name: /fit at max/ }).waitFor();
  assert.equal(await again.getByLabel('Maximum nodes').inputValue(), '12');
  await finish(s);
});

test('a damaged share link says why, as text, opens the blank plan instead, and stays in the address bar', async () => {
  const s = await openPage(browser, { url: `${baseUrl()}#1.<img src=x onerror=alert(1)>` });
  const { page } = s;
  const notice = page.getByRole('alert');
  assert.match(await notice.textContent(), /^The share link could not be opened: .*A blank plan is shown instead\./);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.getByLabel('Plan name').inputValue(), 'Blank plan');
  await page.waitForTimeout(600);
  assert.match(decodeURIComponent(new URL(page.url()).hash), /^#1\.<img src=x onerror=alert\(1\)>$/);
  await finish(s);
});

test('undo and redo with Ctrl+Z and Ctrl+Shift+Z', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const pods = page.getByLabel('Pods per node');
  await pods.fill('60');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  assert.equal(await pods.inputValue(), '20');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await pods.inputValue(), '60');
  await finish(s);
});

test('the instance-type combobox works from the keyboard alone', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const box = page.getByRole('combobox', { name: 'Instance type' });
  // Tab through the page from the top until the combobox has focus.
  for (let i = 0; i < 80 && !(await box.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'Tab reaches the combobox');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('m5.8');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const listbox = page.getByRole('listbox');
  assert.match(await listbox.getByRole('option').first().textContent(), /^m5\.8xlarge\s*8 × 30 IPv4/);
  await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  assert.match(await page.locator(`#${active}`).textContent(), /^m5a\.8xlarge/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  assert.equal(await box.inputValue(), 'm5.8xlarge');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  // m5.8xlarge: 8 ENIs × 30 IPv4; 20 pods hold 2 ENIs × 29 + 2 primaries.
  assert.equal(await until(() => perNode(page, 'general'), '60'), '60');
  await page.keyboard.press('Escape');
  assert.equal(await box.inputValue(), 'm5.8xlarge');
  await finish(s);
});
