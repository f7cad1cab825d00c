import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { OptbenchError } from '../../src/core/errors.ts';
import { renderCharts, type ChartFile } from '../../src/report/charts.ts';
import { slug } from '../../src/report/format.ts';
import { renderSvg } from '../../src/report/svg.ts';
import { PROBLEM, fixture } from './fixture.ts';

/** The text content of every <text> element, tags inside it (subtitle tspans) removed. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').trim());
}

function byName(files: readonly ChartFile[], file: string): string {
  const found = files.find((f) => f.file === file);
  expect(found, `${file} was rendered`).toBeDefined();
  return found!.svg;
}

describe('renderCharts', () => {
  let warn: MockInstance;
  let error: MockInstance;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
    error = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    // Vega and Vega-Lite log spec problems (bad domains, unknown fields) to the console; our specs have none.
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('writes two charts per problem, named by the slugged label, in suite order', async () => {
    const files = await renderCharts(fixture([PROBLEM, 'Rosenbrock 2D']));
    expect(files.map((f) => f.file)).toEqual([
      'convergence-quadratic-ill.svg',
      'lr-sensitivity-quadratic-ill.svg',
      'convergence-rosenbrock-2d.svg',
      'lr-sensitivity-rosenbrock-2d.svg',
    ]);
    expect(files[0].title).toBe("quadratic/ill: convergence of each optimizer's best configuration");
    expect(files[1].title).toBe('quadratic/ill: final gap against learning rate');
  });

  it('draws the convergence chart with its axes, legend and floor note', async () => {
    const svg = byName(await renderCharts(fixture()), 'convergence-quadratic-ill.svg');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const t = texts(svg);
    expect(t).toContain("quadratic/ill: convergence of each optimizer's best configuration");
    expect(t).toContain('step');
    expect(t).toContain('f − f* (median over seeds, IQR band)');
    // Legend in the order of results.best: sgd first. Adam's best is beta1 = 0.99 at lr 0.01.
    expect(t.indexOf('sgd (constant, lr 0.01)')).toBeGreaterThan(-1);
    expect(t.indexOf('adam (constant, lr 0.01)')).toBeGreaterThan(t.indexOf('sgd (constant, lr 0.01)'));
    // Adam's best curve ends at an exact 0 gap: drawn at the floor and said so.
    expect(svg).toContain('gaps below 1e-16 (including exact 0) are drawn at 1e-16');
    // One translucent band and one line per optimizer.
    expect(svg.match(/aria-roledescription="area mark"[^>]*opacity="0.2"/g)).toHaveLength(2);
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(2);
  });

  it('draws the sensitivity chart with one series per optimizer × schedule and a diverged marker', async () => {
    const svg = byName(await renderCharts(fixture()), 'lr-sensitivity-quadratic-ill.svg');
    expect(svg.startsWith('<svg')).toBe(true);
    const t = texts(svg);
    expect(t).toContain('quadratic/ill: final gap against learning rate');
    expect(t).toContain('learning rate');
    expect(t).toContain('final gap f − f* (median over seeds)');
    expect(t).toContain('optimizer / schedule');
    expect(t.indexOf('adam / constant')).toBeGreaterThan(t.indexOf('sgd / constant'));
    expect(t.indexOf('sgd / constant')).toBeGreaterThan(-1);
    // sgd at lr 0.1 diverged on every seed; adam at lr 0.1 on one of three.
    expect(t).toContain('diverged');
    expect(t).toContain('all seeds diverged');
    expect(t).toContain('some seeds diverged');
    // The three rates of the grid are the x ticks.
    for (const lr of ['0.001', '0.01', '0.1']) expect(t).toContain(lr);
  });

  it('gives the same bytes on every render, whatever was rendered before', async () => {
    const first = await renderCharts(fixture());
    await renderCharts(fixture([PROBLEM, 'other']));
    const second = await renderCharts(fixture());
    expect(second.map((f) => f.svg)).toEqual(first.map((f) => f.svg));
  });

  it('never writes NaN, Infinity or undefined, even when every run diverged', async () => {
    const files = await renderCharts(fixture([PROBLEM, 'all gone'], ['all gone']));
    for (const { file, svg } of files) {
      for (const bad of ['NaN', 'Infinity', 'undefined']) expect(svg.includes(bad), `${bad} in ${file}`).toBe(false);
    }
    const gone = texts(byName(files, 'convergence-all-gone.svg'));
    expect(gone).toContain('sgd (all seeds diverged)');
    expect(texts(byName(files, 'lr-sensitivity-all-gone.svg'))).toContain('all seeds diverged');
  });

  it('gives labels that slug alike distinct file names', async () => {
    const files = await renderCharts(fixture(['a b', 'a-b']));
    expect(files.map((f) => f.file)).toEqual(['convergence-a-b.svg', 'lr-sensitivity-a-b.svg', 'convergence-a-b-2.svg', 'lr-sensitivity-a-b-2.svg']);
  });

  it('rejects results whose best entry names no configuration', async () => {
    const results = fixture();
    const broken = { ...results, best: [{ ...results.best[0], configId: 'nope' }] };
    await expect(renderCharts(broken)).rejects.toThrow(OptbenchError);
  });
});

describe('chart file names', () => {
  it('use the slug report.md links by', async () => {
    const label = 'Quadratic (κ=1e3)';
    const files = await renderCharts(fixture([label]));
    expect(files.map((f) => f.file)).toEqual([`convergence-${slug(label)}.svg`, `lr-sensitivity-${slug(label)}.svg`]);
    expect(slug(label)).toBe('quadratic-1e3');
  });
});

describe('renderSvg', () => {
  // A clipped mark makes Vega emit <clipPath id="clipN">, N from a counter that lives as long as the process.
  const clipped: TopLevelSpec = {
    data: { values: [{ x: 1, y: 1 }, { x: 2, y: 3 }] },
    mark: { type: 'line', clip: true },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
  };

  it('renumbers clip ids per chart, so earlier renders do not shift them', async () => {
    const a = await renderSvg(clipped, 'chart');
    await renderSvg(clipped, 'other');
    const b = await renderSvg(clipped, 'chart');
    expect(a).toBe(b);
    expect(a).toContain('<clipPath id="chart-1">');
    expect(a).toContain('clip-path="url(#chart-1)"');
  });
});
