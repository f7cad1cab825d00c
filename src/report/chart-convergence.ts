import type { TopLevelSpec } from 'vega-lite';
import type { ConfigSummary, Results } from '../results/types.ts';
import { decadeRange, decadeTicks, floorGap, frame, GAP_FLOOR, lineColor, LOG_LABEL, logDomain, short } from './svg.ts';

/**
 * Convergence chart of one problem: for each optimizer's best configuration, the median gap f − f* over
 * seeds against step, with its interquartile band. y is log; x is symlog (linear near 0, log beyond),
 * because curve steps are log-spaced from 0, and 0 has no place on a log axis.
 */

export const convergenceTitle = (problem: string): string => `${problem}: convergence of each optimizer's best configuration`;

interface Row {
  readonly series: string;
  readonly step: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
}

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Legend label of an optimizer's best configuration, e.g. "adam (cosine, lr 0.00316)". */
function seriesLabel(c: ConfigSummary): string {
  if (c.finalGap === null) return `${c.optimizer} (all seeds diverged)`;
  const lr = c.spec.optimizer.params.lr;
  return typeof lr === 'number' ? `${c.optimizer} (${c.schedule}, lr ${short(lr)})` : `${c.optimizer} (${c.schedule})`;
}

/** The drawn points of one configuration's curve: steps with a median, band edges defaulting to it. */
function curveRows(series: string, c: ConfigSummary, steps: readonly number[]): Row[] {
  const { median, q1, q3 } = c.curve;
  const rows: Row[] = [];
  for (let i = 0; i < Math.min(steps.length, median.length); i++) {
    const m = median[i];
    if (!finite(m)) continue;
    rows.push({ series, step: steps[i], median: m, q1: finite(q1[i]) ? q1[i]! : m, q3: finite(q3[i]) ? q3[i]! : m });
  }
  return rows;
}

/** 0, then 1, 10, 100 … up to the budget. */
function stepTicks(last: number): number[] {
  return [0, ...decadeTicks(0, Math.floor(Math.log10(Math.max(last, 1))), 8)];
}

export function convergenceSpec(results: Results, problem: string, configs: ReadonlyMap<string, ConfigSummary>): TopLevelSpec {
  const steps = results.curveSteps[problem] ?? [];
  const series: string[] = [];
  const raw: Row[] = [];
  for (const best of results.best) {
    if (best.problem !== problem) continue;
    const c = configs.get(best.configId)!;
    const label = seriesLabel(c);
    series.push(label);
    raw.push(...curveRows(label, c, steps));
  }
  const clamped = raw.some((r) => r.q1 < GAP_FLOOR || r.median < GAP_FLOOR);
  const rows = raw.map((r) => ({ ...r, median: floorGap(r.median), q1: floorGap(r.q1), q3: floorGap(r.q3) }));
  const [lo, hi] = decadeRange(rows.flatMap((r) => [r.q1, r.q3])) ?? [-3, 0];
  const last = Math.max(steps.at(-1) ?? 1, 1);

  const subtitle = [`lines: median over ${results.suite.seeds.length} seeds; bands: interquartile range`];
  if (clamped) subtitle.push(`gaps below ${GAP_FLOOR} (including exact 0) are drawn at ${GAP_FLOOR}`);
  if (rows.length === 0) subtitle.push('no configuration has a run that did not diverge: nothing to draw');
  const y = { type: 'log' as const, domain: logDomain(lo, hi), nice: false };

  return {
    ...frame(convergenceTitle(problem), subtitle, rows),
    encoding: {
      x: {
        field: 'step',
        type: 'quantitative',
        scale: { type: 'symlog', constant: 1, domain: [0, last], nice: false },
        // Plain integers: '~s' would print 0, 1 and 10 as "0k" on an axis that reaches 1000.
        axis: { title: 'step', values: stepTicks(last), format: 'd' },
      },
      color: lineColor('series', series, 'optimizer (best configuration)'),
    },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: { y: { field: 'q1', type: 'quantitative', scale: y }, y2: { field: 'q3' } },
      },
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: {
            field: 'median',
            type: 'quantitative',
            scale: y,
            axis: { title: 'f − f* (median over seeds, IQR band)', values: decadeTicks(lo, hi), labelExpr: LOG_LABEL },
          },
        },
      },
    ],
  };
}
