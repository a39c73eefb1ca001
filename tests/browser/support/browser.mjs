/** Headless Debian Chromium through playwright-core, with no network beyond the local server. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = () => existsSync(CHROMIUM);

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The app's address: the runner's server (BASE_URL). */
export function baseUrl() {
  const url = process.env.BASE_URL;
  if (!url) throw new Error('BASE_URL is not set: run the browser tests with `node scripts/browser-tests.mjs`');
  return url;
}

/** The heading every first screen has: a verdict, or "Nothing to place yet" before any node group. */
export const VERDICT = /Fits at max|fit at max|Nothing to place yet/;

/**
 * A fresh context and page that records every request to a host other than the local server
 * (`foreign`) and every page error (`errors`). The first visit opens on the blank plan; with no link in
 * `url`, the page then picks `preset` in the Preset menu as a user would (the tests' usual start, the
 * small routable VPC); `preset: null` keeps the first screen.
 */
export async function openPage(
  browser,
  {
    width = 1280,
    height = 800,
    colorScheme = 'light',
    url = baseUrl(),
    permissions = [],
    preset = 'Small routable VPC',
  } = {},
) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, permissions });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const foreign = [];
  const errors = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: VERDICT }).first().waitFor();
  if (preset && !new URL(url).hash) {
    const first = page.url();
    await page.getByLabel('Preset').selectOption({ label: preset });
    await until(() => page.getByLabel('Plan name').inputValue(), preset);
    await page
      .getByRole('heading', { level: 2, name: /Fits at max|fit at max/ })
      .first()
      .waitFor();
    // The address bar and storage follow the preset once it has rested: a test's own edit comes after.
    await until(() => page.url() !== first, true);
  }
  return { context, page, foreign, errors };
}

/** The value of a headline tile, e.g. 'Addresses used at desired' → '324'. */
export async function stat(page, label) {
  return (await page.locator('.stat', { hasText: label }).locator('.stat-value').textContent()).trim();
}

/** A node group's addresses per node, from its result summary (the detail follows a frame later). */
export async function perNode(page, group) {
  const summary = page.locator('.group-result summary', {
    has: page.locator('.g-name', { hasText: new RegExp(`^${group}$`) }),
  });
  const text = await summary.textContent();
  return /([\d,]+) addresses per node/.exec(text)?.[1];
}

/** Polls `fn` until it returns `want` (or the timeout), then returns the last value. */
export async function until(fn, want, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last === want) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

/** Every test ends here: the context closes, no request left the local server and no script error happened. */
export async function finish({ context, foreign, errors }) {
  const { deepEqual } = await import('node:assert/strict');
  await context.close();
  deepEqual(foreign, [], 'requests to other hosts');
  deepEqual(errors, [], 'page errors');
}
