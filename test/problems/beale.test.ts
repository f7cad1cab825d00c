import { describe, expect, it } from 'vitest';
import { rng } from '../../src/core/rng.ts';
import { beale } from '../../src/problems/beale.ts';
import { createProblem, type ProblemInstance } from '../../src/problems/problem.ts';
import { centralDifference, expectOptbenchError, expectRelClose, relativeError } from './helpers.ts';

const json = (problem: ProblemInstance) => problem.toJSON() as unknown as { dim: number; init: number[]; optimum: { loss: number; params: number[] } };

/** The definition written out independently. */
function direct(x: number, y: number): number {
  return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2;
}

function lossAndGrad(problem: ProblemInstance, x: ArrayLike<number>): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(2);
  return { loss: problem.lossAndGrad(Float64Array.from(x), grad), grad };
}

describe('beale', () => {
  const problem = createProblem(beale, 0);

  it('gradient matches central finite differences at seeded random points in [−4.5, 4.5]² (relative error ≤ 1e-6)', () => {
    for (const seed of [0, 1, 5]) {
      const instance = createProblem(beale, seed);
      const random = rng(seed, 'test/points');
      const points = [Float64Array.from(instance.init), ...Array.from({ length: 20 }, () => Float64Array.of(-4.5 + 9 * random(), -4.5 + 9 * random()))];
      for (const x of points) {
        const { loss, grad } = lossAndGrad(instance, x);
        expect(loss).toBe(instance.loss(x));
        expectRelClose(loss, direct(x[0], x[1]), 1e-12, 'loss');
        expect(relativeError(grad, centralDifference((p) => instance.loss(p), x))).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('f(0, 0) = 1.5² + 2.25² + 2.625² = 14.203125, ∇f = (−2·(1.5 + 2.25 + 2.625), 0) = (−12.75, 0)', () => {
    const { loss, grad } = lossAndGrad(problem, [0, 0]);
    expect(loss).toBe(14.203125);
    expect(Array.from(grad)).toEqual([-12.75, 0]);
  });

  it('f(1, 1) = 14.203125 as well (every x·y^k − x vanishes), ∇f = (0, 2·(1.5 + 2·2.25 + 3·2.625)) = (0, 27.75)', () => {
    const { loss, grad } = lossAndGrad(problem, [1, 1]);
    expect(loss).toBe(14.203125);
    expect(Array.from(grad)).toEqual([0, 27.75]);
  });

  it('the optimum (3, ½): every residual is exactly 0, so f = 0 and ∇f = (0, 0) exactly', () => {
    // r₁ = 1.5 − 3 + 1.5, r₂ = 2.25 − 3 + 0.75, r₃ = 2.625 − 3 + 0.375: all exact in binary floating point.
    expect(Array.from(problem.optimum!.params)).toEqual([3, 0.5]);
    expect(problem.optimum!.loss).toBe(0);
    const { loss, grad } = lossAndGrad(problem, [3, 0.5]);
    expect(loss).toBe(0);
    expect(grad.every((g) => g === 0)).toBe(true); // (−0 for ∂/∂x: a sum of 0·negative terms)
    expect(json(problem).optimum).toEqual({ loss: 0, params: [3, 0.5] });
  });

  it('the Hessian at (3, ½) is 2JᵀJ = [[3.15625, −11.4375], [−11.4375, 46.125]] (positive definite, det 14.765625)', () => {
    // J, the residuals' Jacobian: ∂r_k/∂x = y^k − 1 = (−0.5, −0.75, −0.875), ∂r_k/∂y = k·x·y^(k−1) = (3, 3, 2.25).
    // Central differences of the gradient (exact for the quadratic part, O(h²) otherwise).
    const h = 1e-6;
    const column = (i: number) => {
      const up = [3, 0.5];
      const down = [3, 0.5];
      up[i] += h;
      down[i] -= h;
      const gu = lossAndGrad(problem, up).grad;
      const gd = lossAndGrad(problem, down).grad;
      return [(gu[0] - gd[0]) / (2 * h), (gu[1] - gd[1]) / (2 * h)];
    };
    const [hxx, hyx] = column(0);
    const [hxy, hyy] = column(1);
    expectRelClose(hxx, 3.15625, 1e-6, 'H_xx');
    expectRelClose(hxy, -11.4375, 1e-6, 'H_xy');
    expectRelClose(hyx, -11.4375, 1e-6, 'H_yx');
    expectRelClose(hyy, 46.125, 1e-6, 'H_yy');
    expect(hxx * hyy - hxy * hyx).toBeGreaterThan(14);
  });

  it('the start is uniform in [−4.5, 4.5]²: over 500 seeds every draw is inside and the mean is ≈ 0', () => {
    // 1000 draws of U(−4.5, 4.5): the mean has sd 4.5/√3/√1000 ≈ 0.082.
    const draws = Array.from({ length: 500 }, (_, seed) => json(createProblem(beale, seed)).init).flat();
    expect(draws.every((v) => v >= -4.5 && v < 4.5)).toBe(true);
    expect(Math.abs(draws.reduce((s, v) => s + v, 0) / draws.length)).toBeLessThan(0.35);
    // and they reach the ends: no draw in [4.4, 4.5) has probability (1 − 0.1/9)¹⁰⁰⁰ ≈ 1.4e-5 per end.
    expect(Math.min(...draws)).toBeLessThan(-4.4);
    expect(Math.max(...draws)).toBeGreaterThan(4.4);
  });

  it('is deterministic per seed: identical toJSON() strings; another seed another start', () => {
    const a = JSON.stringify(createProblem(beale, 11).toJSON());
    expect(JSON.stringify(createProblem(beale, 11).toJSON())).toBe(a);
    expect(JSON.stringify(createProblem(beale, 12).toJSON())).not.toBe(a);
    expect(json(createProblem(beale, 11)).dim).toBe(2);
  });

  it('takes no options: any given one is refused by name', () => {
    expectOptbenchError(() => createProblem(beale, 0, { dim: 3 }), 'beale', '"dim"', 'it takes none');
    expectOptbenchError(() => createProblem(beale, 1.5), 'beale', 'seed', '1.5');
  });
});
