import { canonical } from '../core/canonical.ts';
import { didYouMean } from '../core/closest.ts';
import { OptbenchError, show } from '../core/errors.ts';
import { checkParam, inInterval, type ParamSpecs, type ParamValue } from '../core/params.ts';
import type { Distribution, Space, SpaceValue } from '../search/space.ts';

/** Throws the suite loader's one-line error: `<where>: <field>: <what>`. */
export function fail(where: string, field: string, what: string): never {
  throw new OptbenchError(`${where}: ${field}: ${what}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses keys not in `known`, with a suggestion for a near-miss. */
export function onlyKeys(where: string, field: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail(where, field, `unknown field "${key}"${didYouMean(key, known)}; known: ${known.join(', ')}`);
  }
}

export function positiveInt(where: string, field: string, value: unknown, max = 1e9): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    fail(where, field, `must be an integer in [1, ${max}], got ${show(value)}`);
  }
  return value;
}

/** Re-throws a parameter check's error with the suite location in front. */
function checked(where: string, field: string, f: () => ParamValue): ParamValue {
  try {
    return f();
  } catch (error) {
    if (error instanceof OptbenchError) fail(where, field, error.message);
    throw error;
  }
}

function checkDistribution(where: string, field: string, owner: string, name: string, specs: ParamSpecs, d: Distribution): Distribution {
  const spec = specs[name];
  if (!['log-uniform', 'uniform', 'int'].includes(d.kind)) fail(where, field, `unknown distribution ${show(d)}`);
  if (spec.type !== 'number' && spec.type !== 'integer') fail(where, field, `${owner}: ${name} is a ${spec.type}; use a value or a list`);
  if (spec.type === 'integer' && d.kind !== 'int') fail(where, field, `${owner}: ${name} is an integer; use intUniform(low, high), got ${show(d)}`);
  if (!(Number.isFinite(d.low) && Number.isFinite(d.high) && d.low < d.high)) fail(where, field, `needs finite low < high, got ${show(d)}`);
  if (d.kind === 'log-uniform' && !(d.low > 0)) fail(where, field, `log-uniform needs low > 0, got ${d.low}`);
  if (d.kind === 'int' && !(Number.isInteger(d.low) && Number.isInteger(d.high))) fail(where, field, `int needs integer bounds, got ${show(d)}`);
  for (const end of [d.low, d.high]) {
    if (!inInterval(end, spec.interval)) fail(where, field, `${owner}: ${name} must be in ${spec.interval.text}, got ${end}`);
  }
  return d;
}

/**
 * Checks a search space against an optimizer's or schedule's declared parameters: every key known,
 * every value (or list item, or distribution bound) valid. `grid` refuses distributions.
 */
export function checkSpace(where: string, field: string, owner: string, specs: ParamSpecs, space: unknown, grid: boolean): Space {
  if (space === undefined) return {};
  if (!isRecord(space)) fail(where, field, `must be an object of parameter values, got ${show(space)}`);
  const out: Record<string, SpaceValue> = {};
  for (const [name, value] of Object.entries(space)) {
    const at = `${field}.${name}`;
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      fail(where, at, `${owner} has no parameter "${name}"${didYouMean(name, known)}; known: ${known.join(', ') || 'none'}`);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) fail(where, at, 'an empty list');
      out[name] = value.map((v, i) => checked(where, `${at}[${i}]`, () => checkParam(owner, name, specs[name], v)));
      // A value listed twice would be one configuration planned twice (canonical JSON: 0 and −0 are one value).
      const keys = value.map((v) => canonical(v));
      const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
      if (twice >= 0) fail(where, `${at}[${twice}]`, `${show(value[twice])} is listed twice`);
    } else if (isRecord(value)) {
      if (grid) fail(where, at, 'a distribution needs a sampled search ({ kind: "random" } or { kind: "sobol" }); a grid takes a list of values');
      out[name] = checkDistribution(where, at, owner, name, specs, value as unknown as Distribution);
    } else {
      out[name] = checked(where, at, () => checkParam(owner, name, specs[name], value));
    }
  }
  return out;
}
