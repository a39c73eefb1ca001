/**
 * The exhaustion chart as a file: a standalone SVG (a clone with the computed paint and type inlined,
 * its size, the namespace and a background for the current theme) and a PNG drawn from it on a canvas.
 */
import { chartTheme } from '../common/colors';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Inherited properties: written on an element only where its value differs from its parent's. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Largest canvas drawn (pixels); browsers refuse bigger ones, so the scale is lowered to fit. */
const MAX_CANVAS_PIXELS = 16_777_216;

export interface SvgSize {
  width: number;
  height: number;
}

/** Width and height in CSS pixels: the attributes, else the laid-out box, else the viewBox. */
export function svgSize(svg: SVGSVGElement): SvgSize {
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '');
  const box = svg.getBoundingClientRect();
  const view = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const pick = (a: number, b: number, c: number | undefined) =>
    [a, b, c ?? NaN].find((v) => Number.isFinite(v) && v > 0) ?? 0;
  return { width: pick(attr('width'), box.width, view[2]), height: pick(attr('height'), box.height, view[3]) };
}

/** Is the page in dark mode (the system colour scheme, as the chart's palette follows)? */
function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Copies the computed styles that paint an SVG onto the clone's elements, as inline style. */
function inlineStyles(source: SVGSVGElement, clone: SVGSVGElement): void {
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element) => {
    let cs = computed.get(el);
    if (!cs) computed.set(el, (cs = getComputedStyle(el)));
    return cs;
  };
  from.forEach((el, i) => {
    const target = to[i];
    if (!(target instanceof Element) || !('style' in target)) return;
    const style = (target as SVGElement).style;
    const cs = styleOf(el);
    const parent = el === source ? null : el.parentElement;
    for (const prop of INHERITED) {
      const v = cs.getPropertyValue(prop).trim();
      if (v && (!parent || styleOf(parent).getPropertyValue(prop).trim() !== v)) style.setProperty(prop, v);
    }
    const opacity = cs.getPropertyValue('opacity').trim();
    if (opacity && opacity !== '1') style.setProperty('opacity', opacity);
    if (cs.getPropertyValue('display').trim() === 'none') style.setProperty('display', 'none');
  });
}

/**
 * The chart as a standalone SVG document: it renders the same opened on its own or drawn into an image.
 * @example svgText(svg).startsWith('<?xml') && svgText(svg).includes('xmlns="http://www.w3.org/2000/svg"')
 */
/** One subnet's colour and name, for the key drawn under the chart in the file. */
export interface LegendEntry {
  name: string;
  color: string;
}

const LEGEND_ROW = 18;
const LEGEND_PAD = 10;
const legendItemWidth = (name: string) => 14 + 7 * Math.min(name.length, 40) + 18;

/** Rows of the key for a chart `width` wide (entries flow left to right and wrap). */
function legendRows(legend: readonly LegendEntry[], width: number): LegendEntry[][] {
  const rows: LegendEntry[][] = [];
  let x = LEGEND_PAD;
  for (const e of legend) {
    const w = legendItemWidth(e.name);
    if (!rows.length || x + w > width - LEGEND_PAD) {
      rows.push([]);
      x = LEGEND_PAD;
    }
    rows[rows.length - 1]!.push(e);
    x += w;
  }
  return rows;
}

/** Extra height the key takes under a chart `width` wide. */
export function legendHeight(legend: readonly LegendEntry[] | undefined, width: number): number {
  return legend?.length ? legendRows(legend, width).length * LEGEND_ROW + LEGEND_PAD : 0;
}

function drawLegend(
  doc: Document,
  legend: readonly LegendEntry[],
  width: number,
  top: number,
  ink: string,
): SVGGElement {
  const g = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
  g.setAttribute('data-legend', '');
  legendRows(legend, width).forEach((row, r) => {
    let x = LEGEND_PAD;
    const y = top + r * LEGEND_ROW;
    for (const e of row) {
      const sw = doc.createElementNS(SVG_NS, 'rect');
      sw.setAttribute('x', String(x));
      sw.setAttribute('y', String(y + 4));
      sw.setAttribute('width', '10');
      sw.setAttribute('height', '10');
      sw.setAttribute('fill', e.color);
      const t = doc.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', String(x + 14));
      t.setAttribute('y', String(y + 13));
      t.setAttribute('fill', ink);
      t.setAttribute('font-size', '12');
      t.setAttribute('font-family', 'system-ui, sans-serif');
      // textContent: a subnet name is data, never markup
      t.textContent = e.name.length > 40 ? `${e.name.slice(0, 39)}…` : e.name;
      g.append(sw, t);
      x += legendItemWidth(e.name);
    }
  });
  return g;
}

/** The band above the chart that carries its title in a file (the page has the title in its heading). */
export const TITLE_BAND = 30;

export interface SvgFileOptions {
  background?: string;
  /** The subnets drawn, as a key under the chart. */
  legend?: readonly LegendEntry[];
  /** A title drawn above the chart, e.g. "Subnet exhaustion: <plan name>" (text, never markup). */
  title?: string;
}

export function svgText(svg: SVGSVGElement, options: SvgFileOptions = {}): string {
  const { width, height: chartHeight } = svgSize(svg);
  const band = legendHeight(options.legend, width);
  const head = options.title ? TITLE_BAND : 0;
  const height = chartHeight + band + head;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  clone.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${chartHeight}`);
  // The page lets labels overflow the box; a file is cut at its viewBox either way.
  clone.style.removeProperty('overflow');
  const [x = 0, y0 = 0, w = width, h0 = chartHeight] = (clone.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const y = y0 - head;
  const h = h0 + band + head;
  if (band || head) clone.setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
  const bg = clone.ownerDocument.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', String(x));
  bg.setAttribute('y', String(y));
  bg.setAttribute('width', String(w));
  bg.setAttribute('height', String(h));
  bg.setAttribute('fill', options.background ?? chartTheme(prefersDark() ? 'dark' : 'light').surface);
  bg.setAttribute('data-background', '');
  clone.insertBefore(bg, clone.firstChild);
  const ink = chartTheme(prefersDark() ? 'dark' : 'light').text;
  if (options.legend?.length) clone.append(drawLegend(clone.ownerDocument, options.legend, w, y0 + h0, ink));
  if (options.title) {
    const t = clone.ownerDocument.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x + LEGEND_PAD));
    t.setAttribute('y', String(y + 20));
    t.setAttribute('fill', ink);
    t.setAttribute('font-size', '15');
    t.setAttribute('font-weight', '600');
    t.setAttribute('font-family', 'system-ui, sans-serif');
    t.setAttribute('data-title', '');
    // textContent: the plan name is data, never markup
    const max = Math.max(20, Math.floor((w - 2 * LEGEND_PAD) / 9)); // 15 px semibold: about 9 px a character
    t.textContent = options.title.length > max ? `${options.title.slice(0, max - 1)}…` : options.title;
    clone.append(t);
  }
  let text = new XMLSerializer().serializeToString(clone);
  // A serializer that dropped the namespace declaration (it is an attribute, not an element name) gets it back.
  if (!/^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(text))
    text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const timeout = window.setTimeout(() => reject(new Error('the chart image did not load')), 10_000);
    img.onload = () => {
      window.clearTimeout(timeout);
      resolve(img);
    };
    img.onerror = () => {
      window.clearTimeout(timeout);
      reject(new Error('the browser could not draw the chart as an image'));
    };
    img.src = src;
  });
}

/**
 * The chart as a PNG at `scale` device pixels per CSS pixel (lowered for huge charts). Rejects with a
 * readable Error where there is no canvas (jsdom, locked-down browsers).
 */
export async function pngBlob(
  svg: SVGSVGElement,
  scale = 2,
  legend?: readonly LegendEntry[],
  title?: string,
): Promise<Blob> {
  const { width, height: chartHeight } = svgSize(svg);
  const height = chartHeight + legendHeight(legend, width) + (title ? TITLE_BAND : 0);
  if (!(width > 0 && height > 0)) throw new Error('the chart has no size yet');
  const fit = Math.min(scale, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * fit));
  canvas.height = Math.max(1, Math.round(height * fit));
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null;
  }
  if (!ctx) throw new Error('this browser cannot draw on a canvas, so there is no PNG; download the SVG instead');
  const img = await loadImage(
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg, { legend, title }))}`,
  );
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
  });
}
