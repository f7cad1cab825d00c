import { describe, expect, it } from 'vitest';
import { randomPoints } from '../../src/search/random.ts';
import { intUniform, logUniform, uniform } from '../../src/search/space.ts';

const space = { lr: logUniform(1e-4, 1), momentum: uniform(0, 0.9), warmup: intUniform(0, 5), mode: ['a', 'b', 'c'] };

describe('randomPoints', () => {
  it('is reproducible: the same seed and key give the same points', () => {
    expect(randomPoints(space, 20, 7, 'sgd/constant')).toEqual(randomPoints(space, 20, 7, 'sgd/constant'));
  });

  it('gives different points for a different seed or a different key', () => {
    const base = randomPoints(space, 5, 7, 'sgd/constant').map((p) => p.lr);
    const otherSeed = randomPoints(space, 5, 8, 'sgd/constant').map((p) => p.lr);
    const otherKey = randomPoints(space, 5, 7, 'adam/constant').map((p) => p.lr);
    expect(otherSeed.some((lr, i) => lr !== base[i])).toBe(true);
    expect(otherKey.some((lr, i) => lr !== base[i])).toBe(true);
  });

  it('gives the first n points of a longer draw (points are drawn one after another)', () => {
    expect(randomPoints(space, 10, 3, 'k').slice(0, 4)).toEqual(randomPoints(space, 4, 3, 'k'));
  });

  it('stays inside the bounds', () => {
    for (const p of randomPoints(space, 500, 1, 'bounds')) {
      expect(p.lr).toBeGreaterThanOrEqual(1e-4);
      expect(p.lr).toBeLessThanOrEqual(1);
      expect(p.momentum).toBeGreaterThanOrEqual(0);
      expect(p.momentum).toBeLessThan(0.9);
    }
  });

  it('spreads log-uniform draws evenly over decades: 2000 draws on [1e-4, 1], each decade 15–35% (expected 25%)', () => {
    const counts = [0, 0, 0, 0];
    for (const { lr } of randomPoints({ lr: logUniform(1e-4, 1) }, 2000, 0, 'spread')) {
      counts[Math.min(3, Math.floor(Math.log10(lr as number) + 4))]++;
    }
    // A uniform draw of lr would put ~90% in the top decade; log-uniform puts 500 ± 19 (binomial sd) in each.
    for (const c of counts) {
      expect(c / 2000).toBeGreaterThanOrEqual(0.15);
      expect(c / 2000).toBeLessThanOrEqual(0.35);
    }
  });

  it('spreads uniform draws evenly: 2000 on [0, 0.9], each third 25–42%', () => {
    const counts = [0, 0, 0];
    for (const { momentum } of randomPoints({ momentum: uniform(0, 0.9) }, 2000, 0, 'u')) counts[Math.floor((momentum as number) / 0.3)]++;
    for (const c of counts) expect(c / 2000).toBeGreaterThan(0.25);
    for (const c of counts) expect(c / 2000).toBeLessThan(0.42);
  });

  it('draws integers that cover both ends of an int range', () => {
    const values = randomPoints({ warmup: intUniform(0, 5) }, 300, 2, 'int').map((p) => p.warmup as number);
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v <= 5)).toBe(true);
    expect(new Set(values)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it('picks only listed values from a categorical list, and each of them', () => {
    const picks = randomPoints({ lr: [0.01, 0.1], mode: ['a', 'b', 'c'] }, 200, 4, 'cat');
    expect(new Set(picks.map((p) => p.lr))).toEqual(new Set([0.01, 0.1]));
    expect(new Set(picks.map((p) => p.mode))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('keeps fixed values as they are', () => {
    const points = randomPoints({ lr: logUniform(1e-3, 1), nesterov: true, momentum: 0.9 }, 10, 0, 'fixed');
    expect(points.every((p) => p.nesterov === true && p.momentum === 0.9)).toBe(true);
  });
});
