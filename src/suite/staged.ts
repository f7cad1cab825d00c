import { show } from '../core/errors.ts';
import { fail, isRecord, onlyKeys, positiveInt } from './validate.ts';

/** How a staged search draws its configurations from the suite's spaces. */
export type Sampler = 'random' | 'sobol';

/** The samplers this build offers (Sobol points come from src/search/sobol.ts). */
export const SAMPLERS: readonly Sampler[] = ['random', 'sobol'];

/**
 * Successive halving (Jamieson & Talwalkar 2016, as in Li et al. 2018, Algorithm 1's inner loop): `samples`
 * configurations run for the smallest budget, the best 1/eta of them for eta times as long, and so on up to the
 * problem's full step budget; the first rung's budget is the full one divided by the largest power of eta that
 * keeps it at least `minSteps`.
 */
export interface HalvingDef {
  readonly kind: 'halving';
  readonly samples: number;
  /** Reduction factor η, an integer ≥ 2 (default 3). */
  readonly eta?: number;
  readonly minSteps: number;
  readonly sampler?: Sampler;
  readonly seed?: number;
}

/** Hyperband (Li et al. 2018, Algorithm 1): successive halving in brackets s = s_max … 0, R = the problem's steps. */
export interface HyperbandDef {
  readonly kind: 'hyperband';
  readonly eta?: number;
  readonly minSteps: number;
  readonly sampler?: Sampler;
  readonly seed?: number;
}

/**
 * The tuning-budget protocol (DeepOBS, Schneider et al. 2019; AlgoPerf, Dahl et al. 2023): `samples` configurations
 * run on the tuning seeds; for each budget b = 1 … samples the best of the first b is rerun on the suite's seeds.
 */
export interface TuningDef {
  readonly kind: 'tuning';
  readonly samples: number;
  readonly sampler?: Sampler;
  /** Seeds the configurations are tuned on; never among the suite's seeds (default: one seed, the largest + 1). */
  readonly tuningSeeds?: readonly number[];
  readonly seed?: number;
}

export type StagedSearchDef = HalvingDef | HyperbandDef | TuningDef;

type Filled<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> };

/** A staged search with every default filled (tuning seeds included once the suite's seeds are known). */
export type ResolvedStagedSearch = Filled<HalvingDef> | Filled<HyperbandDef> | Filled<TuningDef>;

export const STAGED_KINDS = ['halving', 'hyperband', 'tuning'] as const;

/** Whether a search runs in stages (each stage's trials depend on the results of the one before). */
export function isStagedSearch(search: { readonly kind: string }): search is ResolvedStagedSearch {
  return (STAGED_KINDS as readonly string[]).includes(search.kind);
}

const FIELDS = {
  halving: ['kind', 'samples', 'eta', 'minSteps', 'sampler', 'seed'],
  hyperband: ['kind', 'eta', 'minSteps', 'sampler', 'seed'],
  tuning: ['kind', 'samples', 'sampler', 'tuningSeeds', 'seed'],
} as const;

function seedOf(where: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(where, 'search.seed', `must be a non-negative integer, got ${show(value)}`);
  return value;
}

function samplerOf(where: string, value: unknown): Sampler {
  if (value === undefined) return 'random';
  if (!SAMPLERS.includes(value as Sampler)) fail(where, 'search.sampler', `must be ${SAMPLERS.map((s) => `"${s}"`).join(' or ')}, got ${show(value)}`);
  return value as Sampler;
}

/**
 * Checks a halving, hyperband or tuning search and fills its defaults; undefined for any other kind. With `quick`,
 * samples shrink as random search's do (`shrinkSamples`) and minSteps by 5, as steps do.
 */
export function resolveStagedSearch(
  where: string,
  search: unknown,
  quick: boolean,
  shrinkSamples: (n: number) => number,
): ResolvedStagedSearch | undefined {
  if (!isRecord(search) || typeof search.kind !== 'string' || !isStagedSearch(search as { kind: string })) return undefined;
  const kind = search.kind as ResolvedStagedSearch['kind'];
  onlyKeys(where, 'search', search, FIELDS[kind]);
  const sampler = samplerOf(where, search.sampler);
  const seed = seedOf(where, search.seed);
  if (kind === 'tuning') {
    const samples = shrinkSamples(positiveInt(where, 'search.samples', search.samples, 100_000));
    const listed = search.tuningSeeds;
    if (listed !== undefined && (!Array.isArray(listed) || listed.length === 0)) {
      fail(where, 'search.tuningSeeds', `must be a non-empty list of seeds, got ${show(listed)}`);
    }
    // The tuning seeds are checked against the suite's seeds once those are known (withTuningSeeds).
    return { kind, samples, sampler, tuningSeeds: (search.tuningSeeds ?? []) as number[], seed };
  }
  const eta = search.eta === undefined ? 3 : search.eta;
  if (typeof eta !== 'number' || !Number.isInteger(eta) || eta < 2 || eta > 100) fail(where, 'search.eta', `must be an integer in [2, 100], got ${show(eta)}`);
  let minSteps = positiveInt(where, 'search.minSteps', search.minSteps, 10_000_000);
  if (quick) minSteps = Math.ceil(minSteps / 5);
  if (kind === 'hyperband') return { kind, eta, minSteps, sampler, seed };
  return { kind, samples: shrinkSamples(positiveInt(where, 'search.samples', search.samples, 100_000)), eta, minSteps, sampler, seed };
}

/**
 * The tuning seeds of a tuning search, given the suite's full seed list: the listed ones (distinct non-negative
 * integers, none among `seeds`, so that the reported numbers come from seeds the tuning never saw), or by default
 * one seed, the largest suite seed + 1. Other searches are returned as they are.
 */
export function withTuningSeeds(where: string, search: ResolvedStagedSearch, seeds: readonly number[]): ResolvedStagedSearch {
  if (search.kind !== 'tuning') return search;
  const listed: readonly unknown[] = search.tuningSeeds;
  if (listed.length === 0) return { ...search, tuningSeeds: [Math.max(...seeds) + 1] };
  listed.forEach((s: unknown, i) => {
    const at = `search.tuningSeeds[${i}]`;
    if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) fail(where, at, `must be a non-negative integer, got ${show(s)}`);
    if (listed.indexOf(s) !== i) fail(where, at, `seed ${s} is listed twice`);
    if (seeds.includes(s)) fail(where, at, `seed ${s} is also one of the suite's seeds; tuning seeds must be fresh, not among seeds [${seeds.join(', ')}]`);
  });
  return { ...search, tuningSeeds: listed as number[] };
}
