import { canonical } from '../core/canonical.ts';
import { OptbenchError } from '../core/errors.ts';
import { shortHash } from '../core/hash.ts';
import type { ParamValues } from '../core/params.ts';
import { problems } from '../problems/index.ts';
import { createProblem } from '../problems/problem.ts';
import type { ConfigInfo, Labels } from '../results/types.ts';
import { batchSizeOf, type ResolvedSuite } from '../suite/resolved.ts';
import { isStagedSearch } from '../suite/staged.ts';
import { type ResolvedTrialSpec, resolveTrialSpec } from '../train/spec.ts';
import { gridPoints } from './grid.ts';
import { samplePoints } from './sample.ts';
import type { Space } from './space.ts';

/** One trial of a suite: its identity, configuration and resolved spec. Plain JSON. */
export interface PlannedTrial extends Labels {
  readonly id: string;
  readonly configId: string;
  readonly seed: number;
  readonly spec: ResolvedTrialSpec;
}

export interface Plan {
  readonly configs: readonly ConfigInfo[];
  readonly trials: readonly PlannedTrial[];
}

/** Splits a point of the joint space back into the optimizer's and the schedule's parameters. */
function split(point: ParamValues): { optimizer: ParamValues; schedule: ParamValues } {
  const optimizer: ParamValues = {};
  const schedule: ParamValues = {};
  for (const [key, value] of Object.entries(point)) {
    (key.startsWith('o:') ? optimizer : schedule)[key.slice(2)] = value;
  }
  return { optimizer, schedule };
}

/** The joint space of an optimizer entry and a schedule entry, keys prefixed o: and s: to keep them apart. */
export function joint(optimizer: Space, schedule: Space): Space {
  const out: Record<string, Space[string]> = {};
  for (const [k, v] of Object.entries(optimizer)) out[`o:${k}`] = v;
  for (const [k, v] of Object.entries(schedule)) out[`s:${k}`] = v;
  return out;
}

/** A minibatch size must fit the problem's training data; checked on the first seed's instance before anything runs. */
export function checkBatchSize(suite: ResolvedSuite, problem: ResolvedSuite['problems'][number], optimizer: string, batchSize: number): void {
  const instance = createProblem(problems.get(problem.name), suite.seeds[0], problem.params);
  const where = `suite ${suite.name}: ${problem.label} × ${optimizer}`;
  if (instance.samples === undefined || instance.batchLossAndGrad === undefined) {
    throw new OptbenchError(`${where}: problem ${problem.name} has no samples to batch; drop batchSize`);
  }
  if (batchSize > instance.samples) {
    throw new OptbenchError(`${where}: batch size must be at most the ${instance.samples} training samples, got ${batchSize}`);
  }
}

/** The points in their order, each kept once (by canonical JSON, so 0 and −0 are one point). */
export function distinct(points: readonly ParamValues[]): ParamValues[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const key = canonical(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Expands a suite into configurations and trials, in a fixed order: problem, optimizer, schedule,
 * configuration, seed. Every configuration runs on every seed (paired: for a seed, all of them see the
 * same instance and batch order). Random and Sobol search draw their points per optimizer × schedule entry
 * from the search seed, so every problem gets the same points. Every spec is resolved here, so a bad combination
 * fails before anything runs.
 */
export function plan(suite: ResolvedSuite): Plan {
  if (isStagedSearch(suite.search)) {
    throw new OptbenchError(`suite ${suite.name}: a ${suite.search.kind} search runs in stages (src/runner/stages.ts); it has no plan to lay out ahead of time`);
  }
  const configs: ConfigInfo[] = [];
  const trials: PlannedTrial[] = [];
  const pointsFor = new Map<string, ParamValues[]>();
  for (const problem of suite.problems) {
    for (const optimizer of suite.optimizers) {
      const batchSize = batchSizeOf(problem, optimizer);
      if (batchSize !== null) checkBatchSize(suite, problem, optimizer.label, batchSize);
      for (const schedule of suite.schedules) {
        const key = `${optimizer.label}\u0000${schedule.label}`;
        let points = pointsFor.get(key);
        if (points === undefined) {
          const space = joint(optimizer.space, schedule.space);
          const searchKey = `${optimizer.label}/${schedule.label}`;
          points =
            suite.search.kind === 'grid'
              ? gridPoints(space)
              : samplePoints(suite.search.kind, space, suite.search.samples, suite.search.seed ?? 0, searchKey);
          // Random or Sobol points on lists or integer ranges repeat; a point met twice is one configuration, run once.
          points = distinct(points);
          pointsFor.set(key, points);
        }
        for (const point of points) {
          const planned = planConfig(suite, { problem, optimizer, schedule }, point, problem.steps, suite.seeds);
          configs.push(planned.config);
          trials.push(...planned.trials);
        }
      }
    }
  }
  return { configs, trials };
}

/** The problem, optimizer and schedule entries a configuration comes from. */
export interface Entries {
  readonly problem: ResolvedSuite['problems'][number];
  readonly optimizer: ResolvedSuite['optimizers'][number];
  readonly schedule: ResolvedSuite['schedules'][number];
}

/**
 * One configuration: a point of the joint space (keys o: and s:) run for `steps` steps, and its trial on each seed.
 * Its configId hashes the labels and the spec without its seed; each trial's id hashes the spec with its seed (so the
 * step budget is part of both). Throws an OptbenchError naming the entries and the point if the spec is invalid.
 */
export function planConfig(suite: ResolvedSuite, entries: Entries, point: ParamValues, steps: number, seeds: readonly number[]): { config: ConfigInfo; trials: PlannedTrial[] } {
  const { problem, optimizer, schedule } = entries;
  const searched = split(point);
  const labels = { problem: problem.label, optimizer: optimizer.label, schedule: schedule.label };
  const where = `suite ${suite.name}: ${labels.problem} × ${labels.optimizer} × ${labels.schedule} ${canonical(point)}`;
  let base: ResolvedTrialSpec;
  try {
    base = resolveTrialSpec({
      problem: { name: problem.name, params: problem.params },
      seed: 0,
      optimizer: { name: optimizer.name, params: searched.optimizer },
      schedule: { name: schedule.name, params: searched.schedule },
      steps,
      batchSize: batchSizeOf(problem, optimizer) ?? undefined,
    });
  } catch (error) {
    if (error instanceof OptbenchError) throw new OptbenchError(`${where}: ${error.message}`);
    throw error;
  }
  const { seed: _seed, ...spec } = base;
  const configId = shortHash(canonical({ labels, spec }));
  const trials = seeds.map((seed): PlannedTrial => {
    const trialSpec = { ...base, seed };
    return { id: shortHash(canonical({ labels, spec: trialSpec })), configId, seed, ...labels, spec: trialSpec };
  });
  return { config: { configId, ...labels, spec, searched }, trials };
}
