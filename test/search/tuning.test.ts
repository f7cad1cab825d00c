import { describe, expect, it } from 'vitest';
import type { ConfigSummary } from '../../src/results/types.ts';
import { bestSoFar } from '../../src/search/tuning.ts';
import { compareConfigs } from '../../src/stats/rank.ts';

/** What the best rule reads of a configuration's summary: divergences, median final gap, targets reached. */
function summary(configId: string, diverged: number, gap: number, reached: [number, number], steps: [number | null, number | null]): ConfigSummary {
  return {
    configId,
    diverged,
    initialGap: 1,
    finalGap: { median: gap },
    targets: [0, 1].map((i) => ({ epsilon: [1e-2, 1e-4][i], reached: reached[i], successRate: reached[i] / 5, medianSteps: steps[i] })),
  } as unknown as ConfigSummary;
}

describe('bestSoFar: the best of the first b, for b = 1 … n', () => {
  it('keeps the earlier of two equal items', () => {
    // [3, 1, 1, 0]: b=1 → #0; b=2 → #1 (1 < 3); b=3 → #1 (#2 ties, the earlier stays); b=4 → #3.
    expect(bestSoFar([3, 1, 1, 0], (a, b) => a - b)).toEqual([0, 1, 1, 3]);
  });

  it("follows the suite's best rule (src/stats/rank.ts) on a hand-made list", () => {
    const list = [
      summary('a', 0, 1e-2, [5, 0], [10, null]), // #0: the first is the best of one
      summary('b', 1, 1e-9, [4, 4], [3, 6]), // #1: a lower gap, but one seed diverged: never before a clean run
      summary('c', 0, 1e-3, [5, 0], [8, null]), // #2: lower median gap than #0
      summary('d', 0, 1e-3, [5, 3], [8, 90]), // #3: the same gap as #2, but reached the tighter target
      summary('e', 0, 1e-16, [5, 5], [4, 50]), // #4: below 1e-14·(f₀ − f*): at double precision's floor
      summary('f', 0, 1e-15, [5, 5], [4, 40]), // #5: also at the floor (equal to #4), and faster to 1e-4
      summary('g', 0, 1e-2, [5, 0], [9, null]), // #6: worse
    ];
    expect(bestSoFar(list, compareConfigs)).toEqual([0, 0, 2, 3, 4, 5, 5]);
  });
});
