import { expect } from 'vitest';
import { rng } from '../../src/core/rng.ts';
import type { ParamValues } from '../../src/core/params.ts';
import { createSchedule, type Schedule, type ScheduleContext, type ScheduleDef } from '../../src/schedules/schedule.ts';

/** A context as a trial builds it: base rate, budget and a seeded generator on the schedule's stream. */
export function context(lr = 0.1, steps = 100, seed = 1): ScheduleContext {
  return { lr, steps, rng: rng(seed, 'schedule') };
}

export function make(def: ScheduleDef, hp: ParamValues = {}, lr = 0.1, steps = 100, seed = 1): Schedule {
  return createSchedule(def, context(lr, steps, seed), hp);
}

/** Calls `at` for t = 0 … losses.length − 1 in order, as the trainer does, and returns the rates. */
export function rates(schedule: Schedule, losses: readonly number[], params = new Float64Array([1])): number[] {
  return losses.map((loss, t) => schedule.at(t, loss, params));
}

/** `n` copies of one loss: a perfectly flat plateau. */
export function flat(n: number, loss = 1): number[] {
  return Array.from({ length: n }, () => loss);
}

/** |actual − expected| ≤ rel·|expected|; the expected values in these tests are hand-derived literals. */
export function expectNear(actual: number, expected: number, rel = 1e-12): void {
  expect(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} is not within ${rel} (relative) of ${expected}`).toBe(true);
}

export function expectAllNear(actual: readonly number[], expected: readonly number[], rel = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expectNear(a, expected[i], rel));
}
