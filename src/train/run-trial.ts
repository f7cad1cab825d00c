import { canonical } from '../core/canonical.ts';
import { OptbenchError } from '../core/errors.ts';
import { rng } from '../core/rng.ts';
import { optimizers } from '../optimizers/index.ts';
import { createOptimizer } from '../optimizers/optimizer.ts';
import { problems } from '../problems/index.ts';
import { createProblem, type ProblemInstance } from '../problems/problem.ts';
import { schedules } from '../schedules/index.ts';
import { createSchedule } from '../schedules/schedule.ts';
import { type ResolvedTrialSpec, type TrialSpec, resolveTrialSpec } from './spec.ts';
import { type TrialStatus, train } from './train.ts';

/** One finished trial: its resolved spec, outcome, loss curve and end point. */
export interface TrialRun {
  readonly spec: ResolvedTrialSpec;
  readonly outcome: TrialStatus;
  /** losses[k]: full-batch training loss after k updates. */
  readonly losses: Float64Array;
  readonly params: Float64Array;
  readonly finalLoss: number;
  readonly bestLoss: number;
  /** Loss on the held-out data at the final point (NaN where the problem has none). */
  readonly validationLoss: number;
  /** f* where the problem knows it (NaN otherwise). */
  readonly optimalLoss: number;
}

const instances = new Map<string, ProblemInstance>();
const CACHE_SIZE = 32;

/**
 * Problem instances are pure functions of (name, options, seed), so a process keeps the few it used last:
 * a suite's trials share them across optimizers and configurations.
 */
export function problemInstance(spec: ResolvedTrialSpec): ProblemInstance {
  const key = canonical([spec.problem, spec.seed]);
  let instance = instances.get(key);
  if (instance === undefined) {
    instance = createProblem(problems.get(spec.problem.name), spec.seed, spec.problem.params);
    if (instances.size >= CACHE_SIZE) instances.delete(instances.keys().next().value!);
    instances.set(key, instance);
  } else {
    instances.delete(key); // re-insert: most recently used last
    instances.set(key, instance);
  }
  return instance;
}

/** Resolves and runs one trial. Throws OptbenchError on a bad spec; a divergence is a result, not an error. */
export function runTrial(input: TrialSpec | ResolvedTrialSpec): TrialRun {
  const spec = resolveTrialSpec(input);
  const problem = problemInstance(spec);
  if (spec.batchSize !== undefined) {
    if (problem.samples === undefined || problem.batchLossAndGrad === undefined) {
      throw new OptbenchError(`problem ${spec.problem.name} has no samples to batch; omit the batch size`);
    }
    if (spec.batchSize > problem.samples) {
      throw new OptbenchError(`batch size must be at most the ${problem.samples} training samples, got ${spec.batchSize}`);
    }
  }
  const stepper = createOptimizer(optimizers.get(spec.optimizer.name), problem.dim, spec.optimizer.params);
  const lr = spec.optimizer.params.lr as number;
  const schedule = createSchedule(
    schedules.get(spec.schedule.name),
    { lr, steps: spec.steps, rng: rng(spec.seed, 'schedule') },
    spec.schedule.params,
  );
  const { outcome, losses, params } = train(problem, stepper, schedule, {
    steps: spec.steps,
    batchSize: spec.batchSize,
    batchRng: rng(spec.seed, `${spec.problem.name}/batches`),
  });
  let best = Infinity;
  for (let k = 0; k < losses.length; k++) if (losses[k] < best) best = losses[k];
  return {
    spec,
    outcome,
    losses,
    params,
    finalLoss: losses[losses.length - 1],
    bestLoss: best,
    validationLoss: problem.validationLoss?.(params) ?? NaN,
    optimalLoss: problem.optimum?.loss ?? NaN,
  };
}
