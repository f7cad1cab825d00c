import { Registry } from '../core/registry.ts';
import { constant } from './constant.ts';
import { cosine } from './cosine.ts';
import { cosineRestarts } from './cosine-restarts.ts';
import { exponential } from './exponential.ts';
import { inverseTime } from './inverse-time.ts';
import { linear } from './linear.ts';
import { oneCycle } from './one-cycle.ts';
import { paramNorm } from './param-norm.ts';
import { plateau } from './plateau.ts';
import { polynomial } from './polynomial.ts';
import { random } from './random.ts';
import type { ScheduleDef } from './schedule.ts';
import { step } from './step.ts';

export const builtinSchedules = {
  constant,
  linear,
  polynomial,
  'inverse-time': inverseTime,
  exponential,
  step,
  cosine,
  'cosine-restarts': cosineRestarts,
  'one-cycle': oneCycle,
  plateau,
  'param-norm': paramNorm,
  random,
} satisfies Record<string, ScheduleDef>;

export type BuiltinScheduleName = keyof typeof builtinSchedules;

/** Every schedule by name: the built-ins, and whatever user files register. */
export const schedules = new Registry<ScheduleDef>('schedule', builtinSchedules as Record<string, ScheduleDef>);
