import { quantileSorted } from 'simple-statistics';
import { rng } from '../core/rng.ts';
import { assertFinite } from './finite.ts';

/**
 * Percentile bootstrap interval of the median (Efron & Tibshirani 1993, §13.3): draw `resamples` samples of
 * size n with replacement from rng(seed, 'bootstrap'), take each one's median m*_b, and return the
 * (1 − level)/2 and (1 + level)/2 quantiles of the m*_b (simple-statistics `quantileSorted`, R type 7).
 * null for fewer than 2 values. Deterministic for a given seed, and it depends only on the multiset of values:
 * they are sorted before resampling, so the order trials arrive in (workers, shards) cannot change the interval.
 */
export function bootstrapMedianCi(
  values: readonly number[],
  seed: number,
  resamples = 2000,
  level = 0.95,
): readonly [number, number] | null {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new Error(`bootstrapMedianCi: resamples must be a positive integer, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) throw new Error(`bootstrapMedianCi: level must be in (0, 1), got ${level}`);
  const n = values.length;
  if (n < 2) return null;
  assertFinite(values, 'bootstrapMedianCi');
  const pool = Float64Array.from(values).sort();
  const random = rng(seed, 'bootstrap');
  // A resample is n indices into the sorted pool; as the pool is sorted, its k-th smallest value is the pool's value
  // at its k-th smallest index, found by counting the indices drawn: no sort per resample, the same values.
  // Scratch buffers allocated once; the resample loop allocates nothing.
  const counts = new Int32Array(n);
  const medians = new Float64Array(resamples);
  const mid = n >> 1;
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
    let seen = 0;
    let below = -1; // index of the sample's (mid − 1)-th smallest value (0-based), for even n
    let at = 0; // index of its mid-th smallest
    for (let j = 0; j < n; j++) {
      seen += counts[j];
      if (below < 0 && seen > mid - 1) below = j;
      if (seen > mid) {
        at = j;
        break;
      }
    }
    medians[b] = n % 2 === 1 ? pool[at] : (pool[below] + pool[at]) / 2;
  }
  medians.sort();
  const sorted = Array.from(medians);
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}
