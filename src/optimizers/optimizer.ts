import { OptbenchError } from '../core/errors.ts';
import { type ParamSpecs, type ParamValues, type Resolved, resolveParams } from '../core/params.ts';

/** The per-trial state of an optimizer: updates params in place from a gradient and the current rate. */
export interface Stepper {
  /**
   * One update. `grad` is scratch: the stepper may overwrite it (e.g. to add weight decay),
   * since the trial loop writes a fresh gradient before every step. Allocation-free.
   */
  step(params: Float64Array, grad: Float64Array, lr: number): void;
}

/** A named update rule with declared hyperparameters (lr among them), as in torch.optim. */
export interface OptimizerDef<S extends ParamSpecs = ParamSpecs> {
  readonly name: string;
  readonly description: string;
  /** Where the update rule comes from (paper, PyTorch class). */
  readonly reference: string;
  readonly params: S;
  /** An impossible combination of valid values, as a message, or undefined when fine. */
  check?(hp: Resolved<S>): string | undefined;
  create(dim: number, hp: Resolved<S>): Stepper;
}

/** Declares an optimizer with its parameter types inferred; register it with `optimizers.register`. */
export function defineOptimizer<const S extends ParamSpecs>(def: OptimizerDef<S>): OptimizerDef<S> {
  if (!Object.hasOwn(def.params, 'lr')) throw new OptbenchError(`optimizer ${def.name}: must declare an lr parameter`);
  return def;
}

/** Fills defaults and validates every hyperparameter, including combinations. */
export function resolveOptimizerParams(def: OptimizerDef, given: Readonly<ParamValues> = {}): Resolved<ParamSpecs> {
  const hp = resolveParams(def.name, def.params, given);
  const problem = def.check?.(hp);
  if (problem !== undefined) throw new OptbenchError(`${def.name}: ${problem}`);
  return hp;
}

/** Validates `given` and creates the stepper for a parameter vector of length `dim`. */
export function createOptimizer(def: OptimizerDef, dim: number, given: Readonly<ParamValues> = {}): Stepper {
  return def.create(dim, resolveOptimizerParams(def, given));
}

/**
 * The same rule under another name with other defaults, e.g. `momentum` = sgd with momentum 0.9.
 * A preset is a full optimizer: its defaults are what `optbench run --optimizer momentum` uses.
 */
export function preset<S extends ParamSpecs>(
  base: OptimizerDef<S>,
  name: string,
  defaults: Partial<Resolved<S>>,
  description: string,
  reference = base.reference,
): OptimizerDef<S> {
  const params = Object.fromEntries(
    Object.entries(base.params).map(([key, spec]) =>
      Object.hasOwn(defaults, key) ? [key, { ...spec, default: (defaults as ParamValues)[key] }] : [key, spec],
    ),
  ) as unknown as S;
  return { ...base, name, description, reference, params };
}
