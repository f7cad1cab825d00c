import type { TopLevelSpec } from 'vega-lite';
import { compile, vega } from './vega.ts';

/**
 * Rendering a Vega-Lite spec to a static SVG string in Node, byte-identical across runs and machines,
 * plus the small pieces both charts share (sizes, gap floor, log-axis ticks).
 */

/** Size of the plot area in pixels; axes, title and legend add to it. */
export const WIDTH = 640;
export const HEIGHT = 400;

/** Gaps f − f* below this (including 0 and rounding noise below 0) are drawn at it on log axes. */
export const GAP_FLOOR = 1e-16;

/** Shared look: white background (reads on dark pages), no chart border. */
export const CONFIG = {
  background: 'white',
  view: { stroke: null },
  legend: { labelLimit: 360, titleLimit: 360 },
  title: { anchor: 'start', subtitleColor: '#555' },
} as const;

/** What every single-view chart starts with: schema, plot size, title and subtitle lines, the shared look, inline rows. */
export function frame(title: string, subtitle: readonly string[], rows: readonly object[]) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    title: { text: title, subtitle: [...subtitle] },
    config: CONFIG,
    data: { values: [...rows] },
  };
}

/**
 * Colour scale of the optimizers, shared by both charts so an optimizer keeps its colour: the i-th entry of
 * `domain` gets the i-th colour. category10's ten colours all read on white (tableau10's yellow, pink and grey
 * do not); past ten, tableau20.
 */
export function optimizerColors(domain: readonly string[]): { domain: string[]; scheme: 'category10' | 'tableau20' } {
  return { domain: [...domain], scheme: domain.length > 10 ? 'tableau20' : 'category10' };
}

/**
 * The colour channel of a chart of lines, one per optimizer (or its best configuration): optimizerColors, and legend
 * symbols drawn as strokes at full strength (merged with a band or point layer, they would be pale filled circles).
 */
export function lineColor(field: string, domain: readonly string[], title: string) {
  return {
    field,
    type: 'nominal' as const,
    scale: optimizerColors(domain),
    legend: { title, symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
}

/** Axis labels for a log axis: plain numbers for 1e-3 … 1e3, else "1e-16". A Vega expression. */
export const LOG_LABEL =
  "abs(round(log(datum.value) / LN10)) <= 3 ? format(datum.value, '~g') : '1e' + round(log(datum.value) / LN10)";

/** max(x, GAP_FLOOR): a gap as drawn on a log axis. */
export function floorGap(x: number): number {
  return x < GAP_FLOOR ? GAP_FLOOR : x;
}

/** Log-axis domain [10^(lo − pad), 10^(hi + pad)]: decade ticks at the ends, and lines there clear of the frame. */
export function logDomain(lo: number, hi: number, pad = 0.2): [number, number] {
  return [10 ** (lo - pad), 10 ** (hi + pad)];
}

/**
 * Powers of ten 10^lo … 10^hi (lo, hi integer exponents), thinned to at most `max` ticks; thinning keeps
 * 10^lo, or 10^hi when `keep` is 'hi'.
 */
export function decadeTicks(lo: number, hi: number, max = 9, keep: 'lo' | 'hi' = 'lo'): number[] {
  const every = Math.max(1, Math.ceil((hi - lo + 1) / max));
  const out: number[] = [];
  for (let e = lo; e <= hi; e += every) out.push(keep === 'lo' ? 10 ** e : 10 ** (hi - (e - lo)));
  return keep === 'lo' ? out : out.reverse();
}

/** Integer decade exponents [floor(log10 min), ceil(log10 max)] enclosing finite positive values; null if none. */
export function decadeRange(values: readonly number[]): [number, number] | null {
  if (values.length === 0) return null;
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  return [lo, hi > lo ? hi : lo + 1];
}

/** A number for a legend or label: three significant digits, no trailing zeros (0.0031622… → "0.00316"). */
export function short(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/**
 * Vega's SVG renderer names clip paths and gradients from module-level counters ("clip7"), so the same
 * chart gets different ids depending on what was rendered before it in the process. Renumber every id in
 * order of appearance under a per-chart prefix: deterministic, and unique when several charts share a page.
 */
function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${prefix}-${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => {
    const to = ids.get(id);
    return to === undefined ? all : lead + to;
  });
}

/** The text-metrics switch vega-scenegraph exports but vega's typings omit. */
interface TextMetrics {
  canvas(use: boolean): void;
}

/**
 * Vega-Lite spec → Vega → headless View → SVG string. Text widths always come from Vega's estimator
 * (0.8 × characters × font size), never from a `canvas` package that might be installed: font metrics
 * differ between machines and the bytes must not. Renders one chart at a time; callers await each.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.canvas(false);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return renumberIds(await view.toSVG(), idPrefix);
  } finally {
    view.finalize();
  }
}
