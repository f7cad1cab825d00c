import { describe, expect, it } from 'vitest';
// The example imports 'optbench', which vitest.config.ts aliases to src/index.ts: one registry for both.
import { createOptimizer, createProblem, OptbenchError, optimizers, problems, runTrial } from 'optbench';
import { signsgd } from '../examples/sign-sgd.ts';
import { expectVector, step } from './optimizers/helpers.ts';

// signSGD with momentum, "Signum" (Bernstein et al. 2018):  m ← β·m + (1−β)·g;  θ ← θ − γ·sign(m),  m₀ = 0.

describe('examples/sign-sgd.ts', () => {
  it('registers signsgd in the optimizer registry', () => {
    expect(optimizers.has('signsgd')).toBe(true);
    expect(optimizers.get('signsgd')).toBe(signsgd);
    expect(() => optimizers.register(signsgd)).toThrow('optimizer "signsgd" is already registered');
  });

  it('declares lr (default 1e-3, (0, inf), log search 1e-5..1) and momentum (default 0, [0, 1))', () => {
    expect(signsgd.params.lr).toMatchObject({ default: 1e-3, interval: { text: '(0, inf)' }, search: { scale: 'log', low: 1e-5, high: 1 } });
    expect(signsgd.params.momentum).toMatchObject({ default: 0, interval: { text: '[0, 1)' } });
  });

  it('takes two hand-derived Signum steps (β = 0.5, γ = 0.1)', () => {
    const theta = Float64Array.from([1, -2, 0.5, 0]);
    const s = createOptimizer(signsgd, 4, { momentum: 0.5 });
    // g₁ = [3, −0.001, 0, 5]:  m₁ = 0.5·0 + 0.5·g₁ = [1.5, −0.0005, 0, 2.5];  sign(m₁) = [1, −1, 0, 1]
    // θ₁ = θ₀ − 0.1·sign(m₁) = [0.9, −1.9, 0.5, −0.1]   (the tiny −0.001 moves as far as 5; a zero does not move)
    step(s, theta, [3, -0.001, 0, 5], 0.1);
    expectVector(theta, [0.9, -1.9, 0.5, -0.1]);
    // g₂ = [−1, 1, 2, −6]:  m₂ = 0.5·m₁ + 0.5·g₂ = [0.75 − 0.5, −0.00025 + 0.5, 0 + 1, 1.25 − 3]
    //                          = [0.25, 0.49975, 1, −1.75];  sign(m₂) = [1, 1, 1, −1]
    // θ₂ = θ₁ − 0.1·sign(m₂) = [0.8, −2.0, 0.4, 0.0]
    // (coordinate 0 keeps going down against g₂ < 0: plain signSGD would step back up to 1.0)
    step(s, theta, [-1, 1, 2, -6], 0.1);
    expectVector(theta, [0.8, -2, 0.4, 0]);
  });

  it('with the default β = 0 is plain signSGD: θ ← θ − γ·sign(g), whatever the gradient scale', () => {
    const theta = Float64Array.from([0, 0, 0]);
    const s = createOptimizer(signsgd, 3);
    // g₁ = [1e−12, −1e6, 0]: θ₁ = −0.01·[1, −1, 0] = [−0.01, 0.01, 0]
    step(s, theta, [1e-12, -1e6, 0], 0.01);
    expectVector(theta, [-0.01, 0.01, 0]);
    // g₂ = [−2, −3, 7]: no memory of g₁, θ₂ = θ₁ − 0.01·[−1, −1, 1] = [0, 0.02, −0.01]
    step(s, theta, [-2, -3, 7], 0.01);
    expectVector(theta, [0, 0.02, -0.01]);
  });

  it('validates its hyperparameters at the door', () => {
    expect(() => createOptimizer(signsgd, 2, { momentum: 1 })).toThrow(new OptbenchError('signsgd: momentum must be in [0, 1), got 1'));
    expect(() => createOptimizer(signsgd, 2, { lr: 0 })).toThrow('signsgd: lr must be in (0, inf), got 0');
  });

  it('runs by its registered name in runTrial', () => {
    const run = runTrial({
      problem: { name: 'linear-regression' },
      seed: 0,
      optimizer: { name: 'signsgd', params: { lr: 0.01 } },
      steps: 300,
    });
    expect(run.spec.optimizer).toEqual({ name: 'signsgd', params: { lr: 0.01, momentum: 0 } });
    expect(run.outcome).toEqual({ status: 'ok' });
    expect(run.losses).toHaveLength(301);
    expect(run.finalLoss).toBeLessThan(run.losses[0] / 5);

    // The first update, by hand: θ₁ = θ₀ − 0.01·sign(∇f(θ₀)), ∇f from the same seeded instance.
    const problem = createProblem(problems.get('linear-regression'), 0);
    const grad = new Float64Array(problem.dim);
    problem.lossAndGrad(problem.init, grad);
    const expected = Array.from(problem.init, (v, j) => v - 0.01 * Math.sign(grad[j]));
    const one = runTrial({ problem: { name: 'linear-regression' }, seed: 0, optimizer: { name: 'signsgd', params: { lr: 0.01 } }, steps: 1 });
    expectVector(one.params, expected);
    expect(one.losses[1]).toBe(problem.loss(Float64Array.from(expected)));
  });
});
