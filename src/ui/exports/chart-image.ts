/**
 * The exhaustion chart as a file: a standalone SVG (a clone with the computed paint and type inlined,
 * its size, the namespace and a background for the current theme) and a PNG drawn from it on a canvas.
 */
import { chartTheme } from '../colors';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Inherited properties: written on an element only where its value differs from its parent's. */
const INHERITED = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'visibility',
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
  const view = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const pick = (a: number, b: number, c: number | undefined) => [a, b, c ?? NaN].find((v) => Number.isFinite(v) && v > 0) ?? 0;
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
export function svgText(svg: SVGSVGElement, options: { background?: string } = {}): string {
  const { width, height } = svgSize(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  clone.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // The page lets labels overflow the box; a file is cut at its viewBox either way.
  clone.style.removeProperty('overflow');
  const [x = 0, y = 0, w = width, h = height] = (clone.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const bg = clone.ownerDocument.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', String(x));
  bg.setAttribute('y', String(y));
  bg.setAttribute('width', String(w));
  bg.setAttribute('height', String(h));
  bg.setAttribute('fill', options.background ?? chartTheme(prefersDark() ? 'dark' : 'light').surface);
  bg.setAttribute('data-background', '');
  clone.insertBefore(bg, clone.firstChild);
  let text = new XMLSerializer().serializeToString(clone);
  // A serializer that dropped the namespace declaration (it is an attribute, not an element name) gets it back.
  if (!/^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
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
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
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
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
  });
}
