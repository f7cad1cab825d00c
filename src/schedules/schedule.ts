import { OptbenchError } from '../core/errors.ts';
import type { Rng } from '../core/rng.ts';
import { type ParamSpecs, type ParamValues, type Resolved, resolveParams } from '../core/params.ts';

/** What a schedule is built from: the base rate α₀, the trial's step budget T and its seeded generator. */
export interface ScheduleContext {
  readonly lr: number;
  readonly steps: number;
  readonly rng: Rng;
}

/**
 * The rate for update t (t = 0 … T−1), called once per step in order. `loss` is the full-batch training
 * loss at the current parameters θ_t (before update t); feedback schedules (plateau, param-norm) use them,
 * the others ignore them. Allocation-free.
 */
export interface Schedule {
  at(t: number, loss: number, params: Float64Array): number;
}

export interface ScheduleDef<S extends ParamSpecs = ParamSpecs> {
  readonly name: string;
  readonly description: string;
  /** The formula and where it comes from. */
  readonly reference: string;
  readonly params: S;
  check?(hp: Resolved<S>, ctx: ScheduleContext): string | undefined;
  create(hp: Resolved<S>, ctx: ScheduleContext): Schedule;
}

export function defineSchedule<const S extends ParamSpecs>(def: ScheduleDef<S>): ScheduleDef<S> {
  return def;
}

export function resolveScheduleParams(def: ScheduleDef, given: Readonly<ParamValues> = {}): Resolved<ParamSpecs> {
  return resolveParams(`schedule ${def.name}`, def.params, given);
}

/** Validates `given` (alone and against the context) and creates the schedule. */
export function createSchedule(def: ScheduleDef, ctx: ScheduleContext, given: Readonly<ParamValues> = {}): Schedule {
  const hp = resolveScheduleParams(def, given);
  const problem = def.check?.(hp, ctx);
  if (problem !== undefined) throw new OptbenchError(`schedule ${def.name}: ${problem}`);
  return def.create(hp, ctx);
}
