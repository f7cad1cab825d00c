import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../src/core/params.ts';
import { rng } from '../../src/core/rng.ts';
import { createProblem, type ProblemInstance } from '../../src/problems/problem.ts';
import { rastrigin } from '../../src/problems/rastrigin.ts';
import { centralDifference, expectOptbenchError, expectRelClose, relativeError } from './helpers.ts';

const json = (problem: ProblemInstance) => problem.toJSON() as unknown as { init: number[]; optimum: { loss: number; params: number[] } };

/** The textbook form, written out independently: A·n + Σ (x_i² − A·cos 2πx_i). */
function textbook(x: ArrayLike<number>, a = 10): number {
  let f = a * x.length;
  for (let i = 0; i < x.length; i++) f += x[i] ** 2 - a * Math.cos(2 * Math.PI * x[i]);
  return f;
}

function lossAndGrad(problem: ProblemInstance, x: ArrayLike<number>): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(problem.dim);
  return { loss: problem.lossAndGrad(Float64Array.from(x), grad), grad };
}

/** Seeded points uniform in [−5.12, 5.12]ⁿ, the domain of the start. */
function uniformPoint(random: () => number, dim: number): Float64Array {
  return Float64Array.from({ length: dim }, () => -5.12 + 10.24 * random());
}

const variants: [string, Record<string, number>][] = [
  ['default (dim 2, A 10)', {}],
  ['dim 1', { dim: 1 }],
  ['dim 10, A 3', { dim: 10, a: 3 }],
];

describe.each(variants)('rastrigin %s', (_label, options) => {
  it('gradient matches central finite differences at seeded random points (relative error ≤ 1e-6)', () => {
    // The truncation error h²·f‴/6 with f‴ up to 8π³A ≈ 2.5e3 and h ≤ 5.12e-5 is ≤ 1.1e-6 absolute per coordinate,
    // against gradients of order 2πA ≈ 60: well inside 1e-6 relative.
    for (const seed of [0, 1, 5]) {
      const problem = createProblem(rastrigin, seed, options);
      const random = rng(seed, 'test/points');
      const points = [Float64Array.from(problem.init), ...Array.from({ length: 8 }, () => uniformPoint(random, problem.dim))];
      for (const x of points) {
        const { loss, grad } = lossAndGrad(problem, x);
        expect(loss).toBe(problem.loss(x));
        expect(relativeError(grad, centralDifference((p) => problem.loss(p), x))).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('the loss equals the textbook A·n + Σ (x_i² − A·cos 2πx_i) at random points', () => {
    const problem = createProblem(rastrigin, 2, options);
    const random = rng(2, 'test/textbook');
    for (let k = 0; k < 10; k++) {
      const x = uniformPoint(random, problem.dim);
      expectRelClose(problem.loss(x), textbook(x, problem.options.a as number), 1e-12, 'loss');
    }
  });

  it('the optimum is 0 at 0: f and ∇f are exactly 0 there, and f > 0 at every nearby and random point', () => {
    const problem = createProblem(rastrigin, 2, options);
    const zero = new Float64Array(problem.dim);
    expect(Array.from(problem.optimum!.params)).toEqual(Array.from(zero));
    expect(problem.optimum!.loss).toBe(0);
    const { loss, grad } = lossAndGrad(problem, zero);
    expect(loss).toBe(0);
    expect(grad.every((g) => g === 0)).toBe(true);
    const random = rng(2, 'test/positive');
    for (let k = 0; k < 20; k++) {
      expect(problem.loss(uniformPoint(random, problem.dim))).toBeGreaterThan(0);
      expect(problem.loss(Float64Array.from(zero, () => 1e-4 * (random() - 0.5)))).toBeGreaterThan(0);
    }
  });
});

describe('rastrigin: values by hand (A = 10)', () => {
  const problem = createProblem(rastrigin, 0);

  it('f(½, ½) = 2·(¼ + 10·(1 − cos π)) = 2·20.25 = 40.5, ∇f = 2·½ + 20π·sin π ≈ (1, 1)', () => {
    const { loss, grad } = lossAndGrad(problem, [0.5, 0.5]);
    expect(loss).toBeCloseTo(40.5, 12);
    expect(grad[0]).toBeCloseTo(1, 12); // sin π = 1.2e-16 in floating point, times 20π
    expect(grad[1]).toBeCloseTo(1, 12);
  });

  it('at the integer point (1, −2) every cosine is 1: f = 1 + 4 = 5, ∇f ≈ (2, −4)', () => {
    const { loss, grad } = lossAndGrad(problem, [1, -2]);
    expect(loss).toBeCloseTo(5, 12);
    expect(grad[0]).toBeCloseTo(2, 12);
    expect(grad[1]).toBeCloseTo(-4, 12);
  });

  it('A = 0 is the sum of squares: f(3, −4) = 25, ∇f = (6, −8)', () => {
    const sphere = createProblem(rastrigin, 0, { a: 0 });
    const { loss, grad } = lossAndGrad(sphere, [3, -4]);
    expect(loss).toBe(25);
    expect(Array.from(grad)).toEqual([6, -8]);
  });
});

describe('rastrigin: the initial point', () => {
  it('is uniform in [−5.12, 5.12]ⁿ: over 100 seeds × dim 10 every draw is inside, mean ≈ 0, variance ≈ 5.12²/3', () => {
    // 1000 draws of U(−5.12, 5.12): variance 8.738; the mean has sd √(8.738/1000) ≈ 0.093, the variance sd ≈ 0.25.
    const draws = Array.from({ length: 100 }, (_, seed) => json(createProblem(rastrigin, seed, { dim: 10 })).init).flat();
    expect(draws.every((v) => v >= -5.12 && v < 5.12)).toBe(true);
    // and they reach the ends: no draw in [5.05, 5.12) has probability (1 − 0.07/10.24)¹⁰⁰⁰ ≈ 1e-3 per end.
    expect(Math.min(...draws)).toBeLessThan(-5.05);
    expect(Math.max(...draws)).toBeGreaterThan(5.05);
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.4);
    expect(Math.abs(variance - 5.12 ** 2 / 3)).toBeLessThan(1.2);
  });
});

describe('rastrigin: determinism', () => {
  it('the same (options, seed) gives identical toJSON() strings; another seed another start', () => {
    for (const options of [{}, { dim: 6, a: 2 }] as ParamValues[]) {
      const a = JSON.stringify(createProblem(rastrigin, 11, options).toJSON());
      expect(JSON.stringify(createProblem(rastrigin, 11, { ...options }).toJSON())).toBe(a);
      expect(JSON.stringify(createProblem(rastrigin, 12, options).toJSON())).not.toBe(a);
    }
  });

  it('the start does not depend on A', () => {
    expect(json(createProblem(rastrigin, 11, { a: 1 })).init).toEqual(json(createProblem(rastrigin, 11)).init);
  });
});

describe('rastrigin: option validation', () => {
  it('rejects out-of-range, non-integer and wrongly typed values, naming the option and value', () => {
    expectOptbenchError(() => createProblem(rastrigin, 0, { dim: 0 }), 'rastrigin', 'dim', 'got 0');
    expectOptbenchError(() => createProblem(rastrigin, 0, { dim: 1.5 }), 'rastrigin', 'dim', 'integer', '1.5');
    expectOptbenchError(() => createProblem(rastrigin, 0, { a: -1 }), 'rastrigin', 'a', '-1');
    expectOptbenchError(() => createProblem(rastrigin, 0, { a: Number.POSITIVE_INFINITY }), 'rastrigin', 'a', 'Infinity');
    expectOptbenchError(() => createProblem(rastrigin, 0, { dim: true }), 'rastrigin', 'dim', 'true');
    expectOptbenchError(() => createProblem(rastrigin, 0, { A: 10 }), 'rastrigin', '"A"');
  });
});
