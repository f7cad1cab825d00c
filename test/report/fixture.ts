import type { ParamValues } from '../../src/core/params.ts';
import { BEST_RULE } from '../../src/suite/resolved.ts';
import { SCHEMA_VERSION, type Best, type ConfigSummary, type Results, type Stats } from '../../src/results/types.ts';

/**
 * A hand-made Results: one problem, sgd and adam under a constant schedule (or the listed schedules, each with
 * the same numbers; the best configurations are the first schedule's), lr ∈ {1e-3, 1e-2, 1e-1},
 * 3 seeds, curves at 5 steps. adam has a second grid axis (beta1) so two configurations share lr 1e-2.
 * sgd at lr 0.1 diverged on every seed; adam at lr 0.1 on one seed of three. Adam's best curve reaches
 * an exact 0 gap, which must be drawn at the floor, not dropped or turned into -Infinity.
 */

export const PROBLEM = 'quadratic/ill';
export const STEPS = [0, 1, 4, 20, 100];

type Curve = ConfigSummary['curve'];

/** Stats of a sample given its median; the other fields only need to be plausible here. */
function stats(median: number): Stats {
  return { n: 3, median, mean: median, sd: 0, q1: median * 0.8, q3: median * 1.25, min: median * 0.7, max: median * 1.4 };
}

function curve(median: readonly (number | null)[]): Curve {
  return {
    median,
    q1: median.map((m) => (m === null ? null : m * 0.5)),
    q3: median.map((m) => (m === null ? null : m * 2)),
  };
}

const DIVERGED: Curve = curve(STEPS.map(() => null));

function config(problem: string, optimizer: string, params: ParamValues, gap: number | null, c: Curve, diverged = 0): ConfigSummary {
  return {
    configId: `${problem}|${optimizer}|${JSON.stringify(params)}`,
    problem,
    optimizer,
    schedule: 'constant',
    spec: {
      problem: { name: 'quadratic', params: {} },
      optimizer: { name: optimizer, params },
      schedule: { name: 'constant', params: {} },
      steps: 100,
    },
    searched: { optimizer: params, schedule: {} },
    runs: 3,
    diverged: gap === null ? 3 : diverged,
    initialGap: 10,
    finalLoss: gap === null ? null : stats(gap + 1),
    finalGap: gap === null ? null : stats(gap),
    validationLoss: null,
    logGapArea: gap === null ? null : stats(-3),
    finalGapCi: gap === null ? null : [gap * 0.5, gap * 2],
    // The suite's one target, 1e-2: met by step 20 on every seed unless the configuration diverged.
    targets: [gap === null ? { epsilon: 1e-2, reached: 0, successRate: 0, medianSteps: null } : { epsilon: 1e-2, reached: 3, successRate: 1, medianSteps: 20 }],
    curve: c,
  };
}

/** The same configuration under another schedule (named `schedule`, made as a constant one). */
function under(schedule: string, c: ConfigSummary): ConfigSummary {
  if (schedule === 'constant') return c;
  return { ...c, configId: `${c.configId}|${schedule}`, schedule, spec: { ...c.spec, schedule: { name: schedule, params: {} } } };
}

/** The configurations of one problem per schedule; with `allDiverged`, every one of them diverged on every seed. */
function configs(problem: string, allDiverged: boolean, schedules: readonly string[]): ConfigSummary[] {
  return schedules.flatMap((s) => grid(problem, allDiverged).map((c) => under(s, c)));
}

function grid(problem: string, allDiverged: boolean): ConfigSummary[] {
  const gap = (g: number): number | null => (allDiverged ? null : g);
  const shape = (c: Curve): Curve => (allDiverged ? DIVERGED : c);
  return [
    config(problem, 'sgd', { lr: 1e-3 }, gap(0.5), shape(curve([10, 9, 6, 2, 0.5]))),
    config(problem, 'sgd', { lr: 1e-2 }, gap(1e-3), shape(curve([10, 5, 1, 0.05, 1e-3]))),
    config(problem, 'sgd', { lr: 1e-1 }, null, DIVERGED),
    config(problem, 'adam', { lr: 1e-3, beta1: 0.9 }, gap(0.2), shape(curve([10, 8, 4, 1, 0.2]))),
    config(problem, 'adam', { lr: 1e-2, beta1: 0.9 }, gap(1e-6), shape(curve([10, 4, 0.3, 1e-3, 1e-6]))),
    config(problem, 'adam', { lr: 1e-2, beta1: 0.99 }, gap(0), shape(curve([10, 3, 0.1, 1e-8, 0]))),
    config(problem, 'adam', { lr: 1e-1, beta1: 0.9 }, gap(1e-4), shape(curve([10, 2, 0.5, 1e-2, 1e-4])), 1),
  ];
}

/** The best configurations of `schedule` (its own, for the optimizer × schedule table, when `bySchedule`). */
function best(problem: string, list: readonly ConfigSummary[], schedule: string, bySchedule: boolean): Best[] {
  const pick = (optimizer: string, params: ParamValues): Best => {
    const c = list.find(
      (x) => x.schedule === schedule && x.optimizer === optimizer && JSON.stringify(x.searched.optimizer) === JSON.stringify(params),
    )!;
    return { problem, optimizer, ...(bySchedule ? { schedule } : {}), configId: c.configId };
  };
  // Listed sgd first, as a suite listing sgd before adam would rank them (the charts follow this order).
  return [pick('sgd', { lr: 1e-2 }), pick('adam', { lr: 1e-2, beta1: 0.99 })];
}

/** `problems` labels; the ones in `allDiverged` have no run that finished. */
export function fixture(
  problems: readonly string[] = [PROBLEM],
  allDiverged: readonly string[] = [],
  schedules: readonly string[] = ['constant'],
): Results {
  const all = problems.map((p) => configs(p, allDiverged.includes(p), schedules));
  return {
    schemaVersion: SCHEMA_VERSION,
    suite: {
      name: 'fixture',
      description: 'hand-made results for chart tests',
      quick: false,
      problems: problems.map((label) => ({ label, name: 'quadratic', params: {}, steps: 100 })),
      optimizers: [
        { label: 'sgd', name: 'sgd', space: { lr: [1e-3, 1e-2, 1e-1] }, batchSize: null },
        { label: 'adam', name: 'adam', space: { lr: [1e-3, 1e-2, 1e-1], beta1: [0.9, 0.99] }, batchSize: null },
      ],
      schedules: schedules.map((label) => ({ label, name: label, space: {} })),
      search: { kind: 'grid' },
      seeds: [0, 1, 2],
      targets: [1e-2],
      rule: BEST_RULE,
      check: { tolerance: 0.05, alpha: 0.05 },
    },
    reference: Object.fromEntries(problems.map((p) => [p, 'exact optimum' as const])),
    curveSteps: Object.fromEntries(problems.map((p) => [p, STEPS])),
    configs: all.flat(),
    best: problems.flatMap((p, i) => best(p, all[i], schedules[0], false)),
    bestBySchedule: problems.flatMap((p, i) => schedules.flatMap((s) => best(p, all[i], s, true))),
    trials: [],
  };
}
