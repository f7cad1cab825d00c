import { OptbenchError, show } from '../core/errors.ts';
import { optimizers } from '../optimizers/index.ts';
import { problems } from '../problems/index.ts';
import { resolveProblemOptions } from '../problems/problem.ts';
import { schedules } from '../schedules/index.ts';
import type { SuiteDef } from './define.ts';
import { BEST_RULE, DEFAULT_TARGETS, type ResolvedSuite } from './resolved.ts';
import { resolveStagedSearch, withTuningSeeds } from './staged.ts';
import { checkSpace, fail, isRecord, onlyKeys, positiveInt } from './validate.ts';

const SUITE_KEYS = ['description', 'problems', 'optimizers', 'schedules', 'search', 'seeds', 'budget', 'targets', 'quick', 'check'];

type Entry = { name: string; label?: string; [key: string]: unknown };

/** `'adam'` → `{ name: 'adam' }`; checks the entry's shape and that its name is registered. */
function entries(where: string, field: string, list: unknown, keys: string[], known: (name: string) => void): Entry[] {
  if (!Array.isArray(list) || list.length === 0) fail(where, field, `must be a non-empty list, got ${show(list)}`);
  const out = list.map((item, i) => {
    const entry = typeof item === 'string' ? { name: item } : item;
    if (!isRecord(entry) || typeof entry.name !== 'string') fail(where, `${field}[${i}]`, `must be a name or { name, ... }, got ${show(item)}`);
    onlyKeys(where, `${field}[${i}]`, entry, keys);
    try {
      known(entry.name);
    } catch (error) {
      if (error instanceof OptbenchError) fail(where, `${field}[${i}]`, error.message);
      throw error;
    }
    if (entry.label !== undefined && (typeof entry.label !== 'string' || entry.label === '')) {
      fail(where, `${field}[${i}].label`, `must be a non-empty string, got ${show(entry.label)}`);
    }
    return entry as Entry;
  });
  const labels = out.map((e) => e.label ?? e.name);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) fail(where, field, `two entries are labelled "${dup}"; give them distinct labels`);
  return out;
}

function seedList(where: string, seeds: unknown): number[] {
  if (typeof seeds === 'number') return Array.from({ length: positiveInt(where, 'seeds', seeds, 100_000) }, (_, i) => i);
  if (!Array.isArray(seeds) || seeds.length === 0) fail(where, 'seeds', `must be a count or a non-empty list, got ${show(seeds)}`);
  seeds.forEach((s, i) => {
    if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) fail(where, `seeds[${i}]`, `must be a non-negative integer, got ${show(s)}`);
    if (seeds.indexOf(s) !== i) fail(where, `seeds[${i}]`, `seed ${s} is listed twice`);
  });
  return seeds as number[];
}

function targetList(where: string, targets: unknown): number[] {
  if (targets === undefined) return [...DEFAULT_TARGETS];
  if (!Array.isArray(targets) || targets.length === 0) fail(where, 'targets', `must be a non-empty list, got ${show(targets)}`);
  targets.forEach((t, i) => {
    if (typeof t !== 'number' || !(t > 0 && t < 1)) fail(where, `targets[${i}]`, `must be a number in (0, 1), got ${show(t)}`);
  });
  return [...(targets as number[])].sort((a, b) => b - a);
}

function fraction(where: string, field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) fail(where, field, `must be a number in [0, 1), got ${show(value)}`);
  return value;
}

/**
 * Checks a suite definition field by field and fills every default. `where` names the file in errors.
 * With `quick`, seeds, steps and random samples are reduced (by the suite's `quick` field or the defaults).
 */
export function resolveSuite(name: string, where: string, def: unknown, options: { quick?: boolean } = {}): ResolvedSuite {
  if (!isRecord(def)) throw new OptbenchError(`${where}: must export a suite (export default defineSuite({...})), got ${show(def)}`);
  const suite = def as unknown as SuiteDef;
  onlyKeys(where, 'suite', def, SUITE_KEYS);
  const quick = options.quick === true;
  if (suite.quick !== undefined && !isRecord(suite.quick)) fail(where, 'quick', `must be { seeds?, steps?, samples? }, got ${show(suite.quick)}`);
  const q: { seeds?: number; steps?: number; samples?: number } = {};
  if (suite.quick !== undefined) {
    onlyKeys(where, 'quick', suite.quick as Record<string, unknown>, ['seeds', 'steps', 'samples']);
    for (const key of ['seeds', 'steps', 'samples'] as const) {
      if (suite.quick[key] !== undefined) q[key] = positiveInt(where, `quick.${key}`, suite.quick[key]);
    }
  }

  if (!isRecord(suite.budget)) fail(where, 'budget', `must be { steps, batchSize? }, got ${show(suite.budget)}`);
  onlyKeys(where, 'budget', suite.budget, ['steps', 'batchSize']);
  let steps = positiveInt(where, 'budget.steps', suite.budget.steps, 10_000_000);
  const batchSize = suite.budget.batchSize === undefined ? null : positiveInt(where, 'budget.batchSize', suite.budget.batchSize);
  // A quick run never exceeds the full one: `quick.steps` larger than a budget leaves that budget as it is.
  const shrink = (n: number, by: number | undefined, factor: number) => (quick ? Math.min(n, by ?? Math.ceil(n / factor)) : n);
  steps = shrink(steps, q.steps, 5);

  // Only a field left out takes its default: null is a value of the wrong type, and is refused like one.
  const search = suite.search === undefined ? { kind: 'grid' as const } : suite.search;
  const staged = resolveStagedSearch(where, search, quick, (n) => shrink(n, q.samples, 4));
  if (staged === undefined && (!isRecord(search) || (search.kind !== 'grid' && search.kind !== 'random' && search.kind !== 'sobol'))) {
    fail(where, 'search', `must be { kind: "grid" }, { kind: "random", samples, seed? }, { kind: "sobol", samples, seed? }, { kind: "halving", samples, minSteps, eta? }, { kind: "hyperband", minSteps, eta? } or { kind: "tuning", samples, tuningSeeds? }, got ${show(search)}`);
  }
  const grid = search.kind === 'grid';
  let resolvedSearch: ResolvedSuite['search'] = { kind: 'grid' };
  if (search.kind === 'random' || search.kind === 'sobol') {
    onlyKeys(where, 'search', search, ['kind', 'samples', 'seed']);
    const samples = shrink(positiveInt(where, 'search.samples', search.samples, 1_000_000), q.samples, 4);
    const seed = search.seed === undefined ? 0 : search.seed;
    if (!Number.isSafeInteger(seed) || seed < 0) fail(where, 'search.seed', `must be a non-negative integer, got ${show(seed)}`);
    resolvedSearch = { kind: search.kind, samples, seed };
  } else if (staged !== undefined) {
    resolvedSearch = staged;
  } else {
    onlyKeys(where, 'search', search as Record<string, unknown>, ['kind']);
  }

  const problemEntries = entries(where, 'problems', suite.problems, ['name', 'label', 'params', 'steps', 'batchSize'], (n) => problems.get(n));
  const optimizerEntries = entries(where, 'optimizers', suite.optimizers, ['name', 'label', 'params', 'batchSize'], (n) => optimizers.get(n));
  const scheduleEntries = entries(where, 'schedules', suite.schedules === undefined ? ['constant'] : suite.schedules, ['name', 'label', 'params'], (n) => schedules.get(n));
  let seeds = seedList(where, suite.seeds);
  if (staged !== undefined) resolvedSearch = withTuningSeeds(where, staged, seeds);
  if (quick) seeds = seeds.slice(0, q.seeds ?? 2);

  if (suite.check !== undefined && !isRecord(suite.check)) fail(where, 'check', `must be { tolerance?, alpha? }, got ${show(suite.check)}`);
  const check = suite.check ?? {};
  if (suite.check !== undefined) onlyKeys(where, 'check', suite.check as Record<string, unknown>, ['tolerance', 'alpha']);
  if (suite.description !== undefined && typeof suite.description !== 'string') fail(where, 'description', `must be a string, got ${show(suite.description)}`);
  // A problem's batch size gives way to an optimizer entry's own; with the budget's default or an entry's 'full' the
  // order would be a guess (both would read as "the optimizer's"), so those pairs are refused.
  const problemBatch = problemEntries.findIndex((e) => e.batchSize !== undefined);
  if (problemBatch >= 0) {
    const full = optimizerEntries.findIndex((e) => e.batchSize === 'full');
    const also = suite.budget.batchSize !== undefined ? 'budget.batchSize' : full >= 0 ? `optimizers[${full}].batchSize "full"` : undefined;
    if (also !== undefined) fail(where, `problems[${problemBatch}].batchSize`, `cannot be combined with ${also}: give batch sizes per problem or suite-wide, not both`);
  }

  return {
    name,
    description: suite.description ?? '',
    quick,
    problems: problemEntries.map((e, i) => {
      const def = problems.get(e.name);
      if (e.params !== undefined && !isRecord(e.params)) fail(where, `problems[${i}].params`, `must be an object of options, got ${show(e.params)}`);
      let params;
      try {
        params = resolveProblemOptions(def, (e.params ?? {}) as Record<string, never>);
      } catch (error) {
        if (error instanceof OptbenchError) fail(where, `problems[${i}].params`, error.message);
        throw error;
      }
      // Options that are valid alone but not together (n < d + 1) fail here, not in the middle of a run.
      const problem = def.check?.(params);
      if (problem !== undefined) fail(where, `problems[${i}].params`, `problem ${def.name}: ${problem}`);
      const own = e.steps === undefined ? steps : shrink(positiveInt(where, `problems[${i}].steps`, e.steps, 10_000_000), q.steps, 5);
      const resolved = { label: e.label ?? e.name, name: e.name, params, steps: own };
      return e.batchSize === undefined ? resolved : { ...resolved, batchSize: positiveInt(where, `problems[${i}].batchSize`, e.batchSize) };
    }),
    optimizers: optimizerEntries.map((e, i) => {
      const def = optimizers.get(e.name);
      const b = e.batchSize;
      const own = b === undefined ? batchSize : b === 'full' ? null : positiveInt(where, `optimizers[${i}].batchSize`, b);
      return { label: e.label ?? e.name, name: e.name, space: checkSpace(where, `optimizers[${i}].params`, def.name, def.params, e.params, grid), batchSize: own };
    }),
    schedules: scheduleEntries.map((e, i) => {
      const def = schedules.get(e.name);
      return { label: e.label ?? e.name, name: e.name, space: checkSpace(where, `schedules[${i}].params`, `schedule ${def.name}`, def.params, e.params, grid) };
    }),
    search: resolvedSearch,
    seeds,
    targets: targetList(where, suite.targets),
    rule: BEST_RULE,
    check: { tolerance: fraction(where, 'check.tolerance', check.tolerance, 0.05), alpha: fraction(where, 'check.alpha', check.alpha, 0.05) },
  };
}
