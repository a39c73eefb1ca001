/**
 * axe-core over the planner in the states people see: light and dark, a plan with errors, the
 * instance-type menu open, the carve helper, and the 48-subnet plan. No serious or critical violation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { baseUrl, launch, openPage } from './support/browser.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * Runs axe (from node_modules: no network) and fails on serious or critical violations. Evaluated
 * through DevTools rather than added as a <script>: the built page's CSP refuses inline scripts.
 */
async function scan(page, what) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (v) =>
    `${v.impact} ${v.id}: ${v.help} — ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join(' | ')}`;
  for (const v of result.violations.filter((x) => !bad.includes(x))) console.log(`  (${what}) ${describe(v)}`);
  assert.deepEqual(bad.map(describe), [], `axe: serious or critical violations (${what})`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`no serious axe violations on the planner (${colorScheme})`, async () => {
    const { page, context, foreign } = await openPage(browser, { colorScheme });
    await scan(page, `${colorScheme}, small preset`);
    await page.getByLabel('Subnet CIDR').first().fill('10.0.0.');
    await page.getByRole('heading', { name: /needs fixing/ }).waitFor();
    await scan(page, `${colorScheme}, invalid CIDR`);
    await page.getByLabel('Subnet CIDR').first().fill('10.0.0.0/24');
    const box = page.getByRole('combobox', { name: 'Instance type' });
    await box.fill('c6i');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await scan(page, `${colorScheme}, instance menu open`);
    await page.keyboard.press('Escape');
    await box.fill('m5.16xlarge');
    await page.getByRole('button', { name: 'Carve subnets…' }).click();
    await page.getByLabel('Subnet size').waitFor();
    await scan(page, `${colorScheme}, carve helper`);
    await context.close();
    assert.deepEqual(foreign, []);
  });
}

test('no serious axe violations with 48 subnets and 40 node groups', async () => {
  const { largePlan } = await tsImport('../fixtures/large-plan.ts', import.meta.url);
  const { documentLink } = await tsImport('../../src/model/share-link.ts', import.meta.url);
  const { page, context, foreign } = await openPage(browser, { url: `${baseUrl()}${documentLink(largePlan(), '')}` });
  await page.getByLabel('Prefix delegation').check();
  await scan(page, 'large plan');
  await context.close();
  assert.deepEqual(foreign, []);
});

for (const colorScheme of ['light', 'dark']) {
  test(`no serious axe violations in the scenario tabs, the comparison, the advisor and every tool tab (${colorScheme})`, async () => {
    const { page, context, foreign } = await openPage(browser, { colorScheme });
    await page
      .getByRole('button', { name: /^Make it a scenario/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Fork scenario' }).click();
    await page.getByLabel('WARM_IP_TARGET', { exact: true }).fill('5');
    await page.getByLabel('Compare with').selectOption({ label: 'Small routable VPC' });
    await scan(page, `${colorScheme}, two scenarios, the chart overlaid, the advisor`);
    for (const name of ['Import', 'Size my VPC', 'Failure and surge', 'EC2 API', 'DNS', 'Cross-AZ']) {
      await page.getByRole('tablist', { name: 'Tools' }).getByRole('tab', { name, exact: true }).click();
      await page.locator('.tools-area .tab-panel > section').first().waitFor();
      await page.waitForTimeout(300);
      await scan(page, `${colorScheme}, tool ${name}`);
    }
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.getByRole('table', { name: 'At a glance' }).waitFor();
    await scan(page, `${colorScheme}, comparison`);
    await context.close();
    assert.deepEqual(foreign, []);
  });
}
