import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../src/core/params.ts';
import { rng } from '../../src/core/rng.ts';
import { createProblem, type ProblemInstance } from '../../src/problems/problem.ts';
import { rosenbrock } from '../../src/problems/rosenbrock.ts';
import { centralDifference, expectOptbenchError, expectRelClose, pointNear, relativeError } from './helpers.ts';

interface RosenbrockJson {
  name: string;
  seed: number;
  dim: number;
  init: number[];
  optimum?: { loss: number; params: number[] };
}

const json = (problem: ProblemInstance) => problem.toJSON() as unknown as RosenbrockJson;

/** The definition written out independently: Σ_{i<n−1} b(x_{i+1} − x_i²)² + (a − x_i)². */
function direct(x: ArrayLike<number>, a = 1, b = 100): number {
  let f = 0;
  for (let i = 0; i + 1 < x.length; i++) f += b * (x[i + 1] - x[i] ** 2) ** 2 + (a - x[i]) ** 2;
  return f;
}

function lossAndGrad(problem: ProblemInstance, x: ArrayLike<number>): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(problem.dim);
  return { loss: problem.lossAndGrad(Float64Array.from(x), grad), grad };
}

const variants: [string, Record<string, number>][] = [
  ['default (dim 2, a 1, b 100)', {}],
  ['dim 7', { dim: 7 }],
  ['dim 3, a 0.5, b 10', { dim: 3, a: 0.5, b: 10 }],
  ['dim 2, a -2, b 1', { dim: 2, a: -2, b: 1 }],
];

describe.each(variants)('rosenbrock %s', (_label, options) => {
  it('gradient matches central finite differences at seeded random points (relative error ≤ 1e-6)', () => {
    for (const seed of [0, 1, 5]) {
      const problem = createProblem(rosenbrock, seed, options);
      const random = rng(seed, 'test/points');
      const points = [Float64Array.from(problem.init), ...Array.from({ length: 5 }, () => pointNear(random, problem.init, 1.5))];
      for (const x of points) {
        const { loss, grad } = lossAndGrad(problem, x);
        expect(loss).toBe(problem.loss(x));
        expect(relativeError(grad, centralDifference((p) => problem.loss(p), x))).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('the loss is the definition Σ b(x_{i+1} − x_i²)² + (a − x_i)², written out independently', () => {
    const problem = createProblem(rosenbrock, 3, options);
    const { a, b } = problem.options as { a: number; b: number };
    const random = rng(3, 'test/definition');
    for (let k = 0; k < 10; k++) {
      const x = pointNear(random, problem.init, 2);
      expectRelClose(problem.loss(x), direct(x, a, b), 1e-12, 'loss');
    }
  });
});

describe('rosenbrock: values by hand (a = 1, b = 100)', () => {
  const problem = createProblem(rosenbrock, 0);

  it('f(0, 0) = 100·0² + 1² = 1, ∇f = (−4·100·0·0 − 2·1, 2·100·0) = (−2, 0)', () => {
    const { loss, grad } = lossAndGrad(problem, [0, 0]);
    expect(loss).toBe(1);
    expect(Array.from(grad)).toEqual([-2, 0]);
  });

  it('the classic start (−1.2, 1): t = 1 − 1.44 = −0.44, f = 100·0.1936 + 2.2² = 24.2, ∇f = (−215.6, −88)', () => {
    // ∂f/∂x₀ = −4·100·(−1.2)·(−0.44) − 2·2.2 = −211.2 − 4.4; ∂f/∂x₁ = 2·100·(−0.44).
    const { loss, grad } = lossAndGrad(problem, [-1.2, 1]);
    expect(loss).toBeCloseTo(24.2, 12);
    expect(grad[0]).toBeCloseTo(-215.6, 10);
    expect(grad[1]).toBeCloseTo(-88, 10);
  });

  it('in 3 dimensions f(0, 0, 0) = 2 (two terms of 1) and f(1, 1, 1) = 0', () => {
    const three = createProblem(rosenbrock, 0, { dim: 3 });
    expect(three.loss(new Float64Array(3))).toBe(2);
    expect(three.loss(Float64Array.of(1, 1, 1))).toBe(0);
  });

  it('a and b enter as declared: a = 2, b = 1 at (0, 0) gives 1·0² + 2² = 4, at (1, 0) gives 1·1² + 1² = 2', () => {
    const other = createProblem(rosenbrock, 0, { a: 2, b: 1 });
    expect(other.loss(Float64Array.of(0, 0))).toBe(4);
    expect(other.loss(Float64Array.of(1, 0))).toBe(2);
  });
});

describe('rosenbrock: the optimum', () => {
  it.each([2, 3, 10])('dim %i, a = 1: f(1, …, 1) = 0 and ∇f = 0 exactly, and it is the declared optimum', (dim) => {
    const problem = createProblem(rosenbrock, 4, { dim });
    const ones = new Float64Array(dim).fill(1);
    expect(Array.from(problem.optimum!.params)).toEqual(Array.from(ones));
    expect(problem.optimum!.loss).toBe(0);
    const { loss, grad } = lossAndGrad(problem, ones);
    expect(loss).toBe(0);
    expect(grad.every((g) => g === 0)).toBe(true);
    expect(json(problem).optimum).toEqual({ loss: 0, params: Array.from(ones) });
  });

  it('dim 2, any a: the optimum is (a, a²) with f = 0 and ∇f = 0', () => {
    for (const a of [-2, 0.5, 3]) {
      const problem = createProblem(rosenbrock, 4, { a, b: 7 });
      expect(Array.from(problem.optimum!.params)).toEqual([a, a * a]);
      const { loss, grad } = lossAndGrad(problem, [a, a * a]);
      expect(loss).toBe(0);
      expect(Array.from(grad)).toEqual([0, 0]);
    }
  });

  it('dim 4, a = 0: the optimum is 0 with f = 0', () => {
    const problem = createProblem(rosenbrock, 4, { dim: 4, a: 0 });
    expect(Array.from(problem.optimum!.params)).toEqual([0, 0, 0, 0]);
    expect(problem.loss(new Float64Array(4))).toBe(0);
  });

  it('dim 3, a = 2: no closed form, so no optimum is declared; the chain (a, a², a⁴) is not even stationary', () => {
    const problem = createProblem(rosenbrock, 4, { dim: 3, a: 2 });
    expect(problem.optimum).toBeUndefined();
    expect(json(problem)).not.toHaveProperty('optimum');
    // At (2, 4, 16): both valley terms vanish but (a − x₁)² = (2 − 4)² = 4 remains, and
    // ∂f/∂x₁ = 2b·(x₁ − x₀²) − 4b·x₁·(x₂ − x₁²) − 2(a − x₁) = 0 − 0 + 4 = 4.
    const { loss, grad } = lossAndGrad(problem, [2, 4, 16]);
    expect(loss).toBe(4);
    expect(grad[1]).toBe(4);
  });
});

describe('rosenbrock: the initial point', () => {
  it('is the classic (−1.2, 1, −1.2, …) plus N(0, 0.1²): over 200 seeds the offsets have mean ≈ 0 and sd ≈ 0.1', () => {
    // 200 seeds × dim 3 = 600 draws: the mean has sd 0.1/√600 ≈ 0.004, the sample sd about 0.1/√1200 ≈ 0.003.
    const offsets = Array.from({ length: 200 }, (_, seed) => {
      const { init } = createProblem(rosenbrock, seed, { dim: 3 });
      return [init[0] + 1.2, init[1] - 1, init[2] + 1.2];
    }).flat();
    const mean = offsets.reduce((s, v) => s + v, 0) / offsets.length;
    const sd = Math.sqrt(offsets.reduce((s, v) => s + (v - mean) ** 2, 0) / offsets.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.1)).toBeLessThan(0.015);
    expect(Math.max(...offsets.map(Math.abs))).toBeLessThan(0.6); // no draw anywhere near the other side
  });
});

describe('rosenbrock: determinism', () => {
  it('the same (options, seed) gives identical toJSON() strings; another seed another start', () => {
    for (const options of [{}, { dim: 5, a: 0.5 }] as ParamValues[]) {
      const a = JSON.stringify(createProblem(rosenbrock, 11, options).toJSON());
      expect(JSON.stringify(createProblem(rosenbrock, 11, { ...options }).toJSON())).toBe(a);
      expect(JSON.stringify(createProblem(rosenbrock, 12, options).toJSON())).not.toBe(a);
    }
  });

  it('the start depends on the seed only, not on a or b', () => {
    expect(json(createProblem(rosenbrock, 11, { a: 3, b: 2 })).init).toEqual(json(createProblem(rosenbrock, 11)).init);
  });
});

describe('rosenbrock: option validation', () => {
  it('rejects out-of-range, non-integer and non-finite values, naming the option and value', () => {
    expectOptbenchError(() => createProblem(rosenbrock, 0, { dim: 1 }), 'rosenbrock', 'dim', 'got 1');
    expectOptbenchError(() => createProblem(rosenbrock, 0, { dim: 2.5 }), 'rosenbrock', 'dim', 'integer', '2.5');
    expectOptbenchError(() => createProblem(rosenbrock, 0, { b: 0 }), 'rosenbrock', 'b', 'got 0');
    expectOptbenchError(() => createProblem(rosenbrock, 0, { b: -100 }), 'rosenbrock', 'b', '-100');
    expectOptbenchError(() => createProblem(rosenbrock, 0, { a: Number.NaN }), 'rosenbrock', 'a', 'NaN');
    expectOptbenchError(() => createProblem(rosenbrock, 0, { a: '1' }), 'rosenbrock', 'a', '"1"');
    expectOptbenchError(() => createProblem(rosenbrock, 0, { dims: 3 }), 'rosenbrock', '"dims"', 'did you mean "dim"');
  });
});
