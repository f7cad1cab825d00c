import { median, quantileSorted } from 'simple-statistics';
import type { ConfigInfo, ConfigSummary, TargetSummary, TrialResult } from '../results/types.ts';
import { bootstrapMedianCi } from './bootstrap.ts';
import { describe } from './describe.ts';
import { assertFinite } from './finite.ts';

/**
 * Statistics of one configuration across its seeds. A diverged run counts in `runs` and `diverged`, and as a
 * failure in every target's success rate, but never enters a median, quantile or mean. A run that did not
 * reach a target is never counted as if it had: `medianSteps` is over the runs that reached it.
 */
export function summarizeConfig(
  info: ConfigInfo,
  trials: readonly TrialResult[],
  targets: readonly number[],
  curveLength: number,
  seed: number,
): ConfigSummary {
  const kept = trials.filter((t) => t.status !== 'diverged');
  const finalGaps = present(kept, (t) => t.finalGap);
  return {
    configId: info.configId,
    problem: info.problem,
    optimizer: info.optimizer,
    schedule: info.schedule,
    spec: info.spec,
    searched: info.searched,
    runs: trials.length,
    diverged: trials.length - kept.length,
    initialGap: initialGap(trials),
    finalLoss: describe(present(kept, (t) => t.finalLoss)),
    finalGap: describe(finalGaps),
    validationLoss: describe(present(kept, (t) => t.validationLoss)),
    logGapArea: describe(present(kept, (t) => t.logGapArea)),
    finalGapCi: bootstrapMedianCi(finalGaps, seed),
    targets: targets.map((epsilon, i) => summarizeTarget(epsilon, i, kept, trials.length)),
    curve: summarizeCurve(kept, curveLength),
  };
}

/** Median of f₀ − f* over the runs (the same for every configuration of a problem: the seeds fix f₀). */
function initialGap(trials: readonly TrialResult[]): number | null {
  const gaps = present(trials, (t) => (t.optimalLoss === null ? null : t.initialLoss - t.optimalLoss));
  return gaps.length === 0 ? null : median(gaps);
}

/** The non-null values of one metric. */
function present(trials: readonly TrialResult[], metric: (t: TrialResult) => number | null | undefined): number[] {
  const out: number[] = [];
  for (const t of trials) {
    const value = metric(t);
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

/** `kept` holds the non-diverged runs; `runs` counts all of them (the success rate's denominator). */
function summarizeTarget(epsilon: number, index: number, kept: readonly TrialResult[], runs: number): TargetSummary {
  const steps = present(kept, (t) => t.stepsToTarget[index]);
  assertFinite(steps, `stepsToTarget[${index}]`);
  return {
    epsilon,
    reached: steps.length,
    successRate: runs === 0 ? 0 : steps.length / runs,
    medianSteps: steps.length === 0 ? null : median(steps),
  };
}

/** Median, q1, q3 of the gap at each curve step over the runs with a value there. */
function summarizeCurve(kept: readonly TrialResult[], length: number): ConfigSummary['curve'] {
  const med: (number | null)[] = [];
  const q1: (number | null)[] = [];
  const q3: (number | null)[] = [];
  for (let j = 0; j < length; j++) {
    const values = present(kept, (t) => t.curve[j]).sort((a, b) => a - b);
    assertFinite(values, `curve[${j}]`);
    const some = values.length > 0;
    med.push(some ? quantileSorted(values, 0.5) : null);
    q1.push(some ? quantileSorted(values, 0.25) : null);
    q3.push(some ? quantileSorted(values, 0.75) : null);
  }
  return { median: med, q1, q3 };
}
