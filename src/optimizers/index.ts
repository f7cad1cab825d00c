import { Registry } from '../core/registry.ts';
import { adadelta } from './adadelta.ts';
import { adagrad } from './adagrad.ts';
import { adam, adamw } from './adam.ts';
import { adamax } from './adamax.ts';
import { lion } from './lion.ts';
import { nadam } from './nadam.ts';
import type { OptimizerDef } from './optimizer.ts';
import { radam } from './radam.ts';
import { rmsprop } from './rmsprop.ts';
import { momentum, nesterov, sgd } from './sgd.ts';

export const builtinOptimizers = {
  sgd,
  momentum,
  nesterov,
  adagrad,
  rmsprop,
  adam,
  adamw,
  adamax,
  nadam,
  radam,
  adadelta,
  lion,
} satisfies Record<string, OptimizerDef>;

export type BuiltinOptimizerName = keyof typeof builtinOptimizers;

/** Every optimizer by name: the built-ins, and whatever user files register. */
export const optimizers = new Registry<OptimizerDef>('optimizer', builtinOptimizers as Record<string, OptimizerDef>);
