/**
 * The seed's fix by keyboard alone (issue 11 point 8), in Chromium: from the small routable preset, a
 * secondary CIDR, pod subnets carved per AZ, custom networking, the recommended max pods. Only Tab, Enter
 * and Space; each Enter or Space is a step, and the test counts them (and the Tabs between). The page must
 * not turn red on the way. Also the other order (custom networking first, then one button) and a
 * cluster-wide switch over the 40-group plan, whose 40 identical problems read as one line.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { baseUrl, finish, launch, openPage, perNode, until } from './support/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The accessible name of the focused element, as a user hears it: its label, aria-label or text. */
const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    return (a.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.textContent ?? a.tagName).trim();
  });

/** Keys pressed: Tab moves, Enter and Space act (the steps). */
function keyboard(page) {
  const count = { tabs: 0, steps: 0 };
  return {
    count,
    /** Tabs forward until the focused element is called `name` (at most 150 Tabs). */
    async tabTo(name) {
      for (let i = 0; i < 150 && (await focused(page)) !== name; i++) {
        await page.keyboard.press('Tab');
        count.tabs++;
      }
      assert.equal(await focused(page), name, `Tab reaches "${name}"`);
    },
    async press(key) {
      await page.keyboard.press(key);
      count.steps++;
    },
  };
}

/** Is the "needs fixing" banner up (the page turned red)? */
const red = (page) =>
  page
    .locator('.stale-banner')
    .count()
    .then((n) => n > 0);
const podSubnets = (page) =>
  Promise.all(
    ['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => page.getByLabel(`Pod subnet in ${az}`).inputValue()),
  );

test('the seed’s fix by keyboard only: 5 steps, never red, fits at max', async (t) => {
  const s = await openPage(browser);
  const { page } = s;
  await page.getByRole('heading', { name: 'Does not fit at max' }).waitFor();
  await page.locator('body').focus();
  const k = keyboard(page);

  await k.tabTo('Add secondary CIDR');
  await k.press('Enter');
  assert.equal(await page.getByLabel('Secondary VPC CIDR 1').inputValue(), '100.64.0.0/16');
  assert.equal(await red(page), false, 'red after adding the CIDR');

  await k.tabTo('Carve subnets…');
  await k.press('Enter');
  // The helper takes the focus, on the CIDR just added.
  await until(() => focused(page), 'From VPC CIDR');
  assert.equal(await focused(page), 'From VPC CIDR');
  assert.equal(await page.getByLabel('From VPC CIDR').inputValue(), '100.64.0.0/16');
  await k.tabTo('Add 3 subnets');
  await k.press('Enter');
  // A /16 split for three AZs: /18s at 100.64.0.0, .64.0 and .128.0.
  const cidrs = await page.getByLabel('Subnet CIDR').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(cidrs.slice(3), ['100.64.0.0/18', '100.64.64.0/18', '100.64.128.0/18']);
  assert.equal(await focused(page), 'Carve subnets…', 'the focus comes back to the button');
  assert.equal(await red(page), false, 'red after carving');

  await k.tabTo('Custom networking');
  await k.press('Space');
  assert.deepEqual(await podSubnets(page), ['pods-a', 'pods-b', 'pods-c']);
  assert.equal(await red(page), false, 'red after ticking custom networking');

  // m5.16xlarge with custom networking: (15 − 1) × 49 + 2 = 688, capped at 250 (max-pods-calculator.sh).
  await k.tabTo('Use recommended max pods (250) for general');
  await k.press('Enter');
  await page.getByRole('heading', { name: 'Fits at max' }).waitFor();
  assert.equal(await page.getByLabel('Max pods').inputValue(), '250');
  // 1 node IP; 20 pods on one pod ENI of 49 slots plus a warm ENI: 2 × 49 + 2 primaries + 1 = 101.
  assert.equal(await until(() => perNode(page, 'general'), '101'), '101');
  t.diagnostic(`seed's fix by keyboard: ${k.count.steps} steps (Enter/Space), ${k.count.tabs} Tabs`);
  assert.equal(k.count.steps, 5);
  await finish(s);
});

test('custom networking first: the field is red, the next Tab is the one button that carves the pod subnets', async (t) => {
  const s = await openPage(browser);
  const { page } = s;
  await page.locator('body').focus();
  const k = keyboard(page);
  await k.tabTo('Custom networking');
  await k.press('Space');
  await page.getByRole('heading', { name: /^1 field needs fixing/ }).waitFor();
  // "Go to field" puts the focus in the pod-subnet select, not on the link.
  await page.getByRole('button', { name: 'Go to field' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Pod subnet in us-east-1a');

  await k.tabTo('Custom networking');
  await page.keyboard.press('Tab');
  k.count.tabs++;
  assert.equal(await focused(page), 'Carve pod subnets from 100.64.0.0/16');
  await k.press('Enter');
  await until(() => red(page), false);
  assert.equal(await red(page), false);
  assert.deepEqual(await podSubnets(page), ['pods-a', 'pods-b', 'pods-c']);
  assert.equal(await page.getByLabel('Secondary VPC CIDR 1').inputValue(), '100.64.0.0/16');
  t.diagnostic(`custom networking first: ${k.count.steps} steps, ${k.count.tabs} Tabs`);
  await finish(s);
});

test('custom networking over the 40-group plan: one line for the 40 groups, not 40; the cards stay folded', async () => {
  const { largePlan } = await tsImport('../fixtures/large-plan.ts', import.meta.url);
  const { documentLink } = await tsImport('../../src/model/share-link.ts', import.meta.url);
  const s = await openPage(browser, { url: `${baseUrl()}${documentLink(largePlan(), '')}` });
  const { page } = s;
  await page.getByLabel('Custom networking').check();
  const title = page.getByRole('heading', { name: /^1 problem in 40 fields needs fixing/ });
  await title.waitFor({ timeout: 20_000 });
  const lines = page.locator('.stale-banner > ul > li');
  assert.equal(await lines.count(), 1);
  assert.match(
    await lines.first().textContent(),
    /^nodeGroups\[\*\]\.podSubnets 40 node groups: Custom networking puts pod ENIs/,
  );
  await page.getByText('Which 40').click();
  assert.equal(await page.locator('.stale-banner details li').count(), 40);
  // Forty cards with a problem stay folded, each with its badge; Go to field unfolds the one it names.
  assert.equal(await page.locator('.group-card.open').count(), 1);
  assert.equal(await page.locator('.group-card .badge-error').count(), 40);
  await page.locator('.stale-banner details li').nth(29).getByRole('button', { name: 'Go to field' }).click();
  const card = page.locator('.group-card').nth(29);
  await card.locator('.disclosure[aria-expanded="true"]').waitFor();
  await page.waitForFunction(() => /^f-nodeGroups-29-podSubnets/.test(document.activeElement?.id ?? ''));
  assert.equal(await card.evaluate((c) => c.contains(document.activeElement)), true);
  await finish(s);
});
