/**
 * Long names in the layout (issue 11, point 14). The plan comes from the app's own AWS import of a
 * describe-subnets listing with real-world Name tags (prod-nodes-us-east-1a, …), one subnet without a Name
 * tag (named by its ID) and a Name tag used twice (the ID is added: "prod-pods-us-east-1a (subnet-…)"); three
 * scenarios with long names. Checked in headless Chromium:
 * - every element that shows a subnet name shows all of it: its text lies inside its table cell and every
 *   box that clips it (or an input's or menu's text fits its box), else the whole name is in a title or
 *   aria-label; and no table (subnet bars, the chart's readout, …) is cut by the box that clips it;
 * - the comparison of three scenarios at 1024 px: no label or header text runs out of its cell into the
 *   next one, and the last column (C) ends inside its table's visible box and the viewport.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { root } from './support/build.mjs';
import { baseUrl, finish, launch, openPage } from './support/browser.mjs';

const { importAwsVpc } = await tsImport('../../src/model/import-aws.ts', import.meta.url);
const { documentLink } = await tsImport('../../src/model/share-link.ts', import.meta.url);

const VPC_ID = 'vpc-0a1b2c3d4e5f60718';
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const subnet = (id, az, cidr, available, name) => ({
  SubnetId: id,
  VpcId: VPC_ID,
  AvailabilityZone: az,
  CidrBlock: cidr,
  AvailableIpAddressCount: available,
  State: 'available',
  ...(name ? { Tags: [{ Key: 'Name', Value: name }] } : {}),
});
const SUBNETS = {
  Subnets: [
    ...AZS.map((az, i) =>
      subnet(`subnet-0a0b1c2d3e4f5678${i}`, az, `10.0.${i * 4}.0/22`, 1019 - 8, `prod-nodes-${az}`),
    ),
    ...AZS.map((az, i) =>
      subnet(
        `subnet-0f0e1d2c3b4a5968${i}`,
        az,
        `100.${64 + i}.0.0/16`,
        65531,
        i === 0 ? 'prod-pods-us-east-1a' : `prod-pods-${az}`,
      ),
    ),
    // The same Name tag twice, and a subnet without one.
    subnet('subnet-0a0b1c2d3e4f56789', 'us-east-1a', '10.0.12.0/24', 251, 'prod-pods-us-east-1a'),
    subnet('subnet-0c1d2e3f405162738', 'us-east-1b', '10.0.13.0/24', 251),
  ],
};
const imported = importAwsVpc({
  vpcs: readFileSync(join(root, 'tests/fixtures/aws/describe-vpcs.json'), 'utf8'),
  subnets: JSON.stringify(SUBNETS),
});
assert.ok(imported.ok, JSON.stringify(imported.errors));
const NAMES = imported.plan.vpc.subnets.map((s) => s.name);
const named = (prefix) => NAMES.filter((n) => n.startsWith(prefix));
// The import's own names: the Name tags, the ID where there is none, the ID added to a Name used twice.
assert.deepEqual(NAMES.filter((n) => n.includes('(')).sort(), [
  'prod-pods-us-east-1a (subnet-0a0b1c2d3e4f56789)',
  'prod-pods-us-east-1a (subnet-0f0e1d2c3b4a59680)',
]);
assert.ok(NAMES.includes('subnet-0c1d2e3f405162738'));

const nodes = named('prod-nodes-');
const pods = [named('prod-pods-us-east-1a (subnet-0f')[0], 'prod-pods-us-east-1b', 'prod-pods-us-east-1c'];
const A = {
  ...imported.plan,
  name: 'Production EKS cluster us-east-1 (imported VPC prod-eks)',
  nodeGroups: [
    {
      name: 'general-purpose-workers',
      instanceType: 'm5.16xlarge',
      subnets: nodes,
      minNodes: 3,
      desiredNodes: 3,
      maxNodes: 9,
      podsPerNode: 20,
      maxPods: null,
    },
    {
      name: 'system',
      instanceType: 'm6i.2xlarge',
      subnets: ['prod-pods-us-east-1a (subnet-0a0b1c2d3e4f56789)', 'subnet-0c1d2e3f405162738'],
      minNodes: 2,
      desiredNodes: 2,
      maxNodes: 4,
      podsPerNode: 20,
      maxPods: null,
    },
  ],
};
const B = {
  ...A,
  name: 'Custom networking with secondary CIDRs 100.64.0.0/16 per AZ',
  cni: { ...A.cni, customNetworking: true },
  nodeGroups: [{ ...A.nodeGroups[0], podSubnets: pods, maxPods: 250, maxNodes: 60 }],
};
const C = {
  ...A,
  name: 'MINIMUM_IP_TARGET 25, WARM_IP_TARGET 5 on every node group',
  cni: { ...A.cni, minimumIpTarget: 25, warmIpTarget: 5 },
};
const link = (active) => documentLink({ version: 2, active, scenarios: [A, B, C] }, baseUrl());

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * Every place on the page that shows one of `names` (text, an input's value, a menu's chosen option) and
 * does not show all of it, with the reason: [where, name, why]. Text counts as shown when each of its line
 * boxes lies inside every ancestor that clips (overflow other than visible) horizontally; an input or
 * menu when its text fits its content box. A name that cannot be shown whole must be in a title or
 * aria-label of the element or an ancestor.
 */
function cutNames(page, names) {
  return page.evaluate((names) => {
    const out = [];
    const canvas = document.createElement('canvas').getContext('2d');
    const textWidth = (el, text) => {
      const cs = getComputedStyle(el);
      canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return canvas.measureText(text).width;
    };
    const where = (el) => {
      const region = el.closest('section[aria-label], section[aria-labelledby], figure, [role=region]');
      const label =
        region?.getAttribute('aria-label') ??
        document.getElementById(region?.getAttribute('aria-labelledby') ?? '')?.textContent;
      return `${label ?? 'page'} › ${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
    };
    const titled = (el, name) => {
      for (let e = el; e; e = e.parentElement) {
        if (e.getAttribute('title')?.includes(name) || e.getAttribute('aria-label')?.includes(name)) return true;
      }
      return false;
    };
    const visible = (el) =>
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden' &&
      !el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)');
    const clippers = (el) => {
      const list = [];
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== 'visible') list.push(e.getBoundingClientRect());
      }
      list.push({ left: 0, right: document.documentElement.clientWidth });
      return list;
    };
    // Text: the longest name found in each text node (a name may contain another: "prod-pods-us-east-1a (subnet-…)").
    const sorted = [...names].sort((a, b) => b.length - a.length);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, option, svg') || !visible(el)) continue;
      const text = node.textContent;
      const name = sorted.find((n) => text.includes(n));
      if (!name) continue;
      const range = document.createRange();
      const at = text.indexOf(name);
      range.setStart(node, at);
      range.setEnd(node, at + name.length);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
      // In a table, the name also stays in its cell: text out of it lies over the next cell's.
      const clips = [...clippers(el), ...(el.closest('th, td') ? [el.closest('th, td').getBoundingClientRect()] : [])];
      const cut = boxes.some((r) => clips.some((c) => r.left < c.left - 1 || r.right > c.right + 1));
      if (cut && !titled(el, name)) out.push([where(el), name, 'text cut off by a box that clips it']);
    }
    for (const input of document.querySelectorAll('input[type=text]')) {
      const name = input.value;
      if (!names.includes(name) || !visible(input)) continue;
      if (input.scrollWidth > input.clientWidth + 1 && !titled(input, name))
        out.push([where(input), name, 'input too narrow, no title']);
    }
    for (const select of document.querySelectorAll('select')) {
      const name = select.selectedOptions[0]?.textContent ?? '';
      if (!names.some((n) => name.includes(n)) || !visible(select)) continue;
      const cs = getComputedStyle(select);
      // Chromium draws the menu's arrow inside the padding box, in about 20 px.
      const room = select.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
      if (textWidth(select, name) > room && !titled(select, name))
        out.push([where(select), name, 'menu too narrow, no title']);
    }
    // The figures beside the names: no table is wider than the box that clips it (its scroller or column).
    for (const table of document.querySelectorAll('table')) {
      if (!visible(table)) continue;
      const r = table.getBoundingClientRect();
      const clip = clippers(table)[0];
      if (r.right > clip.right + 1)
        out.push([
          where(table),
          table.caption?.textContent ?? table.rows[0]?.cells[0]?.textContent ?? '',
          `table ${Math.round(r.width)} px wide in ${Math.round(clip.right - clip.left)} px: its last columns are cut`,
        ]);
    }
    return out;
  }, names);
}

/** Opens every node group card of the editor. */
async function openCards(page) {
  for (const button of await page.locator('.group-card .disclosure[aria-expanded="false"]').all()) await button.click();
}

for (const width of [1440, 1024]) {
  test(`every subnet name shows whole, or in a title, at ${width} px`, async () => {
    const s = await openPage(browser, { width, height: 900, url: link(0) });
    const { page } = s;
    await page.getByRole('heading', { level: 2, name: 'Addresses by subnet' }).waitFor();
    await openCards(page);
    await page.locator('.group-result summary').first().click();
    const found = [];
    found.push(...(await cutNames(page, NAMES)).map((f) => ['A', ...f]));
    for (const tool of ['Failure and surge', 'Cross-AZ']) {
      await page.getByRole('tab', { name: tool, exact: true }).click();
      await page
        .getByRole('heading', { level: 2, name: tool === 'Cross-AZ' ? 'Cross-AZ traffic and placement' : tool })
        .waitFor();
      found.push(...(await cutNames(page, NAMES)).map((f) => [tool, ...f]));
    }
    // Scenario B: custom networking, so each AZ has its pod subnet menu.
    await page.getByRole('tab', { name: B.name }).click();
    await page.getByLabel('Pod subnet in us-east-1a').first().waitFor();
    await openCards(page);
    assert.equal(await page.getByLabel('Pod subnet in us-east-1a').first().inputValue(), pods[0]);
    found.push(...(await cutNames(page, NAMES)).map((f) => ['B', ...f]));
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.getByRole('table', { name: 'Subnets: addresses used at max / usable' }).waitFor();
    found.push(...(await cutNames(page, NAMES)).map((f) => ['compare', ...f]));
    assert.deepEqual([...new Set(found.map((f) => f.join(': ')))], []);
    await finish(s);
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`three scenarios compared at 1024 px: no label runs into another, column C in view (${colorScheme})`, async () => {
    const s = await openPage(browser, { width: 1024, height: 800, colorScheme, url: link(0) });
    const { page } = s;
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    const compare = page.getByRole('region', { name: 'Compare scenarios' });
    await compare.getByRole('table', { name: 'At a glance' }).waitFor();
    const problems = await compare.evaluate((region) => {
      const out = [];
      const viewport = document.documentElement.clientWidth;
      const panel = region.getBoundingClientRect();
      for (const el of region.querySelectorAll('select, button')) {
        const r = el.getBoundingClientRect();
        if (r.right > panel.right + 1)
          out.push(
            `${el.tagName.toLowerCase()} "${el.textContent.slice(0, 40)}" ends at ${Math.round(r.right)}, past the panel (${Math.round(panel.right)})`,
          );
      }
      for (const table of region.querySelectorAll('table')) {
        const caption = table.caption?.textContent;
        const scroller = table.parentElement.getBoundingClientRect();
        const heads = [...table.tHead.rows[0].cells].slice(1);
        const last = heads.at(-1).getBoundingClientRect();
        if (last.right > Math.min(scroller.right, viewport) + 1)
          out.push(
            `${caption}: column ${heads.at(-1).querySelector('.compare-letter')?.textContent} ends at ${Math.round(last.right)}, past ${Math.round(Math.min(scroller.right, viewport))}`,
          );
        // Each cell's text stays inside the cell: it cannot then cover a neighbour's.
        for (const cell of table.querySelectorAll('th, td')) {
          const box = cell.getBoundingClientRect();
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          const rects = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('.visually-hidden')) continue; // 1 px, clipped: not on screen
            const range = document.createRange();
            range.selectNodeContents(node);
            rects.push(...range.getClientRects());
          }
          const r = rects.find((x) => x.width > 0 && (x.left < box.left - 1 || x.right > box.right + 1));
          if (r)
            out.push(
              `${caption}: "${cell.textContent.slice(0, 50)}" runs out of its cell (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`,
            );
        }
      }
      return out;
    });
    assert.deepEqual(problems, []);
    // The whole scenario names are there, in the headers.
    const glance = compare.getByRole('table', { name: 'At a glance' });
    for (const name of [A.name, B.name, C.name])
      assert.equal(await glance.getByRole('columnheader', { name }).count(), 1, name);
    await finish(s);
  });
}

// The editor's subnet table: a name too long for the name column gets a line of its own (subnet-table.tsx
// stackNames), so every imported name is whole in its input at each width, without relying on a title.
for (const width of [1024, 1280, 1440]) {
  test(`the subnet table shows every subnet name whole in its input at ${width} px`, async () => {
    const s = await openPage(browser, { width, height: 900, url: link(0) });
    const { page } = s;
    await page.getByRole('heading', { level: 2, name: 'Subnets' }).waitFor();
    const cut = await page.evaluate(
      (names) =>
        [...document.querySelectorAll('.subnet-table th input')]
          .filter((i) => names.includes(i.value) && i.scrollWidth > i.clientWidth + 1)
          .map((i) => i.value),
      NAMES,
    );
    assert.deepEqual(cut, []);
    const shown = await page.locator('.subnet-table th input').evaluateAll((inputs) => inputs.map((i) => i.value));
    assert.deepEqual(shown, NAMES);
    await finish(s);
  });
}
