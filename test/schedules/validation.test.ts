import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import type { ParamValues } from '../../src/core/params.ts';
import { constant } from '../../src/schedules/constant.ts';
import { cosine } from '../../src/schedules/cosine.ts';
import { exponential } from '../../src/schedules/exponential.ts';
import { type BuiltinScheduleName, builtinSchedules } from '../../src/schedules/index.ts';
import { inverseTime } from '../../src/schedules/inverse-time.ts';
import { plateau } from '../../src/schedules/plateau.ts';
import { createSchedule, type ScheduleDef } from '../../src/schedules/schedule.ts';
import { step } from '../../src/schedules/step.ts';
import { context } from './helpers.ts';

/** The error createSchedule throws for these hyperparameters (lr 0.1, steps 100), or a failed test. */
function rejection(def: ScheduleDef, hp: ParamValues): OptbenchError {
  try {
    createSchedule(def, context(0.1, 100), hp);
  } catch (error) {
    expect(error).toBeInstanceOf(OptbenchError);
    return error as OptbenchError;
  }
  throw new Error(`schedule ${def.name} accepted ${JSON.stringify(hp)}`);
}

describe('createSchedule validates hyperparameters at the door', () => {
  it.each<[BuiltinScheduleName, string, number | string, string]>([
    ['exponential', 'gamma', 0, 'got 0'],
    ['exponential', 'gamma', 1.5, 'got 1.5'],
    ['exponential', 'gamma', -0.5, 'got -0.5'],
    ['exponential', 'gamma', NaN, 'got NaN'],
    ['exponential', 'gamma', '0.5', 'got "0.5"'],
    ['step', 'step_size', 0, 'got 0'],
    ['step', 'step_size', 2.5, 'got 2.5'],
    ['step', 'gamma', 0, 'got 0'],
    ['inverse-time', 'decay_rate', -0.1, 'got -0.1'],
    ['inverse-time', 'decay_rate', NaN, 'got NaN'],
    ['inverse-time', 'decay_rate', Infinity, 'got Infinity'],
    ['polynomial', 'power', 0, 'got 0'],
    ['cosine', 'warmup', -1, 'got -1'],
    ['cosine', 'warmup', 1.5, 'got 1.5'],
    ['cosine', 'eta_min', -0.01, 'got -0.01'],
    ['cosine', 'eta_min', NaN, 'got NaN'],
    ['plateau', 'factor', 1, 'got 1'],
    ['plateau', 'factor', 0, 'got 0'],
    ['plateau', 'patience', -1, 'got -1'],
    ['plateau', 'patience', 0.5, 'got 0.5'],
    ['plateau', 'threshold', 1, 'got 1'],
    ['plateau', 'cooldown', NaN, 'got NaN'],
    ['plateau', 'min_lr', -1, 'got -1'],
    ['plateau', 'eps', -1e-9, 'got -1e-9'],
  ])('%s: rejects %s = %s', (schedule, name, value, got) => {
    const { message } = rejection(builtinSchedules[schedule], { [name]: value });
    expect(message).toContain(`schedule ${schedule}`);
    expect(message).toContain(name);
    expect(message).toContain(got);
  });

  it('names the rule in the message: exponential gamma 1.5', () => {
    expect(rejection(exponential, { gamma: 1.5 }).message).toBe('schedule exponential: gamma must be in (0, 1], got 1.5');
  });

  it('accepts the boundary values just inside each interval', () => {
    const ctx = context(0.1, 100);
    expect(() => createSchedule(exponential, ctx, { gamma: 1 })).not.toThrow();
    expect(() => createSchedule(step, ctx, { step_size: 1, gamma: 1 })).not.toThrow();
    expect(() => createSchedule(inverseTime, ctx, { decay_rate: 0 })).not.toThrow();
    expect(() => createSchedule(cosine, ctx, { warmup: 99, eta_min: 0.1 })).not.toThrow();
    expect(() => createSchedule(plateau, ctx, { patience: 0, threshold: 0, min_lr: 0, eps: 0 })).not.toThrow();
  });

  it('rejects an unknown parameter with a suggestion and the known names', () => {
    const { message } = rejection(exponential, { gama: 0.5 });
    expect(message).toContain('schedule exponential');
    expect(message).toContain('unknown parameter "gama"');
    expect(message).toContain('did you mean "gamma"');
  });

  it('rejects any parameter for a schedule that takes none', () => {
    const { message } = rejection(constant, { gamma: 0.5 });
    expect(message).toContain('schedule constant');
    expect(message).toContain('"gamma"');
  });

  it.each([100, 150])('cosine: rejects warmup %i ≥ steps 100', (warmup) => {
    const { message } = rejection(cosine, { warmup });
    expect(message).toBe(`schedule cosine: warmup must be less than the number of steps (100), got ${warmup}`);
  });

  it('cosine: rejects eta_min above the base rate', () => {
    const { message } = rejection(cosine, { eta_min: 0.2 });
    expect(message).toContain('schedule cosine');
    expect(message).toContain('eta_min');
    expect(message).toContain('0.1'); // the base rate it exceeds
    expect(message).toContain('got 0.2');
  });
});
