import { OptbenchError } from '../core/errors.ts';
import type { ParamValue } from '../core/params.ts';

/**
 * A search space: for each hyperparameter a fixed value, a list (grid axis, or categorical in random
 * search), or a distribution (random search only).
 */
export type Distribution =
  | { readonly kind: 'log-uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'int'; readonly low: number; readonly high: number };

export type SpaceValue = ParamValue | readonly ParamValue[] | Distribution;
export type Space = Readonly<Record<string, SpaceValue>>;

/**
 * Rounds a computed grid point to 15 significant digits, away from last-bit noise: linspace's 0.1·3 is 0.3, not
 * 0.30000000000000004; logspace(1e-3, 1, 7)'s 10^−2.5 is written 0.00316227766016838 (as a user would type it).
 */
function tidy(x: number): number {
  return Number(x.toPrecision(15));
}

/** n values log-spaced from a to b inclusive, e.g. logspace(1e-4, 1, 5) = [1e-4, 1e-3, 1e-2, 1e-1, 1]. */
export function logspace(a: number, b: number, n: number): number[] {
  if (!(a > 0 && b > 0) || !Number.isInteger(n) || n < 1) {
    throw new OptbenchError(`logspace(${a}, ${b}, ${n}): needs positive ends and a whole count ≥ 1`);
  }
  if (n === 1) return [a];
  const la = Math.log10(a);
  const step = (Math.log10(b) - la) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === 0 ? a : i === n - 1 ? b : tidy(10 ** (la + i * step))));
}

/** n values evenly spaced from a to b inclusive. */
export function linspace(a: number, b: number, n: number): number[] {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isInteger(n) || n < 1) {
    throw new OptbenchError(`linspace(${a}, ${b}, ${n}): needs finite ends and a whole count ≥ 1`);
  }
  if (n === 1) return [a];
  return Array.from({ length: n }, (_, i) => (i === 0 ? a : i === n - 1 ? b : tidy(a + ((b - a) * i) / (n - 1))));
}

export function logUniform(low: number, high: number): Distribution {
  return { kind: 'log-uniform', low, high };
}

export function uniform(low: number, high: number): Distribution {
  return { kind: 'uniform', low, high };
}

export function intUniform(low: number, high: number): Distribution {
  return { kind: 'int', low, high };
}

export function isDistribution(value: SpaceValue): value is Distribution {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
