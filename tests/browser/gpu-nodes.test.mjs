/**
 * GPU nodes in Chromium: the instance-type combobox by keyboard alone (issue 11 point 11: a full name then
 * Tab must land on the next field, not on the page body — Chromium makes a scrolling list a tab stop, so
 * only a real browser shows it), and screenshots of the GPU preset's per-node explanation at 1280 px,
 * light and dark (screenshots/gpu-explain-*.png, and both side by side in screenshots/gpu-explain.png).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { root } from './support/build.mjs';
import { finish, launch, openPage, perNode, until } from './support/browser.mjs';

const DIR = join(root, 'screenshots');
let browser;
before(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a === document.body ? 'body' : (a.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.tagName);
  });

test('the instance-type combobox by keyboard: Tab moves on, Down opens on the type, Escape restores, any case', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const box = page.getByRole('combobox', { name: 'Instance type' });
  for (let i = 0; i < 80 && (await focused(page)) !== 'Instance type'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Instance type', 'Tab reaches the combobox');
  // a full name, then Tab: the next field has focus, not the page body
  await page.keyboard.press('Control+a');
  await page.keyboard.type('m5.24xlarge');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Node group kind');
  assert.equal(await box.inputValue(), 'm5.24xlarge');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  // m5.24xlarge: 15 ENIs × 50; 20 pods hold 2 ENIs × 49 + 2 primaries
  assert.equal(await until(() => perNode(page, 'general'), '100'), '100');
  // back, and Down opens the list on the current type: Down+Enter changes nothing
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'Instance type');
  await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  assert.match(await page.locator(`#${active}`).textContent(), /^m5\.24xlarge/);
  await page.keyboard.press('Enter');
  assert.equal(await box.inputValue(), 'm5.24xlarge');
  // a partial name, then Escape: the last valid type again, the plan valid
  await page.keyboard.press('Control+a');
  await page.keyboard.type('p5.4');
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await box.inputValue(), 'm5.24xlarge');
  assert.equal(await box.getAttribute('aria-invalid'), null);
  // upper case is accepted and written as EC2 writes it; Tab takes it and moves on
  await page.keyboard.press('Control+a');
  await page.keyboard.type('M5.LARGE');
  await page.keyboard.press('Tab');
  assert.equal(await box.inputValue(), 'm5.large');
  assert.equal(await focused(page), 'Node group kind');
  // m5.large: 3 ENIs × 10 IPv4, every address taken (max pods 29)
  assert.equal(await until(() => perNode(page, 'general'), '30'), '30');
  await finish(s);
});

async function overflowing(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-col, .results-col')]
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.className),
  );
}

for (const colorScheme of ['light', 'dark']) {
  test(`screenshot the GPU preset's per-node explanation (${colorScheme}, 1280 px)`, async () => {
    const s = await openPage(browser, {
      colorScheme,
      width: 1280,
      height: 900,
      preset: 'GPU training (p5.48xlarge, EFA)',
    });
    const { page } = s;
    const group = page.locator('.group-result', { has: page.locator('.g-name', { hasText: /^p5-training$/ }) });
    const cards = group.getByRole('list', { name: /^Network cards of one/ }).getByRole('listitem');
    await cards.first().waitFor();
    assert.deepEqual(await cards.allTextContents(), [
      'card 0: EFA primary + 1 ENI from the CNI, 98 pod IPs held; 100 addresses (node subnet)',
      'cards 1–31: EFA, not managed by the CNI (Multi-NIC off); 1 address each (node subnet), 31 in all',
    ]);
    assert.equal(await perNode(page, 'p5-training'), '131');
    await group.scrollIntoViewIfNeeded();
    await page.waitForTimeout(250);
    await group.screenshot({ path: join(DIR, `gpu-explain-${colorScheme}.png`) });
    assert.deepEqual(await overflowing(page), []);
    await finish(s);
  });
}

test('both explanation screenshots side by side (screenshots/gpu-explain.png)', async () => {
  const img = (scheme) =>
    `data:image/png;base64,${readFileSync(join(DIR, `gpu-explain-${scheme}.png`)).toString('base64')}`;
  const page = await browser.newPage({ viewport: { width: 1400, height: 700 } });
  const style = 'margin:0;display:flex;gap:12px;background:#888;padding:12px;align-items:flex-start';
  await page.setContent(`<body style="${style}">
    <img src="${img('light')}"><img src="${img('dark')}"></body>`);
  await page.screenshot({ path: join(DIR, 'gpu-explain.png'), fullPage: true });
  await page.close();
});
