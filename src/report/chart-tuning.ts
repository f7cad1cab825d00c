import type { TopLevelSpec } from 'vega-lite';
import type { ConfigSummary, Results } from '../results/types.ts';
import { decadeRange, decadeTicks, floorGap, frame, GAP_FLOOR, lineColor, LOG_LABEL, logDomain } from './svg.ts';
import { tuningLabel } from './tuning.ts';

/**
 * Performance against tuning budget on one problem (the tuning protocol): for b = 1 … k, the fresh-seed median final
 * gap of the configuration picked with b trials, one step line per optimizer (the pick holds until a better one is
 * found), with its interquartile band. y is log; a pick that diverged on every fresh seed leaves a gap in its line.
 */

export const tuningTitle = (problem: string): string => `${problem}: final gap against tuning budget`;

interface Row {
  readonly series: string;
  readonly budget: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
}

/** Whether the results hold a tuning protocol with a group on this problem. */
export function hasTuning(results: Results, problem: string): boolean {
  return results.stages?.kind === 'tuning' && results.stages.groups.some((g) => g.problem === problem);
}

export function tuningSpec(results: Results, problem: string, configs: ReadonlyMap<string, ConfigSummary>): TopLevelSpec {
  const stages = results.stages;
  const groups = stages?.kind === 'tuning' ? stages.groups.filter((g) => g.problem === problem) : [];
  const series = groups.map((g) => tuningLabel(g, results.suite.schedules.length));
  const raw: Row[] = groups.flatMap((g, i) =>
    g.selected.flatMap((id, b): Row[] => {
      const gap = configs.get(id)?.finalGap;
      return gap ? [{ series: series[i], budget: b + 1, median: gap.median, q1: gap.q1, q3: gap.q3 }] : [];
    }),
  );
  const clamped = raw.some((r) => r.q1 < GAP_FLOOR || r.median < GAP_FLOOR);
  const rows = raw.map((r) => ({ ...r, median: floorGap(r.median), q1: floorGap(r.q1), q3: floorGap(r.q3) }));
  const [lo, hi] = decadeRange(rows.flatMap((r) => [r.q1, r.q3])) ?? [-3, 0];
  const k = Math.max(1, ...groups.map((g) => g.selected.length));
  const subtitle = [`lines: median over the ${results.suite.seeds.length} fresh seeds of the configuration picked with b trials; bands: interquartile range`];
  if (clamped) subtitle.push(`gaps below ${GAP_FLOOR} (including exact 0) are drawn at ${GAP_FLOOR}`);
  const y = { type: 'log' as const, domain: logDomain(lo, hi), nice: false };
  return {
    ...frame(tuningTitle(problem), subtitle, rows),
    encoding: {
      x: { field: 'budget', type: 'quantitative', scale: { domain: [1, k], nice: false }, axis: { title: 'tuning budget b (configurations tried)', format: 'd', tickMinStep: 1 } },
      color: lineColor('series', series, 'optimizer'),
    },
    layer: [
      { mark: { type: 'area', opacity: 0.2, interpolate: 'step-after' }, encoding: { y: { field: 'q1', type: 'quantitative', scale: y }, y2: { field: 'q3' } } },
      {
        mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after', point: true },
        encoding: {
          y: { field: 'median', type: 'quantitative', scale: y, axis: { title: 'f − f* on fresh seeds (median, IQR band)', values: decadeTicks(lo, hi), labelExpr: LOG_LABEL } },
        },
      },
    ],
  };
}
