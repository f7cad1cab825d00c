import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import type { ParamValues } from '../../src/core/params.ts';
import { Registry } from '../../src/core/registry.ts';
import { adagrad } from '../../src/optimizers/adagrad.ts';
import { adam } from '../../src/optimizers/adam.ts';
import { builtinOptimizers, optimizers } from '../../src/optimizers/index.ts';
import {
  createOptimizer,
  defineOptimizer,
  type OptimizerDef,
  resolveOptimizerParams,
} from '../../src/optimizers/optimizer.ts';
import { rmsprop } from '../../src/optimizers/rmsprop.ts';
import { nesterov, sgd } from '../../src/optimizers/sgd.ts';

/** The OptbenchError thrown by createOptimizer(def, 2, given); fails the test if none is thrown. */
function rejection(def: OptimizerDef, given: ParamValues): OptbenchError {
  try {
    createOptimizer(def, 2, given);
  } catch (error) {
    expect(error).toBeInstanceOf(OptbenchError);
    return error as OptbenchError;
  }
  throw new Error(`${def.name} accepted ${JSON.stringify(given)}`);
}

describe('defaults match torch.optim', () => {
  it.each([
    [sgd, { lr: 1e-3, momentum: 0, dampening: 0, nesterov: false, weight_decay: 0 }],
    [adagrad, { lr: 0.01, lr_decay: 0, weight_decay: 0, initial_accumulator_value: 0, eps: 1e-10 }],
    [rmsprop, { lr: 0.01, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: false }],
    [adam, { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: false, decoupled_weight_decay: false }],
  ].map(([def, expected]) => ({ def, expected })) as { def: OptimizerDef; expected: ParamValues }[])('$def.name', ({ def, expected }) => {
    expect(resolveOptimizerParams(def, {})).toEqual(expected);
  });

  it('keeps given values and fills the rest', () => {
    expect(resolveOptimizerParams(adam, { beta1: 0.5, amsgrad: true })).toEqual({
      lr: 1e-3,
      beta1: 0.5,
      beta2: 0.999,
      eps: 1e-8,
      weight_decay: 0,
      amsgrad: true,
      decoupled_weight_decay: false,
    });
  });
});

/** A table row: what is given to which optimizer, and the exact message expected. */
interface Row {
  def: OptimizerDef;
  given: ParamValues;
  message: string;
}

describe('hyperparameter validation', () => {
  it.each([
    [adam, { lr: NaN }, 'adam: lr must be a finite number in (0, inf), got NaN'],
    [adam, { eps: Infinity }, 'adam: eps must be a finite number in [0, inf), got Infinity'],
    [sgd, { weight_decay: -Infinity }, 'sgd: weight_decay must be a finite number in [0, inf), got -Infinity'],
    [rmsprop, { alpha: NaN }, 'rmsprop: alpha must be a finite number in [0, 1), got NaN'],
  ].map(([def, given, message]) => ({ def, given, message })) as Row[])('rejects non-finite: $def.name $given', ({ def, given, message }) => {
    expect(rejection(def, given).message).toBe(message);
  });

  it.each([
    [adam, { beta1: 1.2 }, 'adam: beta1 must be in [0, 1), got 1.2'],
    [adam, { beta2: 1 }, 'adam: beta2 must be in [0, 1), got 1'],
    [adam, { beta1: -0.1 }, 'adam: beta1 must be in [0, 1), got -0.1'],
    [sgd, { momentum: 1 }, 'sgd: momentum must be in [0, 1), got 1'],
    [sgd, { dampening: 1.5 }, 'sgd: dampening must be in [0, 1), got 1.5'],
    [rmsprop, { alpha: 1 }, 'rmsprop: alpha must be in [0, 1), got 1'],
    [rmsprop, { momentum: -0.5 }, 'rmsprop: momentum must be in [0, 1), got -0.5'],
    [adagrad, { lr_decay: -1 }, 'adagrad: lr_decay must be in [0, inf), got -1'],
    [adagrad, { initial_accumulator_value: -0.1 }, 'adagrad: initial_accumulator_value must be in [0, inf), got -0.1'],
    [adagrad, { eps: -1e-10 }, 'adagrad: eps must be in [0, inf), got -1e-10'],
  ].map(([def, given, message]) => ({ def, given, message })) as Row[])('rejects out of range: $def.name $given', ({ def, given, message }) => {
    expect(rejection(def, given).message).toBe(message);
  });

  it('accepts the closed ends of the intervals', () => {
    expect(() => createOptimizer(adam, 2, { beta1: 0, beta2: 0, eps: 0, weight_decay: 0 })).not.toThrow();
    expect(() => createOptimizer(rmsprop, 2, { alpha: 0, momentum: 0 })).not.toThrow();
  });

  it.each([
    [sgd, -0.1, 'sgd: lr must be in (0, inf), got -0.1'],
    [sgd, 0, 'sgd: lr must be in (0, inf), got 0'],
    [adagrad, 0, 'adagrad: lr must be in (0, inf), got 0'],
    [rmsprop, -1, 'rmsprop: lr must be in (0, inf), got -1'],
    [adam, 0, 'adam: lr must be in (0, inf), got 0'],
  ].map(([def, lr, message]) => ({ def, lr, message })) as { def: OptimizerDef; lr: number; message: string }[])(
    'rejects lr ≤ 0: $def.name lr=$lr',
    ({ def, lr, message }) => {
      expect(rejection(def, { lr }).message).toBe(message);
    },
  );

  it.each([
    [adam, { lr: '0.1' }, 'adam: lr must be a finite number in (0, inf), got "0.1"'],
    [sgd, { momentum: true }, 'sgd: momentum must be a finite number in [0, 1), got true'],
    [adam, { amsgrad: 1 }, 'adam: amsgrad must be true or false, got 1'],
    [rmsprop, { centered: 'true' }, 'rmsprop: centered must be true or false, got "true"'],
    [sgd, { nesterov: 0 }, 'sgd: nesterov must be true or false, got 0'],
  ].map(([def, given, message]) => ({ def, given, message })) as Row[])('rejects the wrong type: $def.name $given', ({ def, given, message }) => {
    expect(rejection(def, given).message).toBe(message);
  });

  it('rejects an unknown name with a suggestion for a near miss', () => {
    const message = rejection(adam, { beta_1: 0.9 }).message;
    expect(message).toMatch(/^adam: unknown parameter "beta_1"/);
    expect(message).toContain('(did you mean "beta1"?)');
    expect(message).toContain('known: lr, beta1, beta2, eps, weight_decay, amsgrad');
  });

  it('rejects an unknown name without a suggestion when nothing is close', () => {
    const message = rejection(rmsprop, { learning_rate_schedule: 1 }).message;
    expect(message).toMatch(/^rmsprop: unknown parameter "learning_rate_schedule"/);
    expect(message).not.toContain('did you mean');
  });

  it('rejects nesterov without momentum', () => {
    expect(rejection(sgd, { nesterov: true }).message).toBe(
      'sgd: nesterov requires momentum > 0 and dampening = 0, got momentum=0, dampening=0',
    );
  });

  it('rejects nesterov with dampening', () => {
    expect(rejection(sgd, { nesterov: true, momentum: 0.9, dampening: 0.1 }).message).toBe(
      'sgd: nesterov requires momentum > 0 and dampening = 0, got momentum=0.9, dampening=0.1',
    );
  });

  it('checks combinations on presets too, under the preset name', () => {
    expect(rejection(nesterov, { dampening: 0.5 }).message).toMatch(/^nesterov: nesterov requires momentum > 0/);
    expect(rejection(nesterov, { momentum: 0 }).message).toMatch(/^nesterov: nesterov requires momentum > 0/);
  });

  it('accepts nesterov with momentum and no dampening', () => {
    expect(() => createOptimizer(sgd, 2, { nesterov: true, momentum: 0.9 })).not.toThrow();
  });
});

describe.each(Object.values(builtinOptimizers) as OptimizerDef[])('every built-in: $name', (def) => {
  it.each([NaN, Infinity, 0, -1e-3])('rejects lr = %s naming it', (lr) => {
    const message = rejection(def, { lr }).message;
    expect(message).toMatch(new RegExp(`^${def.name}: lr must be `));
    expect(message).toMatch(new RegExp(`got ${String(lr)}$`));
  });

  it('rejects a string lr and an unknown name', () => {
    expect(rejection(def, { lr: 'fast' }).message).toBe(`${def.name}: lr must be a finite number in (0, inf), got "fast"`);
    expect(rejection(def, { lrr: 0.1 }).message).toContain(`${def.name}: unknown parameter "lrr" (did you mean "lr"?)`);
  });

  it('accepts its own defaults', () => {
    expect(() => createOptimizer(def, 3, resolveOptimizerParams(def, {}))).not.toThrow();
  });
});

describe('the optimizer registry', () => {
  it('holds every built-in under its name', () => {
    expect(optimizers.names().sort()).toEqual([
      'adadelta',
      'adagrad',
      'adam',
      'adamax',
      'adamw',
      'lion',
      'momentum',
      'nadam',
      'nesterov',
      'radam',
      'rmsprop',
      'sgd',
    ]);
    expect(optimizers.get('adam')).toBe(adam);
  });

  it('suggests the closest name for a typo', () => {
    expect(() => optimizers.get('adma')).toThrow(OptbenchError);
    expect(() => optimizers.get('adma')).toThrow('unknown optimizer "adma" (did you mean "adam"?)');
  });

  it('refuses a duplicate or empty name, and stays unchanged', () => {
    const before = optimizers.names();
    expect(() => optimizers.register({ ...adam })).toThrow(OptbenchError);
    expect(() => optimizers.register({ ...adam })).toThrow('optimizer "adam" is already registered');
    expect(() => optimizers.register({ ...adam, name: '' })).toThrow(OptbenchError);
    expect(() => optimizers.register({ ...adam, name: '' })).toThrow('optimizer name must be a non-empty word');
    expect(optimizers.names()).toEqual(before);
  });

  it('registers a user optimizer through the same door as the built-ins', () => {
    const registry = new Registry<OptimizerDef>('optimizer', builtinOptimizers as Record<string, OptimizerDef>);
    const mine = { ...adam, name: 'my-adam' } as OptimizerDef;
    registry.register(mine);
    expect(registry.get('my-adam')).toBe(mine);
    expect(() => registry.register(mine)).toThrow('optimizer "my-adam" is already registered');
  });

  it('refuses a definition without an lr parameter', () => {
    expect(() =>
      defineOptimizer({ name: 'no-lr', description: '', reference: '', params: {}, create: () => ({ step() {} }) }),
    ).toThrow(OptbenchError);
  });
});
