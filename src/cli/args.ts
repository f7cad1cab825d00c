import { availableParallelism } from 'node:os';
import { OptbenchError, show } from '../core/errors.ts';
import type { ParamSpecs, ParamValues } from '../core/params.ts';
import { parseAssignment, parseDecimal } from '../core/params.ts';

/** `['beta1=0.95', 'amsgrad=true']` → `{ beta1: 0.95, amsgrad: true }`, typed by the declared specs. */
export function parseAssignments(owner: string, items: readonly string[] | undefined, specs: ParamSpecs): ParamValues {
  const out: ParamValues = {};
  for (const item of items ?? []) {
    const [name, value] = parseAssignment(owner, String(item), specs);
    out[name] = value;
  }
  return out;
}

/** A numeric flag's value: a number, or the text typed when it is not one (for the validator to name). */
export type NumericArg = number | string;

/**
 * Coerces a numeric flag (`--lr`, `--steps`, ...). yargs' `type: 'number'` turns `--lr abc` into NaN and loses
 * the text an error must name, so numeric flags are left untyped and converted here; text that is not a number
 * stays text, and the library's validation reports it (`adam: lr must be a finite number in (0, inf), got "abc"`).
 */
export function numeric(raw: unknown): NumericArg {
  if (typeof raw === 'number') return raw;
  const text = String(raw).trim(); // a repeated flag arrives as an array: "1,2" is then not a number
  const value = parseDecimal(text);
  return Number.isNaN(value) ? text : value;
}

/** JSON for the CLI contracts: typed arrays as arrays; NaN and ±Infinity (diverged runs) as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as Float64Array);
    return v;
  });
}

/** A number for a console table: 4 significant digits, exponent form when small or large. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(4))) : x.toExponential(2);
}

/** The --workers option of the commands that run trials. */
export const WORKERS_OPTION = {
  coerce: numeric,
  requiresArg: true,
  describe: 'threads that run trials (default: the number of cores; extra threads start only when the work is worth it); results are identical for any count',
} as const;

/** --workers: an integer in [1, 1024]; absent, the number of cores. */
export function workersArg(value: NumericArg | undefined): number {
  const workers = value ?? availableParallelism();
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1 || workers > 1024) {
    throw new OptbenchError(`--workers must be an integer in [1, 1024], got ${show(value)}`);
  }
  return workers;
}
