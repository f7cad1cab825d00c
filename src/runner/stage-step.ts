import type { StagesHead } from '../results/stages.ts';
import type { Plan, PlannedTrial } from '../search/plan.ts';

/**
 * Where a staged search stands given the results so far: trials to run next (those of the current stage not yet
 * done), or, once every stage is done, the suite's final plan (full budget, the suite's seeds), the trials of the
 * other stages and what the stages decided.
 */
export type StageStep =
  | {
      readonly kind: 'run';
      readonly stage: number;
      readonly trials: readonly PlannedTrial[];
      /** Trials of the whole run as far as known (exact for halving and Hyperband; for tuning, at most this many until stage 1). */
      readonly total: number;
    }
  | { readonly kind: 'done'; readonly plan: Plan; readonly stagePlanned: readonly PlannedTrial[]; readonly stages: StagesHead };
