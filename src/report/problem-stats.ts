import type { ConfigSummary, Results, TrialResult } from '../results/types.ts';
import { trialsByConfig } from '../stats/across-problems.ts';
import { artTable } from './art-table.ts';
import { versusBestTable } from './versus-best-table.ts';

/** Trials by configuration, computed once per Results (the report asks once per problem). */
const cache = new WeakMap<Results, Map<string, TrialResult[]>>();

/**
 * The tables that follow a problem's leaderboard: aRT of each optimizer's best configuration per target, and
 * each of them against the problem's best (paired Wilcoxon, Holm-adjusted). Every suite gets them.
 */
export function problemStats(results: Results, problem: string, byId: ReadonlyMap<string, ConfigSummary>): string {
  let trials = cache.get(results);
  if (trials === undefined) {
    trials = trialsByConfig(results);
    cache.set(results, trials);
  }
  return [artTable(results, problem, byId, trials), versusBestTable(results, problem, byId, trials)].filter((s) => s !== '').join('\n\n');
}
