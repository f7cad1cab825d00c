import { Registry } from '../core/registry.ts';
import { adagrad } from './adagrad.ts';
import { adam } from './adam.ts';
import type { OptimizerDef } from './optimizer.ts';
import { rmsprop } from './rmsprop.ts';
import { momentum, nesterov, sgd } from './sgd.ts';

export const builtinOptimizers = { sgd, momentum, nesterov, adagrad, rmsprop, adam } satisfies Record<string, OptimizerDef>;

export type BuiltinOptimizerName = keyof typeof builtinOptimizers;

/** Every optimizer by name: the built-ins, and whatever user files register. */
export const optimizers = new Registry<OptimizerDef>('optimizer', builtinOptimizers as Record<string, OptimizerDef>);
