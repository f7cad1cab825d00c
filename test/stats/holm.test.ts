import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/holm.ts';

describe('holmAdjust', () => {
  it('matches the textbook example: p = 0.01, 0.04, 0.03, 0.005 → 0.03, 0.06, 0.06, 0.02', () => {
    // Sorted: 0.005·4 = 0.02; 0.01·3 = 0.03; 0.03·2 = 0.06; 0.04·1 = 0.04 → max(0.06, 0.04) = 0.06.
    // (R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02.)
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 15));
    // At α = 0.05 only the two smallest are rejected; plain p ≤ 0.05 would have rejected all four.
    expect(adjusted.map((p) => p <= 0.05)).toEqual([true, false, false, true]);
  });

  it('keeps the order of the raw p-values (monotone) and caps at 1', () => {
    const raw = [0.2, 0.001, 0.6, 0.04, 0.3, 0.04];
    const adjusted = holmAdjust(raw);
    // Sorted 0.001, 0.04, 0.04, 0.2, 0.3, 0.6 times 6, 5, 4, 3, 2, 1: 0.006, 0.2, 0.16 → 0.2 (running max), 0.6, 0.6, 0.6.
    [0.6, 0.006, 0.6, 0.2, 0.6, 0.2].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 15));
    const order = raw.map((_, i) => i).sort((a, b) => raw[a] - raw[b]);
    for (let k = 1; k < order.length; k++) expect(adjusted[order[k]]).toBeGreaterThanOrEqual(adjusted[order[k - 1]]);
    for (const [i, p] of raw.entries()) expect(adjusted[i]).toBeGreaterThanOrEqual(p);
    expect(holmAdjust([0.5, 0.6, 0.9])).toEqual([1, 1, 1]); // 0.5·3 = 1.5 → 1
  });

  it('leaves a single p-value alone, and refuses p outside [0, 1]', () => {
    expect(holmAdjust([0.03])).toEqual([0.03]);
    expect(holmAdjust([])).toEqual([]);
    expect(() => holmAdjust([0.1, Number.NaN])).toThrow(/index 1/);
    expect(() => holmAdjust([1.2])).toThrow(/\[0, 1\]/);
  });
});
