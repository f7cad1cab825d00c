import { assertFinite } from './finite.ts';

/** A jump of an empirical distribution function: from `x` on (up to the next jump) it equals `fraction`. */
export interface EcdfStep {
  readonly x: number;
  readonly fraction: number;
}

/**
 * Empirical distribution function of runtimes, where null is a run that never finished (COCO's runtime ECDF,
 * Hansen et al. 2016, "COCO: Performance Assessment", §4; Moré & Wild 2009's data profile):
 *   F(x) = #{i : v_i ≠ null and v_i ≤ x} / n,   n counting the nulls too,
 * so the function levels off at the fraction that finished. Returns the jumps, one per distinct value, ascending;
 * F is 0 before the first. Empty input gives [].
 */
export function ecdf(values: readonly (number | null)[]): EcdfStep[] {
  const finished = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  assertFinite(finished, 'ecdf');
  const steps: EcdfStep[] = [];
  for (let i = 0; i < finished.length; i++) {
    if (i + 1 < finished.length && finished[i + 1] === finished[i]) continue; // the last of equal values carries the jump
    steps.push({ x: finished[i], fraction: (i + 1) / values.length });
  }
  return steps;
}

/** F(x) of a step function from `ecdf` (or `performanceProfile`): the fraction at the last jump at or before x. */
export function stepAt(steps: readonly EcdfStep[], x: number): number {
  let value = 0;
  for (const s of steps) {
    if (s.x > x) break;
    value = s.fraction;
  }
  return value;
}
