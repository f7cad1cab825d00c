import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../src/core/params.ts';
import { rng, shuffle } from '../../src/core/rng.ts';
import { mseLossAndGrad } from '../../src/problems/least-squares.ts';
import { linearRegression } from '../../src/problems/linear-regression.ts';
import { createProblem, type DatasetJson, type ProblemInstance } from '../../src/problems/problem.ts';
import {
  centralDifference,
  checkedBatch,
  expectOptbenchError,
  expectRelClose,
  flatten,
  norm,
  pointNear,
  relativeError,
} from './helpers.ts';

function json(problem: ProblemInstance): DatasetJson {
  return problem.toJSON() as unknown as DatasetJson;
}

/**
 * The loss and gradient written out from the contract, independently of src/:
 *   f(θ) = (1/n)·Σᵢ (xᵢ·θ − yᵢ)²,  ∇f = (2/n)·Σᵢ xᵢ (xᵢ·θ − yᵢ)
 */
function direct(features: number[][], targets: number[], params: ArrayLike<number>): { loss: number; grad: number[] } {
  const grad = new Array<number>(params.length).fill(0);
  let loss = 0;
  features.forEach((row, i) => {
    const r = row.reduce((s, x, j) => s + x * params[j], 0) - targets[i];
    loss += r * r;
    row.forEach((x, j) => (grad[j] += (2 * x * r) / features.length));
  });
  return { loss: loss / features.length, grad };
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

const variants: [string, Record<string, number>][] = [
  ['default (n=100, d=1)', {}],
  ['d=5, spread=100 (ill-conditioned)', { d: 5, spread: 100 }],
  ['d=3, noise=0', { d: 3, noise: 0 }],
];

describe.each(variants)('linear-regression %s', (_label, options) => {
  const seeds = [0, 1, 7];

  it('full-batch gradient matches central finite differences (relative error ≤ 1e-6)', () => {
    for (const seed of seeds) {
      const problem = createProblem(linearRegression, seed, options);
      const grad = new Float64Array(problem.dim);
      const random = rng(seed, 'test/points');
      const points = [Float64Array.from(problem.init), ...Array.from({ length: 4 }, () => pointNear(random, problem.init, 2))];
      for (const x of points) {
        problem.lossAndGrad(x, grad);
        const fd = centralDifference((p) => problem.loss(p), x);
        expect(relativeError(grad, fd)).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('batchLossAndGrad matches central finite differences of the batch loss', () => {
    for (const seed of seeds) {
      const problem = createProblem(linearRegression, seed, options);
      const n = problem.samples!;
      const order = Int32Array.from({ length: n }, (_, i) => i);
      const random = rng(seed, 'test/batch');
      shuffle(random, order);
      for (const [start, count] of [
        [0, 1],
        [13, 17],
        [n - 10, 10],
        [0, n],
      ]) {
        const x = pointNear(random, problem.init, 1);
        const { loss } = checkedBatch(problem, x, order, start, count);
        // The batch loss is the mean over exactly the rows order[start … start+count−1].
        const { features, targets } = json(problem);
        const rows = Array.from(order.subarray(start, start + count));
        const expected = direct(
          rows.map((i) => features[i]),
          rows.map((i) => targets[i]),
          x,
        );
        expectRelClose(loss, expected.loss, 1e-12, 'batch loss');
      }
    }
  });

  it('the gradient vanishes at optimum.params on the data of toJSON(), and optimum.loss is the loss there', () => {
    for (const seed of seeds) {
      const problem = createProblem(linearRegression, seed, options);
      const { features, targets, init, optimum } = json(problem);
      const atInit = direct(features, targets, init);
      const atOptimum = direct(features, targets, optimum.params);
      // θ* solves the normal equations: only rounding (≈ cond(XᵀX)·ε) is left of the gradient.
      expect(norm(atOptimum.grad)).toBeLessThanOrEqual(1e-9 * norm(atInit.grad));
      // Relative to f* where f* is O(1); with noise = 0, f* is pure rounding (~1e-28), hence the floor of 1e-12.
      expect(Math.abs(optimum.loss - atOptimum.loss)).toBeLessThanOrEqual(1e-12 * Math.max(1, optimum.loss));
      expect(problem.optimum!.loss).toBe(optimum.loss);
      // And it is the minimum: the loss is larger at nearby points.
      const random = rng(seed, 'test/optimality');
      for (let k = 0; k < 5; k++) {
        expect(direct(features, targets, pointNear(random, optimum.params, 0.01)).loss).toBeGreaterThan(optimum.loss);
      }
    }
  });
});

describe('linear-regression: sufficient statistics against the direct O(n·d) loss', () => {
  it.each([1, 20])('d=%i, n=1000: lossAndGrad equals mseLossAndGrad over all rows to 1e-9 relative', (d) => {
    for (const seed of [0, 3]) {
      const problem = createProblem(linearRegression, seed, { n: 1000, d });
      const { features, targets } = json(problem);
      const x = flatten(features);
      const y = Float64Array.from(targets);
      const random = rng(seed, 'test/points');
      const grad = new Float64Array(problem.dim);
      const directGrad = new Float64Array(problem.dim);
      // Points at several distances: near θ* (where the O(d²) form must not lose the floor f*) and far out.
      for (const scale of [1e-3, 0.1, 1, 10]) {
        const p = pointNear(random, problem.optimum!.params, scale);
        const loss = problem.lossAndGrad(p, grad);
        const expected = mseLossAndGrad(x, y, d + 1, p, directGrad, null, 0, 1000);
        expectRelClose(loss, expected, 1e-9, `loss at scale ${scale}`);
        expectRelClose(problem.loss(p), expected, 1e-9, `loss() at scale ${scale}`);
        // Near θ* the gradient is tiny and the direct sum carries absolute rounding ~1e-15, so compare
        // against the gradient's scale at the initial point as well.
        const scaleFloor = 1e-9 * norm(directGrad) + 1e-13;
        expect(norm(Array.from(grad, (g, j) => g - directGrad[j]))).toBeLessThanOrEqual(scaleFloor);
      }
    }
  });
});

describe('linear-regression: the optimum in closed form', () => {
  it('for d=1, θ* is the simple-regression line: slope = cov(x, y)/var(x), intercept = ȳ − slope·x̄', () => {
    for (const seed of [0, 1, 2, 42]) {
      const { features, targets, optimum } = json(createProblem(linearRegression, seed));
      const xs = features.map((row) => row[1]);
      const xBar = mean(xs);
      const yBar = mean(targets);
      let cov = 0;
      let varX = 0;
      xs.forEach((x, i) => {
        cov += (x - xBar) * (targets[i] - yBar);
        varX += (x - xBar) ** 2;
      });
      const slope = cov / varX;
      const intercept = yBar - slope * xBar;
      expectRelClose(optimum.params[0], intercept, 1e-10, 'intercept');
      expectRelClose(optimum.params[1], slope, 1e-10, 'slope');
    }
  });

  it('with noise = 0 the data lie on y = 4 + 3·Σx, so θ* = (4, 3, …, 3) and f* = 0', () => {
    for (const options of [{ noise: 0 }, { noise: 0, d: 4 }, { noise: 0, d: 4, spread: 100 }] as ParamValues[]) {
      const problem = createProblem(linearRegression, 5, options);
      const expected = [4, ...Array.from({ length: problem.dim - 1 }, () => 3)];
      expect(relativeError(problem.optimum!.params, expected)).toBeLessThanOrEqual(1e-9);
      expect(problem.optimum!.loss).toBeLessThanOrEqual(1e-20);
    }
  });

  it('the default instance: 100 rows [1, x] with x in [0, 2), θ₀ of length 2', () => {
    for (const seed of [0, 1, 2]) {
      const problem = createProblem(linearRegression, seed);
      const { features, targets, init, dim } = json(problem);
      expect(dim).toBe(2);
      expect(problem.samples).toBe(100);
      expect(features).toHaveLength(100);
      expect(targets).toHaveLength(100);
      expect(init).toHaveLength(2);
      for (const row of features) {
        expect(row).toHaveLength(2);
        expect(row[0]).toBe(1);
        expect(row[1]).toBeGreaterThanOrEqual(0);
        expect(row[1]).toBeLessThan(2);
      }
      // 100 draws of U(0, 2): the sample mean is 1 ± 0.058 (σ = 2/√12/√100), so ±0.25 is > 4σ.
      expect(Math.abs(mean(features.map((r) => r[1])) - 1)).toBeLessThan(0.25);
    }
  });

  it('the default instance: θ* is near (4, 3) and the residual variance near σ² = 1', () => {
    // OLS standard errors for n = 100, σ = 1, x ~ U(0, 2) (var x = 1/3, x̄ ≈ 1):
    //   SE(slope) = σ/√(n·var x) = 1/√(100/3) ≈ 0.17;  SE(intercept) = σ·√(1/n + x̄²/(n·var x)) = √0.04 = 0.2.
    // 0.6 is 3 SE for the intercept and 3.5 SE for the slope: a correct generator passes (p ≈ 0.3%), while
    // a wrong intercept or slope (say 3 instead of 4, or 2 instead of 3) is far outside.
    for (const seed of [0, 1, 2, 3, 4]) {
      const { optimum } = json(createProblem(linearRegression, seed));
      expect(Math.abs(optimum.params[0] - 4)).toBeLessThan(0.6);
      expect(Math.abs(optimum.params[1] - 3)).toBeLessThan(0.6);
      // f* = RSS/n with E[RSS] = σ²(n − 2), sd ≈ σ²·√(2(n − 2)) ⇒ f* ≈ 0.98 ± 0.14: [0.55, 1.45] is ±3 sd.
      expect(optimum.loss).toBeGreaterThan(0.55);
      expect(optimum.loss).toBeLessThan(1.45);
    }
  });

  it('over 50 seeds the mean θ* is (4, 3) to within 4 standard errors of the mean', () => {
    // SE of the mean over 50 seeds: 0.2/√50 ≈ 0.028 (intercept), 0.17/√50 ≈ 0.025 (slope); 4 SE ≈ 0.11.
    const thetas = Array.from({ length: 50 }, (_, seed) => json(createProblem(linearRegression, seed)).optimum.params);
    expect(Math.abs(mean(thetas.map((t) => t[0])) - 4)).toBeLessThan(0.11);
    expect(Math.abs(mean(thetas.map((t) => t[1])) - 3)).toBeLessThan(0.1);
  });

  it('the initial point is θ₀ ~ N(0, I): its coordinates over many seeds have mean ≈ 0 and variance ≈ 1', () => {
    // 200 seeds × 2 coordinates = 400 draws: the mean has sd 0.05, the variance sd ≈ √(2/400) ≈ 0.07.
    const draws = Array.from({ length: 200 }, (_, seed) => json(createProblem(linearRegression, seed)).init).flat();
    const m = mean(draws);
    expect(Math.abs(m)).toBeLessThan(0.2);
    expect(Math.abs(mean(draws.map((v) => (v - m) ** 2)) - 1)).toBeLessThan(0.28);
  });
});

describe('linear-regression: validation data', () => {
  it('validationLoss is the mean squared error on the held-out rows of toJSON()', () => {
    const problem = createProblem(linearRegression, 4, { d: 2 });
    const { validation } = json(problem);
    expect(validation.features).toHaveLength(20); // round(0.2 · 100)
    const random = rng(4, 'test/validation');
    for (let k = 0; k < 3; k++) {
      const p = pointNear(random, problem.optimum!.params, 1);
      expectRelClose(problem.validationLoss!(p), direct(validation.features, validation.targets, p).loss, 1e-12);
    }
  });

  it('held-out rows are not training rows, and validation = 0 gives NaN', () => {
    const { features, validation } = json(createProblem(linearRegression, 4));
    const train = new Set(features.map((r) => r.join(',')));
    expect(validation.features.some((r) => train.has(r.join(',')))).toBe(false);
    const none = createProblem(linearRegression, 4, { validation: 0 });
    expect(none.validationLoss!(Float64Array.from(none.init))).toBeNaN();
  });
});

describe('linear-regression: determinism', () => {
  it('the same (options, seed) gives identical toJSON() strings', () => {
    for (const options of [{}, { d: 5, spread: 100 }] as ParamValues[]) {
      const a = JSON.stringify(createProblem(linearRegression, 11, options).toJSON());
      const b = JSON.stringify(createProblem(linearRegression, 11, { ...options }).toJSON());
      expect(a).toBe(b);
    }
  });

  it('another seed gives different data and a different initial point', () => {
    const a = json(createProblem(linearRegression, 11));
    const b = json(createProblem(linearRegression, 12));
    expect(b.features).not.toEqual(a.features);
    expect(b.targets).not.toEqual(a.targets);
    expect(b.init).not.toEqual(a.init);
    expect(b.optimum.params).not.toEqual(a.optimum.params);
  });

  it('the data do not depend on the validation split (separate streams)', () => {
    const a = json(createProblem(linearRegression, 11, { validation: 0 }));
    const b = json(createProblem(linearRegression, 11, { validation: 1 }));
    expect(b.features).toEqual(a.features);
    expect(b.init).toEqual(a.init);
  });
});

describe('linear-regression: option validation', () => {
  it('rejects an unknown option with a suggestion', () => {
    expectOptbenchError(() => createProblem(linearRegression, 0, { nois: 1 }), 'linear-regression', '"nois"', 'did you mean "noise"');
  });

  it('rejects n < d + 1 (no unique optimum), naming n and its value', () => {
    expectOptbenchError(() => createProblem(linearRegression, 0, { n: 5, d: 5 }), 'linear-regression', 'n must be', '6', 'got 5');
    // n = d + 1 is the smallest valid size.
    expect(createProblem(linearRegression, 0, { n: 6, d: 5 }).dim).toBe(6);
  });

  it('rejects a non-integer n', () => {
    expectOptbenchError(() => createProblem(linearRegression, 0, { n: 50.5 }), 'linear-regression', 'n must be', 'integer', '50.5');
  });

  it('rejects a negative noise', () => {
    expectOptbenchError(() => createProblem(linearRegression, 0, { noise: -1 }), 'linear-regression', 'noise', '-1');
  });

  it('rejects options of the wrong type and non-finite values', () => {
    expectOptbenchError(() => createProblem(linearRegression, 0, { d: Number.NaN }), 'linear-regression', 'd must be', 'NaN');
    expectOptbenchError(() => createProblem(linearRegression, 0, { noise: 'loud' }), 'noise', '"loud"');
    expectOptbenchError(() => createProblem(linearRegression, 0, { spread: 0.5 }), 'spread', '0.5');
  });

  it('rejects a negative or fractional seed', () => {
    expectOptbenchError(() => createProblem(linearRegression, -1), 'linear-regression', 'seed', '-1');
    expectOptbenchError(() => createProblem(linearRegression, 1.5), 'linear-regression', 'seed', '1.5');
    expectOptbenchError(() => createProblem(linearRegression, Number.NaN), 'seed', 'NaN');
  });
});
