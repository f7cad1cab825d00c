import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/core/canonical.ts';
import { OptbenchError } from '../../src/core/errors.ts';
import { inInterval, type ParamSpec, type ParamSpecs, type ParamValue } from '../../src/core/params.ts';
import { rng } from '../../src/core/rng.ts';
import { optimizers } from '../../src/optimizers/index.ts';
import { resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { buildResults } from '../../src/results/build.ts';
import { serializeResults } from '../../src/results/serialize.ts';
import { execute } from '../../src/runner/execute.ts';
import { schedules } from '../../src/schedules/index.ts';
import { resolveScheduleParams } from '../../src/schedules/schedule.ts';
import { gridPoints } from '../../src/search/grid.ts';
import { plan } from '../../src/search/plan.ts';
import { isDistribution, type Space, type SpaceValue } from '../../src/search/space.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';

/**
 * Property tests (fast-check) of the suite pipeline, built from the registries so that a new optimizer or schedule
 * is covered without a change here:
 * - random valid suites (tiny budgets, small problems) go through resolveSuite → plan → execute (one thread) →
 *   buildResults without an error, twice with byte-identical results.json and report.md, and with no NaN/Infinity;
 * - random invalid suites (a valid one with one mutation: a wrong type, an out-of-range number, NaN, an unknown key,
 *   an empty or duplicated list …) are refused with an OptbenchError whose message is one line, never anything else.
 */

type Def = Record<string, unknown>;
type Entry = Record<string, unknown>;

const WHERE = 'suites/prop.ts';
const finite = Number.isFinite;

/** A value inside a declared parameter's interval (or one of its choices): its search range, anywhere, or a closed end. */
function valueIn(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  if (spec.type === 'boolean') return fc.boolean();
  if (spec.type === 'choice') return fc.constantFrom(...spec.values);
  const iv = spec.interval;
  if (spec.type === 'integer') {
    const lo = finite(iv.min) ? iv.min + (iv.minOpen ? 1 : 0) : -20;
    const hi = Math.min(finite(iv.max) ? iv.max - (iv.maxOpen ? 1 : 0) : lo + 30, lo + 30);
    return fc.integer({ min: lo, max: hi });
  }
  const lo = finite(iv.min) ? iv.min : -1e3;
  const hi = finite(iv.max) ? iv.max : 1e3;
  const choices: fc.Arbitrary<number>[] = [fc.double({ min: lo, max: hi, minExcluded: iv.minOpen, maxExcluded: iv.maxOpen, noNaN: true })];
  const search = spec.search;
  if (search !== undefined) {
    choices.push(
      search.scale === 'log'
        ? fc.double({ min: Math.log(search.low), max: Math.log(search.high), noNaN: true }).map(Math.exp)
        : fc.double({ min: search.low, max: search.high, noNaN: true }),
    );
  }
  if (finite(iv.min) && !iv.minOpen) choices.push(fc.constant(iv.min));
  if (finite(iv.max) && !iv.maxOpen) choices.push(fc.constant(iv.max));
  return fc.oneof(...choices).filter((x) => inInterval(x, iv));
}

/** A search space over up to two of a definition's parameters: lists of one or two distinct values, or (random
 * search, numeric parameters of definitions without a combination check, lr excepted) a distribution. */
function spaceOf(specs: ParamSpecs, random: boolean, hasCheck: boolean): fc.Arbitrary<Space> {
  const names = Object.keys(specs);
  if (names.length === 0) return fc.constant({});
  return fc.subarray(names, { maxLength: Math.min(2, names.length) }).chain((chosen) =>
    fc.tuple(
      ...chosen.map((name): fc.Arbitrary<SpaceValue> => {
        const spec = specs[name];
        const list = fc.uniqueArray(valueIn(spec), { minLength: 1, maxLength: 2, selector: (v) => canonical(v) });
        const search = spec.type === 'number' || spec.type === 'integer' ? spec.search : undefined;
        if (!random || hasCheck || name === 'lr' || search === undefined || !(search.low < search.high)) return list;
        const distribution =
          spec.type === 'integer'
            ? { kind: 'int' as const, low: Math.ceil(search.low), high: Math.floor(search.high) }
            : { kind: search.scale === 'log' ? ('log-uniform' as const) : ('uniform' as const), low: search.low, high: search.high };
        if (!(distribution.low < distribution.high)) return list;
        return fc.oneof(list, fc.constant(distribution));
      }),
    ).map((values) => Object.fromEntries(chosen.map((name, i) => [name, values[i]]))),
  );
}

const problemArb: fc.Arbitrary<{ entry: Entry; samples: number | null }> = fc.oneof(
  fc.record({ d: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 20 }) }).map(({ d, extra }) => ({
    entry: { name: 'linear-regression', params: { n: d + 1 + extra, d } },
    samples: d + 1 + extra,
  })),
  fc.record({ dim: fc.integer({ min: 1, max: 4 }), kappa: fc.double({ min: 1, max: 100, noNaN: true }), rotate: fc.boolean() }).map((params) => ({
    entry: { name: 'quadratic', params },
    samples: null,
  })),
);

/** Entries of a registry: a name, or { name, params } with a space; labels keep duplicates apart. */
function entriesOf(registry: typeof optimizers | typeof schedules, random: boolean, max: number): fc.Arbitrary<(string | Entry)[]> {
  return fc.subarray(registry.names(), { minLength: 1, maxLength: max }).chain((names) =>
    fc.tuple(
      ...names.map((name) => {
        const def = registry.get(name);
        return fc.oneof(fc.constant(name), spaceOf(def.params, random, def.check !== undefined).map((params) => ({ name, params })));
      }),
    ),
  );
}

/** The grid points of a space, with any distribution standing for its two ends (enough for the checks below). */
function points(space: Space): Record<string, ParamValue>[] {
  const ends = Object.fromEntries(
    Object.entries(space).map(([k, v]) => [k, isDistribution(v) ? [v.low, v.high] : v]),
  );
  return gridPoints(ends as Space);
}

/** Whether every combination the suite can produce passes the definitions' own checks (sgd's nesterov, cosine's warmup …). */
function combinationsValid(def: Def): boolean {
  const steps = (def.budget as { steps: number }).steps;
  const spaceOfEntry = (e: string | Entry) => (typeof e === 'string' ? {} : ((e.params ?? {}) as Space));
  const nameOf = (e: string | Entry) => (typeof e === 'string' ? e : (e.name as string));
  const lrs: number[] = [];
  for (const e of def.optimizers as (string | Entry)[]) {
    for (const point of points(spaceOfEntry(e))) {
      try {
        lrs.push(resolveOptimizerParams(optimizers.get(nameOf(e)), point).lr as number);
      } catch {
        return false;
      }
    }
  }
  for (const e of (def.schedules ?? []) as (string | Entry)[]) {
    const sched = schedules.get(nameOf(e));
    for (const point of points(spaceOfEntry(e))) {
      const hp = resolveScheduleParams(sched, point);
      if (lrs.some((lr) => sched.check?.(hp, { lr, steps, rng: rng(0, 'check') }) !== undefined)) return false;
    }
  }
  return true;
}

const suiteArb: fc.Arbitrary<Def> = fc
  .record({
    random: fc.boolean(),
    samples: fc.integer({ min: 1, max: 3 }),
    searchSeed: fc.integer({ min: 0, max: 5 }),
    problem: problemArb,
    steps: fc.integer({ min: 1, max: 20 }),
    seeds: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 2 })),
    batch: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    targets: fc.option(fc.uniqueArray(fc.double({ min: 1e-9, max: 0.9, noNaN: true }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .chain((s) =>
    fc.record({
      optimizers: entriesOf(optimizers, s.random, 3),
      schedules: fc.option(entriesOf(schedules, s.random, 2), { nil: undefined }),
    }).map(({ optimizers: opts, schedules: scheds }) => {
      const def: Def = {
        problems: [s.problem.entry],
        optimizers: opts,
        seeds: s.seeds,
        budget: { steps: s.steps },
      };
      if (scheds !== undefined) def.schedules = scheds;
      if (s.random) def.search = { kind: 'random', samples: s.samples, seed: s.searchSeed };
      if (s.batch !== undefined && s.problem.samples !== null) (def.budget as Entry).batchSize = 1 + Math.floor(s.batch * (s.problem.samples - 1));
      if (s.targets !== undefined) def.targets = s.targets;
      return def;
    }),
  )
  .filter(combinationsValid);

async function runSuite(def: Def): Promise<{ json: string; md: string; trials: number }> {
  const suite = resolveSuite('prop', WHERE, def);
  const planned = plan(suite);
  const trials = await execute(planned.trials, { targets: suite.targets });
  const results = buildResults(suite, planned, trials);
  return { json: serializeResults(results), md: renderMarkdown(results, []), trials: trials.length };
}

describe('random valid suites', () => {
  it('resolve, plan, execute and build without error, deterministically, with no NaN or Infinity', async () => {
    await fc.assert(
      fc.asyncProperty(suiteArb, async (def) => {
        const first = await runSuite(def);
        const again = await runSuite(structuredClone(def));
        expect(first.trials).toBeGreaterThan(0);
        expect(again.json).toBe(first.json);
        expect(again.md).toBe(first.md);
        expect(first.json).not.toMatch(/NaN|Infinity/);
        expect(first.md).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 60 },
    );
  });
});

// ---- Invalid suites: one mutation of a valid one, each guaranteed to make it invalid. ----

const asObject = (e: unknown): Entry => (typeof e === 'string' ? { name: e } : { ...(e as Entry) });

/** Values a declared parameter can never take (wrong type, NaN, ±Infinity, outside its interval, not a choice). */
function invalidFor(spec: ParamSpec): unknown[] {
  const wrong = [null, {}, [], [null], 'x', [NaN]];
  if (spec.type === 'boolean') return [...wrong, 1, 0, 'true', [1]];
  if (spec.type === 'choice') return [...wrong, 1, true, 'zz-not-a-choice', [spec.values[0], 'zz-not-a-choice']];
  const iv = spec.interval;
  const out: unknown[] = [...wrong, NaN, Infinity, -Infinity, true, [1, NaN], { kind: 'uniform', low: 1, high: 0 }, { kind: 'sobol', low: 0, high: 1 }];
  if (finite(iv.min)) out.push(iv.minOpen ? iv.min : iv.min - 1, [iv.min - 1]);
  if (finite(iv.max)) out.push(iv.maxOpen ? iv.max : iv.max + 1);
  if (spec.type === 'integer') out.push(finite(iv.min) ? iv.min + 0.5 : 0.5);
  return out;
}

type Mutation = (def: Def, pick: number) => Def;

const replace = (key: string, values: unknown[]): Mutation => (def, pick) => ({ ...def, [key]: values[pick % values.length] });

/** Mutates entry `pick` of a list field (optimizers, schedules, problems) with `f`. */
const inEntry =
  (field: string, f: (entry: Entry, pick: number, def: Def) => Entry | unknown): Mutation =>
  (def, pick) => {
    const list = [...((def[field] as unknown[] | undefined) ?? ['constant'])];
    const i = pick % list.length;
    list[i] = f(asObject(list[i]), Math.floor(pick / list.length), def);
    return { ...def, [field]: list };
  };

/** An invalid value for one declared parameter of the entry's optimizer or schedule, in its space. */
const badParam = (registry: typeof optimizers | typeof schedules) => (entry: Entry, pick: number) => {
  const specs = registry.get(entry.name as string).params;
  const names = Object.keys(specs);
  if (names.length === 0) return { ...entry, params: { zzUnknown: [1] } };
  const name = names[pick % names.length];
  const bad = invalidFor(specs[name]);
  return { ...entry, params: { ...((entry.params as Entry | undefined) ?? {}), [name]: bad[Math.floor(pick / names.length) % bad.length] } };
};

/** A value of the entry's space listed twice. */
const twice = (registry: typeof optimizers | typeof schedules) => (entry: Entry, pick: number) => {
  const specs = registry.get(entry.name as string).params;
  const names = Object.keys(specs);
  if (names.length === 0) return { ...entry, params: [] };
  const name = names[pick % names.length];
  const value = specs[name].default;
  return { ...entry, params: { ...((entry.params as Entry | undefined) ?? {}), [name]: [value, value] } };
};

const entryJunk = [5, null, {}, [], { name: 5 }, { name: 'zz-no-such-name' }, 'zz-no-such-name', true];

const MUTATIONS: Record<string, Mutation> = {
  problems: replace('problems', [[], 5, 'linear-regression', null, {}, true]),
  optimizers: replace('optimizers', [[], 5, 'sgd', null, {}]),
  schedules: replace('schedules', [[], 5, 'constant', null, {}]),
  seeds: replace('seeds', [0, -1, 1.5, NaN, Infinity, '2', null, [], [-1], [0.5], [0, 0], [NaN], 100_001, true, {}]),
  budget: replace('budget', [null, 5, [], {}, 'x', { steps: 5, extra: 1 }, { steps: 5, batchSize: 0 }]),
  steps: (def, pick) => ({ ...def, budget: { ...(def.budget as Entry), steps: [0, -1, 2.5, NaN, Infinity, '5', null, 1e8, true][pick % 9] } }),
  batchSize: (def, pick) => ({ ...def, budget: { ...(def.budget as Entry), batchSize: [0, -1, 1.5, NaN, 'x', null, true, 1e12][pick % 8] } }),
  targets: replace('targets', [[], [0], [1], [NaN], ['x'], 0.1, null, [0.5, -1], [0.5, Infinity]]),
  search: replace('search', [{ kind: 'sobel' }, { kind: 'sobol' }, { kind: 'sobol', samples: 0 }, { kind: 'random' }, { kind: 'random', samples: 0 }, { kind: 'random', samples: 2, seed: -1 }, { kind: 'random', samples: 2, seed: 1.5 }, { kind: 'grid', extra: 1 }, 'grid', null, 5]),
  check: replace('check', [{ tolerance: 1 }, { alpha: -0.1 }, { tolerance: NaN }, { foo: 1 }, 5, null, 'x']),
  quick: replace('quick', [{ seeds: 0 }, { steps: 1.5 }, { foo: 1 }, 5, null, { samples: NaN }]),
  description: replace('description', [5, null, {}, true]),
  unknownKey: (def, pick) => ({ ...def, [['optimisers', 'budgets', 'seed', 'zz', 'constructor', '__proto__x'][pick % 6]]: 1 }),
  optimizerEntry: inEntry('optimizers', (_e, pick) => entryJunk[pick % entryJunk.length]),
  optimizerKey: inEntry('optimizers', (e) => ({ ...e, foo: 1 })),
  optimizerLabel: inEntry('optimizers', (e, pick) => ({ ...e, label: ['', 5, null][pick % 3] })),
  optimizerBatch: inEntry('optimizers', (e, pick) => ({ ...e, batchSize: [0, -1, 1.5, 'half', null, NaN][pick % 6] })),
  optimizerParams: inEntry('optimizers', (e, pick) => ({ ...e, params: [5, [], null, 'x', { zzUnknown: [1] }][pick % 5] })),
  optimizerParam: inEntry('optimizers', badParam(optimizers)),
  optimizerTwice: inEntry('optimizers', twice(optimizers)),
  duplicateOptimizer: (def, pick) => {
    const list = def.optimizers as unknown[];
    return { ...def, optimizers: [...list, list[pick % list.length]] };
  },
  scheduleEntry: inEntry('schedules', (_e, pick) => entryJunk[pick % entryJunk.length]),
  scheduleParam: inEntry('schedules', badParam(schedules)),
  scheduleTwice: inEntry('schedules', twice(schedules)),
  problemEntry: inEntry('problems', (_e, pick) => entryJunk[pick % entryJunk.length]),
  problemKey: inEntry('problems', (e) => ({ ...e, bogus: 1 })),
  problemParams: inEntry('problems', (e, pick) => ({ ...e, params: [5, [], null, 'x', { zzUnknown: 1 }][pick % 5] })),
  problemOption: inEntry('problems', (e, pick) => {
    const bad = e.name === 'linear-regression' ? [{ n: 1 }, { d: 0 }, { noise: -1 }, { n: 1.5 }, { n: NaN }, { d: 5, n: 5 }] : [{ dim: 0 }, { kappa: 0.5 }, { mu: 0 }, { rotate: 1 }];
    return { ...e, params: { ...((e.params as Entry | undefined) ?? {}), ...bad[pick % bad.length] } };
  }),
  problemSteps: inEntry('problems', (e, pick) => ({ ...e, steps: [0, -1, 2.5, NaN, '5', null][pick % 6] })),
};

/** The error of resolving and planning `def`, or undefined if both succeed. */
function refusal(def: Def): unknown {
  try {
    plan(resolveSuite('prop', WHERE, def));
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('random invalid suites', () => {
  it('are refused with an OptbenchError of one line, never another exception', () => {
    fc.assert(
      fc.property(suiteArb, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(1000), (def, mutation, pick) => {
        const bad = MUTATIONS[mutation](structuredClone(def), pick);
        const error = refusal(bad);
        expect(error, `accepted after ${mutation}: ${JSON.stringify(bad)}`).toBeInstanceOf(OptbenchError);
        const message = (error as Error).message;
        expect(message.length).toBeGreaterThan(0);
        expect(message).not.toContain('\n');
        expect(message.startsWith(`${WHERE}: `) || message.startsWith('suite prop: '), message).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.keys(MUTATIONS))('%s: refused on a fixed valid suite, for every variant', (mutation) => {
    const base: Def = { problems: [{ name: 'linear-regression', params: { n: 20 } }], optimizers: ['sgd', { name: 'adam', params: { lr: [0.1] } }], schedules: ['constant', { name: 'cosine', params: { warmup: [0, 2] } }], seeds: 2, budget: { steps: 5 } };
    for (let pick = 0; pick < 40; pick++) {
      const error = refusal(MUTATIONS[mutation](structuredClone(base), pick));
      expect(error, `${mutation} #${pick}`).toBeInstanceOf(OptbenchError);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
