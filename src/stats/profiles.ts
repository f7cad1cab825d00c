import { type EcdfStep, ecdf, stepAt } from './ecdf.ts';

/**
 * Performance ratios (Dolan & Moré 2002, "Benchmarking optimization software with performance profiles"):
 * for a measure t_{p,s} ≥ 0 of solver s on problem p (lower is better, Infinity when s failed on p),
 *   r_{p,s} = t_{p,s} / min_s' t_{p,s'},
 * Infinity where s failed, and for every solver on a problem no solver solved. A best time of 0 gives ratio 1 to
 * the solvers at 0 and Infinity to the rest. `times[p][s]`; every row must have the same length.
 */
export function performanceRatios(times: readonly (readonly number[])[]): number[][] {
  return times.map((row, p) => {
    if (row.length !== times[0].length) throw new Error(`performanceRatios: problem ${p} has ${row.length} solvers, problem 0 has ${times[0].length}`);
    for (const [s, t] of row.entries()) {
      if (!(t >= 0)) throw new Error(`performanceRatios: times must be ≥ 0 or Infinity, got ${t} for problem ${p}, solver ${s}`);
    }
    const best = Math.min(...row);
    if (best === Infinity) return row.map(() => Infinity);
    if (best === 0) return row.map((t) => (t === 0 ? 1 : Infinity));
    return row.map((t) => t / best);
  });
}

/**
 * The performance profile of one solver from its ratios over the problems: ρ_s(τ) = #{p : r_{p,s} ≤ τ} / #problems,
 * as the jumps of a step function (read it with `stepAt`). Infinite ratios count in the denominator only.
 * ρ_s(1) is the fraction of problems the solver won (ties count as a win for each tied solver).
 */
export function performanceProfile(ratios: readonly number[]): EcdfStep[] {
  return ecdf(ratios.map((r) => (r === Infinity ? null : r)));
}

/** ρ_s(τ) for every solver: column s of `ratios[p][s]`. */
export function profileAt(ratios: readonly (readonly number[])[], solver: number, tau: number): number {
  return stepAt(performanceProfile(ratios.map((row) => row[solver])), tau);
}
