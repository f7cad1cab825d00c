import type { TopLevelSpec } from 'vega-lite';
import type { EcdfStep } from '../stats/ecdf.ts';
import { stepAt } from '../stats/ecdf.ts';
import { num3 } from './format.ts';
import { frame, lineColor } from './svg.ts';

/**
 * Dolan–Moré performance profiles: ρ_s(τ) against τ ∈ [1, tauMax] (linear, as AlgoPerf draws them), one
 * step line per optimizer. `profiles[s]` are the jumps of optimizer s's profile (profiles.ts). Equal profiles
 * are common (every optimizer that failed everywhere sits at 0), so line s is drawn DODGE·(s − (n − 1)/2) above its
 * value, enough to keep each visible and far below any difference a profile can show (1/#problems); said in the subtitle.
 */

const DODGE = 0.006;

export const profileTitle = (epsilon: number): string => `performance profiles at ε = ${num3(epsilon)}: aRT relative to the best optimizer`;

interface Row {
  readonly optimizer: string;
  readonly tau: number;
  /** ρ(τ) plus the optimizer's dodge. */
  readonly rho: number;
}

/** The drawn points of one profile: its value at 1, each jump inside (1, tauMax], and its value at tauMax. */
function profileRows(optimizer: string, profile: readonly EcdfStep[], tauMax: number, dodge: number): Row[] {
  const row = (tau: number, rho: number): Row => ({ optimizer, tau, rho: rho + dodge });
  const rows: Row[] = [row(1, stepAt(profile, 1))];
  for (const s of profile) if (s.x > 1 && s.x <= tauMax) rows.push(row(s.x, s.fraction));
  rows.push(row(tauMax, stepAt(profile, tauMax)));
  return rows;
}

export function profileSpec(
  optimizers: readonly string[],
  profiles: readonly (readonly EcdfStep[])[],
  info: { epsilon: number; problems: number; tauMax: number },
): TopLevelSpec {
  const middle = (optimizers.length - 1) / 2;
  const rows = optimizers.flatMap((o, s) => profileRows(o, profiles[s], info.tauMax, DODGE * (s - middle)));
  const pad = DODGE * (middle + 2);
  const ticks = Array.from({ length: 2 * (info.tauMax - 1) + 1 }, (_, i) => 1 + i / 2);
  return {
    ...frame(
      profileTitle(info.epsilon),
      [
        `ρ(τ): fraction of the ${info.problems} problems where the optimizer's best configuration has aRT ≤ τ × the best aRT`,
        'never reaching ε on a problem never counts; ρ(1): fraction of wins (ties count for each)',
        `lines are shifted by up to ±${Number((DODGE * middle * 100).toFixed(1))}% so that equal profiles stay visible`,
      ],
      rows,
    ),
    mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after', opacity: 0.85 },
    encoding: {
      x: {
        field: 'tau',
        type: 'quantitative',
        scale: { domain: [1, info.tauMax], nice: false },
        axis: { title: 'τ (aRT / best aRT on the problem)', values: ticks, format: '~g' },
      },
      y: {
        field: 'rho',
        type: 'quantitative',
        scale: { domain: [-pad, 1 + pad], nice: false },
        axis: { title: 'ρ(τ): fraction of problems', format: '.0%', values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
      },
      color: lineColor('optimizer', optimizers, 'optimizer'),
    },
  };
}
