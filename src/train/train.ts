import { type Rng, shuffle } from '../core/rng.ts';
import type { Stepper } from '../optimizers/optimizer.ts';
import type { ProblemInstance } from '../problems/problem.ts';
import type { Schedule } from '../schedules/schedule.ts';

/**
 * How a trial ended: it ran its budget, or it diverged at step `atStep`: the loss after `atStep` updates was
 * non-finite or above the limit, or the gradient taken there was unusable (see unusableGradient).
 */
export type TrialStatus = { status: 'ok' } | { status: 'diverged'; atStep: number };

export interface Trajectory {
  readonly outcome: TrialStatus;
  /**
   * losses[k] = full-batch training loss after k updates (losses[0] at the initial point), up to the
   * budget or up to and including the step at which the trial diverged.
   */
  readonly losses: Float64Array;
  readonly params: Float64Array;
}

export interface TrainOptions {
  readonly steps: number;
  /** Samples per minibatch; undefined for the full batch. */
  readonly batchSize?: number;
  /** Drives the epoch permutations; seeded from the problem seed so all optimizers see one order. */
  readonly batchRng: Rng;
}

/**
 * A trial diverges when its loss is NaN/±Inf or exceeds 1e6 × the initial loss (for f₀ ≤ 0: f₀ + 1e6·max(|f₀|, 1)),
 * or when its gradient is unusable (unusableGradient).
 */
export function divergenceLimit(initialLoss: number): number {
  return initialLoss > 0 ? 1e6 * initialLoss : initialLoss + 1e6 * Math.max(Math.abs(initialLoss), 1);
}

/**
 * Whether a gradient is unusable: an entry NaN or ±Inf, or so large that its square overflows (|g| > ~1.3e154).
 * Such a gradient poisons every method: NaN spreads into the state and parameters, and an overflowing g² makes a
 * second-moment estimate (Adam's v, RMSprop's, AdaGrad's sum) Inf, after which the step m/√v is 0 and the run
 * silently freezes instead of failing. One pass over the gradient, allocation-free.
 */
export function unusableGradient(grad: Float64Array): boolean {
  for (let i = 0; i < grad.length; i++) {
    const g2 = grad[i] * grad[i];
    if (!(g2 <= Number.MAX_VALUE)) return true; // NaN fails every comparison
  }
  return false;
}

/**
 * The hot loop: for k = 0 … T−1, evaluate f(θ_k) and a gradient (full batch, or minibatch from a seeded
 * epoch permutation), take the rate from the schedule, update θ in place. Buffers are allocated once
 * per trial; the loop allocates nothing.
 */
export function train(problem: ProblemInstance, stepper: Stepper, schedule: Schedule, options: TrainOptions): Trajectory {
  const { steps, batchSize } = options;
  const params = Float64Array.from(problem.init);
  const grad = new Float64Array(problem.dim);
  const losses = new Float64Array(steps + 1);
  const minibatch = batchSize !== undefined && problem.samples !== undefined && batchSize < problem.samples;
  const order = minibatch ? Int32Array.from({ length: problem.samples! }, (_, i) => i) : null;
  let cursor = order === null ? 0 : order.length; // forces a shuffle before the first batch
  let limit = Infinity;

  for (let k = 0; k <= steps; k++) {
    let loss: number;
    if (order === null) {
      loss = problem.lossAndGrad(params, grad);
    } else {
      loss = problem.loss(params);
    }
    losses[k] = loss;
    if (k === 0) limit = divergenceLimit(loss);
    if (!Number.isFinite(loss) || loss > limit) {
      return { outcome: { status: 'diverged', atStep: k }, losses: losses.slice(0, k + 1), params };
    }
    if (k === steps) break;
    if (order !== null) {
      if (cursor >= order.length) {
        shuffle(options.batchRng, order);
        cursor = 0;
      }
      const count = Math.min(batchSize!, order.length - cursor);
      problem.batchLossAndGrad!(params, grad, order, cursor, count);
      cursor += count;
    }
    if (unusableGradient(grad)) return { outcome: { status: 'diverged', atStep: k }, losses: losses.slice(0, k + 1), params };
    stepper.step(params, grad, schedule.at(k, loss, params));
  }
  return { outcome: { status: 'ok' }, losses, params };
}
