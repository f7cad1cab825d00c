import { mean, median, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { Stats } from '../results/types.ts';
import { assertFinite } from './finite.ts';

/**
 * Order statistics and moments of a sample; null for an empty one. Quantiles are simple-statistics'
 * `quantileSorted` (linear interpolation, R type 7); sd is the sample standard deviation (n − 1), 0 when n = 1.
 * Throws on a non-finite value (the caller filters nulls; NaN here is a bug).
 */
export function describe(values: readonly number[]): Stats | null {
  if (values.length === 0) return null;
  assertFinite(values, 'describe');
  const sorted = [...values].sort((a, b) => a - b);
  const [m, sd] = moments(sorted);
  return {
    n: sorted.length,
    median: median(sorted),
    mean: m,
    sd,
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * Mean and sample sd. If the plain sums overflow (values near ±1.8e308), they are recomputed on the sample
 * divided by a power of two near max |x| (at most 2^1023, so it stays finite; the division is exact), then scaled
 * back, so finite input never gives NaN.
 */
function moments(sorted: readonly number[]): [number, number] {
  const m = mean(sorted);
  const sd = sorted.length > 1 ? sampleStandardDeviation(sorted) : 0;
  if (Number.isFinite(m) && Number.isFinite(sd)) return [m, sd];
  const largest = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
  const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(largest)));
  const scaled = sorted.map((x) => x / scale);
  return [mean(scaled) * scale, sorted.length > 1 ? sampleStandardDeviation(scaled) * scale : 0];
}
