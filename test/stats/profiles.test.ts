import { describe, expect, it } from 'vitest';
import { stepAt } from '../../src/stats/ecdf.ts';
import { performanceProfile, performanceRatios, profileAt } from '../../src/stats/profiles.ts';

// Three solvers (columns) on three problems (rows); Infinity: the solver never reached the target.
//        s0    s1    s2
//   p0   10    20    ∞     best 10 → ratios 1, 2, ∞
//   p1   30    30    60    best 30 → ratios 1, 1, 2   (s0 and s1 tie: both win)
//   p2   ∞     50    175   best 50 → ratios ∞, 1, 3.5
const TIMES = [
  [10, 20, Infinity],
  [30, 30, 60],
  [Infinity, 50, 175],
];

describe('performanceRatios (Dolan & Moré 2002)', () => {
  it('divides by the best time on each problem; unsolved stays ∞', () => {
    expect(performanceRatios(TIMES)).toEqual([
      [1, 2, Infinity],
      [1, 1, 2],
      [Infinity, 1, 3.5],
    ]);
  });

  it('gives ∞ to every solver on a problem nobody solved, and handles a best time of 0', () => {
    expect(performanceRatios([[Infinity, Infinity]])).toEqual([[Infinity, Infinity]]);
    expect(performanceRatios([[0, 4, 0]])).toEqual([[1, Infinity, 1]]);
  });

  it('refuses NaN, negative times and ragged rows', () => {
    expect(() => performanceRatios([[1, Number.NaN]])).toThrow(/solver 1/);
    expect(() => performanceRatios([[1, -2]])).toThrow(/≥ 0/);
    expect(() => performanceRatios([[1, 2], [3]])).toThrow(/problem 1 has 1 solvers/);
  });
});

describe('performanceProfile', () => {
  const ratios = performanceRatios(TIMES);
  const rho = (s: number, tau: number) => profileAt(ratios, s, tau);

  it('ρ(1) is the fraction of wins, ties counting for each: s0 2/3 (p0, p1), s1 2/3 (p1, p2), s2 0', () => {
    expect([0, 1, 2].map((s) => rho(s, 1))).toEqual([2 / 3, 2 / 3, 0]);
  });

  it('ρ(2): s0 2/3 (p2 unsolved never counts), s1 1, s2 1/3 (p1 at ratio 2)', () => {
    expect([0, 1, 2].map((s) => rho(s, 2))).toEqual([2 / 3, 1, 1 / 3]);
  });

  it('ρ(4): s2 reaches 2/3 with p2 at ratio 3.5; s0 stays at 2/3', () => {
    expect([0, 1, 2].map((s) => rho(s, 4))).toEqual([2 / 3, 1, 2 / 3]);
    expect(rho(2, 3.49)).toBe(1 / 3);
  });

  it('is the step function of the ratios, with ∞ in the denominator only', () => {
    const s2 = performanceProfile(ratios.map((r) => r[2]));
    expect(s2).toEqual([
      { x: 2, fraction: 1 / 3 },
      { x: 3.5, fraction: 2 / 3 },
    ]);
    expect(stepAt(s2, 1e9)).toBe(2 / 3);
  });
});
