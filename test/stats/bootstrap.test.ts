import { describe, expect, it } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import { rng } from '../../src/core/rng.ts';
import { bootstrapMedianCi } from '../../src/stats/bootstrap.ts';

/** The interval computed the plain way: each resample's values drawn, sorted and their median taken. */
function direct(values: readonly number[], seed: number, resamples = 2000, level = 0.95): [number, number] {
  const pool = [...values].sort((a, b) => a - b);
  const n = pool.length;
  const random = rng(seed, 'bootstrap');
  const medians: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const s = Array.from({ length: n }, () => pool[Math.floor(random() * n)]).sort((x, y) => x - y);
    medians.push(n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
  }
  medians.sort((a, b) => a - b);
  return [quantileSorted(medians, (1 - level) / 2), quantileSorted(medians, (1 + level) / 2)];
}

const sample = [0.3, 1.7, 2.2, 4.1, 5.9, 8.0, 13.5, 21.0]; // sample median (4.1 + 5.9)/2 = 5

describe('bootstrapMedianCi', () => {
  it('is deterministic for a seed', () => {
    expect(bootstrapMedianCi(sample, 1)).toEqual(bootstrapMedianCi(sample, 1));
  });

  it('differs for another seed', () => {
    // seeds 1 and 2 give different intervals for this sample (its resample medians take many values)
    expect(bootstrapMedianCi(sample, 2)).not.toEqual(bootstrapMedianCi(sample, 1));
  });

  it.each([1, 2, 3, 42])('is ordered and contains the sample median (seed %i)', (seed) => {
    const [lo, hi] = bootstrapMedianCi(sample, seed)!;
    expect(lo).toBeLessThanOrEqual(5);
    expect(hi).toBeGreaterThanOrEqual(5);
    // a median of a resample lies within the sample's range
    expect(lo).toBeGreaterThanOrEqual(0.3);
    expect(hi).toBeLessThanOrEqual(21);
  });

  it('depends only on the multiset of values, not their order', () => {
    // trials can arrive in any order from workers or shards; the interval must not change
    const shuffled = [13.5, 0.3, 21.0, 4.1, 2.2, 8.0, 1.7, 5.9];
    expect(bootstrapMedianCi(shuffled, 2)).toEqual(bootstrapMedianCi(sample, 2));
  });

  it.each([2, 3, 4, 5, 8, 9, 16])('equals the plain resample-sort-median computation, value for value (n = %i)', (n) => {
    const random = rng(n, 'test-values');
    const values = Array.from({ length: n }, () => Math.round(random() * 20) / 4); // ties included
    for (const seed of [1, 2, 3]) expect(bootstrapMedianCi(values, seed, 500)).toEqual(direct(values, seed, 500));
  });

  it('returns null for fewer than 2 values', () => {
    expect(bootstrapMedianCi([], 1)).toBeNull();
    expect(bootstrapMedianCi([3], 1)).toBeNull();
  });

  it('collapses to the value for a constant sample', () => {
    expect(bootstrapMedianCi([5, 5, 5], 9)).toEqual([5, 5]);
  });

  it('resamples with replacement', () => {
    // For [1, 2, 3], P(resample median = 1) = P(at least two 1s) = (3·2 + 1)/27 = 7/27 ≈ 0.26, likewise for 3,
    // so the 2.5% and 97.5% quantiles are 1 and 3. Permutations (no replacement) would always give median 2.
    expect(bootstrapMedianCi([1, 2, 3], 7)).toEqual([1, 3]);
  });

  it('takes the mean of the two middle values for an even resample', () => {
    // For [1, 100], resample medians are 1 (p = 1/4), 50.5 (p = 1/2), 100 (p = 1/4).
    // level 0.95: the 2.5% and 97.5% quantiles are 1 and 100; level 0.2: the 40% and 60% quantiles are 50.5.
    expect(bootstrapMedianCi([1, 100], 7)).toEqual([1, 100]);
    expect(bootstrapMedianCi([1, 100], 7, 2000, 0.2)).toEqual([50.5, 50.5]);
  });

  it('keeps no generator state between calls', () => {
    // a call in between (same seed, other data) does not change the next result
    const first = bootstrapMedianCi(sample, 5);
    bootstrapMedianCi([9, 8, 7], 5);
    expect(bootstrapMedianCi(sample, 5)).toEqual(first);
  });

  it('rejects bad arguments and non-finite values', () => {
    expect(() => bootstrapMedianCi(sample, 1, 0)).toThrow(/resamples/);
    expect(() => bootstrapMedianCi(sample, 1, 100, 1)).toThrow(/level/);
    expect(() => bootstrapMedianCi([1, NaN], 1)).toThrow(/finite/);
  });
});
