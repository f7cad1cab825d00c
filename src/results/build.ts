import type { Plan } from '../search/plan.ts';
import { summarize } from '../stats/summarize.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { curveSteps } from './curve.ts';
import { type Results, SCHEMA_VERSION, type TrialResult } from './types.ts';

/** Everything results.json holds, from the suite, its plan and the finished trials (in plan order). */
export function buildResults(suite: ResolvedSuite, plan: Plan, trials: readonly TrialResult[]): Results {
  const steps = Object.fromEntries(suite.problems.map((p) => [p.label, curveSteps(p.steps)]));
  const lengths = Object.fromEntries(Object.entries(steps).map(([label, s]) => [label, s.length]));
  const { configs, best, bestBySchedule } = summarize(plan.configs, trials, suite, lengths);
  return { schemaVersion: SCHEMA_VERSION, suite, curveSteps: steps, configs, best, bestBySchedule, trials };
}
