import type { Best, ConfigInfo, ConfigSummary, TrialResult } from '../results/types.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { fnv1a32 } from './hash.ts';
import { pickBest } from './rank.ts';
import { summarizeConfig } from './summarize-config.ts';

export interface Summary {
  readonly configs: ConfigSummary[];
  readonly best: Best[];
  readonly bestBySchedule: Best[];
}

/**
 * Summarises every configuration across its seeds (in the order of `configs`) and picks the best configuration
 * per (problem, optimizer) and per (problem, optimizer, schedule) by BEST_RULE. Each configuration's bootstrap
 * seed is the FNV-1a hash of its configId, so the output does not depend on trial order, workers or shards.
 * `curveLengths` gives the number of curve points per problem label.
 */
export function summarize(
  configs: readonly ConfigInfo[],
  trials: readonly TrialResult[],
  suite: Pick<ResolvedSuite, 'targets'>,
  curveLengths: Readonly<Record<string, number>>,
): Summary {
  const byConfig = groupTrials(configs, trials);
  const summaries = configs.map((info) => {
    const curveLength = curveLengths[info.problem];
    if (curveLength === undefined) throw new Error(`summarize: no curve length for problem ${JSON.stringify(info.problem)}`);
    const own = byConfig.get(info.configId) ?? [];
    return summarizeConfig(info, own, suite.targets, curveLength, fnv1a32(info.configId));
  });
  const best = pickBest(summaries, (s) => JSON.stringify([s.problem, s.optimizer])).map(
    (s): Best => ({ problem: s.problem, optimizer: s.optimizer, configId: s.configId }),
  );
  const bestBySchedule = pickBest(summaries, (s) => JSON.stringify([s.problem, s.optimizer, s.schedule])).map(
    (s): Best => ({ problem: s.problem, optimizer: s.optimizer, schedule: s.schedule, configId: s.configId }),
  );
  return { configs: summaries, best, bestBySchedule };
}

/** Trials by configId; throws on a duplicate configuration or a trial of an unknown one (a bug upstream). */
function groupTrials(configs: readonly ConfigInfo[], trials: readonly TrialResult[]): Map<string, TrialResult[]> {
  const groups = new Map<string, TrialResult[]>();
  for (const c of configs) {
    if (groups.has(c.configId)) throw new Error(`summarize: duplicate configuration ${c.configId}`);
    groups.set(c.configId, []);
  }
  for (const t of trials) {
    const group = groups.get(t.configId);
    if (group === undefined) throw new Error(`summarize: trial ${t.id} belongs to unknown configuration ${t.configId}`);
    group.push(t);
  }
  return groups;
}
