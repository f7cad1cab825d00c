import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../src/stats/describe.ts';

// Quantiles follow simple-statistics quantileSorted (R type 7): q(p) = x[h] interpolated at h = (n − 1)·p, 0-based.

suite('describe', () => {
  it('summarises [1, 2, 3, 4, 100] (hand-derived)', () => {
    const s = describe([1, 2, 3, 4, 100]);
    // n = 5; sorted [1, 2, 3, 4, 100]; median = x[2] = 3; mean = 110/5 = 22
    // deviations −21, −20, −19, −18, 78; squares 441 + 400 + 361 + 324 + 6084 = 7610; var = 7610/4 = 1902.5
    // q1: h = 4·0.25 = 1 → x[1] = 2;  q3: h = 4·0.75 = 3 → x[3] = 4
    expect(s).not.toBeNull();
    expect(s!.n).toBe(5);
    expect(s!.median).toBe(3);
    expect(s!.mean).toBe(22);
    expect(s!.sd).toBeCloseTo(Math.sqrt(1902.5), 12); // 43.6176…
    expect(s!.q1).toBe(2);
    expect(s!.q3).toBe(4);
    expect(s!.min).toBe(1);
    expect(s!.max).toBe(100);
  });

  it('sorts an unsorted even-length sample and interpolates quantiles', () => {
    const s = describe([4, 1, 3, 2])!;
    // sorted [1, 2, 3, 4]; median = (2 + 3)/2 = 2.5; mean = 2.5
    // deviations ±1.5, ±0.5: squares 2.25·2 + 0.25·2 = 5; var = 5/3
    // q1: h = 3·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75;  q3: h = 2.25 → 3 + 0.25·(4 − 3) = 3.25
    expect(s.median).toBe(2.5);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.q1).toBe(1.75);
    expect(s.q3).toBe(3.25);
    expect(s.min).toBe(1);
    expect(s.max).toBe(4);
  });

  it('matches numpy/R type-7 quantiles on the simple-statistics doc sample', () => {
    // [3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], n = 11: h(0.25) = 2.5 → 7 + 0.5·(8 − 7) = 7.5;
    // h(0.75) = 7.5 → 13 + 0.5·(15 − 13) = 14; median x[5] = 9 (the doc's example value).
    // numpy.percentile(x, [25, 50, 75]) = [7.5, 9, 14].
    const s = describe([20, 3, 16, 6, 15, 7, 13, 8, 10, 8, 9])!;
    expect([s.q1, s.median, s.q3]).toEqual([7.5, 9, 14]);
  });

  it('gives sd 0 (not NaN) for one value', () => {
    expect(describe([7])).toEqual({ n: 1, median: 7, mean: 7, sd: 0, q1: 7, q3: 7, min: 7, max: 7 });
  });

  it('returns null for an empty sample', () => {
    expect(describe([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    describe(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([NaN, Infinity, -Infinity])('throws on the non-finite value %s', (bad) => {
    expect(() => describe([1, bad, 2])).toThrow(/finite/);
  });

  it('stays finite when plain sums would overflow', () => {
    // mean of [1.5e308, 1.5e308, 1.5e308] is 1.5e308, sd 0; the plain sum 4.5e308 overflows to Infinity
    const s = describe([1.5e308, 1.5e308, 1.5e308])!;
    expect(s.mean).toBe(1.5e308);
    expect(s.sd).toBe(0);
    // [−1e308, 1e308]: mean 0, sd = sqrt(2·1e616/1) = 1.4142…e308 (finite)
    const t = describe([-1e308, 1e308])!;
    expect(t.mean).toBe(0);
    expect(t.sd / 1e308).toBeCloseTo(Math.SQRT2, 12);
  });
});
