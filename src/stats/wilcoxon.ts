import { assertFinite } from './finite.ts';
import { normalCdf } from './normal.ts';

export interface WilcoxonResult {
  /** W⁺, the sum of the ranks of the positive differences (R's `V`). */
  readonly statistic: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** Number of non-zero differences. */
  readonly n: number;
}

/** Largest n for which the exact null distribution is enumerated (2^20 sign patterns). */
const EXACT_MAX_N = 20;

/**
 * Wilcoxon signed-rank test of paired samples, two-sided, on d_i = x_i − y_i (Wilcoxon 1945). Zero
 * differences are dropped (Wilcoxon's method); the n remaining |d_i| are ranked 1 … n, tied values
 * sharing their average rank; W⁺ = Σ_{d_i > 0} rank_i. Matches R's
 * wilcox.test(x, y, paired = TRUE, exact = (n ≤ 20), correct = TRUE) (R's own default goes exact up to n < 50):
 * - n ≤ 20 and no ties: exact p = min(1, 2·min(P(W⁺ ≤ w), P(W⁺ ≥ w))) under H0, where the 2^n equally
 *   likely sign patterns are counted by rank sum with a dynamic programme (see `signedRankCounts`).
 * - otherwise (n > 20, or ties): normal approximation with μ = n(n+1)/4,
 *   σ² = n(n+1)(2n+1)/24 − Σ_t (t³ − t)/48 over groups of t tied |d| (tie correction),
 *   z = (W⁺ − μ − ½·sign(W⁺ − μ))/σ (continuity correction), p = 2·min(Φ(z), 1 − Φ(z)).
 * n = 0 (all pairs equal) gives p = 1.
 */
export function wilcoxonSignedRank(x: readonly number[], y: readonly number[]): WilcoxonResult {
  if (x.length !== y.length) throw new Error(`wilcoxonSignedRank: samples differ in length (${x.length} vs ${y.length})`);
  assertFinite(x, 'wilcoxonSignedRank x');
  assertFinite(y, 'wilcoxonSignedRank y');
  const d: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d.push(x[i] - y[i]);
  const n = d.length;
  if (n === 0) return { statistic: 0, pValue: 1, n: 0 };

  const { ranks, tieTerm } = averageRanks(d.map(Math.abs));
  let w = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) w += ranks[i];

  const pValue = n <= EXACT_MAX_N && tieTerm === 0 ? exactP(w, n) : normalP(w, n, tieTerm);
  return { statistic: w, pValue, n };
}

/** Average ranks (1-based) of `values`, and Σ (t³ − t) over groups of t equal values. */
function averageRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/**
 * counts[s] = number of subsets of {1, …, n} with sum s, i.e. of sign patterns with W⁺ = s under H0.
 * Adding rank k: counts_k[s] = counts_{k−1}[s] + counts_{k−1}[s − k] (iterate s downwards to update in place).
 * Counts are at most 2^20, exact in doubles.
 */
function signedRankCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = (k * (k + 1)) / 2; s >= k; s--) counts[s] += counts[s - k];
  }
  return counts;
}

/** Exact two-sided p of an integer W⁺ = w; the null distribution is symmetric about n(n+1)/4. */
function exactP(w: number, n: number): number {
  const counts = signedRankCounts(n);
  const max = (n * (n + 1)) / 2;
  // P(W⁺ ≥ w) = P(W⁺ ≤ max − w) by symmetry, so the smaller tail is P(W⁺ ≤ min(w, max − w)).
  const edge = Math.min(w, max - w);
  let tail = 0;
  for (let s = 0; s <= edge; s++) tail += counts[s];
  return Math.min(1, (2 * tail) / 2 ** n);
}

/** Normal approximation with tie and continuity corrections (formulas above). */
function normalP(w: number, n: number, tieTerm: number): number {
  const mu = (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const z = (w - mu - 0.5 * Math.sign(w - mu)) / sigma;
  return Math.min(1, 2 * normalCdf(-Math.abs(z))); // = 2·min(Φ(z), 1 − Φ(z)), without cancellation
}
