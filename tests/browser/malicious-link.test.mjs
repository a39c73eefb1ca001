/**
 * Hostile share links against the built app. Payloads carry markup and script in the plan name, subnet
 * names and node group names, encoded with the app's own codec (src/model via tsx); others are 2 MB,
 * a decompression bomb, truncated, garbage, a prototype-pollution attempt, or from a future format.
 * For each: no dialog, no script runs (window.__pwned stays undefined), no <img> from markup, no CSP
 * violation (markup that slipped into the DOM would trip one), no uncaught error; names show as text;
 * a link that cannot be opened says why, visibly, and the user's last plan (from local storage) stays.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import LZString from 'lz-string';
import { tsImport } from 'tsx/esm/api';
import { baseUrl, launch } from './support/browser.mjs';

const { documentLink } = await tsImport('../../src/model/share-link.ts', import.meta.url);
const { SMALL_ROUTABLE_VPC, GPU_TRAINING } = await tsImport('../../src/model/presets.ts', import.meta.url);

const PLAN_NAME = '<script>window.__pwned="plan"</script><img src=x onerror="window.__pwned=\'plan\'">';
const SUBNETS = [
  '<img src=x onerror="window.__pwned=\'subnet\'">',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=2',
];
const GROUP = 'javascript:alert(1)//<script>window.__pwned="group"</script>';
const EVIL = {
  ...SMALL_ROUTABLE_VPC,
  name: PLAN_NAME,
  vpc: {
    ...SMALL_ROUTABLE_VPC.vpc,
    subnets: SMALL_ROUTABLE_VPC.vpc.subnets.map((s, i) => ({ ...s, name: SUBNETS[i] })),
  },
  nodeGroups: [{ ...SMALL_ROUTABLE_VPC.nodeGroups[0], name: GROUP, subnets: SUBNETS }],
};
/** The user's own plan, opened first with a normal link: every bad link must leave it in place. */
const MINE = { ...GPU_TRAINING, name: 'My last plan' };
const lz = (x) => LZString.compressToEncodedURIComponent(typeof x === 'string' ? x : JSON.stringify(x));
const good = documentLink(MINE, '').slice(1);

/** [what, fragment, what the visible message must say] for links that must not open. */
const BAD = [
  ['2 MB of payload', `1.${'A'.repeat(2_000_000)}`, /too long/],
  ['a decompression bomb', `1.${lz({ n: 'a'.repeat(2_000_000) })}`, /too large/],
  ['a truncated link', good.slice(0, Math.floor(good.length / 2)), /damaged|truncated|not valid/],
  ['markup as the fragment', '<script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>', /damaged/],
  ['javascript: as the fragment', 'javascript:window.__pwned=1', /damaged/],
  ['a format 2 link of garbage', '2.@@@<img src=x onerror=alert(1)>', /damaged/],
  ['format 2 that is not JSON', `2.${lz('<script>alert(1)</script>')}`, /damaged|truncated/],
  ['a future format', '9.abc', /newer planner/],
  [
    'prototype pollution',
    `1.${lz('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}')}`,
    /not valid/,
  ],
  [
    'an invalid plan carrying markup',
    documentLink({ ...EVIL, vpc: { ...EVIL.vpc, cidrs: ['<img src=x onerror=alert(1)>'] } }, '').slice(1),
    /not valid/,
  ],
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A context whose pages record dialogs, page errors, console errors and CSP violations. */
async function hostileContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const seen = { dialogs: [], errors: [] };
  const watch = (page) => {
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => seen.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') seen.errors.push(m.text());
    });
    return page;
  };
  return { context, seen, newPage: async () => watch(await context.newPage()) };
}

/** The planner has rendered its verdict (on a timeout, says what the page logged, e.g. a missing asset). */
async function loaded(page, seen) {
  try {
    await page
      .getByRole('heading', { level: 2, name: /Fits at max|fit at max|Nothing to place yet/ })
      .first()
      .waitFor();
  } catch (e) {
    throw new Error(`${e.message}\npage errors: ${JSON.stringify(seen.errors)}`);
  }
}

/** Whether `text` appears in the page's rendered text within 10 s (false if it never does). */
function shownAsText(page, text) {
  return page
    .waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
}

/** Nothing ran, nothing was rendered as markup, nothing blew up. */
async function assertHarmless(page, seen, what) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    polluted: {}.polluted ?? Object.prototype.polluted,
    csp: window.__csp,
    imgs: document.querySelectorAll('img').length,
    foreignScripts: [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
      .length,
  }));
  assert.deepEqual(
    state,
    { pwned: undefined, polluted: undefined, csp: [], imgs: 0, foreignScripts: 0, handlers: 0 },
    what,
  );
  assert.deepEqual(seen.dialogs, [], `${what}: dialogs`);
  assert.deepEqual(seen.errors, [], `${what}: page errors`);
}

/** Opens the user's plan with a normal link, and waits until local storage has it. */
async function openMine(newPage, seen) {
  const page = await newPage();
  await page.goto(`${baseUrl()}#${good}`);
  await loaded(page, seen);
  assert.equal(await page.getByLabel('Plan name').inputValue(), 'My last plan');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('My last plan')));
  return page;
}

test('markup and javascript: in plan, subnet and node group names (format 1) render as text and run nothing', async () => {
  const { context, seen, newPage } = await hostileContext();
  const page = await newPage();
  await page.goto(`${baseUrl()}${documentLink(EVIL, '')}`);
  await loaded(page, seen);
  assert.equal(await page.getByLabel('Plan name').inputValue(), PLAN_NAME);
  // The editor and the detail render after the first paint (after-first-paint.tsx): wait for the names.
  for (const name of [GROUP, ...SUBNETS]) assert.ok(await shownAsText(page, name), `"${name}" is shown as text`);
  // Waited for: the editor and the detail render after the first paint (after-first-paint.tsx), later on a loaded machine.
  const shown = page.getByText(GROUP, { exact: true }).filter({ visible: true }).first();
  assert.ok(
    await shown.waitFor({ state: 'visible', timeout: 10_000 }).then(
      () => true,
      () => false,
    ),
    'the node group name is visible as text',
  );
  await page.waitForTimeout(300); // let a lazily painted panel or an onerror fire, if one could
  await assertHarmless(page, seen, 'format 1');
  await context.close();
});

test('the same names in a format 2 link of two scenarios render as text and run nothing', async () => {
  const { context, seen, newPage } = await hostileContext();
  const page = await newPage();
  await page.goto(`${baseUrl()}${documentLink({ version: 2, active: 1, scenarios: [MINE, EVIL] }, '')}`);
  await loaded(page, seen);
  assert.ok(await shownAsText(page, GROUP), 'the node group name is shown as text');
  const text = await page.locator('body').innerText();
  assert.ok(
    (await page.getByLabel('Plan name').inputValue()) === PLAN_NAME || text.includes(PLAN_NAME),
    'the plan name is shown as text',
  );
  await page.waitForTimeout(300);
  await assertHarmless(page, seen, 'format 2');
  await context.close();
});

for (const [what, fragment, message] of BAD) {
  test(`${what}: says why, keeps the last plan, runs nothing`, async () => {
    const { context, seen, newPage } = await hostileContext();
    const mine = await openMine(newPage, seen);
    // A fresh visit with the link (the last plan comes back from local storage) …
    const page = await newPage();
    await page.goto(`${baseUrl()}#${fragment}`);
    await loaded(page, seen);
    const notice = page.getByRole('alert');
    await notice.waitFor();
    assert.match(await notice.innerText(), message);
    assert.ok(await notice.isVisible());
    assert.equal(await page.getByLabel('Plan name').inputValue(), 'My last plan', 'the last plan is shown');
    await assertHarmless(page, seen, `${what}, opened`);
    // … and the link pasted into the tab that has the plan open.
    await mine.evaluate((h) => {
      location.hash = h;
    }, fragment);
    const pasted = mine.getByRole('alert');
    await pasted.waitFor();
    assert.match(await pasted.innerText(), message);
    assert.equal(await mine.getByLabel('Plan name').inputValue(), 'My last plan', 'the plan is unchanged');
    await assertHarmless(mine, seen, `${what}, pasted`);
    await context.close();
  });
}
