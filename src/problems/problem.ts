import { OptbenchError, show } from '../core/errors.ts';
import { type ParamSpecs, type ParamValues, type Resolved, resolveParams } from '../core/params.ts';

/** The exact minimiser and minimum of a problem, where one is known. */
export interface Optimum {
  readonly params: Float64Array;
  readonly loss: number;
}

/**
 * One seeded instance of a problem: the same (name, options, seed) gives the same instance, bit for bit.
 * Evaluation methods write into caller-owned buffers and allocate nothing.
 */
export interface ProblemInstance {
  readonly name: string;
  readonly seed: number;
  readonly options: Readonly<ParamValues>;
  readonly dim: number;
  /** The initial point; the trial loop copies it, never writes it. */
  readonly init: Float64Array;
  readonly optimum?: Optimum;
  /** Full-batch training loss at params; writes its gradient into grad. */
  lossAndGrad(params: Float64Array, grad: Float64Array): number;
  /** Full-batch training loss at params. */
  loss(params: Float64Array): number;
  /** Loss on the held-out validation data, where the problem has some. */
  validationLoss?(params: Float64Array): number;
  /** Number of training samples, for problems that can be minibatched. */
  readonly samples?: number;
  /** Loss and gradient on the training samples order[start], …, order[start + count − 1]. */
  batchLossAndGrad?(params: Float64Array, grad: Float64Array, order: Int32Array, start: number, count: number): number;
  /** The instance as plain JSON (the `optbench problem --json` contract). */
  toJSON(): Record<string, unknown>;
}

/**
 * `optbench problem --json` of a dataset problem (the contract in ARCHITECTURE.md): `features` include the bias
 * column where the model has one, so the loss can be recomputed from the JSON alone.
 */
export type DatasetJson = {
  name: string;
  seed: number;
  options: Record<string, unknown>;
  dim: number;
  features: number[][];
  targets: number[];
  init: number[];
  optimum: { loss: number; params: number[] };
  validation: { features: number[][]; targets: number[] };
};

/**
 * A method's theoretically optimal hyperparameters on a problem, with the per-step contraction factor of
 * f − f* they guarantee (worst case over initial points, asymptotically), for the report to set against the grid.
 */
export interface TheoryPoint {
  /** Which family of sgd configurations it applies to. */
  readonly method: 'gd' | 'heavy-ball' | 'nesterov';
  readonly params: { readonly lr: number; readonly momentum: number };
  /** ρ such that f_k − f* ≲ ρᵏ (f₀ − f*). */
  readonly rate: number;
  readonly source: string;
}

/** A seeded generator of problem instances with declared options. */
export interface ProblemDef<S extends ParamSpecs = ParamSpecs> {
  readonly name: string;
  readonly description: string;
  readonly reference: string;
  readonly options: S;
  check?(options: Resolved<S>): string | undefined;
  create(seed: number, options: Resolved<S>): ProblemInstance;
  /** Known optimal parameters of classical methods on this problem, where theory gives them. */
  theory?(options: Resolved<S>): readonly TheoryPoint[];
}

export function defineProblem<const S extends ParamSpecs>(def: ProblemDef<S>): ProblemDef<S> {
  return def;
}

export function resolveProblemOptions(def: ProblemDef, given: Readonly<ParamValues> = {}): Resolved<ParamSpecs> {
  return resolveParams(`problem ${def.name}`, def.options, given);
}

/** Validates the options (alone and together) and creates the instance for `seed`. */
export function createProblem(def: ProblemDef, seed: number, given: Readonly<ParamValues> = {}): ProblemInstance {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new OptbenchError(`problem ${def.name}: seed must be a non-negative integer, got ${show(seed)}`);
  }
  const options = resolveProblemOptions(def, given);
  const problem = def.check?.(options);
  if (problem !== undefined) throw new OptbenchError(`problem ${def.name}: ${problem}`);
  return def.create(seed, options);
}
