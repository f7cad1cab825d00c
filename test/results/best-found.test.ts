import { describe, expect, it } from 'vitest';
import { againstBestFound } from '../../src/results/trial-result.ts';
import type { TrialResult } from '../../src/results/types.ts';

/** A trial of a problem without a known optimum, as a worker returns it: gap metrics null, loss curve kept. */
function unmeasured(losses: number[]): TrialResult {
  return {
    id: 't',
    configId: 'c',
    seed: 0,
    status: 'ok',
    divergedAt: null,
    initialLoss: losses[0],
    finalLoss: losses[losses.length - 1],
    bestLoss: Math.min(...losses),
    validationLoss: null,
    optimalLoss: null,
    finalGap: null,
    stepsToTarget: [null, null],
    logGapArea: null,
    curve: [null, null],
    losses,
  };
}

describe('againstBestFound', () => {
  it('measures the curve against the best loss found and drops the curve', () => {
    // f* = 1, f₀ − f* = 9. Gaps: 9, 4, 1, 0.5. ε = 0.5 → threshold 4.5, first met at k = 1 (gap 4);
    // ε = 0.1 → threshold 0.9, first met at k = 3 (gap 0.5). Final gap 0.5.
    // Log-gap area: mean of log10(gap/9) = (0 + log10(4/9) + log10(1/9) + log10(0.5/9)) / 4.
    const t = againstBestFound(unmeasured([10, 5, 2, 1.5]), 1, [0.5, 0.1], [0, 3]);
    expect(t.optimalLoss).toBe(1);
    expect(t.stepsToTarget).toEqual([1, 3]);
    expect(t.finalGap).toBe(0.5);
    expect(t.logGapArea).toBeCloseTo((Math.log10(4 / 9) + Math.log10(1 / 9) + Math.log10(0.5 / 9)) / 4, 12);
    expect(t.curve).toEqual([9, 0.5]);
    expect(t.losses).toBeUndefined();
  });

  it('leaves a trial of a problem with a known optimum alone', () => {
    const { losses: _drop, ...known } = unmeasured([3, 2]);
    expect(againstBestFound(known, 0, [0.5], [0])).toBe(known);
  });
});
