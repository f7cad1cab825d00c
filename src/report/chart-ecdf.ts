import type { TopLevelSpec } from 'vega-lite';
import type { EcdfStep } from '../stats/ecdf.ts';
import { decadeTicks, frame, lineColor, LOG_LABEL } from './svg.ts';

/**
 * Runtime ECDF across problems (COCO's "data profile"): for each optimizer, the fraction of
 * (problem, target, seed) triples reached within x = steps / the problem's step budget, x on a log axis.
 * `ecdfs[s]` are the jumps of optimizer s's ECDF (ecdf.ts); `smallest` is the smallest possible x (1 / the
 * largest budget), where every line starts at 0.
 */

export const ecdfTitle = 'runtime ECDF over problems × targets × seeds: steps to target / step budget (log scale)';

interface Row {
  readonly optimizer: string;
  readonly x: number;
  readonly fraction: number;
}

function ecdfRows(optimizer: string, steps: readonly EcdfStep[], smallest: number): Row[] {
  const rows: Row[] = [{ optimizer, x: smallest, fraction: 0 }];
  for (const s of steps) rows.push({ optimizer, x: s.x, fraction: s.fraction });
  rows.push({ optimizer, x: 1, fraction: steps.at(-1)?.fraction ?? 0 });
  return rows;
}

export function ecdfSpec(
  optimizers: readonly string[],
  ecdfs: readonly (readonly EcdfStep[])[],
  info: { smallest: number; problems: number; targets: number; seeds: number },
): TopLevelSpec {
  const rows = optimizers.flatMap((o, s) => ecdfRows(o, ecdfs[s], info.smallest));
  const lo = Math.floor(Math.log10(info.smallest) + 1e-9);
  return {
    ...frame(
      ecdfTitle,
      [
        `${info.problems} problems × ${info.targets} targets × ${info.seeds} seeds; each optimizer's best configuration per problem`,
        "x: steps / that problem's step budget, so different budgets share one axis",
        'diverged runs never reach a target',
      ],
      rows,
    ),
    mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after', opacity: 0.85 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        scale: { type: 'log', domain: [10 ** lo, 1], nice: false },
        axis: { title: 'steps / step budget (log)', values: decadeTicks(lo, 0), labelExpr: LOG_LABEL },
      },
      y: {
        field: 'fraction',
        type: 'quantitative',
        scale: { domain: [0, 1], nice: false },
        axis: { title: 'fraction of (problem, target, seed) reached', format: '.0%', values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
      },
      color: lineColor('optimizer', optimizers, 'optimizer'),
    },
  };
}
