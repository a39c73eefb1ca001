/**
 * The built app's Content-Security-Policy (vite.config.ts adds it at build time only): what it says,
 * that the app runs under it with no violation while it is used, and that it really blocks inline
 * script, eval and inline style (so a markup injection could not run even if one slipped through).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launch, until } from './support/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The page as served (the build's dist/index.html). */
const html = await (await fetch(baseUrl())).text();

function policy() {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert.ok(m, 'dist/index.html has a Content-Security-Policy <meta>');
  return Object.fromEntries(
    m[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
}

test('the policy: own-origin scripts, no eval, no inline script or style, no plugins, no <base>, no forms', () => {
  const p = policy();
  assert.deepEqual(p['default-src'], ["'self'"]);
  assert.deepEqual(p['script-src'], ["'self'"]);
  assert.deepEqual(p['style-src'], ["'self'"]);
  assert.deepEqual(p['connect-src'], ["'self'"]);
  assert.deepEqual(p['img-src'], ["'self'", 'data:', 'blob:']);
  assert.deepEqual(p['object-src'], ["'none'"]);
  assert.deepEqual(p['base-uri'], ["'none'"]);
  assert.deepEqual(p['form-action'], ["'none'"]);
  assert.doesNotMatch(html, /unsafe-(inline|eval|hashes)|wasm-unsafe-eval|strict-dynamic/);
  // It comes before anything it governs.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes the scripts');
  // Nothing inline in the page for it to block.
  for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
    assert.match(tag, /\ssrc="\.\/assets\/[^"]+\.js"/, `external script: ${tag}`);
  assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i);
  // The CSS the build emits is in files, linked from the page.
  assert.match(html, /<link rel="stylesheet"[^>]* href="\.\/assets\/[^"]+\.css"/);
});

/** A page recording CSP violations from its first script on, plus page and console errors. */
async function open(url = baseUrl()) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page
    .getByRole('heading', { level: 2, name: /Fits at max|fit at max|Nothing to place yet/ })
    .first()
    .waitFor();
  return { context, page, errors, violations: () => page.evaluate(() => window.__csp) };
}

/** Clicks what is there (the page's panels may change), skipping what is not. */
async function clickAll(locator, limit = 30) {
  const n = Math.min(await locator.count(), limit);
  for (let i = 0; i < n; i++) {
    const el = locator.nth(i);
    if (await el.isVisible().catch(() => false)) await el.click({ timeout: 2000 }).catch(() => {});
  }
}

test('the app runs under the policy with no violation: presets, lazy chunks, chart, panels, share link', async () => {
  const { context, page, errors, violations } = await open();
  const preset = page.getByLabel('Preset');
  for (const option of await preset.locator('option').all()) {
    const [value, label] = [await option.getAttribute('value'), (await option.textContent()).trim()];
    if (!value) continue;
    await preset.selectOption(value);
    assert.equal(await until(() => page.getByLabel('Plan name').inputValue(), label), label);
  }
  // The carve helper is a lazy chunk (its JS, and CSS if it has any, load under the policy).
  await page.getByRole('button', { name: 'Carve subnets…' }).click();
  await page.getByText(/Loading the carve helper/).waitFor({ state: 'detached' });
  // The chart's tooltip and readout are positioned with inline styles (CSSOM, allowed).
  const chart = page.locator('svg.chart-surface').first();
  if (await chart.count()) {
    const box = await chart.boundingBox();
    if (box) for (const f of [0.3, 0.6, 0.9]) await page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
  }
  await clickAll(page.locator('details:not([open]) > summary'));
  await clickAll(page.getByRole('tab'));
  await page
    .getByRole('button', { name: /share link/i })
    .first()
    .click();
  // The last preset may be a node pool (pods, not pods per node): edit a fixed group's field.
  await preset.selectOption({ label: 'Small routable VPC' });
  await page.getByLabel('Pods per node').first().fill('60');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForTimeout(400);
  assert.deepEqual(await violations(), [], 'CSP violations');
  assert.deepEqual(errors, [], 'page and console errors');
  await context.close();
});

test('the policy is in force: inline script, eval, inline <style> and style attributes are blocked', async () => {
  const { context, page, errors, violations } = await open();
  const r = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    const img = document.createElement('div');
    img.innerHTML = '<img src="data:," onload="window.__handler = 1">';
    document.body.append(img);
    // page.evaluate itself may eval (DevTools is exempt); code the page runs later is not.
    setTimeout(() => {
      try {
        window.__eval = String(eval('1 + 1'));
      } catch (e) {
        window.__eval = e.name;
      }
      try {
        window.__fn = String(new Function('return 2')());
      } catch (e) {
        window.__fn = e.name;
      }
    }, 0);
    setTimeout('window.__timerString = 1', 0);
    const st = document.createElement('style');
    st.textContent = 'body { --csp-probe: 1; }';
    document.head.append(st);
    const el = document.createElement('span');
    el.setAttribute('style', 'color: rgb(1, 2, 3)');
    document.body.append(el);
    await new Promise((ok) => setTimeout(ok, 200));
    return {
      inline: window.__inline,
      handler: window.__handler,
      evalResult: window.__eval,
      fnResult: window.__fn,
      timerString: window.__timerString,
      styleApplied: getComputedStyle(document.body).getPropertyValue('--csp-probe').trim(),
      attrApplied: getComputedStyle(el).color === 'rgb(1, 2, 3)',
    };
  });
  assert.deepEqual(r, {
    inline: undefined,
    handler: undefined,
    evalResult: 'EvalError',
    fnResult: 'EvalError',
    timerString: undefined,
    styleApplied: '',
    attrApplied: false,
  });
  const kinds = (await violations()).map((v) => v.split(':')[0]);
  for (const d of ['script-src-elem', 'script-src-attr', 'script-src', 'style-src-elem', 'style-src-attr'])
    assert.ok(kinds.includes(d), `a ${d} violation was reported (${kinds.join(', ')})`);
  assert.ok(
    errors.every((e) => /Content Security Policy/.test(e)),
    'the only console errors are the refusals',
  );
  await context.close();
});
