import type { ParamValues } from '../core/params.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import type { ResolvedTrialSpec } from '../train/spec.ts';
import type { Stages } from './stages.ts';

/** Version of results.json (and shard files); bump when its shape changes, and say how in CHANGELOG. */
export const SCHEMA_VERSION = 1;

/** Labels that place a trial in a suite: which problem, optimizer and schedule entry it came from. */
export interface Labels {
  readonly problem: string;
  readonly optimizer: string;
  readonly schedule: string;
}

/** A configuration: a trial without its seed. Statistics are taken per configuration across seeds. */
export interface ConfigInfo extends Labels {
  readonly configId: string;
  /** The resolved trial spec with seed 0 standing for "every seed". */
  readonly spec: Omit<ResolvedTrialSpec, 'seed'>;
  /** The searched hyperparameters and their values in this configuration (optimizer's and schedule's). */
  readonly searched: { readonly optimizer: ParamValues; readonly schedule: ParamValues };
}

/**
 * The metrics of one finished trial, as stored in results.json. Non-finite numbers are stored as null.
 * Gaps are f − f*; targets are met when f − f* ≤ ε·(f₀ − f*).
 */
export interface TrialResult {
  readonly id: string;
  readonly configId: string;
  readonly seed: number;
  readonly status: 'ok' | 'diverged';
  /** The step at which the loss became non-finite or exceeded the divergence limit. */
  readonly divergedAt: number | null;
  readonly initialLoss: number;
  readonly finalLoss: number | null;
  readonly bestLoss: number | null;
  readonly validationLoss: number | null;
  readonly optimalLoss: number | null;
  /** f_T − f* at the last step; null when diverged or f* is unknown. */
  readonly finalGap: number | null;
  /** First step k with f_k − f* ≤ ε·(f₀ − f*), per suite target ε (null: never reached). */
  readonly stepsToTarget: readonly (number | null)[];
  /**
   * Anytime performance: the mean over k = 0 … T of log10(max((f_k − f*)/(f₀ − f*), 1e-16)); lower is better.
   * null when diverged.
   */
  readonly logGapArea: number | null;
  /** Gap f_k − f* at the suite's curve steps (log-spaced), to 4 significant digits; null after a divergence. */
  readonly curve: readonly (number | null)[];
  /**
   * The full loss curve, only for problems without a known optimum and only until the whole suite has run
   * (journal and shard files carry it; results.json does not): the gaps are then measured against the best loss
   * any trial reached on the same problem and seed.
   */
  readonly losses?: readonly (number | null)[];
}

/** Order statistics and moments of a sample (simple-statistics; quantiles by its `quantileSorted`). */
export interface Stats {
  readonly n: number;
  readonly median: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for n = 1. */
  readonly sd: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
}

export interface TargetSummary {
  readonly epsilon: number;
  /** Seeds (non-diverged runs) that reached the target. */
  readonly reached: number;
  /** reached / all runs of the configuration (a diverged run counts as not reached). */
  readonly successRate: number;
  /** Median steps over the runs that reached it; null if none did. Unreached runs are never averaged in. */
  readonly medianSteps: number | null;
}

export interface ConfigSummary extends ConfigInfo {
  readonly runs: number;
  readonly diverged: number;
  /** Median f₀ − f* over the runs; null where f* is unknown. */
  readonly initialGap: number | null;
  /** Over the non-diverged runs; null when all diverged. */
  readonly finalLoss: Stats | null;
  readonly finalGap: Stats | null;
  readonly validationLoss: Stats | null;
  readonly logGapArea: Stats | null;
  /** Seeded percentile-bootstrap 95% interval of the median final gap; null with fewer than 2 runs. */
  readonly finalGapCi: readonly [number, number] | null;
  readonly targets: readonly TargetSummary[];
  /** Per curve step: median, q1, q3 of the gap over non-diverged runs (null where none). */
  readonly curve: { readonly median: readonly (number | null)[]; readonly q1: readonly (number | null)[]; readonly q3: readonly (number | null)[] };
}

/** The best configuration of each optimizer (or optimizer × schedule) on each problem, by the suite's rule. */
export interface Best {
  readonly problem: string;
  readonly optimizer: string;
  /** Present for the optimizer × schedule table; absent for the per-optimizer leaderboard. */
  readonly schedule?: string;
  readonly configId: string;
}

export interface Results {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly suite: ResolvedSuite;
  /** Per problem label: f* is the problem's exact optimum, or the best loss any trial of the suite reached on that seed. */
  readonly reference: Readonly<Record<string, 'exact optimum' | 'best loss found'>>;
  /** The steps at which curves are sampled, per problem label (they depend on the step budget). */
  readonly curveSteps: Readonly<Record<string, readonly number[]>>;
  readonly configs: readonly ConfigSummary[];
  readonly best: readonly Best[];
  readonly bestBySchedule: readonly Best[];
  readonly trials: readonly TrialResult[];
  /** Staged searches only (halving, hyperband, tuning): what each stage ran and decided (src/results/stages.ts). */
  readonly stages?: Stages;
}
