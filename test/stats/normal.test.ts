import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/stats/normal.ts';

// Reference: Φ(z) = ½·erfc(−z/√2); values from Abramowitz & Stegun table 26.1 and scipy.stats.norm.cdf.

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [-3, 0.0013498980316300933],
  ])('Φ(%d) = %d', (z, expected) => {
    expect(normalCdf(z)).toBeCloseTo(expected, 14);
  });

  it('is accurate in the tails (relative error)', () => {
    // Φ(−5) = 2.866515718791933e-7, Φ(−8) = 6.22096057427174e-16 (continued-fraction branch beyond 7.07)
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 9);
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 7);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('satisfies Φ(z) + Φ(−z) = 1', () => {
    for (const z of [0.1, 0.7, 2.5, 6]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
  });
});
