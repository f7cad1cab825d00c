import { describe, expect, it } from 'vitest';
import type { TrialResult } from '../../src/results/types.ts';
import { smallestExactP, versusBest } from '../../src/stats/versus-best.ts';
import { divergedTrial, summary, trial } from './fixtures.ts';

/** Trials of `configId` on seeds 0 … 5 with these final gaps; null: diverged on that seed. */
function runs(configId: string, gaps: readonly (number | null)[]): TrialResult[] {
  return gaps.map((g, seed) => (g === null ? divergedTrial(configId, seed) : trial(configId, seed, { finalGap: g })));
}

// Six seeds (initial gap 10 − 0 = 10 on each, so nothing here is at the 1e-13 resolution floor).
const TRIALS = new Map<string, TrialResult[]>([
  ['best', runs('best', [10, 20, 30, 40, 50, 60])],
  // d = A − best = 1, 2, 3, 4, 5, 6: all positive, W⁺ = 21, exact p = 2/2⁶ = 0.03125.
  ['a', runs('a', [11, 22, 33, 44, 55, 66])],
  // d = 1, −2, 3, −4, 5, −6: W⁺ = 1 + 3 + 5 = 9. Subsets of {1 … 6} with sum ≤ 9: 1+1+1+2+2+3+4+4+4+5 = 27,
  // p = 2·27/64 = 0.84375.
  ['c', runs('c', [11, 18, 33, 36, 55, 54])],
  // Diverged on seed 0, equal elsewhere: one non-zero difference, W⁺ = 1 of a maximum 1, p = min(1, 2·1/2) = 1.
  ['d', runs('d', [null, 20, 30, 40, 50, 60])],
  // Diverged on seed 0, slightly better on the rest (d = −0.1 … −0.5): the divergence must rank above every
  // finite difference, so W⁺ = 6; subsets with sum ≤ 6: 1+1+1+2+2+3+4 = 14, p = 28/64 = 0.4375. (Were it ranked
  // lowest, W⁺ = 1 and p = 4/64.)
  ['e', runs('e', [null, 19.9, 29.8, 39.7, 49.6, 59.5])],
]);
const of = (id: string) => TRIALS.get(id)!;
const config = (id: string) => summary(id, { gap: 1 });

describe('versusBest', () => {
  it('pairs by seed, tests with the signed-rank test, and adjusts by Holm across the optimizers', () => {
    const rows = versusBest(config('best'), ['a', 'best', 'c', 'd'].map(config), of, 0.05);
    expect(rows.map((r) => r.config.configId)).toEqual(['a', 'best', 'c', 'd']);
    const [a, best, c, d] = rows;
    expect(best).toMatchObject({ isBest: true, pValue: null, adjusted: null, significant: false, pairs: 6 });
    expect(a).toMatchObject({ pairs: 6, worse: 6, better: 0, tied: 0, pValue: 0.03125 });
    expect(c).toMatchObject({ worse: 3, better: 3, tied: 0, pValue: 0.84375 });
    expect(d).toMatchObject({ worse: 1, better: 0, tied: 5, pValue: 1 });
    // Holm, m = 3: 0.03125·3 = 0.09375; 0.84375·2 → 1; 1·1 = 1. A's raw p is below 0.05, its adjusted p is not.
    expect(a.adjusted).toBeCloseTo(0.09375, 15);
    expect([c.adjusted, d.adjusted]).toEqual([1, 1]);
    expect(rows.map((r) => r.significant)).toEqual([false, false, false, false]);
  });

  it('marks a difference significant when its adjusted p is at most alpha', () => {
    const [a] = versusBest(config('best'), [config('a'), config('best')], of, 0.05);
    expect(a).toMatchObject({ pValue: 0.03125, adjusted: 0.03125, significant: true });
    expect(versusBest(config('best'), [config('a'), config('best')], of, 0.01)[0].significant).toBe(false);
  });

  it('ranks a diverged run as worse than any finite gap', () => {
    const [e] = versusBest(config('best'), [config('e'), config('best')], of, 0.05);
    expect(e).toMatchObject({ worse: 1, better: 5, pValue: 0.4375 });
  });

  it('treats gaps below 1e-14 of the initial gap as equal', () => {
    const tiny = new Map([
      ['x', runs('x', [1e-20, 2e-20, 3e-20, 4e-20, 5e-20, 6e-20])],
      ['y', runs('y', [0, 0, 0, 0, 0, 0])],
    ]);
    const [x] = versusBest(config('y'), [config('x'), config('y')], (id) => tiny.get(id)!, 0.05);
    expect(x).toMatchObject({ worse: 0, better: 0, tied: 6, pValue: 1 });
  });
});

describe('smallestExactP', () => {
  it('is 2/2ⁿ: 0.0625 with 5 seeds (never below 0.05), 0.03125 with 6', () => {
    expect(smallestExactP(5)).toBe(0.0625);
    expect(smallestExactP(6)).toBe(0.03125);
    expect(smallestExactP(0)).toBe(1);
  });
});
