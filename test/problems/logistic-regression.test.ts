import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../src/core/params.ts';
import { rng, shuffle } from '../../src/core/rng.ts';
import { createOptimizer } from '../../src/optimizers/optimizer.ts';
import { sgd } from '../../src/optimizers/sgd.ts';
import { logLossAndGrad } from '../../src/problems/log-loss.ts';
import { logisticRegression } from '../../src/problems/logistic-regression.ts';
import { createProblem, type DatasetJson, type ProblemInstance } from '../../src/problems/problem.ts';
import { centralDifference, checkedBatch, expectOptbenchError, expectRelClose, flatten, norm, pointNear, relativeError } from './helpers.ts';

type LogisticJson = DatasetJson & { objective: string; truth: number[] };

const json = (problem: ProblemInstance) => problem.toJSON() as unknown as LogisticJson;
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, ai, i) => s + ai * b[i], 0);

/**
 * The objective written out from toJSON() in the textbook form, independently of src/ (fine for |z| ≲ 30,
 * which holds at the points used with it):
 *   f(θ) = (1/m)·Σᵢ [log(1 + e^{zᵢ}) − yᵢzᵢ] + (λ/2)‖θ‖²,  ∇f = (1/m)·Σᵢ (1/(1 + e^{−zᵢ}) − yᵢ)·xᵢ + λθ
 */
function direct(features: number[][], targets: number[], l2: number, params: ArrayLike<number>): { loss: number; grad: number[] } {
  const m = features.length;
  const grad = Array.from(params, (p) => l2 * p);
  let loss = (l2 / 2) * dot(params, params);
  features.forEach((row, i) => {
    const z = dot(row, params);
    loss += (Math.log(1 + Math.exp(z)) - targets[i] * z) / m;
    const r = 1 / (1 + Math.exp(-z)) - targets[i];
    row.forEach((x, j) => (grad[j] += (r * x) / m));
  });
  return { loss, grad };
}

/** λ_max(XᵀX/m) by power iteration: the smoothness constant of the log-loss is L = λ_max/4 + λ. */
function smoothness(features: number[][], l2: number): number {
  let v = features[0].map(() => 1);
  let lambda = 0;
  for (let k = 0; k < 200; k++) {
    const w = v.map(() => 0);
    for (const row of features) {
      const z = dot(row, v);
      row.forEach((x, j) => (w[j] += (z * x) / features.length));
    }
    lambda = norm(w);
    v = w.map((x) => x / lambda);
  }
  return lambda / 4 + l2;
}

const variants: [string, ParamValues, number][] = [
  // label, options, gradient-descent steps for the comparison below
  ['default (n 200, d 5, l2 1e-2)', {}, 500],
  ['separable', { separable: true }, 500],
  ['flip 0.2, d 3', { flip: 0.2, d: 3 }, 500],
  ['l2 0 (unregularised, non-separable labels)', { l2: 0 }, 1500],
  ['d 20, n 500, l2 1e-3', { d: 20, n: 500, l2: 1e-3 }, 1500],
];

describe.each(variants)('logistic-regression %s', (_label, options, gdSteps) => {
  const seeds = [0, 1, 2];

  it('full-batch gradient matches central finite differences (relative error ≤ 1e-6)', () => {
    for (const seed of seeds) {
      const problem = createProblem(logisticRegression, seed, options);
      const grad = new Float64Array(problem.dim);
      const random = rng(seed, 'test/points');
      const points = [Float64Array.from(problem.init), ...Array.from({ length: 4 }, () => pointNear(random, problem.init, 2))];
      points.push(Float64Array.from(problem.init, (v) => 10 * v)); // large margins: the log1p/e^{−|z|} branches
      for (const x of points) {
        const loss = problem.lossAndGrad(x, grad);
        expect(loss).toBe(problem.loss(x));
        expect(relativeError(grad, centralDifference((p) => problem.loss(p), x))).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('loss and gradient equal the textbook formulas on the data of toJSON()', () => {
    const problem = createProblem(logisticRegression, 4, options);
    const { features, targets } = json(problem);
    const l2 = problem.options.l2 as number;
    const random = rng(4, 'test/definition');
    const grad = new Float64Array(problem.dim);
    for (let k = 0; k < 5; k++) {
      const x = pointNear(random, problem.init, 1);
      const expected = direct(features, targets, l2, x);
      expectRelClose(problem.lossAndGrad(x, grad), expected.loss, 1e-12, 'loss');
      expect(relativeError(grad, expected.grad)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('batchLossAndGrad: the mean log-loss of exactly the rows order[start … start+count−1], plus the penalty', () => {
    for (const seed of seeds) {
      const problem = createProblem(logisticRegression, seed, options);
      const n = problem.samples!;
      const { features, targets } = json(problem);
      const l2 = problem.options.l2 as number;
      const order = Int32Array.from({ length: n }, (_, i) => i);
      const random = rng(seed, 'test/batch');
      shuffle(random, order);
      const grad = new Float64Array(problem.dim);
      for (const [start, count] of [
        [0, 1],
        [13, 17],
        [n - 10, 10],
        [0, n],
      ]) {
        const x = pointNear(random, problem.init, 1);
        const batch = checkedBatch(problem, x, order, start, count);
        const rows = Array.from(order.subarray(start, start + count));
        const expected = direct(
          rows.map((i) => features[i]),
          rows.map((i) => targets[i]),
          l2,
          x,
        );
        expectRelClose(batch.loss, expected.loss, 1e-12, 'batch loss');
        expect(relativeError(batch.grad, expected.grad)).toBeLessThanOrEqual(1e-12);
      }
      // The whole set in any order is the full-batch loss.
      const x = Float64Array.from(problem.init);
      expectRelClose(problem.batchLossAndGrad!(x, grad, order, 0, n), problem.loss(x), 1e-13, 'all rows');
    }
  });

  it('the gradient vanishes at optimum.params (Newton, ‖∇f‖ ≤ 1e-12) and optimum.loss is the loss there', () => {
    for (const seed of seeds) {
      const problem = createProblem(logisticRegression, seed, options);
      const { features, targets, optimum } = json(problem);
      const l2 = problem.options.l2 as number;
      const atOptimum = direct(features, targets, l2, optimum.params);
      // 1e-12 from Newton's stop, plus the rounding of the independent formula (~1e-15).
      expect(norm(atOptimum.grad)).toBeLessThanOrEqual(2e-12);
      expectRelClose(optimum.loss, atOptimum.loss, 1e-12, 'f*');
      const grad = new Float64Array(problem.dim);
      expect(problem.lossAndGrad(problem.optimum!.params, grad)).toBe(optimum.loss);
      expect(norm(grad)).toBeLessThanOrEqual(1e-12);
      // Strict convexity: every nearby point is higher.
      const random = rng(seed, 'test/optimality');
      for (let k = 0; k < 5; k++) expect(problem.loss(pointNear(random, problem.optimum!.params, 0.01))).toBeGreaterThan(optimum.loss);
    }
  });

  it(`plain gradient descent (sgd, lr 1/L) from θ₀ reaches the same point to within 1e-6 in ${gdSteps} steps`, () => {
    // f is L-smooth with L = λ_max(XᵀX/n)/4 + λ (σ′ ≤ 1/4), so the step 1/L decreases f monotonically and converges
    // linearly to the unique minimiser; if Newton's θ* were off by more than 1e-6, this would fail.
    for (const seed of seeds) {
      const problem = createProblem(logisticRegression, seed, options);
      const lr = 1 / smoothness(json(problem).features, problem.options.l2 as number);
      const stepper = createOptimizer(sgd, problem.dim, { lr });
      const x = Float64Array.from(problem.init);
      const grad = new Float64Array(problem.dim);
      let previous = Infinity;
      for (let k = 0; k < gdSteps; k++) {
        const loss = problem.lossAndGrad(x, grad);
        expect(loss).toBeLessThanOrEqual(previous + 1e-15); // monotone, as the step 1/L guarantees
        previous = loss;
        stepper.step(x, grad, lr);
      }
      const star = problem.optimum!.params;
      expect(norm(Array.from(x, (v, j) => v - star[j])), `seed ${seed}: ‖θ_GD − θ*‖`).toBeLessThanOrEqual(1e-6);
      expect(problem.loss(x) - problem.optimum!.loss).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('logistic-regression: the data', () => {
  it('rows are [1, x₁ … x_d], labels are 0 or 1, and θ_true has d + 1 entries', () => {
    const { features, targets, truth, init, dim } = json(createProblem(logisticRegression, 3));
    expect(dim).toBe(6);
    expect(features).toHaveLength(200);
    expect(init).toHaveLength(6);
    expect(truth).toHaveLength(6);
    for (const row of features) {
      expect(row).toHaveLength(6);
      expect(row[0]).toBe(1);
    }
    expect(targets.every((y) => y === 0 || y === 1)).toBe(true);
  });

  it('separable: every label (training and validation) is [θ_true·x > 0], on the same features as without', () => {
    for (const seed of [0, 1, 2]) {
      const sep = json(createProblem(logisticRegression, seed, { separable: true }));
      const plain = json(createProblem(logisticRegression, seed));
      expect(sep.features).toEqual(plain.features);
      expect(sep.truth).toEqual(plain.truth);
      sep.features.forEach((row, i) => expect(sep.targets[i]).toBe(dot(row, sep.truth) > 0 ? 1 : 0));
      sep.validation.features.forEach((row, i) => expect(sep.validation.targets[i]).toBe(dot(row, sep.truth) > 0 ? 1 : 0));
      // Without separable, the Bernoulli labels disagree with the sign of the score on some rows.
      const disagree = plain.features.filter((row, i) => plain.targets[i] !== (dot(row, plain.truth) > 0 ? 1 : 0)).length;
      expect(disagree).toBeGreaterThan(0);
      expect(disagree).toBeLessThan(plain.targets.length / 2);
    }
  });

  it('separable: a smaller l2 gives a longer θ* (no minimiser at l2 = 0: ‖θ*‖ grows like log(1/l2))', () => {
    const norms = [1e-1, 1e-2, 1e-3, 1e-4].map((l2) => norm(createProblem(logisticRegression, 5, { separable: true, l2 }).optimum!.params));
    for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeGreaterThan(1.2 * norms[k - 1]);
  });

  it('the Bernoulli labels follow σ(θ_true·x): Σyᵢ is within 5 sd of Σσ(sᵢ) (n 20000)', () => {
    const { features, targets, truth } = json(createProblem(logisticRegression, 8, { n: 20000 }));
    let expected = 0;
    let variance = 0;
    for (const row of features) {
      const p = 1 / (1 + Math.exp(-dot(row, truth)));
      expected += p;
      variance += p * (1 - p);
    }
    const observed = targets.reduce((s, y) => s + y, 0);
    expect(Math.abs(observed - expected)).toBeLessThan(5 * Math.sqrt(variance));
  });

  it('flip: same features; flip 0.2 changes ≈ 20% of the labels, flip 0.5 makes them independent of the score', () => {
    const base = json(createProblem(logisticRegression, 9, { n: 4000 }));
    const flipped = json(createProblem(logisticRegression, 9, { n: 4000, flip: 0.2 }));
    expect(flipped.features).toEqual(base.features);
    const changed = base.targets.filter((y, i) => y !== flipped.targets[i]).length / 4000;
    expect(Math.abs(changed - 0.2)).toBeLessThan(0.03); // sd √(0.16/4000) ≈ 0.0063: ±0.03 is ~5 sd
    const random = json(createProblem(logisticRegression, 9, { n: 4000, flip: 0.5 }));
    const agree = random.features.filter((row, i) => random.targets[i] === (dot(row, random.truth) > 0 ? 1 : 0)).length / 4000;
    expect(Math.abs(agree - 0.5)).toBeLessThan(0.04); // sd 0.0079
  });
});

describe('logistic-regression: numerically stable log-loss', () => {
  // The kernel alone with λ = 0, so that the data term is not swamped by the penalty.
  const { features, targets, truth } = json(createProblem(logisticRegression, 2, { separable: true }));
  const x = flatten(features);
  const y = Float64Array.from(targets);
  const n = targets.length;
  const scores = features.map((row) => dot(row, truth));

  it('far on the right side every term is log1p(e^{−|z|}) > 0, where log(1 + e^z) would round to 0', () => {
    // θ = c·θ_true with c·min|sᵢ| = 40: every zᵢ has the right sign and |zᵢ| ≥ 40, so 1 + e^{−|z|} rounds to 1.
    const c = 40 / Math.min(...scores.map(Math.abs));
    const theta = Float64Array.from(truth, (t) => c * t);
    const grad = new Float64Array(theta.length);
    const loss = logLossAndGrad(x, y, theta.length, 0, theta, grad, null, 0, n);
    // log1p(ε) = ε(1 − ε/2 + …) with ε ≤ e^{−40} ≈ 4e-18: the loss is mean(e^{−c|sᵢ|}) to 1e-15 relative.
    const expected = scores.reduce((s, sc) => s + Math.exp(-c * Math.abs(sc)), 0) / n;
    expect(expected).toBeGreaterThan(0);
    expectRelClose(loss, expected, 1e-12, 'loss');
    expect(grad.every(Number.isFinite)).toBe(true);
    expect(norm(grad)).toBeGreaterThan(0);
  });

  it('far on the wrong side the loss is finite and ≈ mean|zᵢ|, where e^z would overflow', () => {
    // θ = −c·θ_true with c·max|sᵢ| = 2000: every label is wrong and some zᵢ exceed 709 (e^z = Infinity).
    const c = 2000 / Math.max(...scores.map(Math.abs));
    const theta = Float64Array.from(truth, (t) => -c * t);
    const grad = new Float64Array(theta.length);
    const loss = logLossAndGrad(x, y, theta.length, 0, theta, grad, null, 0, n);
    // Each term is |z| + log1p(e^{−|z|}) ∈ [|z|, |z| + log 2].
    const meanAbs = (c * scores.reduce((s, sc) => s + Math.abs(sc), 0)) / n;
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThanOrEqual(meanAbs * (1 - 1e-15));
    expect(loss).toBeLessThanOrEqual(meanAbs + Math.LN2);
    // On a wrong row σ(zᵢ) − yᵢ = (1 − 2yᵢ)(1 − σ(−|zᵢ|)), so the gradient is (1/n)·Σ(1 − 2yᵢ)xᵢ up to at most
    // (1/n)·Σ e^{−|zᵢ|}‖xᵢ‖ (σ(−|z|) ≤ e^{−|z|}).
    const limit = Array.from(theta, (_, j) => features.reduce((s, row, i) => s + (1 - 2 * targets[i]) * row[j], 0) / n);
    const bound = features.reduce((s, row, i) => s + Math.exp(-c * Math.abs(scores[i])) * norm(row), 0) / n;
    expect(grad.every(Number.isFinite)).toBe(true);
    expect(norm(Array.from(grad, (g, j) => g - limit[j]))).toBeLessThanOrEqual(bound + 1e-14);
  });
});

describe('logistic-regression: validation data', () => {
  it('validationLoss is the mean log-loss on the held-out rows, without the penalty', () => {
    const problem = createProblem(logisticRegression, 4, { l2: 0.5 });
    const { validation } = json(problem);
    expect(validation.features).toHaveLength(40); // round(0.2 · 200)
    const random = rng(4, 'test/validation');
    for (let k = 0; k < 3; k++) {
      const p = pointNear(random, problem.optimum!.params, 1);
      expectRelClose(problem.validationLoss!(p), direct(validation.features, validation.targets, 0, p).loss, 1e-12);
    }
  });

  it('held-out rows are not training rows, and validation = 0 gives NaN', () => {
    const { features, validation } = json(createProblem(logisticRegression, 4));
    const train = new Set(features.map((r) => r.join(',')));
    expect(validation.features.some((r) => train.has(r.join(',')))).toBe(false);
    const none = createProblem(logisticRegression, 4, { validation: 0 });
    expect(none.validationLoss!(Float64Array.from(none.init))).toBeNaN();
  });
});

describe('logistic-regression: determinism and toJSON', () => {
  it('the same (options, seed) gives identical toJSON() strings; another seed other data', () => {
    for (const options of [{}, { separable: true, d: 3 }] as ParamValues[]) {
      expect(JSON.stringify(createProblem(logisticRegression, 11, options).toJSON())).toBe(
        JSON.stringify(createProblem(logisticRegression, 11, { ...options }).toJSON()),
      );
    }
    const a = json(createProblem(logisticRegression, 11));
    const b = json(createProblem(logisticRegression, 12));
    expect(b.features).not.toEqual(a.features);
    expect(b.init).not.toEqual(a.init);
    expect(b.optimum.params).not.toEqual(a.optimum.params);
  });

  it('the data and θ₀ do not depend on the validation split or l2 (separate streams)', () => {
    const a = json(createProblem(logisticRegression, 11, { validation: 0 }));
    const b = json(createProblem(logisticRegression, 11, { validation: 1, l2: 0.1 }));
    expect(b.features).toEqual(a.features);
    expect(b.targets).toEqual(a.targets);
    expect(b.init).toEqual(a.init);
  });

  it('documents the objective, with the penalised bias', () => {
    const { objective } = json(createProblem(logisticRegression, 0));
    expect(objective).toContain('log(1 + exp(z))');
    expect(objective).toContain('(l2/2)·‖params‖²');
    expect(objective).toContain('bias included');
  });
});

describe('logistic-regression: option validation', () => {
  it('rejects separable with l2 = 0 (no minimiser)', () => {
    expectOptbenchError(() => createProblem(logisticRegression, 0, { separable: true, l2: 0 }), 'logistic-regression', 'l2 must be > 0 when separable');
  });

  it('rejects separable with flip > 0', () => {
    expectOptbenchError(() => createProblem(logisticRegression, 0, { separable: true, flip: 0.1 }), 'logistic-regression', 'flip must be 0', 'got 0.1');
  });

  it('with l2 = 0, refuses a seed whose training labels happen to be separable (n 20, d 5), and accepts one whose are not', () => {
    // Seed 0 draws separable labels at this size: Newton's gradient vanishes only at infinity.
    expectOptbenchError(() => createProblem(logisticRegression, 0, { n: 20, d: 5, l2: 0 }), 'logistic-regression', 'separable', 'seed 0', 'l2 > 0');
    const ok = createProblem(logisticRegression, 2, { n: 20, d: 5, l2: 0 });
    const grad = new Float64Array(ok.dim);
    ok.lossAndGrad(ok.optimum!.params, grad);
    expect(norm(grad)).toBeLessThanOrEqual(1e-12);
  });

  it.each<[ParamValues, string[]]>([
    [{ n: 5, d: 5 }, ['n must be at least d + 1 = 6', 'got 5']],
    [{ flip: 0.6 }, ['flip must be in [0, 0.5]', 'got 0.6']],
    [{ flip: -0.1 }, ['flip', 'got -0.1']],
    [{ l2: -1 }, ['l2 must be in [0, 1e6]', 'got -1']],
    [{ l2: Number.NaN }, ['l2', 'NaN']],
    [{ separable: 'yes' }, ['separable must be true or false', '"yes"']],
    [{ n: 100.5 }, ['n must be', 'integer', '100.5']],
    [{ validation: -0.2 }, ['validation', '-0.2']],
    [{ seperable: true }, ['"seperable"', 'did you mean "separable"']],
  ])('rejects %j', (options, parts) => {
    expectOptbenchError(() => createProblem(logisticRegression, 0, options), 'problem logistic-regression', ...parts);
  });

  it('accepts the boundary values', () => {
    expect(createProblem(logisticRegression, 2, { n: 6, d: 5, l2: 1 }).dim).toBe(6);
    expect(() => createProblem(logisticRegression, 0, { flip: 0.5 })).not.toThrow();
  });
});
