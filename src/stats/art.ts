import type { TrialResult } from '../results/types.ts';

/** What one run cost on the way to one target: `hit` steps if it reached it, else the `spent` steps it used. */
export interface RunCost {
  /** Steps to reach the target; null when the run never reached it (or diverged). */
  readonly hit: number | null;
  /** Steps the run used without reaching the target: its budget, or the step at which it diverged. */
  readonly spent: number;
}

/** Expected running time to one target, with the success count it rests on. */
export interface Art {
  /** aRT in steps; Infinity when no run succeeded. */
  readonly value: number;
  readonly successes: number;
  readonly runs: number;
}

/**
 * Average running time, COCO's "aRT" (Hansen et al. 2016, "COCO: Performance Assessment", §3.2; Price 1997):
 *   aRT = (Σ_successful hit + Σ_unsuccessful spent) / #successful,
 * the expected number of steps to reach the target if unsuccessful runs were restarted until one succeeds.
 * With every run successful it is the mean of the hits; with none it is Infinity. No runs: Infinity.
 */
export function averageRunningTime(runs: readonly RunCost[]): Art {
  let total = 0;
  let successes = 0;
  for (const run of runs) {
    if (run.hit === null) {
      total += run.spent;
    } else {
      total += run.hit;
      successes++;
    }
  }
  return { value: successes === 0 ? Infinity : total / successes, successes, runs: runs.length };
}

/**
 * The cost of a stored trial on the way to target `index`, for a step budget `budget`. A diverged run counts as
 * unsuccessful at the step it diverged, even if it passed the target first: the same rule as the leaderboard's
 * (reached/runs), where a diverged run never counts as reaching a target.
 */
export function trialCost(trial: TrialResult, index: number, budget: number): RunCost {
  if (trial.status === 'diverged') return { hit: null, spent: trial.divergedAt ?? budget };
  return { hit: trial.stepsToTarget[index] ?? null, spent: budget };
}
