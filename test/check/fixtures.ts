import { type Best, type ConfigSummary, type Results, SCHEMA_VERSION, type TrialResult } from '../../src/results/types.ts';
import type { ResolvedSuite } from '../../src/suite/resolved.ts';
import { summary, trial } from '../stats/fixtures.ts';

/**
 * Hand-built Results for compareResults: problem `quad` (100 steps), optimizer `sgd`, constant schedule.
 * Every trial starts at f₀ = 10 with f* = 0 (test/stats/fixtures.ts), so its relative gap is finalGap / 10.
 */

export const STEPS = 100;

export const SUITE: ResolvedSuite = {
  name: 'hand',
  description: '',
  quick: false,
  problems: [{ label: 'quad', name: 'quadratic', params: {}, steps: STEPS }],
  optimizers: [{ label: 'sgd', name: 'sgd', space: { lr: [0.1] }, batchSize: null }],
  schedules: [{ label: 'constant', name: 'constant', space: {} }],
  search: { kind: 'grid' },
  seeds: [0, 1, 2, 3, 4],
  targets: [1e-1, 1e-2, 1e-3],
  rule: '',
  check: { tolerance: 0.05, alpha: 0.05 },
};

/** A configuration's trials over seeds 0 … n−1 with these final gaps (null: diverged at step 3). */
export function trials(configId: string, gaps: readonly (number | null)[], steps: readonly (number | null)[] = []): TrialResult[] {
  return gaps.map((gap, seed) =>
    gap === null
      ? trial(configId, seed, { status: 'diverged', divergedAt: 3, finalLoss: null, finalGap: null, logGapArea: null, stepsToTarget: [null, null, null] })
      : trial(configId, seed, { finalLoss: gap, finalGap: gap, stepsToTarget: [steps[seed] ?? null, null, null] }),
  );
}

/**
 * Results holding these configurations; each is summarised only as far as compareResults reads it
 * (the tightest target reached: the first, ε = 0.1, when `reached` is set). The first is sgd's best.
 */
export function results(configs: Record<string, TrialResult[]>, reached = false): Results {
  const summaries: ConfigSummary[] = Object.keys(configs).map((id) => summary(id, { gap: 1, steps: [reached ? 50 : null, null, null] }));
  const best: Best[] = summaries.length === 0 ? [] : [{ problem: 'quad', optimizer: 'sgd', configId: summaries[0].configId }];
  return {
    schemaVersion: SCHEMA_VERSION,
    suite: SUITE,
    reference: { quad: 'exact optimum' },
    curveSteps: { quad: [] },
    configs: summaries,
    best,
    bestBySchedule: best.map((b) => ({ ...b, schedule: 'constant' })),
    trials: Object.values(configs).flat(),
  };
}
