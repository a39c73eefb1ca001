/**
 * The page reads its instance dataset as a file beside its scripts (src/data/dataset-file.browser.ts),
 * preloaded by dist/index.html. Loaded once, by the preload, and the plan evaluates with it; when the file
 * cannot be read the page says so, names the file and the reason, and leaves the plan in the address bar
 * and in storage as they were.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { baseUrl, launch, VERDICT } from './support/browser.mjs';

const { documentLink } = await tsImport('../../src/model/share-link.ts', import.meta.url);
const { GPU_TRAINING } = await tsImport('../../src/model/presets.ts', import.meta.url);
const { STORAGE_KEY } = await tsImport('../../src/state/persistence.ts', import.meta.url);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const DATASET = /\/assets\/instances-[^/]+\.json$/;

test('the dataset file is preloaded, read once, and the plan from the link evaluates with it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => {
    if (DATASET.test(new URL(r.url()).pathname)) requests.push(r.url());
  });
  await page.goto(`${baseUrl()}${documentLink(GPU_TRAINING, '')}`);
  await page.getByRole('heading', { level: 2, name: VERDICT }).first().waitFor();
  // p5.48xlarge is in the dataset the page read: its figures are there, not "unknown instance type".
  assert.match(await page.locator('.results').innerText(), /p5\.48xlarge/);
  assert.equal(await page.getByText(/unknown instance type/).count(), 0);
  const preload = await page.locator('link[rel="preload"][as="fetch"]').getAttribute('href');
  assert.match(preload, /^\.\/assets\/instances-[^/]+\.json$/);
  assert.equal(requests.length, 1, `one request for the dataset: ${requests.join(', ')}`);
  await context.close();
});

for (const [what, fulfil, reason] of [
  ['missing (404)', { status: 404, body: 'not here' }, /HTTP 404/],
  ['damaged', { status: 200, contentType: 'application/json', body: '{"columns": [' }, /JSON|Unexpected|Expected/],
  [
    'of the wrong shape',
    { status: 200, contentType: 'application/json', body: '{"columns": [], "data": []}' },
    /column name is missing/,
  ],
]) {
  test(`a dataset file ${what}: the page says so, and the plan in the address bar and in storage stays`, async () => {
    const context = await browser.newContext();
    const saved = JSON.stringify({ ...GPU_TRAINING, name: 'My saved plan' });
    await context.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [STORAGE_KEY, saved],
    );
    await context.route(DATASET, (route) => route.fulfill(fulfil));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const link = `${baseUrl()}${documentLink({ ...GPU_TRAINING, name: 'From the link' }, '')}`;
    await page.goto(link);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'The planner could not load its instance types' }).waitFor();
    const text = await alert.innerText();
    assert.match(text, /instances-[^ ]+\.json/);
    assert.match(text, reason);
    assert.match(text, /your plan is still in the address bar/);
    await page.waitForTimeout(700);
    assert.equal(page.url(), link, 'the address bar keeps the link');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), saved, 'storage is untouched');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
