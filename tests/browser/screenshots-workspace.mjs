/**
 * Screenshots for a person to judge (screenshots/, git-ignored), light and dark at 1280×800: the
 * comparison of two scenarios, the chart with a scenario overlaid, the advisor's fixes, and each tool
 * tab. The test checks only that nothing spills sideways out of its column.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { root } from './support/build.mjs';
import { launch, openPage, perNode, until } from './support/browser.mjs';

const DIR = join(root, 'screenshots');
let browser;
before(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const TOOLS = ['Export', 'Import', 'Size my VPC', 'Failure and surge', 'EC2 API', 'DNS', 'Cross-AZ'];
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

async function overflowing(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-col, .results-col')]
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.className),
  );
}

/** Scrolls the results column so that `locator` is at its top, and shoots the page. */
async function shootAt(page, locator, name) {
  await locator.evaluate((el) => {
    const col = el.closest('.results-col');
    col.scrollTop += el.getBoundingClientRect().top - col.getBoundingClientRect().top - 8;
  });
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(DIR, `${name}.png`) });
}

for (const colorScheme of ['light', 'dark']) {
  test(`screenshot the scenarios, the advisor and the tools (${colorScheme})`, async () => {
    const { page, context } = await openPage(browser, { colorScheme });
    const advisor = page.getByRole('region', { name: /^Fixes, measured/ });
    await advisor
      .getByRole('button', { name: /^Make it a scenario/ })
      .first()
      .waitFor();
    await shootAt(page, advisor, `workspace-advisor-${colorScheme}`);

    await page.getByRole('button', { name: 'Fork scenario' }).click();
    await page.getByLabel('MINIMUM_IP_TARGET', { exact: true }).fill('25');
    await page.getByLabel('WARM_IP_TARGET', { exact: true }).fill('5');
    await until(() => perNode(page, 'general'), '26');
    await page.getByLabel('Compare with').selectOption({ label: 'Small routable VPC' });
    await shootAt(page, page.getByRole('figure', { name: /exhaustion/ }), `workspace-chart-overlay-${colorScheme}`);
    assert.deepEqual(await overflowing(page), []);

    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    const compare = page.getByRole('region', { name: 'Compare scenarios' });
    await compare.getByRole('table', { name: 'At a glance' }).waitFor();
    await shootAt(page, compare, `workspace-compare-${colorScheme}`);
    await shootAt(page, compare.getByRole('table', { name: 'Node groups' }), `workspace-compare-${colorScheme}-2`);
    assert.deepEqual(await overflowing(page), []);
    await page.getByRole('button', { name: 'Back to the results' }).click();

    for (const name of TOOLS) {
      await page.getByRole('tablist', { name: 'Tools' }).getByRole('tab', { name, exact: true }).click();
      await page.waitForTimeout(400);
      await shootAt(page, page.locator('.tools-area'), `workspace-tool-${slug(name)}-${colorScheme}`);
      assert.deepEqual(await overflowing(page), [], name);
    }
    await context.close();
  });
}
