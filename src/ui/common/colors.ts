/**
 * One colour per subnet, the same in the chart, the bars and the tables. No reds: red means exhaustion
 * or an error. Two palettes, for light and dark backgrounds, picked by the system colour scheme.
 */
import { useSyncExternalStore } from 'react';

// The first eight are as far apart as the palette allows (blue, amber, teal, violet, green, magenta, slate,
// cyan): the chart draws at most TOP_N = 8 lines in its default view, and each needs its own colour.
const LIGHT = [
  '#2563eb',
  '#d97706',
  '#0d9488',
  '#7c3aed',
  '#4d7c0f',
  '#c026d3',
  '#475569',
  '#0891b2',
  '#a16207',
  '#4338ca',
  '#059669',
  '#0369a1',
];
const DARK = [
  '#60a5fa',
  '#fbbf24',
  '#2dd4bf',
  '#a78bfa',
  '#a3e635',
  '#e879f9',
  '#94a3b8',
  '#22d3ee',
  '#facc15',
  '#818cf8',
  '#34d399',
  '#38bdf8',
];

/** How many subnets get a colour of their own before the palette repeats. */
export const DISTINCT_COLORS = LIGHT.length;

export type Scheme = 'light' | 'dark';

/** @example subnetColor(0, 'light') === '#2563eb' */
export function subnetColor(index: number, scheme: Scheme): string {
  const p = scheme === 'dark' ? DARK : LIGHT;
  return p[((index % p.length) + p.length) % p.length]!;
}

const QUERY = '(prefers-color-scheme: dark)';
const media = () => (typeof matchMedia === 'function' ? matchMedia(QUERY) : null);

function subscribe(cb: () => void) {
  const m = media();
  m?.addEventListener('change', cb);
  return () => m?.removeEventListener('change', cb);
}
const snapshot = (): Scheme => (media()?.matches ? 'dark' : 'light');

/** The system colour scheme, following changes. */
export function useScheme(): Scheme {
  return useSyncExternalStore(subscribe, snapshot, () => 'light');
}

/** The colour of subnet `index` in the current scheme. */
export function useSubnetColor(index: number): string {
  return subnetColor(index, useScheme());
}

/** Chart ink for each scheme (SVG attributes cannot read CSS custom properties everywhere). */
export function chartTheme(scheme: Scheme) {
  return scheme === 'dark'
    ? { grid: '#2b3544', muted: '#94a3b8', text: '#e2e8f0', accent: '#93c5fd', danger: '#f87171', surface: '#161d27' }
    : { grid: '#e5e9f0', muted: '#5b6472', text: '#1f2937', accent: '#1d4ed8', danger: '#dc2626', surface: '#ffffff' };
}
