/**
 * Node pools in Chromium (issue 14, "The page"): a Karpenter pool built by keyboard alone (kind, the choice
 * Node pool, a requirement's values typed as in a NodePool, pods, one pod's requests and a GPU), then the
 * worst and best candidates in the results and the verdict; and screenshots of the pool editor and the
 * candidate list at 1280 px, light and dark (screenshots/pool-*.png, side by side in screenshots/pool.png).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { root } from './support/build.mjs';
import { finish, launch, openPage, until } from './support/browser.mjs';

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
    if (a === document.body) return 'body';
    return (
      a.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? (a.tagName === 'BUTTON' ? a.textContent : a.tagName)
    );
  });

async function tabTo(page, name) {
  for (let i = 0; i < 80 && (await focused(page)) !== name; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), name, `Tab reaches ${name}`);
}

test('a Karpenter GPU pool built by keyboard: the worst p5.4xlarge judged, the best named beside it', async () => {
  const s = await openPage(browser, { height: 900 });
  const { page } = s;
  await tabTo(page, 'Node group kind');
  await page.keyboard.type('Karpenter');
  assert.equal(await page.getByLabel('Node group kind').inputValue(), 'karpenter');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Fixed instance type');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByLabel('Node pool (requirements)').isChecked(), true);
  // the pool starts from the group's family: instance-family In [m5]; replace m5 by the GPU families
  await tabTo(page, 'Requirement 1 values: add a value');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('p4d, p5, p5en');
  await page.keyboard.press('Enter');
  const chips = page.getByRole('list', { name: 'Requirement 1 values' }).locator('.chip-text');
  assert.deepEqual(await chips.allTextContents(), ['p4d', 'p5', 'p5en']);
  assert.equal(
    await page.locator('.req-count').textContent(),
    'Selects 4 of 1,363 types: p4d.24xlarge, p5.48xlarge, p5.4xlarge, p5en.48xlarge.',
  );
  for (const [field, value] of [
    ['Pods at minimum', '0'],
    ['Pods at desired', '64'],
    ['Pods at maximum', '512'],
    ['CPU per pod', '8'],
    ['Memory per pod', '64Gi'],
  ]) {
    await tabTo(page, field);
    await page.keyboard.press('Control+a');
    await page.keyboard.type(value);
  }
  await tabTo(page, 'Add a device request');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByLabel('Device 1', { exact: true }).inputValue(), 'nvidia.com/gpu');
  assert.equal(await page.getByLabel('Device 1 per pod').inputValue(), '1');
  // the results: 512 one-GPU pods; p5.4xlarge has 1 GPU (512 nodes), the others 8 (64 nodes)
  const picks = page.locator('.pool-picks');
  // Waited for until the device request is in: before it, the worst reads the same (8 CPUs of p5.4xlarge
  // hold one pod either way) while the best is still CPU-bound (p5en.48xlarge, 23 pods a node).
  await until(
    async () =>
      /p5\.4xlarge: 1 pod per node, 512 nodes.*The best, p5en\.48xlarge: 8 pods per node/.test(
        (await picks.textContent().catch(() => '')) ?? '',
      ),
    true,
    15000,
  );
  assert.match(await picks.textContent(), /^Judged against the worst, p5\.4xlarge: 1 pod per node, 512 nodes/);
  // without EFA, p4d.24xlarge, p5.48xlarge and p5en.48xlarge all hold 100 a node (WARM_ENI_TARGET=1, 8 pods: 2 ENIs × 50): 64 × 100
  assert.match(await picks.textContent(), /The best, p5en\.48xlarge: 8 pods per node, 64 nodes, 6,400 addresses\./);
  assert.match(
    await page.getByTestId('pool-verdict').textContent(),
    /^Judged against the worst candidate p5\.4xlarge \(general\); with the best, p5en\.48xlarge, it does not fit either/,
  );
  assert.equal(await page.locator('.pool-table tbody tr').count(), 4);
  // sortable by keyboard: the column header is a button
  await page
    .locator('.pool-table')
    .getByRole('button', { name: /^Pods per node/ })
    .focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.pool-table tbody tr th').last().textContent(), 'p5.4xlargeworst');
  await finish(s);
});

for (const colorScheme of ['light', 'dark']) {
  test(`screenshot the pool editor and the candidate list (${colorScheme}, 1280 px)`, async () => {
    // tall enough that the whole card and the whole result fit: element shots inside a scrolling column need it
    const s = await openPage(browser, {
      colorScheme,
      width: 1280,
      height: 2600,
      preset: 'Karpenter GPU pool (p4d, p5, p5en)',
    });
    const { page } = s;
    const editor = page.locator('.group-card').first();
    await page.locator('.req-count').waitFor();
    await editor.scrollIntoViewIfNeeded();
    await page.waitForTimeout(250);
    await editor.screenshot({ path: join(DIR, `pool-editor-${colorScheme}.png`) });
    const result = page.locator('.pool-candidates');
    await result.waitFor();
    await result.scrollIntoViewIfNeeded();
    await page.waitForTimeout(250);
    await result.screenshot({ path: join(DIR, `pool-candidates-${colorScheme}.png`) });
    const verdict = page.locator('.verdict');
    await verdict.scrollIntoViewIfNeeded();
    const chart = page.locator('figure.chart');
    await page.locator('.chart-best-line').first().waitFor();
    await verdict.screenshot({ path: join(DIR, `pool-verdict-${colorScheme}.png`) });
    await chart.scrollIntoViewIfNeeded();
    await page.waitForTimeout(250);
    await chart.screenshot({ path: join(DIR, `pool-chart-${colorScheme}.png`) });
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('.editor-col, .results-col')]
        .filter((c) => c.scrollWidth > c.clientWidth + 1)
        .map((c) => c.className),
    );
    assert.deepEqual(overflow, []);
    await finish(s);
  });
}

test('no serious axe violations with a pool open: the editor and the candidate list, Karpenter and Auto Mode', async () => {
  const s = await openPage(browser, { height: 1400, preset: 'Karpenter GPU pool (p4d, p5, p5en)' });
  const { page } = s;
  await page.locator('.pool-candidates').waitFor();
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.evaluate(readFileSync(axe, 'utf8'));
  const scan = async (what) => {
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const text = bad.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
    assert.deepEqual(text, [], `axe (${what})`);
  };
  await scan('Karpenter pool');
  await page.getByLabel('Node group kind').selectOption('auto-mode');
  await page.getByLabel('Pod addresses').waitFor();
  await scan('Auto Mode pool');
  await finish(s);
});

test('the pool screenshots side by side (screenshots/pool.png)', async () => {
  const img = (name) => `data:image/png;base64,${readFileSync(join(DIR, `${name}.png`)).toString('base64')}`;
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const col = (scheme) => `<div style="display:flex;flex-direction:column;gap:12px">
    <img src="${img(`pool-verdict-${scheme}`)}"><img src="${img(`pool-editor-${scheme}`)}">
    <img src="${img(`pool-candidates-${scheme}`)}"><img src="${img(`pool-chart-${scheme}`)}"></div>`;
  const style = 'margin:0;display:flex;gap:12px;background:#888;padding:12px;align-items:flex-start';
  await page.setContent(`<body style="${style}">${col('light')}${col('dark')}</body>`);
  await page.screenshot({ path: join(DIR, 'pool.png'), fullPage: true });
  await page.close();
});
