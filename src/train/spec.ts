import { canonical } from '../core/canonical.ts';
import { OptbenchError, show } from '../core/errors.ts';
import type { ParamValues } from '../core/params.ts';
import { optimizers } from '../optimizers/index.ts';
import { resolveOptimizerParams } from '../optimizers/optimizer.ts';
import { problems } from '../problems/index.ts';
import { resolveProblemOptions } from '../problems/problem.ts';
import { schedules } from '../schedules/index.ts';
import { resolveScheduleParams } from '../schedules/schedule.ts';

/** A named component with its parameters, as plain JSON. */
export interface Component {
  readonly name: string;
  readonly params?: Readonly<ParamValues>;
}

/**
 * Everything that defines one trial, as plain JSON. Its resolved canonical string is its identity:
 * the same spec gives the same result on any worker, shard or machine.
 */
export interface TrialSpec {
  readonly problem: Component;
  readonly seed: number;
  readonly optimizer: Component;
  readonly schedule?: Component;
  readonly steps: number;
  /** Samples per minibatch; absent for full-batch training. */
  readonly batchSize?: number;
}

/** A spec with every default filled in and every value checked. */
export interface ResolvedTrialSpec {
  readonly problem: { readonly name: string; readonly params: ParamValues };
  readonly seed: number;
  readonly optimizer: { readonly name: string; readonly params: ParamValues };
  readonly schedule: { readonly name: string; readonly params: ParamValues };
  readonly steps: number;
  readonly batchSize?: number;
}

/** The largest step budget a trial accepts (its loss curve is kept in memory). */
export const MAX_STEPS = 10_000_000;

function positiveInteger(what: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new OptbenchError(`${what} must be an integer in [1, ${max}], got ${show(value)}`);
  }
  return value;
}

/** Checks names, parameters, budget and batch size; fills defaults. Throws OptbenchError naming the bad value. */
export function resolveTrialSpec(spec: TrialSpec): ResolvedTrialSpec {
  for (const part of ['problem', 'optimizer'] as const) {
    const value = (spec as unknown as Record<string, unknown>)?.[part] as { name?: unknown } | undefined;
    if (typeof value?.name !== 'string') throw new OptbenchError(`trial spec: ${part} must be { name, params? }, got ${show(value)}`);
  }
  const problemDef = problems.get(spec.problem.name);
  const optimizerDef = optimizers.get(spec.optimizer.name);
  const scheduleDef = schedules.get(spec.schedule?.name ?? 'constant');
  if (typeof spec.seed !== 'number' || !Number.isSafeInteger(spec.seed) || spec.seed < 0) {
    throw new OptbenchError(`seed must be a non-negative integer, got ${show(spec.seed)}`);
  }
  const steps = positiveInteger('steps', spec.steps, MAX_STEPS);
  const optimizerParams = resolveOptimizerParams(optimizerDef, spec.optimizer.params);
  const scheduleParams = resolveScheduleParams(scheduleDef, spec.schedule?.params);
  // Schedules check their parameters against the budget and base rate (e.g. warmup < steps) here, not mid-run.
  const problem = scheduleDef.check?.(scheduleParams, { lr: optimizerParams.lr as number, steps, rng: () => 0.5 });
  if (problem !== undefined) throw new OptbenchError(`schedule ${scheduleDef.name}: ${problem}`);
  const problemParams = resolveProblemOptions(problemDef, spec.problem.params);
  const impossible = problemDef.check?.(problemParams);
  if (impossible !== undefined) throw new OptbenchError(`problem ${problemDef.name}: ${impossible}`);
  const resolved: ResolvedTrialSpec = {
    problem: { name: problemDef.name, params: problemParams },
    seed: spec.seed,
    optimizer: { name: optimizerDef.name, params: optimizerParams },
    schedule: { name: scheduleDef.name, params: scheduleParams },
    steps,
  };
  if (spec.batchSize === undefined) return resolved;
  return { ...resolved, batchSize: positiveInteger('batch size', spec.batchSize, Number.MAX_SAFE_INTEGER) };
}

/** The trial's identity: canonical JSON of the resolved spec. */
export function trialId(spec: ResolvedTrialSpec): string {
  return canonical(spec);
}
