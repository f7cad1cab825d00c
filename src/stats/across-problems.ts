import type { ConfigSummary, Results, TrialResult } from '../results/types.ts';
import { type Art, averageRunningTime, trialCost } from './art.ts';
import { type EcdfStep, ecdf } from './ecdf.ts';
import { performanceRatios } from './profiles.ts';

/**
 * Cross-problem views of a Results, each optimizer (suite label) represented on each problem by its best
 * configuration (results.best, the leaderboard's): aRT per target, runtime ECDFs and performance profiles.
 */

/** Trials by configId, each list in seed order. */
export function trialsByConfig(results: Results): Map<string, TrialResult[]> {
  const out = new Map<string, TrialResult[]>();
  for (const t of results.trials) {
    const list = out.get(t.configId);
    if (list === undefined) out.set(t.configId, [t]);
    else list.push(t);
  }
  for (const list of out.values()) list.sort((a, b) => a.seed - b.seed);
  return out;
}

/** aRT of one configuration to target `index` over its trials, with its own step budget. */
export function configArt(c: ConfigSummary, trials: readonly TrialResult[], index: number): Art {
  return averageRunningTime(trials.map((t) => trialCost(t, index, c.spec.steps)));
}

/** The best configuration of `optimizer` on `problem`, if it has one. */
function bestOf(results: Results, byId: ReadonlyMap<string, ConfigSummary>, problem: string, optimizer: string): ConfigSummary | undefined {
  const b = results.best.find((e) => e.problem === problem && e.optimizer === optimizer);
  return b === undefined ? undefined : byId.get(b.configId);
}

export interface AcrossProblems {
  readonly problems: readonly string[];
  readonly optimizers: readonly string[];
  /** art[p][s][i]: aRT of optimizer s's best configuration on problem p to target i (Infinity: none reached it). */
  readonly art: readonly (readonly (readonly number[])[])[];
  /** Per optimizer: steps to target / budget over every (problem, target, seed), null where not reached. */
  readonly runtimes: readonly (readonly (number | null)[])[];
}

/**
 * The cross-problem table of a Results. A reached target costs at least one step on the normalised axis
 * (a target met at step 0, f₀ = f*, is drawn at 1/budget, which a log axis can show).
 */
export function acrossProblems(results: Results): AcrossProblems {
  const byId = new Map(results.configs.map((c) => [c.configId, c]));
  const trials = trialsByConfig(results);
  const problems = results.suite.problems.map((p) => p.label);
  const optimizers = results.suite.optimizers.map((o) => o.label);
  const targets = results.suite.targets;
  const runtimes: (number | null)[][] = optimizers.map(() => []);
  const art = problems.map((problem) =>
    optimizers.map((optimizer, s) => {
      const c = bestOf(results, byId, problem, optimizer);
      if (c === undefined) {
        // No configuration of this optimizer on the problem: every (target, seed) counts as not reached.
        runtimes[s].push(...new Array<null>(targets.length * results.suite.seeds.length).fill(null));
        return targets.map(() => Infinity);
      }
      const own = trials.get(c.configId) ?? [];
      for (let i = 0; i < targets.length; i++) {
        for (const t of own) {
          const { hit } = trialCost(t, i, c.spec.steps);
          runtimes[s].push(hit === null ? null : Math.max(hit, 1) / c.spec.steps);
        }
      }
      return targets.map((_, i) => configArt(c, own, i).value);
    }),
  );
  return { problems, optimizers, art, runtimes };
}

/** The runtime ECDF of each optimizer (ecdf.ts), in the order of `a.optimizers`. */
export function runtimeEcdfs(a: AcrossProblems): EcdfStep[][] {
  return a.runtimes.map((r) => ecdf(r));
}

/** Performance profile inputs at target `index`: the problems some optimizer solved, and their ratios [p][s]. */
export function profileAt(a: AcrossProblems, index: number): { problems: string[]; ratios: number[][] } {
  const kept = a.problems.map((_, p) => p).filter((p) => a.art[p].some((row) => row[index] < Infinity));
  return { problems: kept.map((p) => a.problems[p]), ratios: performanceRatios(kept.map((p) => a.art[p].map((row) => row[index]))) };
}

/**
 * The target the headline profile is drawn at: the tightest ε at which every problem was solved (aRT < ∞) by
 * some optimizer's best configuration, so every problem has a finite best time and counts in every ratio.
 * Solving a tighter target means having solved the looser ones, so if the loosest leaves problems unsolved the
 * tightest target with as many solved problems is taken (the unsolved ones are left out and named). null when no
 * problem was solved at any target.
 */
export function profileTarget(a: AcrossProblems, targets: number): number | null {
  const solved = (i: number) => profileAt(a, i).problems.length;
  if (targets === 0 || solved(0) === 0) return null;
  let chosen = 0;
  for (let i = 1; i < targets; i++) if (solved(i) === solved(0)) chosen = i;
  return chosen;
}
