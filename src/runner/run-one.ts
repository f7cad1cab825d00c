import { curveSteps } from '../results/curve.ts';
import { trialResult } from '../results/trial-result.ts';
import type { TrialResult } from '../results/types.ts';
import type { PlannedTrial } from '../search/plan.ts';
import { runTrial } from '../train/run-trial.ts';

/** Runs one planned trial and reduces it to its stored metrics. Pure: the same trial gives the same result anywhere. */
export function runOne(trial: PlannedTrial, targets: readonly number[]): TrialResult {
  const run = runTrial(trial.spec);
  return trialResult(run, trial, targets, curveSteps(trial.spec.steps));
}
