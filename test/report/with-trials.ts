import type { Results, TrialResult } from '../../src/results/types.ts';

/**
 * The fixture's Results (fixture.ts) with trials to match its summaries, for the tables and charts that read
 * trials (aRT, ECDF, profiles, tests against the best): on seeds 0, 1, 2 a configuration's runs reach the one
 * target at steps 10, 20, 30 (median 20, as its summary says) with final gaps 0.8, 1, 1.25 × its median;
 * the first `diverged` seeds diverge at step 5 instead. Initial loss 10, f* = 0. `override` replaces the trial of
 * (configId, seed).
 */
export function withTrials(results: Results, override: (configId: string, seed: number) => Partial<TrialResult> | undefined = () => undefined): Results {
  const trials = results.configs.flatMap((c) =>
    [0, 1, 2].map((seed): TrialResult => {
      const diverged = seed < c.diverged;
      const gap = c.finalGap === null ? null : c.finalGap.median * [0.8, 1, 1.25][seed];
      return {
        id: `${c.configId}/${seed}`,
        configId: c.configId,
        seed,
        status: diverged ? 'diverged' : 'ok',
        divergedAt: diverged ? 5 : null,
        initialLoss: 10,
        finalLoss: diverged || gap === null ? null : gap,
        bestLoss: null,
        validationLoss: null,
        optimalLoss: 0,
        finalGap: diverged ? null : gap,
        stepsToTarget: [diverged ? null : [10, 20, 30][seed]],
        logGapArea: null,
        curve: [],
        ...override(c.configId, seed),
      };
    }),
  );
  return { ...results, trials };
}
