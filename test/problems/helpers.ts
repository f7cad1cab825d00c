import { expect } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { normal, type Rng } from '../../src/core/rng.ts';
import type { ProblemInstance } from '../../src/problems/problem.ts';

/**
 * Central finite differences: ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ, with hᵢ = h·max(1, |xᵢ|).
 * The truncation error is h²·f‴/6, which is exactly zero for the quadratic losses tested here, so what is left
 * is rounding: about ε·|f|/h ≈ 2e-16·|f|/1e-5 = 2e-11·|f| per coordinate.
 */
export function centralDifference(f: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  const out = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const step = h * Math.max(1, Math.abs(x[i]));
    probe[i] = x[i] + step;
    const up = f(probe);
    probe[i] = x[i] - step;
    const down = f(probe);
    probe[i] = x[i];
    out[i] = (up - down) / (2 * step);
  }
  return out;
}

export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** ‖a − b‖ / max(‖a‖, ‖b‖): the norm-wise relative error (0 when both are 0). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  const diff = Array.from(a, (v, i) => v - b[i]);
  const scale = Math.max(norm(a), norm(b));
  return scale === 0 ? 0 : norm(diff) / scale;
}

/** |a − b| ≤ rel·max(|a|, |b|). */
export function expectRelClose(actual: number, expected: number, rel: number, what = ''): void {
  const err = Math.abs(actual - expected);
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  expect(err <= rel * scale, `${what} ${actual} vs ${expected}: relative error ${err / scale} > ${rel}`).toBe(true);
}

/** A point around `center`: center + scale·z with z ~ N(0, I) from a seeded generator. */
export function pointNear(random: Rng, center: ArrayLike<number>, scale = 1): Float64Array {
  return Float64Array.from(center, (c) => c + scale * normal(random));
}

/** Flattens rows of equal length into a row-major Float64Array. */
export function flatten(rows: readonly (readonly number[])[]): Float64Array {
  const cols = rows[0]?.length ?? 0;
  const out = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => out.set(row, i * cols));
  return out;
}

/** Runs `fn`, expecting an OptbenchError whose message contains every one of `parts`. */
export function expectOptbenchError(fn: () => unknown, ...parts: string[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected an OptbenchError').toBeInstanceOf(OptbenchError);
  const message = (caught as Error).message;
  for (const part of parts) expect(message).toContain(part);
}

/**
 * The loss and gradient of the batch order[start … start+count−1] at x, after checking that the gradient is the
 * gradient of that loss: central differences of batchLossAndGrad's own loss agree to 1e-6 relative.
 */
export function checkedBatch(problem: ProblemInstance, x: Float64Array, order: Int32Array, start: number, count: number): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(problem.dim);
  const scratch = new Float64Array(problem.dim);
  const loss = problem.batchLossAndGrad!(x, grad, order, start, count);
  const batchLoss = (p: Float64Array) => problem.batchLossAndGrad!(p, scratch, order, start, count);
  expect(relativeError(grad, centralDifference(batchLoss, x)), `batch [${start}, +${count})`).toBeLessThanOrEqual(1e-6);
  return { loss, grad };
}
