import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../src/core/params.ts';
import { rng } from '../../src/core/rng.ts';
import { adam } from '../../src/optimizers/adam.ts';
import { createOptimizer, type OptimizerDef, type Stepper } from '../../src/optimizers/optimizer.ts';
import { sgd } from '../../src/optimizers/sgd.ts';
import { noisyQuadratic } from '../../src/problems/noisy-quadratic.ts';
import { createProblem, type ProblemInstance } from '../../src/problems/problem.ts';
import { constant } from '../../src/schedules/constant.ts';
import { createSchedule } from '../../src/schedules/schedule.ts';
import { train } from '../../src/train/train.ts';
import { centralDifference, checkedBatch, expectOptbenchError, expectRelClose, norm, pointNear, relativeError } from './helpers.ts';

interface NqmJson {
  name: string;
  seed: number;
  dim: number;
  eigenvalues: number[];
  init: number[];
  optimum: { loss: number; params: number[] };
  samples: number;
  noise: string;
}

const json = (problem: ProblemInstance) => problem.toJSON() as unknown as NqmJson;
const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** The spectrum of the definition, hᵢ = i^(−power) for i = 1 … dim. */
const spectrum = (dim: number, power = 1) => Array.from({ length: dim }, (_, i) => (i + 1) ** -power);

/** The batch gradient's noise g_B(x) − Hx for the batch order[start … start+count−1]. */
function noiseOf(problem: ProblemInstance, x: Float64Array, order: Int32Array, start: number, count: number): Float64Array {
  const grad = new Float64Array(problem.dim);
  problem.batchLossAndGrad!(x, grad, order, start, count);
  const h = json(problem).eigenvalues;
  return grad.map((g, i) => g - h[i] * x[i]);
}

describe('noisy-quadratic: the exact loss f(x) = ½Σhᵢxᵢ², hᵢ = i^(−power)', () => {
  it('dim 3, power 1 (hᵢ = 1/i), x = (1, 2, 3): f = ½(1 + 4/2 + 9/3) = 3, ∇f = (1, 1, 1)', () => {
    const problem = createProblem(noisyQuadratic, 0, { dim: 3 });
    const grad = new Float64Array(3);
    expect(problem.lossAndGrad(new Float64Array([1, 2, 3]), grad)).toBe(3);
    expect(Array.from(grad)).toEqual([1, 1, 1]);
  });

  it('dim 3, power 2 (h = 1, 1/4, 1/9), x = (1, 2, 3): f = ½(1 + 1 + 1) = 1.5, ∇f = (1, 1/2, 1/3)', () => {
    const problem = createProblem(noisyQuadratic, 0, { dim: 3, power: 2 });
    const grad = new Float64Array(3);
    expectRelClose(problem.lossAndGrad(new Float64Array([1, 2, 3]), grad), 1.5, 1e-15);
    expect(relativeError(grad, [1, 0.5, 1 / 3])).toBeLessThanOrEqual(1e-15);
  });

  it('power 0 is ½‖x‖²', () => {
    const problem = createProblem(noisyQuadratic, 0, { dim: 4, power: 0 });
    expect(problem.loss(new Float64Array([1, -1, 2, 0]))).toBe(3); // ½(1 + 1 + 4)
  });

  it('the default instance: dim 100, hᵢ = 1/i, x* = 0, f* = 0, 2¹⁶ virtual samples, x₀ of length 100', () => {
    const problem = createProblem(noisyQuadratic, 1);
    const j = json(problem);
    expect(j.dim).toBe(100);
    expect(j.eigenvalues).toEqual(spectrum(100));
    expect(j.optimum).toEqual({ loss: 0, params: Array.from({ length: 100 }, () => 0) });
    expect(problem.optimum!.loss).toBe(0);
    expect(problem.loss(problem.optimum!.params)).toBe(0);
    expect(problem.samples).toBe(2 ** 16);
    expect(j.samples).toBe(2 ** 16);
    expect(j.init).toHaveLength(100);
    expect(j.noise).toContain('√(h/B)');
  });
});

const variants: [string, ParamValues][] = [
  ['default (dim 100, power 1)', {}],
  ['dim 7, power 2', { dim: 7, power: 2 }],
  ['dim 1', { dim: 1 }],
];

describe.each(variants)('noisy-quadratic %s', (_label, options) => {
  it('full-batch gradient matches central finite differences and is the exact Hx', () => {
    for (const seed of [0, 1, 2]) {
      const problem = createProblem(noisyQuadratic, seed, options);
      const h = json(problem).eigenvalues;
      const grad = new Float64Array(problem.dim);
      const random = rng(seed, 'test/points');
      for (const x of [Float64Array.from(problem.init), pointNear(random, problem.init, 2), pointNear(random, problem.init, 2)]) {
        const loss = problem.lossAndGrad(x, grad);
        expect(loss).toBe(problem.loss(x));
        expect(relativeError(grad, centralDifference((p) => problem.loss(p), x))).toBeLessThanOrEqual(1e-6);
        expect(relativeError(grad, Array.from(x, (xi, i) => h[i] * xi))).toBeLessThanOrEqual(1e-15);
      }
    }
  });

  it('batchLossAndGrad returns the gradient of the batch loss it returns (central differences)', () => {
    const problem = createProblem(noisyQuadratic, 3, options);
    const order = identity(problem.samples!);
    const random = rng(3, 'test/batch');
    for (const [start, count] of [
      [0, 1],
      [17, 8],
      [1000, 256],
    ]) {
      const x = pointNear(random, problem.init, 1);
      const { loss } = checkedBatch(problem, x, order, start, count);
      // batch loss − f(x) = Σ noiseᵢ·xᵢ: the noise enters the loss linearly.
      const noise = noiseOf(problem, x, order, start, count);
      expectRelClose(loss - problem.loss(x), noise.reduce((s, e, i) => s + e * x[i], 0), 1e-9, 'linear term');
    }
  });
});

describe('noisy-quadratic: the gradient noise has mean 0 and covariance H/B', () => {
  it.each([1, 16])('B = %i: per coordinate, mean ≈ 0 and variance ≈ hᵢ/B within 5 standard errors (disjoint batches of one epoch)', (B) => {
    const problem = createProblem(noisyQuadratic, 0);
    const N = Math.min(20_000, Math.floor(problem.samples! / B)); // 20000 batches of 1, 4096 of 16
    const h = spectrum(100);
    const order = identity(problem.samples!);
    const x = Float64Array.from(problem.init);
    const sum = new Float64Array(100);
    const sumSq = new Float64Array(100);
    const meanGrad = new Float64Array(100);
    const grad = new Float64Array(100);
    for (let j = 0; j < N; j++) {
      problem.batchLossAndGrad!(x, grad, order, j * B, B); // disjoint batches, as in one epoch
      for (let i = 0; i < 100; i++) {
        const e = grad[i] - h[i] * x[i];
        sum[i] += e;
        sumSq[i] += e * e;
        meanGrad[i] += grad[i] / N;
      }
    }
    for (let i = 0; i < 100; i++) {
      const variance = h[i] / B;
      const mean = sum[i] / N;
      const sampleVar = sumSq[i] / N - mean * mean;
      // SE of the mean: √(var/N); of the sample variance of normals: var·√(2/N) ≈ 1% of var.
      expect(Math.abs(mean), `mean, coordinate ${i}`).toBeLessThan(5 * Math.sqrt(variance / N));
      expect(Math.abs(sampleVar / variance - 1), `variance, coordinate ${i}`).toBeLessThan(5 * Math.sqrt(2 / N));
    }
    // So the mean batch gradient is the exact gradient Hx, up to the same sampling error.
    const exact = new Float64Array(100);
    problem.lossAndGrad(x, exact);
    const se = Math.sqrt(h.reduce((s, hi) => s + hi / B, 0) / N); // √(E‖mean noise‖²)
    expect(norm(Array.from(meanGrad, (g, i) => g - exact[i]))).toBeLessThan(3 * se);
  });

  it('is Gaussian and uncorrelated: kurtosis ≈ 3, no correlation across coordinates or consecutive steps', () => {
    const problem = createProblem(noisyQuadratic, 5, { dim: 6, power: 0 }); // H = I: noise N(0, I/B)
    const order = identity(problem.samples!);
    const x = new Float64Array(6);
    const N = 20_000;
    const draws = Array.from({ length: N }, (_, j) => noiseOf(problem, x, order, j, 1));
    const pooled = draws.flatMap((e) => Array.from(e));
    const m2 = pooled.reduce((s, e) => s + e * e, 0) / pooled.length;
    const m4 = pooled.reduce((s, e) => s + e ** 4, 0) / pooled.length;
    expect(Math.abs(m4 / (m2 * m2) - 3)).toBeLessThan(0.1); // sd √(24/120000) ≈ 0.014; uniform noise would give 1.8
    // Sample correlations of independent N(0, 1) pairs have sd 1/√N ≈ 0.007.
    const corr = (a: number[], b: number[]) => a.reduce((s, ai, k) => s + ai * b[k], 0) / Math.sqrt(a.reduce((s, v) => s + v * v, 0) * b.reduce((s, v) => s + v * v, 0));
    const column = (i: number) => draws.map((e) => e[i]);
    expect(Math.abs(corr(column(0), column(1)))).toBeLessThan(0.035); // one Box–Muller pair (cos, sin)
    expect(Math.abs(corr(column(1), column(2)))).toBeLessThan(0.035); // neighbouring pairs
    expect(Math.abs(corr(column(0).slice(1), column(0).slice(0, -1)))).toBeLessThan(0.035); // sample j vs j + 1
  });

  it('the noise of a batch of B is the noise of its first sample scaled by 1/√B (the same ξ, variance ÷ B)', () => {
    const problem = createProblem(noisyQuadratic, 2, { dim: 5 });
    const order = identity(problem.samples!);
    const x = new Float64Array(5);
    const one = noiseOf(problem, x, order, 40, 1);
    const sixteen = noiseOf(problem, x, order, 40, 16);
    expect(relativeError(sixteen, Array.from(one, (e) => e / 4))).toBeLessThanOrEqual(1e-15);
  });
});

describe('noisy-quadratic: common random numbers', () => {
  it('same seed, same batch → the same noise, whatever the point; another seed or another first sample → other noise', () => {
    const a = createProblem(noisyQuadratic, 7);
    const b = createProblem(noisyQuadratic, 7);
    const c = createProblem(noisyQuadratic, 8);
    const order = identity(a.samples!);
    const random = rng(7, 'test/crn');
    const x = pointNear(random, a.init, 1);
    const y = pointNear(random, a.init, 3);
    const ga = new Float64Array(a.dim);
    const gb = new Float64Array(a.dim);
    a.batchLossAndGrad!(x, ga, order, 500, 32);
    b.batchLossAndGrad!(x, gb, order, 500, 32);
    expect(Array.from(gb)).toEqual(Array.from(ga)); // bitwise
    const atX = noiseOf(a, x, order, 500, 32);
    const atY = noiseOf(b, y, order, 500, 32);
    expect(norm(Array.from(atX, (e, i) => e - atY[i]))).toBeLessThan(1e-14); // only rounding of hᵢxᵢ differs
    expect(relativeError(noiseOf(c, x, order, 500, 32), atX)).toBeGreaterThan(0.5); // another seed
    expect(relativeError(noiseOf(a, x, order, 501, 32), atX)).toBeGreaterThan(0.5); // another first sample
  });

  it('two optimizers trained on the same seed see the same noise at every step (the trial loop, batch size 8)', () => {
    const problem = createProblem(noisyQuadratic, 4, { dim: 20 });
    const h = json(problem).eigenvalues;
    /** Wraps an optimizer to record the noise g − Hθ of every gradient it is given. */
    function recorded(def: OptimizerDef, lr: number, seed: number): number[][] {
      const inner: Stepper = createOptimizer(def, problem.dim, { lr });
      const seen: number[][] = [];
      const stepper: Stepper = {
        step(params, grad, rate) {
          seen.push(Array.from(grad, (g, i) => g - h[i] * params[i]));
          inner.step(params, grad, rate);
        },
      };
      const schedule = createSchedule(constant, { lr, steps: 300, rng: rng(seed, 'schedule') });
      // The same batch generator runTrial builds from the trial seed.
      train(problem, stepper, schedule, { steps: 300, batchSize: 8, batchRng: rng(seed, 'noisy-quadratic/batches') });
      return seen;
    }
    const bySgd = recorded(sgd, 0.5, 4);
    const byAdam = recorded(adam, 0.01, 4);
    expect(bySgd).toHaveLength(300);
    expect(byAdam).toHaveLength(300);
    for (let k = 0; k < 300; k++) {
      expect(norm(bySgd[k].map((e, i) => e - byAdam[k][i])), `step ${k}`).toBeLessThan(1e-13);
    }
    // The noise does change from step to step, and with the trial seed.
    expect(relativeError(bySgd[1], bySgd[0])).toBeGreaterThan(0.5);
    expect(relativeError(recorded(sgd, 0.5, 5)[0], bySgd[0])).toBeGreaterThan(0.5);
  });

  it('SGD at a constant rate settles at the stationary loss E f = ½Σhᵢ·α/(B(2 − αhᵢ)) (within 5%)', () => {
    // Per coordinate x ← (1 − αhᵢ)x − α·εᵢ with εᵢ ~ N(0, hᵢ/B) independent across steps: the stationary variance is
    // vᵢ = α²(hᵢ/B)/(1 − (1 − αhᵢ)²) = α/(B(2 − αhᵢ)), and E f = ½Σhᵢvᵢ. dim 10, α 0.5, B 4: E f ≈ 0.10667.
    // The slowest mode (h = 0.1) relaxes in ~1/(αh) = 20 steps, so 500 steps of burn-in and 20000 to average
    // (measured spread over seeds: ±1.5%).
    const alpha = 0.5;
    const B = 4;
    const steps = 20_000;
    const expected = spectrum(10).reduce((s, hi) => s + (0.5 * hi * alpha) / (B * (2 - alpha * hi)), 0);
    for (const seed of [0, 1]) {
      const problem = createProblem(noisyQuadratic, seed, { dim: 10 });
      const schedule = createSchedule(constant, { lr: alpha, steps, rng: rng(seed, 'schedule') });
      const stepper = createOptimizer(sgd, 10, { lr: alpha });
      const { losses } = train(problem, stepper, schedule, { steps, batchSize: B, batchRng: rng(seed, 'noisy-quadratic/batches') });
      let mean = 0;
      for (let k = 500; k <= steps; k++) mean += losses[k] / (steps - 499);
      expectRelClose(mean, expected, 0.05, `seed ${seed}: mean stationary loss`);
    }
  });
});

describe('noisy-quadratic: determinism and options', () => {
  it('the same seed gives identical toJSON() strings; another seed another x₀', () => {
    expect(JSON.stringify(createProblem(noisyQuadratic, 3).toJSON())).toBe(JSON.stringify(createProblem(noisyQuadratic, 3).toJSON()));
    expect(json(createProblem(noisyQuadratic, 4)).init).not.toEqual(json(createProblem(noisyQuadratic, 3)).init);
  });

  it.each<[ParamValues, string[]]>([
    [{ dim: 0 }, ['dim must be in [1, 100000]', 'got 0']],
    [{ dim: 2.5 }, ['dim must be an integer', '2.5']],
    [{ power: -1 }, ['power must be in [0, 4]', 'got -1']],
    [{ power: Number.POSITIVE_INFINITY }, ['power', 'Infinity']],
    [{ batch: 8 }, ['unknown parameter "batch"']],
  ])('rejects %j', (options, parts) => {
    expectOptbenchError(() => createProblem(noisyQuadratic, 0, options), 'problem noisy-quadratic', ...parts);
  });
});
