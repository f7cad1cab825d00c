import { canonical } from '../core/canonical.ts';
import { OptbenchError } from '../core/errors.ts';
import { shortHash } from '../core/hash.ts';
import { buildStagedResults } from '../results/build-staged.ts';
import type { Results, TrialResult } from '../results/types.ts';
import type { PlannedTrial } from '../search/plan.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { isStagedSearch, type ResolvedStagedSearch } from '../suite/staged.ts';
import { ladderStep, ladders } from './ladders.ts';
import type { StageStep } from './stage-step.ts';
import { tunedEntries, tuningStep } from './tuning-stages.ts';

/**
 * Staged execution: successive halving, Hyperband and the tuning-budget protocol run in stages, each stage's trials
 * chosen from the results of the one before. Nothing but the finished trials is state: where a run stands is
 * recomputed from them (`step`), so a run resumed from its journal takes exactly the decisions an uninterrupted run
 * takes. Every stage's trials are ordinary trials (a rung's step budget is part of its spec, hence of its id).
 */
export interface StagedSearch {
  /** The identity of the run for its journal: the search and the first stage's trial ids. */
  readonly hash: string;
  step(done: ReadonlyMap<string, TrialResult>): StageStep;
}

/** A suite whose search runs in stages. */
export type StagedSuite = ResolvedSuite & { readonly search: ResolvedStagedSearch };

/** The suite, if its search runs in stages; undefined for grid, random and Sobol search. */
export function asStaged(suite: ResolvedSuite): StagedSuite | undefined {
  return isStagedSearch(suite.search) ? (suite as StagedSuite) : undefined;
}

export function stagedSearch(suite: StagedSuite): StagedSearch {
  const { search } = suite;
  let step: (done: ReadonlyMap<string, TrialResult>) => StageStep;
  if (search.kind === 'tuning') {
    const all = tunedEntries(suite, search);
    step = (done) => tuningStep(suite, search, all, done);
  } else {
    const all = ladders(suite, search);
    step = (done) => ladderStep(search, all, done, suite.seeds.length);
  }
  const first = step(new Map());
  const ids = first.kind === 'run' ? first.trials.map((t) => t.id) : [];
  return { hash: shortHash(['staged', canonical(search), ...ids].join('\n')), step };
}

/** The one-line refusal of `--shard` for a staged search. */
export function shardRefusal(suite: StagedSuite): OptbenchError {
  return new OptbenchError(
    `suite ${suite.name}: --shard cannot split a ${suite.search.kind} search: each stage's trials depend on the results of the stage before, so they cannot be assigned to shards ahead of time; run it unsharded (--workers uses every core)`,
  );
}

/**
 * Runs a staged search to the end: each stage's missing trials go to `run` (which journals them), then the next
 * stage is decided. `done` holds the trials already finished (from a journal) and receives the new ones.
 * `onTotal` hears the number of trials the whole run takes, before the first stage and whenever it changes.
 * Returns the results and how many trials ran here.
 */
export async function runStages(
  suite: ResolvedSuite,
  staged: StagedSearch,
  done: Map<string, TrialResult>,
  run: (trials: readonly PlannedTrial[]) => Promise<readonly TrialResult[]>,
  onTotal?: (total: number) => void,
): Promise<{ results: Results; ran: number }> {
  let ran = 0;
  let total = -1;
  for (;;) {
    const step = staged.step(done);
    if (step.kind === 'run' && step.total !== total) onTotal?.((total = step.total));
    if (step.kind === 'done') {
      const trialsOf = (planned: readonly PlannedTrial[]) => planned.map((t) => done.get(t.id)!);
      const results = buildStagedResults(suite, step.plan, trialsOf(step.plan.trials), step.stagePlanned, trialsOf(step.stagePlanned), step.stages);
      return { results, ran };
    }
    const fresh = await run(step.trials);
    for (const t of fresh) done.set(t.id, t);
    ran += fresh.length;
  }
}
