/**
 * Successive halving's shape, with the budget counted in steps (Jamieson & Talwalkar 2016; Li et al. 2018, JMLR 18,
 * "Hyperband", Algorithm 1 lines 4–9): a rung runs n_i configurations for r_i steps each; the best ⌊n_i/η⌋ (at least
 * one) go on to the next rung with η times the steps, r_{i+1} = η·r_i, and the last rung runs the full budget R.
 * Pure integer arithmetic: no logarithms, so no rounding at exact powers of η.
 */

/** One rung: how many configurations run on it, and for how many steps each. */
export interface RungShape {
  readonly configs: number;
  readonly steps: number;
}

/** The largest k with minSteps·η^k ≤ maxSteps, i.e. ⌊log_η(R/r)⌋; 0 when minSteps ≥ maxSteps. */
export function maxRungIndex(eta: number, maxSteps: number, minSteps: number): number {
  let k = 0;
  while (minSteps * eta ** (k + 1) <= maxSteps) k++;
  return k;
}

/** Steps of rung i of a ladder whose last rung (index `last`) runs the full budget R: ⌊R / η^(last − i)⌋. */
export function rungSteps(eta: number, maxSteps: number, last: number, i: number): number {
  return Math.floor(maxSteps / eta ** (last - i));
}

/** Configurations promoted from a rung of n: the best ⌊n/η⌋, but at least one. */
export function promotedCount(n: number, eta: number): number {
  return Math.max(1, Math.floor(n / eta));
}

/**
 * The rungs of successive halving for n configurations with `last + 1` rungs: n_0 = n, n_{i+1} = max(1, ⌊n_i/η⌋)
 * (= ⌊n·η^−(i+1)⌋ as in Li et al. while that is ≥ 1), r_i = ⌊R/η^(last − i)⌋.
 */
export function ladder(n: number, eta: number, maxSteps: number, last: number): RungShape[] {
  const rungs: RungShape[] = [];
  let configs = n;
  for (let i = 0; i <= last; i++) {
    rungs.push({ configs, steps: rungSteps(eta, maxSteps, last, i) });
    configs = promotedCount(configs, eta);
  }
  return rungs;
}

/**
 * Successive halving of n configurations from minSteps up to maxSteps: ⌊log_η(R/minSteps)⌋ + 1 rungs, the first at
 * ⌊R/η^k⌋ ≥ minSteps steps. E.g. n = 27, η = 3, R = 270, minSteps = 10: 27 @ 10, 9 @ 30, 3 @ 90, 1 @ 270.
 */
export function halvingRungs(n: number, eta: number, maxSteps: number, minSteps: number): RungShape[] {
  return ladder(n, eta, maxSteps, maxRungIndex(eta, maxSteps, minSteps));
}

/** Steps one seed costs: Σ_i n_i·r_i. */
export function ladderSteps(rungs: readonly RungShape[]): number {
  return rungs.reduce((sum, r) => sum + r.configs * r.steps, 0);
}
