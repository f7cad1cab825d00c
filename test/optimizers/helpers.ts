import { expect } from 'vitest';
import type { Stepper } from '../../src/optimizers/optimizer.ts';

/** One step from a fresh copy of `grad`: the stepper may overwrite its gradient buffer. */
export function step(stepper: Stepper, params: Float64Array, grad: readonly number[], lr: number): void {
  stepper.step(params, Float64Array.from(grad), lr);
}

/** Each coordinate of `actual` is within ½·10^−digits of the hand-derived `expected`. */
export function expectVector(actual: Float64Array, expected: readonly number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => expect(actual[i], `coordinate ${i}`).toBeCloseTo(value, digits));
}
