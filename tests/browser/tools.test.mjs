/**
 * The Tools tabs in headless Chromium, each opened from the page: Export shows Terraform with
 * cluster_addons, DNS counts 8 NXDOMAIN before s3.us-east-2.amazonaws.com answers under ndots:5, Cross-AZ
 * costs 58.40 USD a month for the documented example (8 pods × 1 GB/h over two even AZs: half crosses,
 * 2,920 GB × 0.02 USD), the sizing, failure and EC2 API panels answer; and the chart downloads as a PNG.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { openPage, launch, until, finish } from './support/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tools = (page) => page.getByRole('tablist', { name: 'Tools' });
const open = async (page, name) => {
  const tab = tools(page).getByRole('tab', { name, exact: true });
  await tab.click();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
};
const statValue = async (page, label) =>
  (
    await page
      .locator('.stat', { has: page.getByText(label, { exact: true }) })
      .locator('.stat-value')
      .textContent()
  ).trim();

test('each tool tab: Export, DNS, Cross-AZ, Size my VPC, Failure and surge, EC2 API, Import', async () => {
  const s = await openPage(browser);
  const { page } = s;
  // Export is open first: Terraform for the plan, with the VPC CNI settings in addons (terraform-aws-eks v21, the default; v20 calls it cluster_addons).
  const tf = page.getByRole('region', { name: /Terraform.* text$/ });
  await tf.waitFor();
  assert.match(await tf.textContent(), /^ {2}addons = \{/m);

  await open(page, 'DNS');
  const ndots = page.getByRole('textbox', { name: 'ndots' });
  await ndots.fill('5');
  assert.equal(await until(() => statValue(page, 'ndots:5 (Kubernetes default)'), '8 NXDOMAIN'), '8 NXDOMAIN');

  await open(page, 'Cross-AZ');
  await page.getByRole('textbox', { name: 'Pods', exact: true }).fill('8');
  await page.getByRole('textbox', { name: 'GB each pod sends per hour' }).fill('1');
  await page.getByRole('radio', { name: 'chosen per AZ' }).check();
  await page.getByRole('textbox', { name: 'Pods in us-east-1a' }).fill('4');
  await page.getByRole('textbox', { name: 'Pods in us-east-1b' }).fill('4');
  await page.getByRole('textbox', { name: 'Pods in us-east-1c' }).fill('0');
  assert.equal(await until(() => statValue(page, 'Cost per month, spread'), '58.40 USD'), '58.40 USD');

  await open(page, 'Size my VPC');
  const proposed = page.getByRole('region', { name: 'Proposed VPC' });
  await proposed.waitFor();
  // 3 AZs, 9 m5.16xlarge nodes + 20 %: 4 per AZ × 100 + 8 reserved = 408 ≤ 507, a /23 each.
  assert.match(await proposed.textContent(), /VPC CIDRs: 10\.0\.0\.0\/21/);
  assert.match(await proposed.textContent(), /nodes-aus-east-1a10\.0\.0\.0\/23507/);

  await open(page, 'Failure and surge');
  await page.getByLabel('AZ lost').selectOption('us-east-1c');
  const lost = page.getByRole('region', { name: 'Lose one AZ' });
  await lost.waitFor();
  // 9 nodes over nodes-a and nodes-b: 5 × 100 + 8 = 508 and 4 × 100 + 8 = 408 against 251.
  await until(async () => (await lost.locator('tbody th').allTextContents()).join(), 'nodes-a,nodes-b');
  assert.deepEqual(await lost.locator('tbody td.num.danger').allTextContents(), ['508', '408']);

  await open(page, 'EC2 API');
  const api = page.getByRole('region', { name: 'Scale-out and the EC2 API' });
  await api.waitFor();
  const figures = () => api.locator('.figures dd').allTextContents();
  // 6 nodes start (9 max − 3 desired), one extra ENI each: within the buckets in 60 s.
  assert.deepEqual(await figures(), ['6', 'none', 'No', 'none']);
  // At once, with AttachNetworkInterface's bucket at 1: 6 calls against 1 token, drained at 5/s: 1 s late.
  await page.getByRole('textbox', { name: 'Seconds for the scale-out' }).fill('0');
  await page.getByRole('textbox', { name: 'Bucket size for AttachNetworkInterface' }).fill('1');
  assert.equal(
    await until(async () => (await figures()).join(), '6,AttachNetworkInterface,Yes,about 1 second'),
    '6,AttachNetworkInterface,Yes,about 1 second',
  );

  await open(page, 'Import');
  await page.getByRole('heading', { name: 'Import a VPC from the AWS CLI' }).waitFor();
  await finish(s);
});

test('the exhaustion chart downloads as a PNG file', async () => {
  const s = await openPage(browser, { colorScheme: 'dark' });
  const { page } = s;
  const button = page.getByRole('button', { name: 'Download chart (PNG)' });
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'Small-routable-VPC.png');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.ok(bytes.length > 5000, `a drawn chart, not an empty image (${bytes.length} bytes)`);
  await finish(s);
});

test('Saved plans: save the current plan, edit, open the saved one back; delete and undo', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await open(page, 'Saved plans');
  const panel = page.getByRole('region', { name: 'Saved plans' });
  await panel.getByLabel('Save current plan as').fill('Review copy <b>1</b>');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('button', { name: 'Open Review copy <b>1</b>' }).waitFor();
  // change the plan, then open the saved one: the name comes back
  await page.getByLabel('Plan name').fill('Changed since');
  await panel.getByRole('button', { name: 'Open Review copy <b>1</b>' }).click();
  const nameNow = await until(async () => page.getByLabel('Plan name').inputValue(), 'Small routable VPC');
  assert.equal(nameNow, 'Small routable VPC');
  await panel.getByRole('button', { name: 'Delete Review copy <b>1</b>' }).click();
  await panel.getByRole('button', { name: 'Undo', exact: true }).click();
  await panel.getByRole('button', { name: 'Open Review copy <b>1</b>' }).waitFor();
  await finish(s);
});
