import type { TrialResult } from '../results/types.ts';
import type { PlannedTrial } from '../search/plan.ts';
import { runOne } from './run-one.ts';

export interface ExecuteOptions {
  readonly targets: readonly number[];
  /** Called after each finished trial, in plan order. */
  readonly onResult?: (result: TrialResult, done: number, total: number) => void;
}

/** Runs trials in plan order on this thread; results come back in plan order. */
export async function execute(trials: readonly PlannedTrial[], options: ExecuteOptions): Promise<TrialResult[]> {
  const results: TrialResult[] = [];
  for (const trial of trials) {
    const result = runOne(trial, options.targets);
    results.push(result);
    options.onResult?.(result, results.length, trials.length);
  }
  return results;
}
