import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { intUniform, isDistribution, linspace, logspace, logUniform, uniform } from '../../src/search/space.ts';

describe('logspace', () => {
  it('gives exact decades: logspace(1e-4, 1, 5) = 1e-4, 1e-3, 1e-2, 1e-1, 1', () => {
    // 10^(−4 + i·1) for i = 0 … 4; toEqual is exact (Object.is), so 0.0010000000000000002 would fail.
    expect(logspace(1e-4, 1, 5)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    // 10^(−3 + i/2), written to 15 significant digits: 10^−2.5 = 0.00316227766016837933… → 0.00316227766016838.
    expect(logspace(1e-3, 1, 7)).toEqual([1e-3, 0.00316227766016838, 1e-2, 0.0316227766016838, 0.1, 0.316227766016838, 1]);
  });

  it('keeps both ends exactly as given and runs either way', () => {
    expect(logspace(3e-4, 0.3, 4)).toEqual([3e-4, 3e-3, 3e-2, 0.3]);
    expect(logspace(1, 1e-2, 3)).toEqual([1, 0.1, 1e-2]);
    expect(logspace(0.5, 8, 1)).toEqual([0.5]);
  });

  it.each([
    [0, 1, 5],
    [-1e-3, 1, 5],
    [1e-3, 0, 5],
    [1e-3, 1, 0],
    [1e-3, 1, 2.5],
    [NaN, 1, 3],
  ])('refuses logspace(%s, %s, %s)', (a, b, n) => {
    expect(() => logspace(a, b, n)).toThrow(OptbenchError);
    expect(() => logspace(a, b, n)).toThrow(`logspace(${a}, ${b}, ${n})`);
  });
});

describe('linspace', () => {
  it('gives evenly spaced values with exact ends', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // 0.1·k without tidying gives 0.30000000000000004 for k = 3.
    expect(linspace(0, 0.5, 6)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(linspace(10, 0, 3)).toEqual([10, 5, 0]);
    expect(linspace(-1, 1, 1)).toEqual([-1]);
  });

  it.each([
    [0, Infinity, 3],
    [NaN, 1, 3],
    [0, 1, 0],
    [0, 1, -2],
    [0, 1, 1.5],
  ])('refuses linspace(%s, %s, %s)', (a, b, n) => {
    expect(() => linspace(a, b, n)).toThrow(OptbenchError);
  });
});

describe('distributions', () => {
  it('are plain JSON objects, told apart from values and lists', () => {
    expect(logUniform(1e-4, 1)).toEqual({ kind: 'log-uniform', low: 1e-4, high: 1 });
    expect(uniform(0, 0.9)).toEqual({ kind: 'uniform', low: 0, high: 0.9 });
    expect(intUniform(1, 8)).toEqual({ kind: 'int', low: 1, high: 8 });
    expect(isDistribution(uniform(0, 1))).toBe(true);
    expect(isDistribution([0.1, 0.2])).toBe(false);
    expect(isDistribution(0.1)).toBe(false);
    expect(isDistribution('step')).toBe(false);
  });
});
