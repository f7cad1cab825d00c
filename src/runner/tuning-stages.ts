import type { StageConfig, TuningGroup } from '../results/stages.ts';
import { curveSteps } from '../results/curve.ts';
import { measureStaged } from '../results/build-staged.ts';
import type { ConfigInfo, TrialResult } from '../results/types.ts';
import { checkBatchSize, distinct, type Entries, joint, type PlannedTrial, planConfig } from '../search/plan.ts';
import { samplePoints } from '../search/sample.ts';
import { bestSoFar } from '../search/tuning.ts';
import { fnv1a32 } from '../stats/hash.ts';
import { compareConfigs } from '../stats/rank.ts';
import { summarizeConfig } from '../stats/summarize-config.ts';
import { batchSizeOf, type ResolvedSuite } from '../suite/resolved.ts';
import type { ResolvedStagedSearch } from '../suite/staged.ts';
import type { StageStep } from './stage-step.ts';

type TuningSearch = Extract<ResolvedStagedSearch, { kind: 'tuning' }>;

/** One optimizer × schedule entry on one problem: its sampled points, planned on the tuning seeds and on the suite's. */
interface Tuned {
  readonly entries: Entries;
  readonly tuning: readonly { config: ConfigInfo; trials: PlannedTrial[] }[];
  readonly fresh: readonly { config: ConfigInfo; trials: PlannedTrial[] }[];
}

/** Every entry's sampled points (the points random or Sobol search draws with the same seed and count), both ways planned. */
export function tunedEntries(suite: ResolvedSuite, search: TuningSearch): Tuned[] {
  const out: Tuned[] = [];
  for (const problem of suite.problems) {
    for (const optimizer of suite.optimizers) {
      const batchSize = batchSizeOf(problem, optimizer);
      if (batchSize !== null) checkBatchSize(suite, problem, optimizer.label, batchSize);
      for (const schedule of suite.schedules) {
        const entries = { problem, optimizer, schedule };
        const key = `${optimizer.label}/${schedule.label}`;
        const points = distinct(samplePoints(search.sampler, joint(optimizer.space, schedule.space), search.samples, search.seed, key));
        out.push({
          entries,
          tuning: points.map((p) => planConfig(suite, entries, p, problem.steps, search.tuningSeeds)),
          fresh: points.map((p) => planConfig(suite, entries, p, problem.steps, suite.seeds)),
        });
      }
    }
  }
  return out;
}

/**
 * Where a tuning-protocol run stands: stage 0 runs every sampled configuration on the tuning seeds; from their
 * summaries (gaps measured as in results.json, ranked by the suite's best rule, src/stats/rank.ts) the best of the
 * first b is picked for every budget b; stage 1 runs the distinct picks on the suite's (fresh) seeds.
 */
export function tuningStep(suite: ResolvedSuite, search: TuningSearch, all: readonly Tuned[], done: ReadonlyMap<string, TrialResult>): StageStep {
  const stage0 = all.flatMap((t) => t.tuning.flatMap((c) => c.trials));
  const missing0 = stage0.filter((t) => !done.has(t.id));
  // Until the picks are known, every configuration might be picked at some budget.
  if (missing0.length > 0) return { kind: 'run', stage: 0, trials: missing0, total: stage0.length + all.reduce((n, t) => n + t.fresh.length * suite.seeds.length, 0) };
  const planned = new Map(stage0.map((t) => [t.id, t]));
  const measured = new Map(measureStaged(stage0.map((t) => done.get(t.id)!), planned, suite.targets).map((t) => [t.id, t]));
  const groups: TuningGroup[] = [];
  const picks = all.map((t) => {
    const curve = curveSteps(t.entries.problem.steps).length;
    const summaries = t.tuning.map((c) => summarizeConfig(c.config, c.trials.map((x) => measured.get(x.id)!), suite.targets, curve, fnv1a32(c.config.configId)));
    const selected = bestSoFar(summaries, compareConfigs);
    groups.push({
      problem: t.entries.problem.label,
      optimizer: t.entries.optimizer.label,
      schedule: t.entries.schedule.label,
      configs: t.tuning.map((c) => c.config.configId),
      tuningGap: summaries.map((s) => s.finalGap?.median ?? null),
      selected: selected.map((i) => t.tuning[i].config.configId),
    });
    return [...new Set(selected)].map((i) => t.fresh[i]);
  });
  const plan = { configs: picks.flat().map((c) => c.config), trials: picks.flat().flatMap((c) => c.trials) };
  const missing1 = plan.trials.filter((t) => !done.has(t.id));
  if (missing1.length > 0) return { kind: 'run', stage: 1, trials: missing1, total: stage0.length + plan.trials.length };
  const configs: StageConfig[] = all.flatMap((t) => t.tuning.map((c) => ({ configId: c.config.configId, problem: c.config.problem, optimizer: c.config.optimizer, schedule: c.config.schedule, steps: c.config.spec.steps, searched: c.config.searched })));
  return { kind: 'done', plan, stagePlanned: stage0, stages: { kind: 'tuning', tuningSeeds: search.tuningSeeds, groups, configs } };
}

