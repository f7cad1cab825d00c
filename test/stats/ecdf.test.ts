import { describe, expect, it } from 'vitest';
import { ecdf, stepAt } from '../../src/stats/ecdf.ts';

describe('ecdf (runtime distribution over problem × target × seed)', () => {
  // Six (problem, target, seed) triples, steps already divided by the budget; null = never reached:
  //   (p1, 0.1, s0) 0.1   (p1, 0.1, s1) null   (p1, 0.01, s0) 0.02
  //   (p2, 0.1, s0) 0.1   (p2, 0.1, s1) 0.5    (p2, 0.01, s0) null
  // Sorted reached: 0.02, 0.1, 0.1, 0.5 → F jumps to 1/6 at 0.02, 3/6 at 0.1 (two at once), 4/6 at 0.5; never to 1.
  const values = [0.1, null, 0.02, 0.1, 0.5, null];

  it('gives one jump per distinct value, with the fraction of all triples (nulls included) at or below it', () => {
    expect(ecdf(values)).toEqual([
      { x: 0.02, fraction: 1 / 6 },
      { x: 0.1, fraction: 3 / 6 },
      { x: 0.5, fraction: 4 / 6 },
    ]);
  });

  it('is a right-continuous step function: 0 before the first jump, flat between jumps', () => {
    const steps = ecdf(values);
    expect([0.01, 0.02, 0.05, 0.0999, 0.1, 0.3, 0.5, 1].map((x) => stepAt(steps, x))).toEqual([0, 1 / 6, 1 / 6, 1 / 6, 3 / 6, 3 / 6, 4 / 6, 4 / 6]);
  });

  it('handles nothing reached and no triples', () => {
    expect(ecdf([null, null])).toEqual([]);
    expect(stepAt(ecdf([null, null]), 1)).toBe(0);
    expect(ecdf([])).toEqual([]);
  });
});
