import { OptbenchError } from '../core/errors.ts';
import type { ParamValues } from '../core/params.ts';
import type { RungGroup, RungRecord, StageConfig } from '../results/stages.ts';
import type { ConfigInfo, TrialResult } from '../results/types.ts';
import { ladder, maxRungIndex, promotedCount, type RungShape } from '../search/halving.ts';
import { hyperbandBrackets } from '../search/hyperband.ts';
import { checkBatchSize, distinct, type Entries, joint, type PlannedTrial, planConfig } from '../search/plan.ts';
import { promote, rungScore } from '../search/promote.ts';
import { samplePoints } from '../search/sample.ts';
import { batchSizeOf, type ResolvedSuite } from '../suite/resolved.ts';
import type { ResolvedStagedSearch } from '../suite/staged.ts';
import type { StageStep } from './stage-step.ts';

type LadderSearch = Extract<ResolvedStagedSearch, { kind: 'halving' | 'hyperband' }>;

/** One successive-halving ladder: a bracket of one problem × optimizer × schedule entry, every rung planned. */
interface Ladder {
  readonly entries: Entries;
  readonly bracket: number;
  readonly eta: number;
  /** plans[i][p]: point p run at rung i's budget (every point planned at every rung, so a bad spec fails up front). */
  readonly plans: readonly (readonly { config: ConfigInfo; trials: PlannedTrial[] }[])[];
  readonly steps: readonly number[];
}

/** The step budgets of the rungs: R, and the first rung's; a minSteps above R fails unless --quick shrank it there. */
function budget(suite: ResolvedSuite, search: LadderSearch, problem: Entries['problem']): { maxSteps: number; minSteps: number } {
  if (search.minSteps > problem.steps && !suite.quick) {
    throw new OptbenchError(`suite ${suite.name}: search.minSteps ${search.minSteps} exceeds the ${problem.steps} steps of problem ${problem.label}`);
  }
  return { maxSteps: problem.steps, minSteps: Math.min(search.minSteps, problem.steps) };
}

/** The brackets' shapes for one problem: one for halving (n = samples), s_max + 1 for Hyperband (Li et al.'s n). */
function shapes(search: LadderSearch, maxSteps: number, minSteps: number): { s: number; rungs: readonly RungShape[] }[] {
  if (search.kind === 'hyperband') return hyperbandBrackets(search.eta, maxSteps, minSteps);
  return [{ s: 0, rungs: ladder(search.samples, search.eta, maxSteps, maxRungIndex(search.eta, maxSteps, minSteps)) }];
}

/**
 * Every ladder of the suite, in problem, optimizer, schedule, bracket (s_max first) order. The points of an optimizer ×
 * schedule entry are drawn in one stream (bracket s_max's first), so halving samples what random search with the same
 * seed and count samples; a point drawn twice runs once, in the bracket that drew it first.
 */
export function ladders(suite: ResolvedSuite, search: LadderSearch): Ladder[] {
  const out: Ladder[] = [];
  for (const problem of suite.problems) {
    const { maxSteps, minSteps } = budget(suite, search, problem);
    const brackets = shapes(search, maxSteps, minSteps);
    for (const optimizer of suite.optimizers) {
      const batchSize = batchSizeOf(problem, optimizer);
      if (batchSize !== null) checkBatchSize(suite, problem, optimizer.label, batchSize);
      for (const schedule of suite.schedules) {
        const total = brackets.reduce((n, b) => n + b.rungs[0].configs, 0);
        const drawn = samplePoints(search.sampler, joint(optimizer.space, schedule.space), total, search.seed, `${optimizer.label}/${schedule.label}`);
        const seen: ParamValues[] = [];
        let offset = 0;
        for (const b of brackets) {
          const mine = drawn.slice(offset, offset + b.rungs[0].configs);
          offset += b.rungs[0].configs;
          const points = distinct([...seen, ...mine]).slice(seen.length);
          seen.push(...points);
          if (points.length === 0) continue; // every point of this bracket was drawn before
          const steps = b.rungs.map((r) => r.steps);
          const entries = { problem, optimizer, schedule };
          const plans = steps.map((k) => points.map((p) => planConfig(suite, entries, p, k, suite.seeds)));
          out.push({ entries, bracket: b.s, eta: search.eta, plans, steps });
        }
      }
    }
  }
  return out;
}

/** Trials on a ladder's rung for a ladder's members (point indices). */
const rungTrials = (l: Ladder, rung: number, members: readonly number[]) => members.flatMap((p) => l.plans[rung][p].trials);

/** A rung's record, its members' scores from `done`, and the members promoted (sampling order). */
function decide(l: Ladder, rung: number, members: readonly number[], done: ReadonlyMap<string, TrialResult>): { record: RungRecord; next: number[] } {
  const scores = members.map((p) => rungScore(l.plans[rung][p].trials.map((t) => done.get(t.id)!)));
  const last = rung === l.steps.length - 1;
  const best = last ? [] : promote(scores, promotedCount(members.length, l.eta)).map((i) => members[i]);
  const trials = members.length * l.plans[rung][0].trials.length;
  const record: RungRecord = {
    bracket: l.bracket,
    rung,
    steps: l.steps[rung],
    configs: members.map((p) => l.plans[rung][p].config.configId),
    medianFinalLoss: scores.map((s) => (Number.isFinite(s) ? s : null)),
    promoted: best.map((p) => l.plans[rung][p].config.configId),
    trials,
    stepsSpent: trials * l.steps[rung],
  };
  return { record, next: [...best].sort((a, b) => a - b) };
}

/**
 * Where a halving or Hyperband run stands, recomputed from the results so far: stage i runs rung i of every ladder
 * that has one. A stage with trials missing from `done` is returned to run; once all are done, the promotions are
 * decided (from `done` alone, so a resumed run decides exactly as an uninterrupted one) and the next stage follows.
 */
export function ladderStep(search: LadderSearch, all: readonly Ladder[], done: ReadonlyMap<string, TrialResult>, seeds: number): StageStep {
  let members = all.map((l) => l.plans[0].map((_, p) => p));
  const records: RungRecord[][] = all.map(() => []);
  const depth = Math.max(...all.map((l) => l.steps.length));
  for (let rung = 0; rung < depth; rung++) {
    const active = all.map((l, i) => i).filter((i) => rung < all[i].steps.length);
    const missing = active.flatMap((i) => rungTrials(all[i], rung, members[i])).filter((t) => !done.has(t.id));
    if (missing.length > 0) return { kind: 'run', stage: rung, trials: missing, total: ladderTotal(all, seeds) };
    members = members.map((m, i) => {
      if (!active.includes(i)) return m;
      const { record, next } = decide(all[i], rung, m, done);
      records[i].push(record);
      return rung === all[i].steps.length - 1 ? m : next;
    });
  }
  return finish(search, all, members, records);
}

function finish(search: LadderSearch, all: readonly Ladder[], members: readonly number[][], records: readonly RungRecord[][]): StageStep {
  const groups: RungGroup[] = [];
  const configs: ConfigInfo[] = [];
  const trials: PlannedTrial[] = [];
  const stageConfigs: StageConfig[] = [];
  const stageTrials: PlannedTrial[] = [];
  all.forEach((l, i) => {
    const labels = { problem: l.entries.problem.label, optimizer: l.entries.optimizer.label, schedule: l.entries.schedule.label };
    const group = groups.find((g) => g.problem === labels.problem && g.optimizer === labels.optimizer && g.schedule === labels.schedule);
    if (group === undefined) groups.push({ ...labels, rungs: [...records[i]] });
    else (group.rungs as RungRecord[]).push(...records[i]);
    const top = l.steps.length - 1;
    for (const p of members[i]) {
      configs.push(l.plans[top][p].config);
      trials.push(...l.plans[top][p].trials);
    }
    records[i].slice(0, top).forEach((r, rung) => {
      for (const id of r.configs) {
        const planned = l.plans[rung].find((x) => x.config.configId === id)!;
        stageConfigs.push({ configId: id, ...labels, steps: r.steps, searched: planned.config.searched });
        stageTrials.push(...planned.trials);
      }
    });
  });
  return { kind: 'done', plan: { configs, trials }, stagePlanned: stageTrials, stages: { kind: search.kind, groups, configs: stageConfigs } };
}

/** Every trial a run of these ladders will run: Σ over ladders and rungs of n_i × seeds (promotions change which, not how many). */
function ladderTotal(all: readonly Ladder[], seeds: number): number {
  let total = 0;
  for (const l of all) {
    let n = l.plans[0].length;
    for (let i = 0; i < l.steps.length; i++, n = promotedCount(n, l.eta)) total += n * seeds;
  }
  return total;
}
