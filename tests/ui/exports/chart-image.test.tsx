// @vitest-environment jsdom
/**
 * The chart as a file: svgText gives a standalone SVG (namespace, size, inlined paint and type, a
 * background for the theme) and leaves the page's chart alone. jsdom has no canvas, so pngBlob is tested
 * for its error path only; the browser tests draw a real PNG.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ChartDownload from '../../../src/ui/exports/chart-download';
import { pngBlob, svgSize, svgText } from '../../../src/ui/exports/chart-image';
import { captureDownloads, polyfillBlobText, type Downloads } from './support';

const SVG_NS = 'http://www.w3.org/2000/svg';

function drawSvg(): SVGSVGElement {
  document.head.innerHTML = `<style>
    svg { font-family: Arial; font-size: 12px; }
    .grid line { stroke: rgb(229, 233, 240); }
    .series { stroke: rgb(37, 99, 235); stroke-width: 2px; fill: none; }
    .label { fill: rgb(91, 100, 114); font-weight: 700; }
  </style>`;
  document.body.innerHTML = `<div id="box"><svg class="recharts-surface" width="320" height="160" viewBox="0 0 320 160" style="overflow: visible">
    <g class="grid"><line x1="0" x2="320" y1="80" y2="80"></line></g>
    <path class="series" d="M0 160 L320 0"></path>
    <text class="label" x="10" y="20">a &lt; b &amp; "c"</text>
  </svg></div>`;
  return document.querySelector('svg')!;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('svgText', () => {
  it('returns a standalone SVG with the namespace, its size and the computed styles inline', () => {
    const svg = drawSvg();
    const text = svgText(svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text).toContain(`xmlns="${SVG_NS}"`);
    expect(text.match(/xmlns="/g)).toHaveLength(1);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('320');
    expect(root.getAttribute('height')).toBe('160');
    expect(root.getAttribute('viewBox')).toBe('0 0 320 160');
    expect(root.getAttribute('style') ?? '').toContain('font-family: Arial');
    expect(root.getAttribute('style') ?? '').not.toContain('overflow');
    expect(doc.querySelector('.grid line')!.getAttribute('style')).toContain('stroke: rgb(229, 233, 240)');
    const series = doc.querySelector('.series')!.getAttribute('style')!;
    expect(series).toContain('stroke: rgb(37, 99, 235)');
    expect(series).toContain('stroke-width: 2px');
    expect(series).toContain('fill: none');
    const label = doc.querySelector('.label')!;
    expect(label.getAttribute('style')).toContain('font-weight: 700');
    expect(label.textContent).toBe('a < b & "c"');
    // Inherited values are written once, where they change: not again on every child.
    expect(doc.querySelector('.series')!.getAttribute('style')).not.toContain('font-family');
  });

  it('draws the key under the chart: a swatch and the name of each subnet, names as text', () => {
    const legend = [
      { name: 'nodes-a', color: '#2563eb' },
      { name: 'pods-<b>x</b>', color: '#d97706' },
    ];
    const doc = new DOMParser().parseFromString(svgText(drawSvg(), { legend }), 'image/svg+xml');
    const root = doc.documentElement;
    // 320 wide: both entries fit one row of 18 px, plus 10 px of padding
    expect(root.getAttribute('height')).toBe(String(160 + 18 + 10));
    expect(root.getAttribute('viewBox')).toBe(`0 0 320 ${160 + 18 + 10}`);
    const key = doc.querySelector('[data-legend]')!;
    expect([...key.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['nodes-a', 'pods-<b>x</b>']);
    expect([...key.querySelectorAll('rect')].map((r) => r.getAttribute('fill'))).toEqual(['#2563eb', '#d97706']);
    expect(key.querySelector('b')).toBeNull();
    expect(doc.querySelector('[data-background]')!.getAttribute('height')).toBe(String(160 + 28));
  });

  it('draws a title above the chart (the plan name as text) in a band of its own', () => {
    const title = 'Subnet exhaustion: <img src=x onerror=alert(1)>';
    const doc = new DOMParser().parseFromString(svgText(drawSvg(), { title }), 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.getAttribute('height')).toBe(String(160 + 30));
    // The band sits above the chart's own coordinates: the chart is not moved, the view starts 30 px higher.
    expect(root.getAttribute('viewBox')).toBe('0 -30 320 190');
    const t = doc.querySelector('[data-title]')!;
    // 320 px hold 33 characters of 15 px type: the name is cut with an ellipsis, as text
    expect(t.textContent).toBe('Subnet exhaustion: <img src=x on…');
    expect(Number(t.getAttribute('y'))).toBeLessThan(0);
    expect(doc.querySelector('img')).toBeNull();
  });

  it('paints a background of the current theme behind everything', () => {
    const light = new DOMParser().parseFromString(svgText(drawSvg()), 'image/svg+xml').documentElement;
    const bg = light.firstElementChild!;
    expect(bg.tagName).toBe('rect');
    expect([bg.getAttribute('width'), bg.getAttribute('height'), bg.getAttribute('fill')]).toEqual([
      '320',
      '160',
      '#ffffff',
    ]);
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q.includes('dark'),
      media: q,
      addEventListener() {},
      removeEventListener() {},
    }));
    const dark = new DOMParser().parseFromString(svgText(drawSvg()), 'image/svg+xml').documentElement;
    expect(dark.firstElementChild!.getAttribute('fill')).toBe('#161d27');
  });

  it('leaves the chart on the page untouched', () => {
    const svg = drawSvg();
    const before = svg.outerHTML;
    svgText(svg);
    expect(svg.outerHTML).toBe(before);
  });

  it('takes its size from the viewBox when there are no width and height attributes', () => {
    document.body.innerHTML = `<svg viewBox="0 0 640 320"><rect width="10" height="10"></rect></svg>`;
    expect(svgSize(document.querySelector('svg')!)).toEqual({ width: 640, height: 320 });
  });
});

describe('pngBlob', () => {
  it('rejects with a readable reason where there is no canvas (jsdom)', async () => {
    // jsdom's getContext logs "Not implemented" and gives nothing: answer nothing, quietly.
    const noCanvas = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    await expect(pngBlob(drawSvg())).rejects.toThrow(/cannot draw on a canvas/);
    expect(noCanvas).toHaveBeenCalledWith('2d');
    noCanvas.mockRestore();
    document.body.innerHTML = '<svg></svg>';
    await expect(pngBlob(document.querySelector('svg')!)).rejects.toThrow(/no size/);
  });
});

describe('ChartDownload', () => {
  let downloads: Downloads;
  beforeEach(() => {
    polyfillBlobText();
    downloads = captureDownloads();
  });
  afterEach(() => downloads.restore());

  it('saves the SVG under the file base, and explains when the PNG cannot be drawn', async () => {
    const user = userEvent.setup();
    const svg = drawSvg();
    render(<ChartDownload getSvg={() => svg} fileBase="Expanded VPC (100.64.0.0/10)" />);
    await user.click(screen.getByRole('button', { name: 'Download chart (SVG)' }));
    const [d] = downloads.saved;
    expect(d!.fileName).toBe('Expanded-VPC-100.64.0.0-10.svg');
    expect(d!.blob.type).toBe('image/svg+xml;charset=utf-8');
    // the file is the drawn chart as a standalone SVG: checked on its content, not against svgText itself
    const saved = await d!.blob.text();
    expect(saved.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(saved, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe(SVG_NS);
    expect([doc.documentElement.getAttribute('width'), doc.documentElement.getAttribute('height')]).toEqual([
      '320',
      '160',
    ]);
    expect(doc.querySelector('.series')!.getAttribute('d')).toBe('M0 160 L320 0');
    expect(doc.querySelector('.series')!.getAttribute('style')).toContain('stroke: rgb(37, 99, 235)');
    expect(doc.querySelector('.label')!.textContent).toBe('a < b & "c"');
    expect(screen.getByRole('status').textContent).toBe('Downloading Expanded-VPC-100.64.0.0-10.svg.');
    const noCanvas = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    await user.click(screen.getByRole('button', { name: 'Download chart (PNG)' }));
    noCanvas.mockRestore();
    expect(screen.getByRole('status').textContent).toMatch(/^Could not make the PNG: .*download the SVG instead\.$/);
    expect(downloads.saved).toHaveLength(1);
  });

  it('says so when the chart is not drawn', async () => {
    const user = userEvent.setup();
    render(<ChartDownload getSvg={() => null} fileBase="plan" />);
    await user.click(screen.getByRole('button', { name: 'Download chart (SVG)' }));
    expect(screen.getByRole('status').textContent).toMatch(/not on the page yet/);
    expect(downloads.saved).toHaveLength(0);
  });
});
