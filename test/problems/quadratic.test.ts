import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../src/core/params.ts';
import { rng } from '../../src/core/rng.ts';
import { createProblem, type ProblemInstance } from '../../src/problems/problem.ts';
import { quadratic } from '../../src/problems/quadratic.ts';
import { centralDifference, expectOptbenchError, expectRelClose, norm, pointNear, relativeError } from './helpers.ts';

interface QuadraticJson {
  name: string;
  seed: number;
  dim: number;
  hessian: number[][];
  eigenvalues: number[];
  init: number[];
  optimum: { loss: number; params: number[] };
}

function json(problem: ProblemInstance): QuadraticJson {
  return problem.toJSON() as unknown as QuadraticJson;
}

function matVec(h: number[][], v: ArrayLike<number>): number[] {
  return h.map((row) => row.reduce((s, hij, j) => s + hij * v[j], 0));
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, ai, i) => s + ai * b[i], 0);

/** ½(x − x*)ᵀH(x − x*) and H(x − x*) from the Hessian and optimum in toJSON(), written out independently. */
function fromJson(j: QuadraticJson, x: ArrayLike<number>): { loss: number; grad: number[] } {
  const d = Array.from(x, (xi, i) => xi - j.optimum.params[i]);
  const grad = matVec(j.hessian, d);
  return { loss: dot(d, grad) / 2, grad };
}

/** The log-spaced spectrum of the definition: λᵢ = μ·κ^(i/(dim−1)). */
function spectrum(dim: number, kappa: number, mu: number): number[] {
  return Array.from({ length: dim }, (_, i) => mu * kappa ** (dim === 1 ? 0 : i / (dim - 1)));
}

/** The largest eigenvalue of a symmetric positive semi-definite matrix by power iteration, with its vector. */
function powerIteration(h: number[][], iterations: number, seed: number): { lambda: number; v: number[] } {
  const random = rng(seed, 'test/power');
  let v = Array.from({ length: h.length }, () => random() - 0.5);
  for (let k = 0; k < iterations; k++) {
    const w = matVec(h, v);
    const n = norm(w);
    v = w.map((x) => x / n);
  }
  return { lambda: dot(v, matVec(h, v)), v }; // Rayleigh quotient of a unit vector
}

const variants: [string, Record<string, number | boolean>][] = [
  ['rotated (default)', {}],
  ['diagonal', { rotate: false }],
  ['rotated, kappa=100', { kappa: 100 }],
  ['diagonal, kappa=100, mu=0.5, dim=25', { kappa: 100, mu: 0.5, dim: 25, rotate: false }],
];

describe.each(variants)('quadratic %s', (_label, options) => {
  const seeds = [0, 1, 9];

  it('gradient matches central finite differences (relative error ≤ 1e-6)', () => {
    for (const seed of seeds) {
      const problem = createProblem(quadratic, seed, options);
      const grad = new Float64Array(problem.dim);
      const random = rng(seed, 'test/points');
      const points = [Float64Array.from(problem.init), ...Array.from({ length: 4 }, () => pointNear(random, problem.init, 2))];
      for (const x of points) {
        const loss = problem.lossAndGrad(x, grad);
        expect(loss).toBe(problem.loss(x));
        expect(relativeError(grad, centralDifference((p) => problem.loss(p), x))).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('the loss and gradient are ½(x−x*)ᵀH(x−x*) and H(x−x*) with H and x* of toJSON()', () => {
    for (const seed of seeds) {
      const problem = createProblem(quadratic, seed, options);
      const j = json(problem);
      const grad = new Float64Array(problem.dim);
      const random = rng(seed, 'test/points');
      for (let k = 0; k < 5; k++) {
        const x = pointNear(random, problem.init, 3);
        const expected = fromJson(j, x);
        expectRelClose(problem.lossAndGrad(x, grad), expected.loss, 1e-12, 'loss');
        expect(relativeError(grad, expected.grad)).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it('f(optimum) = 0 with zero gradient, and f > 0 elsewhere', () => {
    for (const seed of seeds) {
      const problem = createProblem(quadratic, seed, options);
      const grad = new Float64Array(problem.dim).fill(NaN);
      expect(problem.optimum!.loss).toBe(0);
      expect(problem.lossAndGrad(Float64Array.from(problem.optimum!.params), grad)).toBe(0);
      expect(Array.from(grad)).toEqual(Array.from({ length: problem.dim }, () => 0));
      // Central differences at x*: (f(x* + h) − f(x* − h))/2h = 0 for a quadratic centred at x*.
      const fd = centralDifference((p) => problem.loss(p), Float64Array.from(problem.optimum!.params));
      expect(norm(fd)).toBeLessThanOrEqual(1e-9);
      const random = rng(seed, 'test/positive');
      for (let k = 0; k < 5; k++) expect(problem.loss(pointNear(random, problem.optimum!.params, 0.1))).toBeGreaterThan(0);
    }
  });

  it('the Hessian is symmetric, its trace is Σλ, and its eigenvalues are those of toJSON()', () => {
    const problem = createProblem(quadratic, 3, options);
    const j = json(problem);
    const dim = problem.dim;
    const kappa = (options.kappa as number | undefined) ?? 10;
    const mu = (options.mu as number | undefined) ?? 1;
    const eig = spectrum(dim, kappa, mu);
    expect(j.eigenvalues).toHaveLength(dim);
    j.eigenvalues.forEach((lambda, i) => expectRelClose(lambda, eig[i], 1e-15, `λ${i}`));
    for (let r = 0; r < dim; r++) {
      for (let c = 0; c < r; c++) expect(Math.abs(j.hessian[r][c] - j.hessian[c][r])).toBeLessThanOrEqual(1e-14 * kappa * mu);
    }
    const trace = j.hessian.reduce((s, row, i) => s + row[i], 0);
    expectRelClose(trace, eig.reduce((s, l) => s + l, 0), 1e-12, 'trace');
    // Frobenius norm² = Σλ² (an orthogonal similarity preserves it).
    const frob = j.hessian.flat().reduce((s, h) => s + h * h, 0);
    expectRelClose(frob, eig.reduce((s, l) => s + l * l, 0), 1e-12, '‖H‖²_F');
  });

  it('power iteration finds λ_max = κμ with H·v = λv, and (on the shifted matrix) λ_min = μ', () => {
    const problem = createProblem(quadratic, 5, options);
    const j = json(problem);
    const dim = problem.dim;
    const kappa = (options.kappa as number | undefined) ?? 10;
    const mu = (options.mu as number | undefined) ?? 1;
    // The two largest eigenvalues differ by the factor κ^(1/(dim−1)) (≥ 1.2 here), so the error shrinks
    // like κ^(−k/(dim−1)); 2000 iterations put it far below rounding.
    const top = powerIteration(j.hessian, 2000, 5);
    expectRelClose(top.lambda, kappa * mu, 1e-10, 'λ_max');
    const hv = matVec(j.hessian, top.v);
    expect(norm(hv.map((x, i) => x - top.lambda * top.v[i]))).toBeLessThanOrEqual(1e-6 * top.lambda);
    // λ_max·I − H has top eigenvalue λ_max − μ; the gap ratio is close to 1, so iterate longer (cheap at this size).
    const shifted = j.hessian.map((row, r) => row.map((h, c) => (r === c ? top.lambda : 0) - h));
    const bottom = powerIteration(shifted, 20000, 6);
    expect(Math.abs(top.lambda - bottom.lambda - mu)).toBeLessThanOrEqual(1e-6 * kappa * mu);
    expect(dim).toBeGreaterThan(1);
  });
});

describe('quadratic: spectrum and special cases', () => {
  it('the diagonal variant has exactly μ … κμ log-spaced on its diagonal, and zeros elsewhere', () => {
    for (const [dim, kappa, mu] of [
      [10, 10, 1],
      [7, 100, 0.5],
      [2, 1e6, 3],
    ]) {
      const j = json(createProblem(quadratic, 0, { dim, kappa, mu, rotate: false }));
      const diag = j.hessian.map((row, i) => row[i]);
      expect(diag[0]).toBe(mu);
      expect(diag[dim - 1]).toBe(kappa * mu);
      // Log-spaced: consecutive ratios all equal κ^(1/(dim−1)).
      const ratio = kappa ** (1 / (dim - 1));
      for (let i = 1; i < dim; i++) expectRelClose(diag[i] / diag[i - 1], ratio, 1e-13, `ratio ${i}`);
      j.hessian.forEach((row, r) => row.forEach((h, c) => r !== c && expect(h).toBe(0)));
      // Along each axis f(x* + t·eᵢ) = ½λᵢt².
      const problem = createProblem(quadratic, 0, { dim, kappa, mu, rotate: false });
      for (let i = 0; i < dim; i++) {
        const x = Float64Array.from(problem.optimum!.params);
        x[i] += 0.5;
        expectRelClose(problem.loss(x), 0.125 * diag[i], 1e-12, `axis ${i}`);
      }
    }
  });

  it('κ = 1, μ = 2, rotate = false is the sum of squares Σ(xᵢ − xᵢ*)² with gradient 2(x − x*)', () => {
    const problem = createProblem(quadratic, 8, { kappa: 1, mu: 2, rotate: false });
    const xStar = problem.optimum!.params;
    const random = rng(8, 'test/points');
    const grad = new Float64Array(problem.dim);
    for (let k = 0; k < 5; k++) {
      const x = pointNear(random, problem.init, 2);
      const expected = Array.from(x).reduce((s, xi, i) => s + (xi - xStar[i]) ** 2, 0);
      expectRelClose(problem.lossAndGrad(x, grad), expected, 1e-14, 'Σ(x − x*)²');
      Array.from(grad).forEach((g, i) => expectRelClose(g, 2 * (x[i] - xStar[i]), 1e-14, `∂${i}`));
    }
  });

  it('κ = 1 with a rotation is still μ·I: the rotation is orthogonal (QQᵀ = I)', () => {
    for (const dim of [3, 10, 40]) {
      const j = json(createProblem(quadratic, 2, { dim, kappa: 1, mu: 3, rotate: true }));
      j.hessian.forEach((row, r) =>
        row.forEach((h, c) => expect(Math.abs(h - (r === c ? 3 : 0)), `H[${r}][${c}]`).toBeLessThanOrEqual(1e-12)),
      );
    }
  });

  it('the rotation is not the identity: the rotated Hessian has off-diagonal mass', () => {
    const j = json(createProblem(quadratic, 2));
    const off = j.hessian.flatMap((row, r) => row.filter((_, c) => c !== r));
    expect(norm(off)).toBeGreaterThan(1);
  });

  it('dim = 1 has the single eigenvalue μ whatever κ is', () => {
    const problem = createProblem(quadratic, 0, { dim: 1, kappa: 50, mu: 4 });
    const j = json(problem);
    expect(j.hessian).toEqual([[4]]);
    const x = Float64Array.of(problem.optimum!.params[0] + 1);
    expect(problem.loss(x)).toBeCloseTo(2, 14); // ½·4·1²
  });

  it('x* and x₀ are N(0, I) draws: over many coordinates mean ≈ 0, variance ≈ 1', () => {
    // 100 seeds × dim 10 = 1000 draws each: mean sd ≈ 0.032, variance sd ≈ √(2/1000) ≈ 0.045; bounds ≈ 4.5 sd.
    for (const pick of [(j: QuadraticJson) => j.init, (j: QuadraticJson) => j.optimum.params]) {
      const draws = Array.from({ length: 100 }, (_, seed) => pick(json(createProblem(quadratic, seed)))).flat();
      const m = draws.reduce((s, v) => s + v, 0) / draws.length;
      const v = draws.reduce((s, x) => s + (x - m) ** 2, 0) / draws.length;
      expect(Math.abs(m)).toBeLessThan(0.15);
      expect(Math.abs(v - 1)).toBeLessThan(0.2);
    }
  });
});

describe('quadratic: determinism', () => {
  it('the same (options, seed) gives identical toJSON() strings', () => {
    for (const options of [{}, { rotate: false }, { dim: 30, kappa: 1000 }] as ParamValues[]) {
      expect(JSON.stringify(createProblem(quadratic, 21, options).toJSON())).toBe(
        JSON.stringify(createProblem(quadratic, 21, { ...options }).toJSON()),
      );
    }
  });

  it('another seed gives a different rotation, optimum and initial point', () => {
    const a = json(createProblem(quadratic, 21));
    const b = json(createProblem(quadratic, 22));
    expect(b.hessian).not.toEqual(a.hessian);
    expect(b.optimum.params).not.toEqual(a.optimum.params);
    expect(b.init).not.toEqual(a.init);
    expect(b.eigenvalues).toEqual(a.eigenvalues); // the spectrum depends only on the options
  });

  it('x* and x₀ do not depend on rotate (separate streams)', () => {
    const a = json(createProblem(quadratic, 21, { rotate: true }));
    const b = json(createProblem(quadratic, 21, { rotate: false }));
    expect(b.optimum.params).toEqual(a.optimum.params);
    expect(b.init).toEqual(a.init);
  });
});

describe('quadratic: option validation', () => {
  it('rejects an unknown option with a suggestion', () => {
    expectOptbenchError(() => createProblem(quadratic, 0, { kapa: 10 }), 'quadratic', '"kapa"', 'did you mean "kappa"');
  });

  it('rejects out-of-range and non-integer values, naming the option and value', () => {
    expectOptbenchError(() => createProblem(quadratic, 0, { mu: 0 }), 'quadratic', 'mu', 'got 0');
    expectOptbenchError(() => createProblem(quadratic, 0, { kappa: 0.5 }), 'quadratic', 'kappa', '0.5');
    expectOptbenchError(() => createProblem(quadratic, 0, { dim: 2.5 }), 'quadratic', 'dim', 'integer', '2.5');
    expectOptbenchError(() => createProblem(quadratic, 0, { dim: 0 }), 'quadratic', 'dim', 'got 0');
    expectOptbenchError(() => createProblem(quadratic, 0, { rotate: 'yes' }), 'quadratic', 'rotate', '"yes"');
  });

  it('rejects a negative or fractional seed', () => {
    expectOptbenchError(() => createProblem(quadratic, -3), 'quadratic', 'seed', '-3');
    expectOptbenchError(() => createProblem(quadratic, 0.25), 'quadratic', 'seed', '0.25');
  });
});
