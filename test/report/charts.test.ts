import { describe, expect, it } from 'vitest';
import { expectVegaQuiet } from './vega-quiet.ts';
import type { TopLevelSpec } from 'vega-lite';
import { OptbenchError } from '../../src/core/errors.ts';
import { renderCharts, type ChartFile } from '../../src/report/charts.ts';
import { slug } from '../../src/report/format.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderSvg } from '../../src/report/svg.ts';
import { PROBLEM, fixture } from './fixture.ts';

/** The text content of every <text> element, tags inside it (subtitle tspans) removed. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').trim());
}

/** Optimizer → stroke colour of its line marks; the optimizer is the start of the line's series label. */
function lineColors(svg: string): Map<string, string> {
  const colors = new Map<string, string>();
  const line = /aria-label="[^"]*(?:optimizer|series): ([\w-]+)[^"]*"[^>]*aria-roledescription="line mark"[^>]*stroke="(#[0-9a-f]{6})"/g;
  for (const m of svg.matchAll(line)) {
    expect(colors.get(m[1]) ?? m[2], `one colour for ${m[1]}`).toBe(m[2]);
    colors.set(m[1], m[2]);
  }
  return colors;
}

function byName(files: readonly ChartFile[], file: string): string {
  const found = files.find((f) => f.file === file);
  expect(found, `${file} was rendered`).toBeDefined();
  return found!.svg;
}

describe('renderCharts', () => {
  expectVegaQuiet();

  it('writes two charts per problem, named by the slugged label, in suite order', async () => {
    const files = await renderCharts(fixture([PROBLEM, 'Rosenbrock 2D']));
    expect(files.map((f) => f.file)).toEqual([
      'convergence-quadratic-ill.svg',
      'lr-sensitivity-quadratic-ill.svg',
      'convergence-rosenbrock-2d.svg',
      'lr-sensitivity-rosenbrock-2d.svg',
    ]);
    expect(files.map((f) => f.problem)).toEqual([PROBLEM, PROBLEM, 'Rosenbrock 2D', 'Rosenbrock 2D']);
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

  it('labels the symlog step axis with plain integers', async () => {
    // Curve steps 0 … 100: ticks at 0 and the decades 1, 10, 100, not SI-prefixed ("0k", "0.1k").
    const t = texts(byName(await renderCharts(fixture()), 'convergence-quadratic-ill.svg'));
    const step = t.indexOf('step');
    expect(t.slice(step - 4, step)).toEqual(['0', '1', '10', '100']);
    expect(t.filter((s) => /^[\d.]+k$/.test(s))).toEqual([]);
  });

  it('draws the sensitivity chart with one line per optimizer in a schedule panel, and diverged markers', async () => {
    const svg = byName(await renderCharts(fixture()), 'lr-sensitivity-quadratic-ill.svg');
    expect(svg.startsWith('<svg')).toBe(true);
    const t = texts(svg);
    expect(t).toContain('quadratic/ill: final gap against learning rate');
    expect(t).toContain('schedule: constant');
    expect(t).toContain('learning rate');
    expect(t).toContain('final gap f − f* (median over seeds)');
    // Legend: the optimizers, in the order of results.best.
    expect(t).toContain('optimizer');
    expect(t.indexOf('sgd')).toBeGreaterThan(-1);
    expect(t.indexOf('adam')).toBeGreaterThan(t.indexOf('sgd'));
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(2);
    // sgd at lr 0.1 diverged on every seed; adam at lr 0.1 on one of three.
    expect(t).toContain('diverged');
    expect(t).toContain('all seeds diverged');
    expect(t).toContain('some seeds diverged');
    // The three rates of the grid are the x ticks.
    for (const lr of ['0.001', '0.01', '0.1']) expect(t).toContain(lr);
  });

  it('draws one sensitivity panel per schedule, in suite order, on shared scales and colours', async () => {
    const svg = byName(await renderCharts(fixture([PROBLEM], [], ['constant', 'cosine', 'step'])), 'lr-sensitivity-quadratic-ill.svg');
    const t = texts(svg);
    const headers = t.filter((s) => s.startsWith('schedule: '));
    expect(headers).toEqual(['schedule: constant', 'schedule: cosine', 'schedule: step']);
    // A line per optimizer per panel; each panel has its own diverged strip (sgd at 0.1 diverged under every schedule).
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(6);
    expect(t.filter((s) => s === 'diverged')).toHaveLength(3);
    // One legend: each optimizer once, whatever the number of panels.
    expect(t.filter((s) => s === 'sgd')).toHaveLength(1);
    expect(t.filter((s) => s === 'adam')).toHaveLength(1);
    expect(t.filter((s) => s === 'all seeds diverged')).toHaveLength(1);
    // Shared scales, two columns: one y axis per row (2); with a short last row every panel has its own x axis (3).
    expect(t.filter((s) => s === '1e-16')).toHaveLength(2);
    expect(t.filter((s) => s === 'final gap f − f* (median over seeds)')).toHaveLength(2);
    // (0.01 is also a y tick: y decades 1, 0.01, 1e-4 … thinned from the top.)
    for (const lr of ['0.001', '0.1']) expect(t.filter((s) => s === lr)).toHaveLength(3);
    expect(t.filter((s) => s === 'learning rate')).toHaveLength(3);
  });

  it('shares the x axis along each column when the panels fill the rows', async () => {
    const t = texts(byName(await renderCharts(fixture([PROBLEM], [], ['constant', 'cosine'])), 'lr-sensitivity-quadratic-ill.svg'));
    expect(t.filter((s) => s === 'learning rate')).toHaveLength(2);
    expect(t.filter((s) => s === 'final gap f − f* (median over seeds)')).toHaveLength(1);
  });

  it('gives each optimizer the same colour in both charts', async () => {
    const files = await renderCharts(fixture([PROBLEM], [], ['constant', 'cosine']));
    const convergence = lineColors(byName(files, 'convergence-quadratic-ill.svg'));
    const sensitivity = lineColors(byName(files, 'lr-sensitivity-quadratic-ill.svg'));
    expect([...convergence.keys()]).toEqual(['sgd', 'adam']);
    expect(new Set(convergence.values()).size).toBe(2);
    expect(sensitivity).toEqual(convergence);
  });

  it('gives the same bytes on every render, whatever was rendered before', async () => {
    const first = await renderCharts(fixture([PROBLEM], [], ['constant', 'cosine']));
    await renderCharts(fixture([PROBLEM, 'other']));
    const second = await renderCharts(fixture([PROBLEM], [], ['constant', 'cosine']));
    expect(second.map((f) => f.svg)).toEqual(first.map((f) => f.svg));
  });

  it('never writes NaN, Infinity or undefined, even when every run diverged', async () => {
    const files = await renderCharts(fixture([PROBLEM, 'all gone'], ['all gone'], ['constant', 'cosine']));
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

describe('report.md chart links', () => {
  it('links each problem to its own charts, by label, even when labels slug alike', async () => {
    const results = fixture(['a b', 'a-b']);
    const md = renderMarkdown(results, await renderCharts(results));
    const [, first, second] = md.split(/^## (?:a b|a-b)$/m);
    const links = (part: string) => [...part.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links(first)).toEqual(['convergence-a-b.svg', 'lr-sensitivity-a-b.svg']);
    expect(links(second)).toEqual(['convergence-a-b-2.svg', 'lr-sensitivity-a-b-2.svg']);
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
