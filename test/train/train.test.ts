import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../../src/core/params.ts';
import { rng } from '../../src/core/rng.ts';
import { adam } from '../../src/optimizers/adam.ts';
import { createOptimizer } from '../../src/optimizers/optimizer.ts';
import { sgd } from '../../src/optimizers/sgd.ts';
import { linearRegression } from '../../src/problems/linear-regression.ts';
import { createProblem, type ProblemInstance } from '../../src/problems/problem.ts';
import { quadratic } from '../../src/problems/quadratic.ts';
import { constant } from '../../src/schedules/constant.ts';
import { createSchedule, type Schedule } from '../../src/schedules/schedule.ts';
import { divergenceLimit, train } from '../../src/train/train.ts';
import { expectBitwiseEqual, poisoned, recordBatches, recordSteps } from './helpers.ts';

function constantRate(lr: number, steps: number): Schedule {
  return createSchedule(constant, { lr, steps, rng: rng(0, 'schedule') });
}

/** Full-batch gradient descent from `problem` with sgd at a constant rate, through train(). */
function runSgd(problem: ProblemInstance, lr: number, steps: number, batchSize?: number, seed = 0) {
  return train(problem, createOptimizer(sgd, problem.dim, { lr }), constantRate(lr, steps), {
    steps,
    batchSize,
    batchRng: rng(seed, 'linear-regression/batches'),
  });
}

interface QuadraticJson {
  hessian: number[][];
  init: number[];
  optimum: { params: number[] };
}

/**
 * Gradient descent on ½(x−x*)ᵀH(x−x*) written out from toJSON(), independently of the optimizer and the loss
 * kernel: x_{k+1} = x_k − γ·H(x_k − x*). Returns f(x_0), …, f(x_steps).
 */
function gradientDescentByFormula(j: QuadraticJson, lr: number, steps: number): number[] {
  const x = [...j.init];
  const losses: number[] = [];
  for (let k = 0; k <= steps; k++) {
    const d = x.map((xi, i) => xi - j.optimum.params[i]);
    const g = j.hessian.map((row) => row.reduce((s, h, i) => s + h * d[i], 0));
    losses.push(d.reduce((s, di, i) => s + di * g[i], 0) / 2);
    for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];
  }
  return losses;
}

/** Eigenvalues of the symmetric 2×2 matrix [[a, b], [b, c]]. */
function eig2(a: number, b: number, c: number): [number, number] {
  const mid = (a + c) / 2;
  const rad = Math.hypot((a - c) / 2, b);
  return [mid - rad, mid + rad];
}

describe('train: the loss curve', () => {
  it('losses[0] is the loss at the initial point, and the initial point is not modified', () => {
    for (const problem of [createProblem(quadratic, 4), createProblem(linearRegression, 4)]) {
      const init = Float64Array.from(problem.init);
      const full = runSgd(problem, 0.01, 5);
      expect(full.losses[0]).toBe(problem.loss(init));
      expectBitwiseEqual(problem.init, init);
    }
    const regression = createProblem(linearRegression, 4);
    expect(runSgd(regression, 0.01, 5, 10).losses[0]).toBe(regression.loss(Float64Array.from(regression.init)));
  });

  it('losses[k] is the full-batch loss after exactly k sgd steps (rerun by hand with a fresh stepper)', () => {
    const problem = createProblem(quadratic, 2);
    const lr = 0.05;
    const steps = 40;
    const run = runSgd(problem, lr, steps);
    expect(run.outcome).toEqual({ status: 'ok' });
    expect(run.losses).toHaveLength(steps + 1);
    const params = Float64Array.from(problem.init);
    const grad = new Float64Array(problem.dim);
    const stepper = createOptimizer(sgd, problem.dim, { lr });
    for (let k = 0; k <= steps; k++) {
      expect(run.losses[k], `losses[${k}]`).toBe(problem.lossAndGrad(params, grad));
      if (k < steps) stepper.step(params, grad, lr);
    }
    expectBitwiseEqual(run.params, params);
  });

  it('the loss curve of sgd is gradient descent x ← x − γH(x − x*) computed from toJSON()', () => {
    for (const options of [{}, { kappa: 100, dim: 6 }] as ParamValues[]) {
      const problem = createProblem(quadratic, 6, options);
      const lr = 0.01;
      const run = runSgd(problem, lr, 100);
      const expected = gradientDescentByFormula(problem.toJSON() as unknown as QuadraticJson, lr, 100);
      // Both are the same arithmetic in a different order: agreement to rounding, 1e-10 relative.
      run.losses.forEach((loss, k) => expect(Math.abs(loss - expected[k]), `k=${k}`).toBeLessThanOrEqual(1e-10 * expected[k]));
      // One step is not zero steps: losses[1] is strictly below losses[0] for a small rate.
      expect(run.losses[1]).toBeLessThan(run.losses[0]);
    }
  });

  it('full-batch sgd at γ = 1/L on linear-regression decreases the loss at every step', () => {
    for (const seed of [0, 1, 2]) {
      const problem = createProblem(linearRegression, seed);
      // f(θ) = f* + (θ−θ*)ᵀA(θ−θ*), A = XᵀX/n, so L = 2·λ_max(A), computed here from the rows of toJSON().
      const features = (problem.toJSON() as { features: number[][] }).features;
      const n = features.length;
      const a = 1; // the bias column: mean of 1·1
      const b = features.reduce((s, [, x]) => s + x / n, 0);
      const c = features.reduce((s, [, x]) => s + (x * x) / n, 0);
      const L = 2 * eig2(a, b, c)[1];
      // Gradient descent on a convex quadratic decreases f at every step for γ < 2/L; take γ = 1/L. The gap
      // then shrinks by at least (1 − λ_min/λ_max)² ≈ 0.87 per step (λ_min/λ_max ≈ 0.07 for x ~ U(0, 2)), so after
      // 100 steps it is ~1e-6 of the initial gap: still far above rounding of f* ≈ 1, where ties would appear.
      const run = runSgd(problem, 1 / L, 100);
      expect(run.outcome).toEqual({ status: 'ok' });
      for (let k = 1; k < run.losses.length; k++) expect(run.losses[k], `step ${k}`).toBeLessThan(run.losses[k - 1]);
      expect(run.losses[100] - problem.optimum!.loss).toBeLessThan(1e-3 * (run.losses[0] - problem.optimum!.loss));
      // Past the stability limit 2/L the slowest-decaying mode becomes |1 − γλ| > 1: the loss eventually grows.
      const unstable = runSgd(problem, 2.2 / L, 300);
      expect(unstable.losses[unstable.losses.length - 1]).toBeGreaterThan(unstable.losses[0]);
    }
  });
});

describe('train: the schedule', () => {
  it('is asked once per update, for t = 0 … T−1 in order, with the loss and params at θ_t; its rate is used', () => {
    const problem = createProblem(quadratic, 1);
    const calls: { t: number; loss: number; params: Float64Array }[] = [];
    // A rate that depends on t, so that an off-by-one in t changes the trajectory: γ_t = 0.01·(1 + t mod 3).
    const schedule: Schedule = {
      at(t, loss, params) {
        calls.push({ t, loss, params: Float64Array.from(params) });
        return 0.01 * (1 + (t % 3));
      },
    };
    const stepper = recordSteps(createOptimizer(sgd, problem.dim, { lr: 0.01 }));
    const run = train(problem, stepper, schedule, { steps: 7, batchRng: rng(0, 'unused') });
    expect(calls.map((c) => c.t)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(stepper.rates).toEqual([0.01, 0.02, 0.03, 0.01, 0.02, 0.03, 0.01]);
    // Replay θ_t by hand: θ_{t+1} = θ_t − γ_t·∇f(θ_t).
    const theta = Float64Array.from(problem.init);
    const grad = new Float64Array(problem.dim);
    calls.forEach((call, t) => {
      expect(call.loss).toBe(run.losses[t]);
      expectBitwiseEqual(call.params, theta);
      problem.lossAndGrad(theta, grad);
      for (let i = 0; i < theta.length; i++) theta[i] -= 0.01 * (1 + (t % 3)) * grad[i];
    });
    expectBitwiseEqual(run.params, theta);
  });
});

describe('train: minibatches', () => {
  const problem = () => createProblem(linearRegression, 3); // n = 100

  function epochs(batches: number[][], n: number): number[][] {
    const flat = batches.flat();
    return Array.from({ length: Math.ceil(flat.length / n) }, (_, e) => flat.slice(e * n, (e + 1) * n));
  }

  it('batch size 10 of 100: every epoch visits each sample exactly once, in a fresh shuffled order', () => {
    const recorder = recordBatches(problem());
    runSgd(recorder, 0.01, 50, 10);
    expect(recorder.batches).toHaveLength(50); // one batch per step
    expect(recorder.batches.every((b) => b.length === 10)).toBe(true);
    const all = epochs(recorder.batches, 100);
    expect(all).toHaveLength(5);
    const identity = Array.from({ length: 100 }, (_, i) => i);
    for (const epoch of all) {
      expect([...epoch].sort((x, y) => x - y)).toEqual(identity);
      expect(epoch).not.toEqual(identity); // shuffled (the chance of the identity is 1/100!)
    }
    expect(all[1]).not.toEqual(all[0]); // reshuffled every epoch
  });

  it('the permutation depends only on the seed: sgd and adam see the same index sequence', () => {
    const a = recordBatches(problem());
    const b = recordBatches(problem());
    const c = recordBatches(problem());
    const steps = 35;
    runSgd(a, 0.01, steps, 10, 5);
    train(b, createOptimizer(adam, b.dim, { lr: 0.1 }), constantRate(0.1, steps), {
      steps,
      batchSize: 10,
      batchRng: rng(5, 'linear-regression/batches'),
    });
    runSgd(c, 0.01, steps, 10, 6);
    expect(b.batches).toEqual(a.batches);
    expect(c.batches).not.toEqual(a.batches);
  });

  it('a partial last batch: n = 100, batch 30 gives batches of 30, 30, 30, 10 per epoch', () => {
    const recorder = recordBatches(problem());
    runSgd(recorder, 0.01, 8, 30);
    expect(recorder.batches.map((b) => b.length)).toEqual([30, 30, 30, 10, 30, 30, 30, 10]);
    const identity = Array.from({ length: 100 }, (_, i) => i);
    for (const epoch of epochs(recorder.batches, 100)) expect([...epoch].sort((x, y) => x - y)).toEqual(identity);
  });

  it('the stepper receives the mean gradient over exactly the batch rows, (2/m)·Σ xᵢ(xᵢ·θ − yᵢ)', () => {
    const inner = problem();
    const recorder = recordBatches(inner);
    const stepper = recordSteps(createOptimizer(sgd, inner.dim, { lr: 0.01 }));
    const { features, targets } = inner.toJSON() as { features: number[][]; targets: number[] };
    const run = train(recorder, stepper, constantRate(0.01, 4), {
      steps: 4,
      batchSize: 30,
      batchRng: rng(0, 'linear-regression/batches'),
    });
    expect(run.outcome.status).toBe('ok');
    // Replay: θ_k from the recorded gradients, then the gradient over the k-th batch written out by hand.
    const theta = Float64Array.from(inner.init);
    recorder.batches.forEach((batch, k) => {
      const expected = [0, 0];
      for (const i of batch) {
        const r = features[i][0] * theta[0] + features[i][1] * theta[1] - targets[i];
        expected[0] += (2 * features[i][0] * r) / batch.length;
        expected[1] += (2 * features[i][1] * r) / batch.length;
      }
      expected.forEach((g, j) => expect(Math.abs(stepper.grads[k][j] - g), `step ${k}, ∂${j}`).toBeLessThanOrEqual(1e-12 * Math.abs(g) + 1e-14));
      for (let j = 0; j < 2; j++) theta[j] -= 0.01 * stepper.grads[k][j];
    });
    expect(stepper.grads.map((g) => g.length)).toEqual([2, 2, 2, 2]);
    expect(stepper.rates).toEqual([0.01, 0.01, 0.01, 0.01]);
  });

  it('with minibatches, losses[k] is still the full-batch training loss at θ_k', () => {
    const inner = problem();
    const recorder = recordBatches(inner);
    const run = runSgd(recorder, 0.05, 12, 10);
    const theta = Float64Array.from(inner.init);
    const grad = new Float64Array(inner.dim);
    const stepper = createOptimizer(sgd, inner.dim, { lr: 0.05 });
    for (let k = 0; k <= 12; k++) {
      expect(run.losses[k], `losses[${k}]`).toBe(inner.loss(theta));
      if (k === 12) break;
      const batch = Int32Array.from(recorder.batches[k]);
      inner.batchLossAndGrad!(theta, grad, batch, 0, batch.length);
      stepper.step(theta, grad, 0.05);
    }
  });

  it('a batch as large as the sample is the full batch: same trajectory, no minibatch calls', () => {
    const recorder = recordBatches(problem());
    const batched = runSgd(recorder, 0.05, 20, 100);
    const full = runSgd(problem(), 0.05, 20);
    expect(recorder.batches).toHaveLength(0);
    expectBitwiseEqual(batched.losses, full.losses);
  });
});

describe('train: divergence', () => {
  it('the limit is 1e6 × f₀ for f₀ > 0, and f₀ + 1e6·max(|f₀|, 1) otherwise', () => {
    expect(divergenceLimit(2)).toBe(2e6);
    expect(divergenceLimit(0)).toBe(1e6);
    expect(divergenceLimit(-5)).toBe(-5 + 5e6);
    expect(divergenceLimit(-0.5)).toBe(-0.5 + 1e6);
  });

  it('sgd with γ = 5 on the quadratic (κ = 10) diverges at the first step whose loss passes 1e6·f₀', () => {
    for (const seed of [0, 1]) {
      const problem = createProblem(quadratic, seed, { kappa: 10 });
      // |1 − γλ| ≥ |1 − 5·1| = 4 for every eigenvalue: every mode grows, the loss by ≥ 16× per step.
      const expected = gradientDescentByFormula(problem.toJSON() as unknown as QuadraticJson, 5, 50);
      const atStep = expected.findIndex((f) => !(f <= 1e6 * expected[0]));
      expect(atStep).toBeGreaterThan(0);
      let run: ReturnType<typeof runSgd> | undefined;
      expect(() => (run = runSgd(problem, 5, 1000))).not.toThrow();
      expect(run!.outcome).toEqual({ status: 'diverged', atStep });
      expect(run!.losses).toHaveLength(atStep + 1);
      expect(run!.losses[atStep]).toBeGreaterThan(1e6 * run!.losses[0]);
      for (let k = 0; k < atStep; k++) expect(run!.losses[k]).toBeLessThanOrEqual(1e6 * run!.losses[0]);
      for (let k = 0; k <= atStep; k++) expect(Math.abs(run!.losses[k] - expected[k])).toBeLessThanOrEqual(1e-9 * expected[k]);
    }
  });

  it.each([
    ['NaN', Number.NaN],
    ['+Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('a %s loss is a divergence at that step, not an error', (_label, bad) => {
    for (const from of [0, 1, 4]) {
      const problem = poisoned(createProblem(quadratic, 0), from, bad);
      const run = runSgd(problem, 0.01, 20);
      expect(run.outcome).toEqual({ status: 'diverged', atStep: from });
      expect(run.losses).toHaveLength(from + 1);
      expect(Object.is(run.losses[from], bad)).toBe(true);
      for (let k = 0; k < from; k++) expect(Number.isFinite(run.losses[k])).toBe(true);
    }
  });

  it('a NaN loss in a minibatch run is a divergence too', () => {
    const problem = poisoned(createProblem(linearRegression, 0), 3, Number.NaN);
    const run = runSgd(problem, 0.01, 20, 10);
    expect(run.outcome).toEqual({ status: 'diverged', atStep: 3 });
  });

  it('an overflowing run (γ = 1e300) never throws and is recorded as diverged', () => {
    const problem = createProblem(quadratic, 0);
    let run: ReturnType<typeof runSgd> | undefined;
    expect(() => (run = runSgd(problem, 1e300, 100))).not.toThrow();
    expect(run!.outcome).toEqual({ status: 'diverged', atStep: 1 });
  });

  it('a run that stays within the limit is ok, even if its loss rises', () => {
    // γ = 0.21 > 2/L = 0.2: the top mode grows by |1 − 2.1|² = 1.21 per step, far from 1e6 in 20 steps.
    const problem = createProblem(quadratic, 0, { kappa: 10 });
    const run = runSgd(problem, 0.21, 20);
    expect(run.outcome).toEqual({ status: 'ok' });
    expect(run.losses).toHaveLength(21);
  });
});
