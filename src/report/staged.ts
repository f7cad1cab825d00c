import type { ConfigSummary, Results } from '../results/types.ts';
import type { ResolvedStagedSearch } from '../suite/staged.ts';
import { rungsSection } from './rungs.ts';
import { tuningSection } from './tuning.ts';

/** The report's section on a staged search for one problem: the rungs (halving, Hyperband) or the tuning budget; '' otherwise. */
export function stagedSection(results: Results, problem: string, byId: ReadonlyMap<string, ConfigSummary>): string {
  if (results.stages === undefined) return '';
  return results.stages.kind === 'tuning' ? tuningSection(results, problem, byId) : rungsSection(results, problem);
}

/** The "Search" line of "What ran" for a staged search. */
export function stagedSearchText(search: ResolvedStagedSearch): string {
  const from = search.sampler === 'sobol' ? 'Sobol (scrambled)' : 'random';
  switch (search.kind) {
    case 'halving':
      return `successive halving (η = ${search.eta}, first rung ≥ ${search.minSteps} steps) of ${search.samples} ${from} samples per optimizer × schedule, seed ${search.seed}; the configurations below are the last rung's, at the full budget (each problem's rungs are in its section)`;
    case 'hyperband':
      return `Hyperband (η = ${search.eta}, smallest rung ≥ ${search.minSteps} steps) of ${from} samples per optimizer × schedule, seed ${search.seed}; the configurations below are those that reached the full budget (each problem's brackets are in its section)`;
    case 'tuning':
      return `tuning-budget protocol: ${search.samples} ${from} samples per optimizer × schedule (seed ${search.seed}) tuned on seed${search.tuningSeeds.length === 1 ? '' : 's'} ${search.tuningSeeds.join(', ')}; the configurations below are the best-so-far picks, rerun on fresh seeds`;
  }
}
