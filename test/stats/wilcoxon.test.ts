import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon.ts';

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

// Published values: R's wilcox.test(x, y, paired = TRUE) (V = W⁺) and scipy.stats.wilcoxon (which reports
// min(W⁺, W⁻)) agree with every p-value below; each is also derived by hand in the comments.

describe('wilcoxonSignedRank, exact (n ≤ 20, no ties)', () => {
  it('n = 5, all differences positive: p = 2·(1/32) = 0.0625', () => {
    // W⁺ = 1+2+3+4+5 = 15, the maximum; only the all-positive pattern of 2^5 reaches it
    expect(wilcoxonSignedRank(oneTo(5), zeros(5))).toEqual({ statistic: 15, pValue: 0.0625, n: 5 });
  });

  it('n = 6, all differences positive: p = 2/64 = 0.03125', () => {
    expect(wilcoxonSignedRank(oneTo(6), zeros(6))).toEqual({ statistic: 21, pValue: 0.03125, n: 6 });
  });

  it('d = [1, −2, 3, 4, 5]: W⁺ = 13, p = 0.1875', () => {
    // P(W⁺ ≥ 13) = P(W⁺ ≤ 15 − 13 = 2) = #{∅, {1}, {2}}/32 = 3/32; two-sided 6/32 = 0.1875
    const r = wilcoxonSignedRank([1, -2, 3, 4, 5], zeros(5));
    expect(r.statistic).toBe(13);
    expect(r.pValue).toBe(0.1875);
  });

  it('matches the Hollander & Wolfe depression example from R’s ?wilcox.test: V = 40, p = 20/512', () => {
    // d = [0.952, −0.147, 1.022, 0.43, 0.62, 0.59, 0.49, −0.08, 0.01]; |d| ranks: 0.01→1, 0.08→2, 0.147→3, …
    // W⁻ = 2 + 3 = 5, W⁺ = 45 − 5 = 40. P(W⁺ ≤ 5) for n = 9: sums 0,1,2 → 1 each; 3 → 2; 4 → 2; 5 → 3; total 10.
    // R (alternative = "greater"): p = 10/512 = 0.01953; two-sided 20/512 = 0.0390625.
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    expect(wilcoxonSignedRank(x, y)).toEqual({ statistic: 40, pValue: 20 / 512, n: 9 });
  });

  it('n = 20 is still exact: all positive gives 2/2^20', () => {
    // the normal approximation would give about 1.3e-4 here
    expect(wilcoxonSignedRank(oneTo(20), zeros(20)).pValue).toBe(2 / 2 ** 20);
  });

  it('caps p at 1 at the centre of the distribution', () => {
    // d = [1, −2, −3, 4]: W⁺ = 5 = n(n+1)/4; P(W⁺ ≤ 5) = 9/16 → 2·9/16 > 1 → 1
    expect(wilcoxonSignedRank([1, -2, -3, 4], zeros(4)).pValue).toBe(1);
  });
});

describe('wilcoxonSignedRank, normal approximation', () => {
  it('matches the Wikipedia example (a tie after dropping the zero): W⁺ = 27, p = 0.6353', () => {
    // d = x − y = [15, −7, 5, 20, 0, −9, 17, −12, 5, −10]; the zero is dropped → n = 9.
    // |d| sorted 5, 5, 7, 9, 10, 12, 15, 17, 20 → ranks 1.5, 1.5, 3, 4, 5, 6, 7, 8, 9.
    // W⁺ = 7 + 1.5 + 9 + 8 + 1.5 = 27, W⁻ = 3 + 4 + 6 + 5 = 18; Wikipedia's W = W⁺ − W⁻ = 9.
    // Ties → normal: μ = 9·10/4 = 22.5; σ² = 9·10·19/24 − (2³ − 2)/48 = 71.25 − 0.125 = 71.125;
    // z = (27 − 22.5 − 0.5)/√71.125 = 4/8.43356 = 0.474296; p = 2·(1 − Φ(0.474296)) = 0.635289 (R: 0.6353).
    const x = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135];
    const y = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145];
    const r = wilcoxonSignedRank(x, y);
    expect(r.n).toBe(9);
    expect(r.statistic).toBe(27);
    expect(r.pValue).toBeCloseTo(0.6352893188352069, 12);
  });

  it('n = 21, all positive: continuity-corrected normal p = 6.4115e-5', () => {
    // W⁺ = 231; μ = 21·22/4 = 115.5; σ² = 21·22·43/24 = 827.75; z = (231 − 115.5 − 0.5)/28.7706 = 3.99713
    // p = 2·Φ(−3.99713) = 6.41152e-5 (the exact value would be 2/2^21 = 9.54e-7)
    const r = wilcoxonSignedRank(oneTo(21), zeros(21));
    expect(r.statistic).toBe(231);
    expect(r.pValue).toBeCloseTo(6.411516306549495e-5, 15);
  });

  it('n = 25, all positive: p = 1.3071e-5', () => {
    // W⁺ = 325; μ = 162.5; σ² = 25·26·51/24 = 1381.25; z = 162/37.1652 = 4.35892; p = 2·Φ(−4.35892)
    expect(wilcoxonSignedRank(oneTo(25), zeros(25)).pValue).toBeCloseTo(1.3070605478013029e-5, 15);
  });

  it('n = 30, mixed signs: W⁺ = 300, p = 0.16818', () => {
    // d_k = −k for k divisible by 3, else k (k = 1 … 30): W⁻ = 3 + 6 + … + 30 = 165, W⁺ = 465 − 165 = 300
    // μ = 232.5; σ² = 30·31·61/24 = 2363.75; z = (300 − 232.5 − 0.5)/48.6184 = 1.37808; p = 0.168179
    const d = oneTo(30).map((k) => (k % 3 === 0 ? -k : k));
    const r = wilcoxonSignedRank(d, zeros(30));
    expect(r.statistic).toBe(300);
    expect(r.pValue).toBeCloseTo(0.1681789797233525, 12);
  });
});

describe('wilcoxonSignedRank, properties', () => {
  it.each([
    [[1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3], [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]],
    [[125, 115, 130, 140, 140, 115, 140, 125, 140, 135], [110, 122, 125, 120, 140, 124, 123, 137, 135, 145]],
    [oneTo(30).map((k) => (k % 3 === 0 ? -k : k)), zeros(30)],
  ])('is symmetric: swapping x and y keeps p and turns W⁺ into n(n+1)/2 − W⁺ (case %#)', (x, y) => {
    const forward = wilcoxonSignedRank(x, y);
    const back = wilcoxonSignedRank(y, x);
    expect(back.pValue).toBeCloseTo(forward.pValue, 15);
    expect(back.statistic).toBe((forward.n * (forward.n + 1)) / 2 - forward.statistic);
  });

  it('gives p = 1 and n = 0 when every pair is equal', () => {
    expect(wilcoxonSignedRank([1, 2, 3], [1, 2, 3])).toEqual({ statistic: 0, pValue: 1, n: 0 });
    expect(wilcoxonSignedRank([], [])).toEqual({ statistic: 0, pValue: 1, n: 0 });
  });

  it('rejects samples of different lengths and non-finite values', () => {
    expect(() => wilcoxonSignedRank([1, 2], [1])).toThrow(/length/);
    expect(() => wilcoxonSignedRank([1, NaN], [0, 0])).toThrow(/finite/);
  });
});
