import { ladder, maxRungIndex, type RungShape } from './halving.ts';

/** One bracket of Hyperband: its index s and its successive-halving rungs. */
export interface Bracket {
  readonly s: number;
  readonly rungs: readonly RungShape[];
}

/** ⌈a/b⌉ for positive integers, exactly. */
const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/**
 * Hyperband's brackets (Li et al. 2018, JMLR 18, Algorithm 1), with R = maxSteps and the unit of resource minSteps:
 * s_max = ⌊log_η(R/minSteps)⌋, B = (s_max + 1)·R; for s = s_max … 0, bracket s starts
 * n = ⌈(B/R)·η^s/(s + 1)⌉ = ⌈(s_max + 1)·η^s/(s + 1)⌉ configurations at r = R·η^−s steps and runs successive halving
 * for s + 1 rungs (n_i = ⌊n·η^−i⌋, r_i = r·η^i). Steps are whole: r_i = ⌊R/η^(s − i)⌋, so the last rung is R.
 */
export function hyperbandBrackets(eta: number, maxSteps: number, minSteps: number): Bracket[] {
  const sMax = maxRungIndex(eta, maxSteps, minSteps);
  const brackets: Bracket[] = [];
  for (let s = sMax; s >= 0; s--) {
    const n = ceilDiv((sMax + 1) * eta ** s, s + 1);
    brackets.push({ s, rungs: ladder(n, eta, maxSteps, s) });
  }
  return brackets;
}
