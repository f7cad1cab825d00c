import type { ParamValue } from '../core/params.ts';
import type { Space } from '../search/space.ts';
import type { StagedSearchDef } from './staged.ts';

/** A problem of a suite: a registered name with options; `label` names it in reports. */
export interface ProblemEntry {
  readonly name: string;
  readonly label?: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Step budget for this problem (default: the suite's). */
  readonly steps?: number;
  /**
   * Minibatch size for this problem's trials (default: full batch), as DeepOBS gives each test problem its own; an
   * optimizer entry's own batchSize wins. Not with budget.batchSize, nor with an optimizer entry's 'full'.
   */
  readonly batchSize?: number;
}

/** An optimizer of a suite with its search space; the same optimizer may appear twice under two labels. */
export interface OptimizerEntry {
  readonly name: string;
  readonly label?: string;
  readonly params?: Space;
  /** Minibatch size, or 'full' (default: the problem's batchSize, else the suite's budget.batchSize, else full batch). */
  readonly batchSize?: number | 'full';
}

export interface ScheduleEntry {
  readonly name: string;
  readonly label?: string;
  readonly params?: Space;
}

export type SearchDef =
  | { readonly kind: 'grid' }
  | { readonly kind: 'random'; readonly samples: number; readonly seed?: number }
  /** Scrambled Sobol quasi-random points over the same spaces as random search; best with samples a power of two. */
  | { readonly kind: 'sobol'; readonly samples: number; readonly seed?: number };

/** How `optbench check` compares a fresh run with the checked-in results. */
export interface CheckDef {
  /** Relative change of a median below which nothing is called a change (default 0.05). */
  readonly tolerance?: number;
  /** Significance level of the paired Wilcoxon signed-rank test over seeds (default 0.05). */
  readonly alpha?: number;
}

/** A suite: problems × optimizers × schedules × search space × seeds × budget. */
export interface SuiteDef {
  readonly description?: string;
  readonly problems: readonly (string | ProblemEntry)[];
  readonly optimizers: readonly (string | OptimizerEntry)[];
  /** Default: the constant schedule. */
  readonly schedules?: readonly (string | ScheduleEntry)[];
  /** Default: grid. Halving, hyperband and tuning run in stages (src/suite/staged.ts). */
  readonly search?: SearchDef | StagedSearchDef;
  /** A count (seeds 0 … n−1) or a list. */
  readonly seeds: number | readonly number[];
  readonly budget: { readonly steps: number; readonly batchSize?: number };
  /** Precision targets ε: f − f* ≤ ε·(f₀ − f*). Default 1e-1, 1e-2, 1e-3, 1e-4, 1e-6. */
  readonly targets?: readonly number[];
  /** What `--quick` reduces the suite to (default: 2 seeds, steps ÷ 5, random or Sobol samples ÷ 4). */
  readonly quick?: { readonly seeds?: number; readonly steps?: number; readonly samples?: number };
  readonly check?: CheckDef;
}

/** Declares a suite; a suite file's default export. Checked when loaded, with errors naming the field. */
export function defineSuite<const S extends SuiteDef>(suite: S): S {
  return suite;
}
