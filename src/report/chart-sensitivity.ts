import type { TopLevelSpec } from 'vega-lite';
import type { ConfigSummary, Results } from '../results/types.ts';
import { CONFIG, GAP_FLOOR, HEIGHT, LOG_LABEL, WIDTH, decadeRange, decadeTicks, floorGap, logDomain, optimizerColors } from './svg.ts';

/**
 * Learning-rate sensitivity of one problem: median final gap over seeds against learning rate, log–log, as
 * small multiples: one panel per schedule, one line per optimizer, all panels on the same scales. At each rate
 * the best configuration sharing it is drawn (other searched hyperparameters vary). A rate at which every such
 * configuration diverged on every seed is a cross in a "diverged" strip above the data, never a missing or NaN value.
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

/** Panel size: one schedule gets the full chart; several share two columns of smaller panels. */
const PANEL = { width: 360, height: 240 } as const;
const COLUMNS = 2;

interface Point {
  readonly optimizer: string;
  readonly schedule: string;
  readonly lr: number;
  /** Median final gap of the best configuration at this rate; null when all diverged. */
  readonly gap: number | null;
  readonly kind: Kind;
}

/** One drawn row. role: 'finite' (on the line), 'diverged' (cross in the strip), 'strip' (one per panel, for the rule). */
interface Row {
  readonly role: 'finite' | 'diverged' | 'strip';
  readonly schedule: string;
  readonly optimizer?: string;
  readonly lr?: number;
  readonly gap?: number;
  readonly kind?: Kind;
}

/** Position of each label: first those listed, then the rest in order of first appearance. */
function ranks(listed: readonly string[], seen: readonly string[]): Map<string, number> {
  const rank = new Map<string, number>();
  for (const label of [...listed, ...seen]) if (!rank.has(label)) rank.set(label, rank.size);
  return rank;
}

function lrOf(c: ConfigSummary): number | null {
  const lr = c.spec.optimizer.params.lr;
  return typeof lr === 'number' && Number.isFinite(lr) && lr > 0 ? lr : null;
}

/**
 * The problem's configurations with a positive learning rate, grouped by optimizer × schedule. Optimizers in
 * results.best order (the convergence chart's, so colours match), schedules in suite order.
 */
function group(results: Results, problem: string): { optimizers: string[]; schedules: string[]; groups: ConfigSummary[][] } {
  const own = results.configs.filter((c) => c.problem === problem && lrOf(c) !== null);
  const opt = ranks(results.best.filter((b) => b.problem === problem).map((b) => b.optimizer), own.map((c) => c.optimizer));
  const sch = ranks(results.suite.schedules.map((s) => s.label), own.map((c) => c.schedule));
  const sorted = [...own].sort((a, b) => opt.get(a.optimizer)! - opt.get(b.optimizer)! || sch.get(a.schedule)! - sch.get(b.schedule)!);
  const groups = new Map<string, ConfigSummary[]>();
  for (const c of sorted) {
    const key = JSON.stringify([c.optimizer, c.schedule]);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const present = (rank: Map<string, number>, field: 'optimizer' | 'schedule') =>
    [...rank.keys()].filter((label) => own.some((c) => c[field] === label));
  return { optimizers: present(opt, 'optimizer'), schedules: present(sch, 'schedule'), groups: [...groups.values()] };
}

/** Per learning rate, the configuration with the lowest median final gap (ties: the one with no divergence). */
function bestPerRate(configs: readonly ConfigSummary[]): Point[] {
  const at = new Map<number, Point>();
  for (const c of configs) {
    const lr = lrOf(c)!;
    const gap = c.finalGap !== null && Number.isFinite(c.finalGap.median) ? c.finalGap.median : null;
    const kind: Kind = gap === null ? 'all seeds diverged' : c.diverged > 0 ? 'some seeds diverged' : 'median final gap';
    const held = at.get(lr);
    const better =
      held === undefined ||
      (gap !== null && (held.gap === null || gap < held.gap || (gap === held.gap && kind === 'median final gap')));
    if (better) at.set(lr, { optimizer: c.optimizer, schedule: c.schedule, lr, gap, kind });
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

/**
 * The diverged strip above the data, laid out in pixels: a row of crosses per optimizer (8 px apart, closer when
 * the strip would pass 2/7 of the panel) under a row for the "diverged" label. Returns the strip's height in
 * decades (at least one) and each optimizer's cross height in decades above the top of the data.
 * `data`: the decades the data part of the axis spans; `height`: the panel's height in pixels.
 */
function stripLayout(data: number, height: number, optimizers: number): { span: number; row: (i: number) => number } {
  const [label, below] = [16, 6];
  const want = Math.min((2 * height) / 7, label + below + 8 * optimizers);
  const span = Math.max(1, (data * want) / (height - want));
  const px = (height * span) / (data + span);
  const gap = Math.min(8, (px - label - 2 * below) / Math.max(1, optimizers - 1));
  return { span, row: (i) => (span * (below + gap * i)) / px };
}

/** The dashed rule at the top of the data and the "diverged" label, drawn once per panel from its 'strip' row. */
function stripLayers(ruleAt: number, top: number) {
  const strip = { filter: "datum.role === 'strip'" };
  return [
    {
      transform: [strip],
      mark: { type: 'rule' as const, color: '#999', strokeDash: [4, 4] },
      encoding: { y: { datum: ruleAt, type: 'quantitative' as const } },
    },
    {
      transform: [strip],
      mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 4, dy: 3, color: '#555', text: 'diverged' },
      encoding: { x: { value: 0 }, y: { datum: top, type: 'quantitative' as const } },
    },
  ];
}

export function sensitivitySpec(results: Results, problem: string): TopLevelSpec {
  const { optimizers, schedules, groups } = group(results, problem);
  const points = groups.flatMap(bestPerRate);
  const finite: Row[] = points.filter((p) => p.gap !== null).map((p) => ({ ...p, role: 'finite', gap: floorGap(p.gap!) }));
  const clamped = points.some((p) => p.gap !== null && p.gap < GAP_FLOOR);
  const anyDiverged = points.some((p) => p.gap === null);
  const [lo, hi] = decadeRange(finite.map((p) => p.gap!)) ?? [-3, 0];
  const panel = schedules.length > 1 ? PANEL : { width: WIDTH, height: HEIGHT };
  // The diverged strip sits above the data; each optimizer gets its own height in it so crosses don't hide each other.
  const bottom = logDomain(lo, hi)[0];
  const strip = stripLayout(hi - Math.log10(bottom), panel.height, optimizers.length);
  const top = anyDiverged ? 10 ** (hi + strip.span) : logDomain(lo, hi)[1];
  const stripY = (o: string): number => 10 ** (hi + strip.row(optimizers.indexOf(o)));
  const diverged: Row[] = points.filter((p) => p.gap === null).map((p) => ({ ...p, role: 'diverged', gap: stripY(p.optimizer) }));
  const strips: Row[] = anyDiverged ? schedules.map((schedule) => ({ role: 'strip', schedule })) : [];
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
      axis: { title: 'learning rate', values: x.values, labelOverlap: true, ...x.labels },
    },
    y: {
      field: 'gap',
      type: 'quantitative' as const,
      scale: { type: 'log' as const, domain: [bottom, top], nice: false },
      // Thinned from the top, so the dashed rule under the diverged strip has a label.
      axis: { title: 'final gap f − f* (median over seeds)', values: decadeTicks(lo, hi, 9, 'hi'), labelExpr: LOG_LABEL },
    },
    color: {
      field: 'optimizer',
      type: 'nominal' as const,
      scale: optimizerColors(optimizers),
      legend: optimizers.length === 0 ? null : { title: 'optimizer' },
    },
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: sensitivityTitle(problem), subtitle, offset: 12 },
    config: { ...CONFIG, header: { title: null, labelFontSize: 12, labelFontWeight: 'bold', labelAnchor: 'start', labelPadding: 6 } },
    data: { values: [...finite, ...diverged, ...strips] },
    columns: COLUMNS,
    // With a short last row, a shared x axis would hang under the empty cell; give every panel its own.
    ...(schedules.length > COLUMNS && schedules.length % COLUMNS !== 0 ? { resolve: { axis: { x: 'independent' } } } : {}),
    facet: { field: 'schedule', type: 'nominal', sort: schedules, header: { labelExpr: "'schedule: ' + datum.value" } },
    spec: {
      ...panel,
      layer: [
        { transform: [{ filter: "datum.role === 'finite'" }], mark: { type: 'line', strokeWidth: 2 }, encoding },
        {
          transform: [{ filter: "datum.role !== 'strip'" }],
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
        ...(anyDiverged ? stripLayers(10 ** hi, top) : []),
      ],
    },
  };
}
