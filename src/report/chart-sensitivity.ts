import type { TopLevelSpec } from 'vega-lite';
import type { ConfigSummary, Results } from '../results/types.ts';
import { CONFIG, GAP_FLOOR, HEIGHT, LOG_LABEL, WIDTH, decadeRange, decadeTicks, floorGap, logDomain } from './svg.ts';

/**
 * Learning-rate sensitivity of one problem: median final gap over seeds against learning rate, log–log, one
 * line per optimizer × schedule. At each rate the best configuration sharing it is drawn (other searched
 * hyperparameters vary). A rate at which every such configuration diverged on every seed is a cross in a
 * "diverged" strip above the data, never a missing or NaN value.
 */

export const sensitivityTitle = (problem: string): string => `${problem}: final gap against learning rate`;

/** A filled × in Vega's unit square (its 'cross' symbol is a +, which reads as a data point). */
const X_MARK = 'M-1,-0.6L-0.6,-1L0,-0.4L0.6,-1L1,-0.6L0.4,0L1,0.6L0.6,1L0,0.4L-0.6,1L-1,0.6L-0.4,0Z';

const KINDS = [
  { kind: 'median final gap', shape: 'circle' },
  { kind: 'some seeds diverged', shape: 'triangle-up' },
  { kind: 'all seeds diverged', shape: X_MARK },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

interface Point {
  readonly series: string;
  readonly lr: number;
  /** Median final gap of the best configuration at this rate; null when all diverged. */
  readonly gap: number | null;
  readonly kind: Kind;
}

/** Position of each label: first those listed, then the rest in order of first appearance. */
function ranks(listed: readonly string[], seen: readonly string[]): Map<string, number> {
  const rank = new Map<string, number>();
  for (const label of [...listed, ...seen]) if (!rank.has(label)) rank.set(label, rank.size);
  return rank;
}

/** The problem's configurations with a positive learning rate, grouped into series in a fixed order. */
function groupSeries(results: Results, problem: string): [string, ConfigSummary[]][] {
  const own = results.configs.filter((c) => c.problem === problem && lrOf(c) !== null);
  const opt = ranks(results.best.filter((b) => b.problem === problem).map((b) => b.optimizer), own.map((c) => c.optimizer));
  const sch = ranks(results.suite.schedules.map((s) => s.label), own.map((c) => c.schedule));
  const sorted = [...own].sort((a, b) => opt.get(a.optimizer)! - opt.get(b.optimizer)! || sch.get(a.schedule)! - sch.get(b.schedule)!);
  const groups = new Map<string, ConfigSummary[]>();
  for (const c of sorted) {
    const key = `${c.optimizer} / ${c.schedule}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups];
}

function lrOf(c: ConfigSummary): number | null {
  const lr = c.spec.optimizer.params.lr;
  return typeof lr === 'number' && Number.isFinite(lr) && lr > 0 ? lr : null;
}

/** Per learning rate, the configuration with the lowest median final gap (ties: the one with no divergence). */
function bestPerRate(series: string, configs: readonly ConfigSummary[]): Point[] {
  const at = new Map<number, Point>();
  for (const c of configs) {
    const lr = lrOf(c)!;
    const gap = c.finalGap !== null && Number.isFinite(c.finalGap.median) ? c.finalGap.median : null;
    const kind: Kind = gap === null ? 'all seeds diverged' : c.diverged > 0 ? 'some seeds diverged' : 'median final gap';
    const held = at.get(lr);
    const better =
      held === undefined ||
      (gap !== null && (held.gap === null || gap < held.gap || (gap === held.gap && kind === 'median final gap')));
    if (better) at.set(lr, { series, lr, gap, kind });
  }
  return [...at.values()].sort((a, b) => a.lr - b.lr);
}

/** x scale and ticks: the rates themselves when there are few, else decades. */
function lrAxis(lrs: readonly number[]): { domain: [number, number]; values: number[]; labels: { format?: string; labelExpr?: string } } {
  const distinct = [...new Set(lrs)].sort((a, b) => a - b);
  if (distinct.length === 0) return { domain: [1e-4, 1], values: decadeTicks(-4, 0), labels: { labelExpr: LOG_LABEL } };
  const [lo, hi] = [distinct[0], distinct.at(-1)!];
  if (distinct.length <= 8) {
    return { domain: [lo / 10 ** 0.2, hi * 10 ** 0.2], values: distinct, labels: { format: '.3~g' } };
  }
  const [a, b] = decadeRange(distinct)!;
  return { domain: [10 ** a, 10 ** b], values: decadeTicks(a, b), labels: { labelExpr: LOG_LABEL } };
}

export function sensitivitySpec(results: Results, problem: string): TopLevelSpec {
  const groups = groupSeries(results, problem);
  const names = groups.map(([name]) => name);
  const points = groups.flatMap(([name, configs]) => bestPerRate(name, configs));
  const finite = points.filter((p) => p.gap !== null).map((p) => ({ ...p, gap: floorGap(p.gap!) }));
  const clamped = points.some((p) => p.gap !== null && p.gap < GAP_FLOOR);
  const anyDiverged = points.some((p) => p.gap === null);
  const [lo, hi] = decadeRange(finite.map((p) => p.gap)) ?? [-3, 0];
  // The diverged strip is the decade above the data; each series gets its own height in it so crosses don't hide each other.
  const [bottom, top] = anyDiverged ? [logDomain(lo, hi)[0], 10 ** (hi + 1)] : logDomain(lo, hi);
  const stripY = (series: string): number => 10 ** (hi + 0.2 + (0.6 * names.indexOf(series)) / Math.max(1, names.length - 1));
  const drawn = [...finite, ...points.filter((p) => p.gap === null).map((p) => ({ ...p, gap: stripY(p.series) }))];
  const kinds = KINDS.filter((k) => points.some((p) => p.kind === k.kind));
  const x = lrAxis(points.map((p) => p.lr));

  const subtitle = ['each point: the best configuration at that learning rate (other hyperparameters vary)'];
  if (clamped) subtitle.push(`gaps below ${GAP_FLOOR} (including exact 0) are drawn at ${GAP_FLOOR}`);
  if (points.length === 0) subtitle.push('no configuration of this problem has a learning rate: nothing to draw');
  const encoding = {
    x: {
      field: 'lr',
      type: 'quantitative' as const,
      scale: { type: 'log' as const, domain: x.domain, nice: false },
      axis: { title: 'learning rate', values: x.values, ...x.labels },
    },
    y: {
      field: 'gap',
      type: 'quantitative' as const,
      scale: { type: 'log' as const, domain: [bottom, top], nice: false },
      axis: { title: 'final gap f − f* (median over seeds)', values: decadeTicks(lo, hi), labelExpr: LOG_LABEL },
    },
    color: {
      field: 'series',
      type: 'nominal' as const,
      scale: { domain: names, scheme: names.length > 10 ? 'tableau20' : 'tableau10' },
      legend: { title: 'optimizer / schedule' },
    },
  };
  const strip = [
    {
      data: { values: [{}] },
      mark: { type: 'rule' as const, color: '#999', strokeDash: [4, 4] },
      encoding: { y: { datum: 10 ** hi, type: 'quantitative' as const } },
    },
    {
      data: { values: [{}] },
      mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 4, dy: 4, color: '#555', text: 'diverged' },
      encoding: { x: { value: 0 }, y: { datum: top, type: 'quantitative' as const } },
    },
  ];

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    title: { text: sensitivityTitle(problem), subtitle },
    config: CONFIG,
    layer: [
      { data: { values: finite }, mark: { type: 'line', strokeWidth: 2 }, encoding },
      {
        data: { values: drawn },
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: {
          ...encoding,
          shape: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: kinds.map((k) => k.kind), range: kinds.map((k) => k.shape) },
            legend: { title: null },
          },
        },
      },
      ...(anyDiverged ? strip : []),
    ],
  };
}
