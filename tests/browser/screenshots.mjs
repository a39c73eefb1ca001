/**
 * Screenshots for a person to judge (screenshots/, git-ignored): 1280×800 light and dark, 1024 wide,
 * and the 48-subnet plan, each with the results column scrolled through. The test checks only that
 * nothing spills sideways out of its column.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { root } from './support/build.mjs';
import { baseUrl, launch, openPage } from './support/browser.mjs';

const DIR = join(root, 'screenshots');
let browser;
before(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function shoot(page, name, scrolls = []) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(DIR, `${name}.png`) });
  for (const [i, [col, top]] of scrolls.entries()) {
    await page.locator(col).evaluate((el, y) => {
      el.scrollTop = y;
    }, top);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(DIR, `${name}-${i + 1}.png`) });
  }
}

/** Elements wider than their column: a table or a field that spills out. */
async function overflowing(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-col, .results-col')]
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.className),
  );
}

const VIEWS = [
  { name: 'planner-1280-light', width: 1280, height: 800, colorScheme: 'light' },
  { name: 'planner-1280-dark', width: 1280, height: 800, colorScheme: 'dark' },
  { name: 'planner-1024-light', width: 1024, height: 768, colorScheme: 'light' },
];

for (const v of VIEWS) {
  test(`screenshot ${v.name}`, async () => {
    const { page, context } = await openPage(browser, v);
    await shoot(page, v.name, [
      ['.results-col', 640],
      ['.results-col', 1400],
      ['.editor-col', 900],
      ['.editor-col', 1700],
    ]);
    assert.deepEqual(await overflowing(page), []);
    await context.close();
  });
}

test('screenshot the 48-subnet, 40-group plan', async () => {
  const { largePlan } = await tsImport('../fixtures/large-plan.ts', import.meta.url);
  const { documentLink } = await tsImport('../../src/model/share-link.ts', import.meta.url);
  const { page, context } = await openPage(browser, { url: `${baseUrl()}${documentLink(largePlan(), '')}` });
  await shoot(page, 'planner-large-1280', [
    ['.results-col', 640],
    ['.results-col', 1600],
    ['.editor-col', 1500],
  ]);
  assert.deepEqual(await overflowing(page), []);
  await page.getByLabel('Subnets shown').selectOption({ label: 'All 48' });
  await shoot(page, 'planner-large-all-subnets', [['.results-col', 0]]);
  await context.close();
});

test('screenshot a plan with errors and the instance menu open', async () => {
  const { page, context } = await openPage(browser);
  await page.getByLabel('Subnet CIDR').nth(1).fill('10.0.1.0/');
  const box = page.getByRole('combobox', { name: 'Instance type' });
  await box.fill('p5');
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await box.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shoot(page, 'planner-errors-menu');
  await context.close();
});
