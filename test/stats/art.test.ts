import { describe, expect, it } from 'vitest';
import { averageRunningTime, trialCost } from '../../src/stats/art.ts';
import { divergedTrial, trial } from './fixtures.ts';

describe('averageRunningTime (COCO aRT)', () => {
  it('charges unsuccessful runs their budget or divergence step: (10 + 20 + 100 + 7) / 2 = 68.5', () => {
    // Runs: reached at 10, reached at 20, never reached in a budget of 100, diverged at step 7.
    const runs = [
      { hit: 10, spent: 100 },
      { hit: 20, spent: 100 },
      { hit: null, spent: 100 },
      { hit: null, spent: 7 },
    ];
    expect(averageRunningTime(runs)).toEqual({ value: 68.5, successes: 2, runs: 4 });
  });

  it('is Infinity with no success, and with no runs', () => {
    expect(averageRunningTime([{ hit: null, spent: 100 }, { hit: null, spent: 3 }])).toEqual({ value: Infinity, successes: 0, runs: 2 });
    expect(averageRunningTime([]).value).toBe(Infinity);
  });

  it('is the mean of the hits when every run succeeds: (4 + 6 + 11) / 3 = 7', () => {
    expect(averageRunningTime([4, 6, 11].map((hit) => ({ hit, spent: 50 })))).toEqual({ value: 7, successes: 3, runs: 3 });
  });
});

describe('trialCost', () => {
  it('reads the steps to the target of a finished run, or its whole budget', () => {
    const t = trial('c', 0, { stepsToTarget: [12, null] });
    expect(trialCost(t, 0, 300)).toEqual({ hit: 12, spent: 300 });
    expect(trialCost(t, 1, 300)).toEqual({ hit: null, spent: 300 });
  });

  it('counts a diverged run as unsuccessful at its divergence step, even past a target it reached first', () => {
    const t = divergedTrial('c', 0, { divergedAt: 9, stepsToTarget: [4] });
    expect(trialCost(t, 0, 300)).toEqual({ hit: null, spent: 9 });
  });
});
