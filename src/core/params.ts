import { didYouMean } from './closest.ts';
import { OptbenchError, show } from './errors.ts';

/**
 * Declared hyperparameters (of optimizers and schedules) and options (of problems):
 * type, default, valid interval and the range a search draws from by default.
 */

/** An interval such as `[0, 1)` or `(0, inf)`; written as text where a parameter is declared. */
export interface Interval {
  min: number;
  max: number;
  minOpen: boolean;
  maxOpen: boolean;
  text: string;
}

/** The range a search draws a number from when the suite does not say: log-uniform or uniform. */
export interface SearchRange {
  scale: 'log' | 'linear';
  low: number;
  high: number;
}

export interface NumberSpec {
  type: 'number' | 'integer';
  default: number;
  interval: Interval;
  search?: SearchRange;
  description: string;
}
export interface BooleanSpec {
  type: 'boolean';
  default: boolean;
  description: string;
}
export interface ChoiceSpec {
  type: 'choice';
  default: string;
  values: readonly string[];
  description: string;
}
export type ParamSpec = NumberSpec | BooleanSpec | ChoiceSpec;

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;
export type ParamValue = number | boolean | string;
export type ParamValues = Record<string, ParamValue>;

/** The resolved values of a spec: every parameter present, with its declared type. */
export type Resolved<S extends ParamSpecs> = {
  [K in keyof S]: S[K] extends { type: 'boolean' } ? boolean : S[K] extends { type: 'choice' } ? string : number;
};

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number as people write one in a decimal: 3, -0.5, 1e-3, and Infinity/inf, -Infinity/-inf, NaN (which the
 * validators then refuse by name). Anything else, hex (0x10), binary or an empty string, is NaN: `Number` would
 * read 0x10 as 16 and " " as 0.
 */
export function parseDecimal(text: string): number {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  const word = t.toLowerCase().replace(/^\+/, '');
  if (word === 'infinity' || word === 'inf') return Infinity;
  if (word === '-infinity' || word === '-inf') return -Infinity;
  return NaN;
}

export function interval(text: string): Interval {
  const m = /^\s*([[(])\s*(-?inf|[-+0-9.e]+)\s*,\s*(-?inf|[-+0-9.e]+)\s*([\])])\s*$/.exec(text);
  if (!m) throw new Error(`bad interval ${text}`);
  const parse = (s: string) => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
  return { min: parse(m[2]), max: parse(m[3]), minOpen: m[1] === '(', maxOpen: m[4] === ')', text: text.trim() };
}

export function inInterval(x: number, iv: Interval): boolean {
  const aboveMin = iv.minOpen ? x > iv.min : x >= iv.min;
  const belowMax = iv.maxOpen ? x < iv.max : x <= iv.max;
  return aboveMin && belowMax;
}

export function logRange(low: number, high: number): SearchRange {
  return { scale: 'log', low, high };
}

export function linearRange(low: number, high: number): SearchRange {
  return { scale: 'linear', low, high };
}

export function num(def: number, range: string, description: string, search?: SearchRange): NumberSpec {
  return { type: 'number', default: def, interval: interval(range), search, description };
}

export function int(def: number, range: string, description: string, search?: SearchRange): NumberSpec {
  return { type: 'integer', default: def, interval: interval(range), search, description };
}

export function bool(def: boolean, description: string): BooleanSpec {
  return { type: 'boolean', default: def, description };
}

export function choice(def: string, values: readonly string[], description: string): ChoiceSpec {
  return { type: 'choice', default: def, values, description };
}

/** Checks one value against its spec; returns it typed, or throws naming owner, parameter and value. */
export function checkParam(owner: string, name: string, spec: ParamSpec, value: unknown): ParamValue {
  const fail = (what: string): never => {
    throw new OptbenchError(`${owner}: ${name} must be ${what}, got ${show(value)}`);
  };
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value) ? value : fail(`one of ${spec.values.join(', ')}`);
    case 'number':
    case 'integer': {
      const kind = spec.type === 'integer' ? 'an integer' : 'a finite number';
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`${kind} in ${spec.interval.text}`);
      if (spec.type === 'integer' && !Number.isInteger(value)) return fail(`${kind} in ${spec.interval.text}`);
      if (!inInterval(value, spec.interval)) return fail(`in ${spec.interval.text}`);
      return value;
    }
  }
}

/** Fills defaults and validates every given value; unknown names are errors with a suggestion. */
export function resolveParams<S extends ParamSpecs>(owner: string, specs: S, given: Readonly<Record<string, unknown>> = {}): Resolved<S> {
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      const list = known.length ? `; known: ${known.join(', ')}` : '; it takes none';
      throw new OptbenchError(`${owner}: unknown parameter "${name}"${didYouMean(name, known)}${list}`);
    }
  }
  const out: ParamValues = {};
  for (const [name, spec] of Object.entries(specs)) {
    out[name] = Object.hasOwn(given, name) ? checkParam(owner, name, spec, given[name]) : spec.default;
  }
  return out as Resolved<S>;
}

/**
 * Parses `name=value` as typed on a command line (`--hp beta1=0.95`), by the parameter's declared type.
 * The value is then checked by resolveParams.
 */
export function parseAssignment(owner: string, text: string, specs: ParamSpecs): [string, ParamValue] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new OptbenchError(`${owner}: expected name=value, got ${show(text)}`);
  const name = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  const spec = specs[name];
  if (spec === undefined) {
    const known = Object.keys(specs);
    throw new OptbenchError(`${owner}: unknown parameter "${name}"${didYouMean(name, known)}; known: ${known.join(', ') || 'none'}`);
  }
  if (spec.type === 'boolean') {
    if (raw === 'true') return [name, true];
    if (raw === 'false') return [name, false];
    throw new OptbenchError(`${owner}: ${name} must be true or false, got ${show(raw)}`);
  }
  if (spec.type === 'choice') return [name, raw];
  const value = parseDecimal(raw);
  if (Number.isNaN(value) && raw !== 'NaN') throw new OptbenchError(`${owner}: ${name} must be a number, got ${show(raw)}`);
  return [name, value];
}

/** A one-line description of a spec for `optbench list`: type, default and interval. */
export function describeParam(spec: ParamSpec): string {
  switch (spec.type) {
    case 'boolean':
      return `boolean, default ${spec.default}`;
    case 'choice':
      return `one of ${spec.values.join('|')}, default ${spec.default}`;
    default: {
      const search = spec.search ? `, search ${spec.search.scale} [${spec.search.low}, ${spec.search.high}]` : '';
      return `${spec.type} in ${spec.interval.text}, default ${spec.default}${search}`;
    }
  }
}
