import { describe, expect, it } from 'vitest';
import { curveSteps } from '../../src/results/curve.ts';

describe('curveSteps', () => {
  it('keeps every step of a short run', () => {
    expect(curveSteps(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(curveSteps(32)).toEqual(Array.from({ length: 33 }, (_, k) => k));
  });

  it('keeps 0, 1 and the last step of a long run, log-spaced in between', () => {
    const steps = curveSteps(1000);
    expect(steps.slice(0, 2)).toEqual([0, 1]);
    expect(steps.at(-1)).toBe(1000);
    expect(steps.length).toBeLessThanOrEqual(33);
    expect(steps.every((k, i) => i === 0 || k > steps[i - 1])).toBe(true);
    // round(1000^(i/31)) for i = 11 … 20 lies in [10, 100) and for i = 21 … 30 in [100, 1000): ten each.
    expect(steps.filter((k) => k >= 10 && k < 100)).toHaveLength(10);
    expect(steps.filter((k) => k >= 100 && k < 1000)).toHaveLength(10);
  });
});
