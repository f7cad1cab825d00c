import type { ConfigInfo, ConfigSummary, Stats, TargetSummary, TrialResult } from '../../src/results/types.ts';

/** A configuration of problem `quad`, optimizer `sgd`, schedule `constant` unless overridden. */
export function configInfo(configId: string, labels: Partial<Pick<ConfigInfo, 'problem' | 'optimizer' | 'schedule'>> = {}): ConfigInfo {
  return {
    configId,
    problem: labels.problem ?? 'quad',
    optimizer: labels.optimizer ?? 'sgd',
    schedule: labels.schedule ?? 'constant',
    spec: {
      problem: { name: 'quadratic', params: {} },
      optimizer: { name: 'sgd', params: { lr: 0.1 } },
      schedule: { name: 'constant', params: {} },
      steps: 100,
    },
    searched: { optimizer: { lr: 0.1 }, schedule: {} },
  };
}

/** A finished, non-diverged trial; override any metric. */
export function trial(configId: string, seed: number, over: Partial<TrialResult> = {}): TrialResult {
  return {
    id: `${configId}/${seed}`,
    configId,
    seed,
    status: 'ok',
    divergedAt: null,
    initialLoss: 10,
    finalLoss: 1,
    bestLoss: 1,
    validationLoss: 1.5,
    optimalLoss: 0,
    finalGap: 1,
    stepsToTarget: [],
    logGapArea: -1,
    curve: [],
    ...over,
  };
}

/** A diverged trial: every metric after the divergence is null, as the trial loop stores it. */
export function divergedTrial(configId: string, seed: number, over: Partial<TrialResult> = {}): TrialResult {
  return trial(configId, seed, {
    status: 'diverged',
    divergedAt: 3,
    finalLoss: null,
    bestLoss: 5,
    validationLoss: null,
    finalGap: null,
    logGapArea: null,
    ...over,
  });
}

/** Stats with only the median meaningful (what ranking reads). */
function statsWithMedian(median: number): Stats {
  return { n: 3, median, mean: median, sd: 0, q1: median, q3: median, min: median, max: median };
}

/**
 * A summary built directly for ranking tests: `gap` is the median final gap (null: none);
 * `steps[i]` the median steps to target i (null: no run reached it).
 */
export function summary(
  configId: string,
  opts: {
    diverged?: number;
    gap: number | null;
    steps?: readonly (number | null)[];
    labels?: Parameters<typeof configInfo>[1];
    initialGap?: number | null;
  },
): ConfigSummary {
  const epsilons = [1e-1, 1e-2, 1e-3];
  const steps = opts.steps ?? [null, null, null];
  const targets: TargetSummary[] = epsilons.map((epsilon, i) => ({
    epsilon,
    reached: steps[i] === null ? 0 : 3,
    successRate: steps[i] === null ? 0 : 1,
    medianSteps: steps[i],
  }));
  return {
    ...configInfo(configId, opts.labels),
    runs: 3,
    diverged: opts.diverged ?? 0,
    initialGap: opts.initialGap ?? null,
    finalLoss: null,
    finalGap: opts.gap === null ? null : statsWithMedian(opts.gap),
    validationLoss: null,
    logGapArea: null,
    finalGapCi: null,
    targets,
    curve: { median: [], q1: [], q3: [] },
  };
}
