/**
 * Issue 11 in headless Chromium against the built app: the first screen (the blank plan, one line of
 * introduction, nothing to place yet); a share link opened in a SECOND TAB of the same browser over
 * autosaved work keeps that work reachable (Saved plans, Undo, the notice), and the two tabs never
 * overwrite each other's autosave unasked; "Make it a scenario" names the scenario shortly, brings the
 * page back to the top, and its message does not push the scenario bar down. Screenshots of each state
 * go to screenshots/ (git-ignored) for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { root } from './support/build.mjs';
import { baseUrl, finish, launch, openPage, until } from './support/browser.mjs';

const { documentLink } = await tsImport('../../src/model/share-link.ts', import.meta.url);
const { GPU_TRAINING, SMALL_ROUTABLE_VPC } = await tsImport('../../src/model/presets.ts', import.meta.url);

const DIR = join(root, 'screenshots');
const AUTOSAVE = 'eks-ip-planner:plan';
let browser;
before(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const shot = (page, name) => page.screenshot({ path: join(DIR, `${name}.png`) });
/** The name of the plan in this tab's autosave slot (what a new tab without a link opens). */
const autosaved = (page) =>
  page.evaluate((k) => {
    const d = JSON.parse(localStorage.getItem(k) ?? 'null');
    return d?.version === 2 ? d.scenarios[d.active].name : d?.name;
  }, AUTOSAVE);
/** A second tab of the same browser context, recording page errors like the first. */
async function secondTab(s) {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => s.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') s.errors.push(m.text());
  });
  return page;
}

test('the first screen: the blank plan, one line on what to do, nothing to place yet', async () => {
  const s = await openPage(browser, { preset: null });
  const { page } = s;
  assert.equal(await page.getByLabel('Plan name').inputValue(), 'Blank plan');
  await page.getByRole('heading', { level: 2, name: 'Nothing to place yet' }).waitFor();
  assert.ok(
    await page
      .getByText(
        /^Plan the IP addresses of an EKS cluster's VPC: add a node group on the left or pick a preset above, and see when each subnet runs out\.$/,
      )
      .isVisible(),
  );
  assert.ok(await page.getByText(/^Nothing to chart yet/).isVisible());
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /Fits at max|twice max|desired = max/);
  await shot(page, 'issue11-first-screen');
  // Adding a node group places one on the blank plan's three subnets, and the verdict appears.
  await page.getByRole('button', { name: 'Add node group' }).click();
  await page.getByRole('heading', { level: 2, name: /Fits at max|fit at max/ }).waitFor();
  await finish(s);
});

test('a link opened in a second tab over autosaved work keeps that work reachable; the tabs never overwrite each other unasked', async () => {
  const s = await openPage(browser);
  const { page } = s;
  // The first tab's work, autosaved.
  await page.getByLabel('Plan name').fill('My autosaved work');
  await page.getByLabel('Maximum nodes').fill('12');
  assert.equal(await until(() => autosaved(page), 'My autosaved work'), 'My autosaved work');
  await page.waitForTimeout(400);

  // A share link of another plan, opened in a new tab of the same browser.
  const second = await secondTab(s);
  await second.goto(`${baseUrl()}${documentLink(GPU_TRAINING, '')}`);
  await second
    .getByRole('heading', { level: 2, name: /Fits at max|fit at max/ })
    .first()
    .waitFor();
  assert.equal(await second.getByLabel('Plan name').inputValue(), GPU_TRAINING.name);
  const notice = second.locator('.notice');
  assert.match(
    await notice.innerText(),
    /^Opened the link\. What was here before \(“My autosaved work”\) is kept in Saved plans as “Autosaved before opening a link, \d{4}-\d\d-\d\d \d\d:\d\d: My autosaved work”; Undo also brings it back\./,
  );
  assert.equal(await second.getByRole('button', { name: 'Undo' }).isEnabled(), true);
  await shot(second, 'issue11-second-tab-link-notice');
  // It is in Saved plans…
  await second.getByRole('tab', { name: 'Saved plans' }).click();
  const panel = second.getByRole('region', { name: 'Saved plans' });
  await panel.getByRole('button', { name: /^Open Autosaved before opening a link, .*: My autosaved work$/ }).waitFor();

  // The first tab heard the second write the autosave: it stops writing it and asks.
  await page
    .getByText(
      /^This plan was changed in another tab: the autosave now holds “GPU training cluster \(p5\.48xlarge\)” from there\./,
    )
    .waitFor();
  await shot(page, 'issue11-first-tab-conflict');
  await page.getByLabel('Maximum nodes').fill('15');
  await page.waitForTimeout(700);
  assert.equal(
    await autosaved(page),
    GPU_TRAINING.name,
    "an edit in the first tab does not overwrite the second tab's autosave",
  );

  // Keep mine: the first tab takes the autosave back, the second tab's plan goes to Saved plans.
  await page.getByRole('button', { name: 'Keep mine' }).click();
  assert.equal(await until(() => autosaved(page), 'My autosaved work'), 'My autosaved work');
  await page
    .getByText(
      /^This tab's plan is the autosave again\. The other tab's \(“GPU training cluster \(p5\.48xlarge\)”\) is kept in Saved plans as “From another tab, /,
    )
    .waitFor();

  // Now the second tab asks in turn; Load theirs brings the first tab's latest (15 nodes) here.
  await second.getByText(/^This plan was changed in another tab: the autosave now holds “My autosaved work”/).waitFor();
  await second.getByRole('button', { name: 'Load theirs' }).click();
  assert.equal(
    await until(() => second.getByLabel('Plan name').inputValue(), 'My autosaved work'),
    'My autosaved work',
  );
  assert.equal(await second.getByLabel('Maximum nodes').inputValue(), '15');
  // The work as it was when the link opened (12 nodes) is still one click away in Saved plans.
  await panel.getByRole('button', { name: /^Open Autosaved before opening a link, .*: My autosaved work$/ }).click();
  assert.equal(await until(() => second.getByLabel('Maximum nodes').inputValue(), '12'), '12');
  await panel.getByRole('button', { name: /^Open From another tab, .*: GPU training cluster/ }).waitFor();
  await finish(s);
});

test('"Make it a scenario": a short name, back to the top, and the message does not push the scenario bar down', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const bar = page.locator('.scenario-bar');
  const before = (await bar.boundingBox()).height;
  const fix = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'MINIMUM_IP_TARGET=25, WARM_IP_TARGET=5' }) });
  const make = fix.getByRole('button', { name: 'Make it a scenario' });
  await make.waitFor();
  await until(() => make.isEnabled(), true);
  await make.scrollIntoViewIfNeeded();
  assert.ok((await page.locator('#results').evaluate((el) => el.scrollTop)) > 0, 'the advisor is below the fold');
  await make.click();
  const tab = page.getByRole('tab', { name: 'Small routable VPC + MIT 25/WIT 5' });
  await tab.waitFor();
  await page
    .locator('.scenario-status', {
      hasText: 'Added the scenario “Small routable VPC + MIT 25/WIT 5” and switched to it.',
    })
    .waitFor();
  assert.equal(
    await until(() => page.locator('#results').evaluate((el) => el.scrollTop), 0),
    0,
    'the results are back at the top',
  );
  assert.equal(
    await until(() => tab.evaluate((el) => el === document.activeElement), true),
    true,
    'the new tab has the focus',
  );
  assert.equal((await bar.boundingBox()).height, before, 'the scenario bar keeps its height while the message shows');
  await page.getByRole('heading', { level: 2, name: 'Fits at max' }).waitFor();
  await shot(page, 'issue11-make-it-a-scenario');
  await finish(s);
});

test('screenshot: groups sharing subnets, and a group with room beyond its max', async () => {
  const base = SMALL_ROUTABLE_VPC.nodeGroups[0];
  const shared = {
    ...SMALL_ROUTABLE_VPC,
    name: 'Shared subnets',
    vpc: {
      ...SMALL_ROUTABLE_VPC.vpc,
      subnets: [...SMALL_ROUTABLE_VPC.vpc.subnets, { name: 'solo-a', az: 'us-east-1a', cidr: '10.0.3.0/24' }],
    },
    nodeGroups: [
      { ...base, name: 'web' },
      { ...base, name: 'batch' },
      {
        name: 'solo',
        instanceType: 'm5.large',
        subnets: ['solo-a'],
        minNodes: 1,
        desiredNodes: 2,
        maxNodes: 4,
        podsPerNode: 5,
        maxPods: null,
      },
    ],
  };
  const s = await openPage(browser, { url: `${baseUrl()}${documentLink(shared, '')}`, height: 1000 });
  const { page } = s;
  const groups = page.getByRole('heading', { level: 2, name: 'Node groups', exact: true });
  await groups.scrollIntoViewIfNeeded();
  assert.match(
    await page
      .locator('.group-result summary')
      .allInnerTexts()
      .then((t) => t.join('\n')),
    /only 3 of 9 nodes fit, shared with batch[\s\S]*fits at max, room for 8 more/,
  );
  await shot(page, 'issue11-shared-room');
  await finish(s);
});
