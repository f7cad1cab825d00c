import { expect } from 'vitest';
import type { Stepper } from '../../src/optimizers/optimizer.ts';
import type { ProblemInstance } from '../../src/problems/problem.ts';

/** A problem that records the sample indices of every minibatch it is asked for. */
export interface RecordingProblem extends ProblemInstance {
  readonly batches: number[][];
}

export function recordBatches(inner: ProblemInstance, batches: number[][] = []): RecordingProblem {
  return {
    ...inner,
    batches,
    batchLossAndGrad(params, grad, order, start, count) {
      batches.push(Array.from(order.subarray(start, start + count)));
      return inner.batchLossAndGrad!(params, grad, order, start, count);
    },
  };
}

/** A problem whose full-batch loss becomes `bad` (NaN, ±Inf) from evaluation number `from` on (0 = at init). */
export function poisoned(inner: ProblemInstance, from: number, bad: number): ProblemInstance {
  let calls = 0;
  const evaluate = (value: number) => (calls++ >= from ? bad : value);
  return {
    ...inner,
    lossAndGrad: (params, grad) => evaluate(inner.lossAndGrad(params, grad)),
    loss: (params) => evaluate(inner.loss(params)),
  };
}

/** A stepper that records a copy of every gradient and rate it is given, then delegates. */
export function recordSteps(inner: Stepper): Stepper & { grads: Float64Array[]; rates: number[] } {
  const grads: Float64Array[] = [];
  const rates: number[] = [];
  return {
    grads,
    rates,
    step(params, grad, lr) {
      grads.push(Float64Array.from(grad));
      rates.push(lr);
      inner.step(params, grad, lr);
    },
  };
}

/** Bit-for-bit equality of two Float64Arrays (distinguishes −0 from 0 and compares NaN payloads). */
export function expectBitwiseEqual(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))).toBe(true);
}

export function bitwiseEqual(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
