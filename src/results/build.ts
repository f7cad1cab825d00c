import type { Plan } from '../search/plan.ts';
import { summarize } from '../stats/summarize.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { curveSteps } from './curve.ts';
import { againstBestFound } from './trial-result.ts';
import { type Results, SCHEMA_VERSION, type TrialResult } from './types.ts';

/** Everything results.json holds, from the suite, its plan and the finished trials (in plan order). */
export function buildResults(suite: ResolvedSuite, plan: Plan, measured: readonly TrialResult[]): Results {
  const steps = Object.fromEntries(suite.problems.map((p) => [p.label, curveSteps(p.steps)]));
  const lengths = Object.fromEntries(Object.entries(steps).map(([label, s]) => [label, s.length]));
  const problemOf = new Map(plan.trials.map((t) => [t.id, t.problem]));
  const trials = measureUnknownOptima(measured, problemOf, suite.targets, steps);
  const reference = Object.fromEntries(
    suite.problems.map((p) => [p.label, measured.some((t) => problemOf.get(t.id) === p.label && t.losses !== undefined) ? 'best loss found' : 'exact optimum']),
  ) as Results['reference'];
  const { configs, best, bestBySchedule } = summarize(plan.configs, trials, suite, lengths);
  return { schemaVersion: SCHEMA_VERSION, suite, reference, curveSteps: steps, configs, best, bestBySchedule, trials };
}

/**
 * For problems without a known optimum (an MLP), f* of a seed is the best loss any trial of the suite reached on
 * that problem and seed (as DeepOBS and AlgoPerf do for targets); every trial is then measured against it.
 */
function measureUnknownOptima(
  trials: readonly TrialResult[],
  problemOf: ReadonlyMap<string, string>,
  targets: readonly number[],
  steps: Readonly<Record<string, readonly number[]>>,
): TrialResult[] {
  const best = new Map<string, number>();
  const key = (t: TrialResult) => `${problemOf.get(t.id)}\u0000${t.seed}`;
  for (const t of trials) {
    if (t.losses === undefined || t.bestLoss === null) continue;
    best.set(key(t), Math.min(best.get(key(t)) ?? Infinity, t.bestLoss));
  }
  return trials.map((t) => (t.losses === undefined ? t : againstBestFound(t, best.get(key(t)) ?? NaN, targets, steps[problemOf.get(t.id)!])));
}
