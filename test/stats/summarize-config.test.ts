import { describe, expect, it } from 'vitest';
import { bootstrapMedianCi } from '../../src/stats/bootstrap.ts';
import { summarizeConfig } from '../../src/stats/summarize-config.ts';
import { configInfo, divergedTrial, trial } from './fixtures.ts';

const targets = [1e-1, 1e-2, 1e-3];
const info = configInfo('c1');

// Three finished runs and one that diverged at step 3 after "reaching" every target and with extreme values:
// if the diverged run leaked into any statistic, the expected values below would change.
const runs = [
  trial('c1', 1, { finalGap: 1, finalLoss: 1, validationLoss: 4, logGapArea: -2, stepsToTarget: [5, 10, null], curve: [10, 2, 1] }),
  trial('c1', 2, { finalGap: 3, finalLoss: 3, validationLoss: null, logGapArea: -4, stepsToTarget: [7, null, null], curve: [10, 4, 3] }),
  trial('c1', 3, { finalGap: 2, finalLoss: 2, validationLoss: 6, logGapArea: -3, stepsToTarget: [6, 30, null], curve: [10, 3, 2] }),
  divergedTrial('c1', 4, { finalGap: 1e9, finalLoss: 1e9, validationLoss: 1e9, logGapArea: 1e9, stepsToTarget: [1, 1, 1], curve: [10, 0, 0] }),
];

describe('summarizeConfig', () => {
  const s = summarizeConfig(info, runs, targets, 3, 11);

  it('counts runs and divergences', () => {
    expect(s.runs).toBe(4);
    expect(s.diverged).toBe(1);
  });

  it('keeps the configuration labels', () => {
    expect(s.configId).toBe('c1');
    expect([s.problem, s.optimizer, s.schedule]).toEqual(['quad', 'sgd', 'constant']);
    expect(s.spec).toEqual(info.spec);
    expect(s.searched).toEqual(info.searched);
  });

  it('excludes the diverged run from the final-gap statistics', () => {
    // non-diverged gaps [1, 3, 2]: median 2, mean 2, sd = sqrt((1 + 1 + 0)/2) = 1, q1 = 1.5, q3 = 2.5.
    // With the diverged 1e9 included the median would be (2 + 3)/2 = 2.5.
    expect(s.finalGap).toEqual({ n: 3, median: 2, mean: 2, sd: 1, q1: 1.5, q3: 2.5, min: 1, max: 3 });
    expect(s.finalLoss!.median).toBe(2);
    expect(s.finalLoss!.max).toBe(3);
  });

  it('describes each metric over its non-null values only', () => {
    // validation losses [4, null, 6] → n = 2, median 5
    expect(s.validationLoss!.n).toBe(2);
    expect(s.validationLoss!.median).toBe(5);
    // log-gap areas [−2, −4, −3] → median −3
    expect(s.logGapArea!.median).toBe(-3);
    expect(s.logGapArea!.n).toBe(3);
  });

  it('bootstraps the median final gap of the non-diverged runs with the given seed', () => {
    expect(s.finalGapCi).toEqual(bootstrapMedianCi([1, 3, 2], 11));
    const [lo, hi] = s.finalGapCi!;
    // with the diverged 1e9 in the pool, about a quarter of resample medians would be ≥ 5e8
    expect(lo).toBeGreaterThanOrEqual(1);
    expect(hi).toBeLessThanOrEqual(3);
  });

  it('summarises targets over the runs that reached them; diverged runs count as failures', () => {
    // target 0: reached by 5, 7, 6 (the diverged run's 1 does not count) → median 6, rate 3/4
    // target 1: reached by 10 and 30 → median 20 (never 10 or 0 from the unreached run), rate 2/4
    // target 2: reached by no finished run → null, rate 0
    expect(s.targets).toEqual([
      { epsilon: 1e-1, reached: 3, successRate: 0.75, medianSteps: 6 },
      { epsilon: 1e-2, reached: 2, successRate: 0.5, medianSteps: 20 },
      { epsilon: 1e-3, reached: 0, successRate: 0, medianSteps: null },
    ]);
  });

  it('never averages an unreached target in: steps [10, null, 30] → median 20, success 2/3', () => {
    const three = [10, null, 30].map((k, i) => trial('c1', i, { stepsToTarget: [k] }));
    const t = summarizeConfig(info, three, [1e-3], 0, 1).targets[0];
    expect(t.medianSteps).toBe(20);
    expect(t.reached).toBe(2);
    expect(t.successRate).toBeCloseTo(2 / 3, 15);
  });

  it('takes curve quartiles over the non-diverged runs, null beyond the data', () => {
    // step 0: [10, 10, 10]; step 1: [2, 4, 3] → q1 2.5, median 3, q3 3.5; step 2: [1, 3, 2] → 1.5, 2, 2.5
    // (the diverged run's 0s would pull step 1 to q1 1.5, median 2.5)
    const c = summarizeConfig(info, runs, targets, 4, 11).curve;
    expect(c.median).toEqual([10, 3, 2, null]);
    expect(c.q1).toEqual([10, 2.5, 1.5, null]);
    expect(c.q3).toEqual([10, 3.5, 2.5, null]);
  });

  it('skips null curve points of a finished run', () => {
    const two = [trial('c1', 1, { curve: [4, null] }), trial('c1', 2, { curve: [2, 6] })];
    const c = summarizeConfig(info, two, [], 2, 1).curve;
    // step 0: [2, 4] → median 3, q1 2.5, q3 3.5;  step 1: [6] only
    expect(c.median).toEqual([3, 6]);
    expect(c.q1).toEqual([2.5, 6]);
    expect(c.q3).toEqual([3.5, 6]);
  });

  it('leaves out a finished run without a gap (unknown optimum) but counts it as a run', () => {
    const two = [trial('c1', 1, { finalGap: null, optimalLoss: null }), trial('c1', 2, { finalGap: 5 })];
    const t = summarizeConfig(info, two, [], 0, 1);
    expect(t.runs).toBe(2);
    expect(t.finalGap!.n).toBe(1);
    expect(t.finalGap!.median).toBe(5);
    expect(t.finalGapCi).toBeNull(); // one gap: no interval
  });

  it('gives nulls and zero success when every run diverged', () => {
    const all = [divergedTrial('c1', 1, { stepsToTarget: [2] }), divergedTrial('c1', 2, { stepsToTarget: [2] })];
    const t = summarizeConfig(info, all, [0.1], 2, 1);
    expect(t.runs).toBe(2);
    expect(t.diverged).toBe(2);
    expect([t.finalLoss, t.finalGap, t.validationLoss, t.logGapArea, t.finalGapCi]).toEqual([null, null, null, null, null]);
    expect(t.targets).toEqual([{ epsilon: 0.1, reached: 0, successRate: 0, medianSteps: null }]);
    expect(t.curve).toEqual({ median: [null, null], q1: [null, null], q3: [null, null] });
  });

  it('handles a configuration with no trials', () => {
    const t = summarizeConfig(info, [], [0.1], 1, 1);
    expect(t.runs).toBe(0);
    expect(t.targets[0].successRate).toBe(0); // not 0/0 = NaN
    expect(t.curve.median).toEqual([null]);
  });
});
