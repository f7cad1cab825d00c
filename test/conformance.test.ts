/**
 * The shared contract of every registered optimizer, schedule and problem (STYLE.md §11): a new one gets
 * these tests for free by being in its registry.
 */
import { describe, expect, it } from 'vitest';
import type { NumberSpec, ParamValue } from '../src/core/params.ts';
import { builtinOptimizers, optimizers } from '../src/optimizers/index.ts';
import { createOptimizer, type OptimizerDef } from '../src/optimizers/optimizer.ts';
import { problems } from '../src/problems/index.ts';
import { createProblem, type ProblemDef } from '../src/problems/problem.ts';
import { schedules } from '../src/schedules/index.ts';
import type { ScheduleDef } from '../src/schedules/schedule.ts';
import { runTrial, type TrialRun } from '../src/train/run-trial.ts';
import { resolveTrialSpec, trialId, type TrialSpec } from '../src/train/spec.ts';
import { expectOptbenchError } from './problems/helpers.ts';

/** A well-conditioned quadratic: eigenvalues log-spaced in [μ, L] = [1, 10], so κ = 10. */
const QUADRATIC = { name: 'quadratic', params: { dim: 10, kappa: 10, mu: 1 } } as const;
const L = 10;
const STEPS = 2000;
const SEEDS = [0, 1, 2];

interface Tuning {
  readonly lr: number;
  /** Required (f_T − f*) / (f_0 − f*) after STEPS steps at a constant rate. */
  readonly gapRatio: number;
}

/**
 * A rate per optimizer family on the quadratic above, derived rather than searched (x₀, x* ~ N(0, I), so each
 * coordinate of x₀ − x* is N(0, 2), |x₀ − x*|ᵢ ≈ 1.4; f₀ ≈ ½·Σλ·2 ≈ 40):
 * - sgd: γ = 1/L = 0.1. Gradient descent contracts every eigen-mode by |1 − γλ| ≤ 1 − μ/L = 0.9 per step, the gap
 *   by 0.81: after 2000 steps the gap is at rounding, far below 1e-6.
 * - momentum, nesterov (μ_m = 0.9): the same γ = 1/L. Heavy ball is stable for 0 < γλ < 2(1 + μ_m) = 3.8
 *   (Polyak 1964) and here γλ ∈ [0.1, 1]; it contracts by ≈ √μ_m ≈ 0.95 per step, ≈ 1e-44 for the gap in 2000 steps.
 * - adagrad: its first step moves each coordinate by ≈ γ (g/√(g²)), and the accumulator only grows, so γ must be of
 *   the order of the distance to travel (≈ 1.4): γ = 0.5. (γ = 0.1 stalls at a gap of ~1e-9 within 2000 steps.)
 * - adam: also moves each coordinate by ≈ γ early on (m̂/√v̂ ≈ ±1). γ = 0.02 crosses the ≈ 1.4 distance in ~70
 *   steps and leaves time for the late oscillation (its amplitude scales with γ) to die out; at γ = 0.05–0.1 the
 *   worst of 40 seeds still ends above 1e-8 (one at 4e-6), too close to the bound for a contract test.
 * - rmsprop: without bias correction or momentum, RMSprop at a constant rate is a normalised-gradient method (in
 *   steady state v ≈ g², so the step is ≈ γ·sign(g)): it does not converge but settles into an oscillation of
 *   amplitude ~γ around x*, a gap of order L·γ²·dim/2 ≈ 5e-3 for γ = 0.01, i.e. ~1e-4 of f₀ (measured: ≤ 1.3e-4
 *   over 40 seeds). The bound is therefore 1e-3, which still fails a stalled or diverging update.
 * - adamw: γ = 0.02 as for adam (the same early ≈ γ·sign(g) steps). torch's default decoupled decay λ = 0.01 moves
 *   the end point by design: the step vanishes where m̂/(√v̂ + ε) = −λθ, i.e. g ≈ −λθ√v̂, and v̂ still remembers the
 *   early large gradients after 2000 steps (β₂²⁰⁰⁰ ≈ 0.14). Measured ≤ 1.2e-5 over 200 seeds (with weight_decay = 0,
 *   ≤ 1e-9 over 40, as adam), so the bound is 1e-4.
 * - adamax: steps are ≈ γ·m̂/u ≤ γ per coordinate early on, so γ = 0.05 crosses the ≈ 1.4 distance in ~30 steps;
 *   late on u (a decaying maximum, u ≥ |g|) makes it gradient descent at a per-coordinate rate γ/u ≤ γ/|g|.
 *   Measured ≤ 2e-23 over 200 seeds: bound 1e-6.
 * - nadam: γ = 0.01. Like adam it ends in bursts once v̂ forgets the early gradients and g/√v̂ climbs back to O(1);
 *   with its weak early momentum (μₜ ≈ 0.45 → 0.58 over 2000 steps at ψ = 4e-3) they reach higher: measured
 *   ≤ 3.1e-5 over 1000 seeds at γ = 0.01, ≤ 6.5e-5 over 40 at γ = 0.02, 8e-4 at γ = 0.005 (too slow). Bound 1e-4.
 * - radam: γ = 0.05. Its first five steps are un-adapted momentum steps γ·m̂ (ρₜ ≤ 5), stable as γL = 0.5 < 2;
 *   then Adam-like steps scaled by the rectifier rₜ, ≈ 0.03 at t = 6 and rising towards 1 (a built-in warmup).
 *   Measured ≤ 6e-16 over 200 seeds at γ = 0.02 and ≤ 6e-32 at 0.05: bound 1e-6.
 * - adadelta: at a constant rate it cannot converge here. In a stationary regime u ≈ Δ² and v ≈ g², and
 *   r = √(u + ε)/√(v + ε) = |Δ|/|g| solves r² = (r²g² + ε)/(g² + ε) only at r = 1: late steps are γ·g, gradient
 *   descent at rate γ, stable only for γ < 2/L = 0.2. But its first step is ≈ √(ε/(1−ρ)) ≈ 3e-3 and later ones grow
 *   like √(ε(1 + (1−ρ)t)), so 2000 steps travel only ≈ 19γ: at γ ≤ 0.2 the worst seeds stall (5e-2 at 0.2). At
 *   γ = 0.5 it arrives within ~900 steps and then drifts slowly up from its best (measured ≤ 8.3e-4 over 1000
 *   seeds; 3.5e-3 over 100 at torch's γ = 1). The bound is 1e-2, which still fails a stalled or diverging update.
 * - lion: every coordinate moves by exactly γ per step (sign), plus the tiny decoupled decay (λ = 1e-3, whose
 *   implicit box constraint |θᵢ| ≤ 1/λ is far away). γ = 0.003 travels 6 units in 2000 steps (γ = 0.001 stalls at
 *   1e-1), then oscillates a few γ around x*: a gap of order L·(kγ)²·dim/2 ≈ 5e-4·k², ~1e-5·k² of f₀ (measured
 *   ≤ 3.6e-5 over 1000 seeds). As for rmsprop the bound is 1e-3.
 * Unknown optimizers (registered by users or added later) get γ = 0.01 = 0.1/L, safe for gradient-descent-like
 * rules, and a loose 1e-3: add a row here when adding an optimizer (a test below insists on it for built-ins).
 */
const tuning: Readonly<Record<string, Tuning>> = {
  sgd: { lr: 1 / L, gapRatio: 1e-6 },
  momentum: { lr: 1 / L, gapRatio: 1e-6 },
  nesterov: { lr: 1 / L, gapRatio: 1e-6 },
  adagrad: { lr: 0.5, gapRatio: 1e-6 },
  adam: { lr: 0.02, gapRatio: 1e-6 },
  rmsprop: { lr: 0.01, gapRatio: 1e-3 },
  adamw: { lr: 0.02, gapRatio: 1e-4 },
  adamax: { lr: 0.05, gapRatio: 1e-6 },
  nadam: { lr: 0.01, gapRatio: 1e-4 },
  radam: { lr: 0.05, gapRatio: 1e-6 },
  adadelta: { lr: 0.5, gapRatio: 1e-2 },
  lion: { lr: 0.003, gapRatio: 1e-3 },
};
const fallback: Tuning = { lr: 0.1 / L, gapRatio: 1e-3 };

function expectSameRun(a: TrialRun, b: TrialRun): void {
  expect(Buffer.from(a.losses.buffer).equals(Buffer.from(b.losses.buffer))).toBe(true);
  expect(Buffer.from(a.params.buffer).equals(Buffer.from(b.params.buffer))).toBe(true);
  expect(b.outcome).toEqual(a.outcome);
}

/** A value just outside a numeric interval, below or above, or undefined if the side is unbounded. */
function outside(spec: NumberSpec, side: 'below' | 'above'): number | undefined {
  const { min, max, minOpen, maxOpen } = spec.interval;
  if (side === 'below') return Number.isFinite(min) ? (minOpen ? min : min - Math.max(1, Math.abs(min))) : undefined;
  return Number.isFinite(max) ? (maxOpen ? max : max + Math.max(1, Math.abs(max))) : undefined;
}

it('every built-in optimizer has a tuned row in the conformance table', () => {
  expect(Object.keys(tuning).sort()).toEqual(Object.keys(builtinOptimizers).sort());
});

describe.each(optimizers.all().map((def) => [def.name, def] as const))('optimizer %s', (name, def: OptimizerDef) => {
  const { lr, gapRatio } = tuning[name] ?? fallback;
  const spec = (seed: number, params: Record<string, ParamValue> = { lr }): TrialSpec => ({
    problem: QUADRATIC,
    seed,
    optimizer: { name, params },
    steps: STEPS,
  });

  it(`converges on the κ = 10 quadratic: gap after ${STEPS} steps ≤ ${gapRatio} × initial gap (lr ${lr})`, () => {
    for (const seed of SEEDS) {
      const run = runTrial(spec(seed));
      expect(run.outcome, `seed ${seed}`).toEqual({ status: 'ok' });
      expect(run.losses).toHaveLength(STEPS + 1);
      const initialGap = run.losses[0] - run.optimalLoss;
      expect(initialGap).toBeGreaterThan(1);
      expect(run.finalLoss - run.optimalLoss, `seed ${seed}`).toBeLessThanOrEqual(gapRatio * initialGap);
    }
  });

  it('is deterministic: the same spec gives bitwise identical losses and params', () => {
    expectSameRun(runTrial(spec(4)), runTrial(spec(4)));
  });

  it('depends on its hyperparameters: another lr gives another curve', () => {
    const a = runTrial({ ...spec(4), steps: 20 });
    const b = runTrial({ ...spec(4, { lr: lr / 2 }), steps: 20 });
    expect(Buffer.from(a.losses.buffer).equals(Buffer.from(b.losses.buffer))).toBe(false);
  });

  it('rejects lr = -1, lr = NaN and an unknown hyperparameter with an OptbenchError', () => {
    expectOptbenchError(() => createOptimizer(def, 3, { lr: -1 }), name, 'lr', '-1');
    expectOptbenchError(() => createOptimizer(def, 3, { lr: Number.NaN }), name, 'lr', 'NaN');
    expectOptbenchError(() => createOptimizer(def, 3, { lr, not_a_hyperparameter: 1 }), name, '"not_a_hyperparameter"');
    expectOptbenchError(() => resolveTrialSpec(spec(0, { lr: -1 })), name, 'lr', '-1');
    expectOptbenchError(() => runTrial(spec(0, { lr: Number.NaN })), name, 'lr', 'NaN');
  });

  it('rejects every numeric hyperparameter just outside its declared interval, and wrong types', () => {
    for (const [param, paramSpec] of Object.entries(def.params)) {
      if (paramSpec.type === 'boolean') {
        expectOptbenchError(() => createOptimizer(def, 3, { [param]: 'yes' }), name, param);
        continue;
      }
      if (paramSpec.type === 'choice') {
        expectOptbenchError(() => createOptimizer(def, 3, { [param]: '__none__' }), name, param);
        continue;
      }
      for (const side of ['below', 'above'] as const) {
        const bad = outside(paramSpec, side);
        if (bad !== undefined) expectOptbenchError(() => createOptimizer(def, 3, { [param]: bad }), name, param, String(bad));
      }
      expectOptbenchError(() => createOptimizer(def, 3, { [param]: Number.POSITIVE_INFINITY }), name, param);
    }
  });

  it('accepts its own defaults', () => {
    expect(() => createOptimizer(def, 3)).not.toThrow();
  });

  it('its resolved spec round-trips through JSON.stringify/JSON.parse to the same trialId and run', () => {
    const resolved = resolveTrialSpec({ ...spec(5), steps: 50 });
    const parsed = JSON.parse(JSON.stringify(resolved)) as TrialSpec;
    expect(trialId(resolveTrialSpec(parsed))).toBe(trialId(resolved));
    expectSameRun(runTrial(parsed), runTrial(resolved));
  });
});

describe.each(schedules.all().map((def) => [def.name, def] as const))('schedule %s', (name, def: ScheduleDef) => {
  // sgd at 0.05 = 0.5/L, so that even rates above the base (warmup, random, param-norm) mostly stay stable;
  // a divergence is a valid, deterministic result too.
  const spec = (seed: number): TrialSpec => ({
    problem: QUADRATIC,
    seed,
    optimizer: { name: 'sgd', params: { lr: 0.05 } },
    schedule: { name },
    steps: 200,
  });

  it('is deterministic: the same spec gives bitwise identical losses and params', () => {
    expectSameRun(runTrial(spec(3)), runTrial(spec(3)));
  });

  it('its resolved spec round-trips through JSON.stringify/JSON.parse to the same trialId and run', () => {
    const resolved = resolveTrialSpec(spec(3));
    expect(resolved.schedule.name).toBe(name);
    expect(Object.keys(resolved.schedule.params).sort()).toEqual(Object.keys(def.params).sort());
    const parsed = JSON.parse(JSON.stringify(resolved)) as TrialSpec;
    expect(trialId(resolveTrialSpec(parsed))).toBe(trialId(resolved));
    expectSameRun(runTrial(parsed), runTrial(resolved));
  });

  it('rejects an unknown parameter with an OptbenchError', () => {
    expectOptbenchError(
      () => resolveTrialSpec({ ...spec(0), schedule: { name, params: { not_a_parameter: 1 } } }),
      name,
      '"not_a_parameter"',
    );
  });
});

describe.each(problems.all().map((def) => [def.name, def] as const))('problem %s', (name, def: ProblemDef) => {
  const spec = (seed: number): TrialSpec => ({ problem: { name }, seed, optimizer: { name: 'sgd', params: { lr: 0.01 } }, steps: 50 });

  it('is deterministic: the same seed gives identical toJSON() strings and bitwise identical runs', () => {
    expect(JSON.stringify(createProblem(def, 6).toJSON())).toBe(JSON.stringify(createProblem(def, 6).toJSON()));
    expect(JSON.stringify(createProblem(def, 7).toJSON())).not.toBe(JSON.stringify(createProblem(def, 6).toJSON()));
    expectSameRun(runTrial(spec(6)), runTrial(spec(6)));
  });

  it('its resolved spec round-trips through JSON.stringify/JSON.parse to the same trialId and run', () => {
    const resolved = resolveTrialSpec(spec(6));
    expect(Object.keys(resolved.problem.params).sort()).toEqual(Object.keys(def.options).sort());
    const parsed = JSON.parse(JSON.stringify(resolved)) as TrialSpec;
    expect(trialId(resolveTrialSpec(parsed))).toBe(trialId(resolved));
    expectSameRun(runTrial(parsed), runTrial(resolved));
  });

  it('its gradient at the initial point matches central finite differences', () => {
    const problem = createProblem(def, 6);
    const x = Float64Array.from(problem.init);
    const grad = new Float64Array(problem.dim);
    const loss = problem.lossAndGrad(x, grad);
    expect(loss).toBe(problem.loss(x));
    let err = 0;
    let scale = 0;
    for (let i = 0; i < problem.dim; i++) {
      const h = 1e-5 * Math.max(1, Math.abs(x[i]));
      const probe = Float64Array.from(x);
      probe[i] = x[i] + h;
      const up = problem.loss(probe);
      probe[i] = x[i] - h;
      const fd = (up - problem.loss(probe)) / (2 * h);
      err += (fd - grad[i]) ** 2;
      scale += grad[i] ** 2;
    }
    // Central differences have O(h²) truncation error; 1e-6 relative leaves room for mildly non-quadratic losses.
    expect(Math.sqrt(err)).toBeLessThanOrEqual(1e-6 * Math.sqrt(scale));
  });

  it('where it declares an optimum, no point nearby is lower and the loss there is optimum.loss', () => {
    const problem = createProblem(def, 6);
    if (problem.optimum === undefined) return;
    const xStar = Float64Array.from(problem.optimum.params);
    expect(xStar).toHaveLength(problem.dim);
    expect(Math.abs(problem.loss(xStar) - problem.optimum.loss)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(problem.optimum.loss)));
    for (let i = 0; i < problem.dim; i++) {
      for (const h of [1e-3, -1e-3]) {
        const probe = Float64Array.from(xStar);
        probe[i] += h;
        expect(problem.loss(probe)).toBeGreaterThan(problem.optimum.loss);
      }
    }
  });

  it('rejects an unknown option and a bad seed with an OptbenchError', () => {
    expectOptbenchError(() => createProblem(def, 0, { not_an_option: 1 }), name, '"not_an_option"');
    expectOptbenchError(() => createProblem(def, -1), name, 'seed', '-1');
  });
});
