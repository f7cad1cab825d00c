import type { PlannedTrial, Plan } from '../search/plan.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { buildResults } from './build.ts';
import { curveSteps } from './curve.ts';
import type { Stages, StagesHead } from './stages.ts';
import { againstBestFound } from './trial-result.ts';
import type { Results, TrialResult } from './types.ts';

/**
 * Trials of problems without a known optimum measured against, per problem and seed, the best loss any of the given
 * trials reached (as buildResults does for one plan); each keeps the curve steps of its own budget. Trials with a
 * known optimum are returned as they are.
 */
export function measureStaged(trials: readonly TrialResult[], planned: ReadonlyMap<string, PlannedTrial>, targets: readonly number[]): TrialResult[] {
  const key = (t: TrialResult) => `${planned.get(t.id)!.problem}\u0000${t.seed}`;
  const best = new Map<string, number>();
  for (const t of trials) {
    if (t.losses === undefined || t.bestLoss === null) continue;
    best.set(key(t), Math.min(best.get(key(t)) ?? Infinity, t.bestLoss));
  }
  return trials.map((t) => (t.losses === undefined ? t : againstBestFound(t, best.get(key(t)) ?? NaN, targets, curveSteps(planned.get(t.id)!.spec.steps))));
}

/**
 * results.json of a staged search: the suite's configurations and trials are the final plan's (full budget, the
 * suite's seeds), summarised as for any search; the stages section adds what the other stages ran. f* of a problem
 * without a known optimum is, per seed, the best loss any trial of the run reached, stages included.
 */
export function buildStagedResults(
  suite: ResolvedSuite,
  final: Plan,
  finalTrials: readonly TrialResult[],
  stagePlanned: readonly PlannedTrial[],
  stageTrials: readonly TrialResult[],
  stages: StagesHead,
): Results {
  const planned = new Map([...final.trials, ...stagePlanned].map((t) => [t.id, t]));
  const measured = measureStaged([...finalTrials, ...stageTrials], planned, suite.targets);
  const base = buildResults(suite, final, measured.slice(0, finalTrials.length));
  const unknown = (label: string) => [...finalTrials, ...stageTrials].some((t) => t.losses !== undefined && planned.get(t.id)!.problem === label);
  const reference = Object.fromEntries(suite.problems.map((p) => [p.label, unknown(p.label) ? 'best loss found' : 'exact optimum'])) as Results['reference'];
  return { ...base, reference, stages: { ...stages, trials: measured.slice(finalTrials.length) } as Stages };
}
