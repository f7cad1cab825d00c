import { describe, expect, it } from 'vitest';
import { trialResult } from '../../src/results/trial-result.ts';
import type { TrialRun } from '../../src/train/run-trial.ts';
import { resolveTrialSpec } from '../../src/train/spec.ts';
import type { TrialStatus } from '../../src/train/train.ts';

const spec = resolveTrialSpec({ problem: { name: 'linear-regression' }, seed: 3, optimizer: { name: 'sgd', params: { lr: 0.1 } }, steps: 4 });
const ids = { id: 'trial-1', configId: 'config-1' };

/** A finished trial built by hand: its loss curve, f* (NaN: unknown) and outcome. */
function run(losses: number[], optimalLoss: number, outcome: TrialStatus = { status: 'ok' }): TrialRun {
  return {
    spec,
    outcome,
    losses: Float64Array.from(losses),
    params: Float64Array.from([0, 0]),
    finalLoss: losses[losses.length - 1],
    bestLoss: Math.min(...losses.filter(Number.isFinite)),
    validationLoss: 2.5,
    optimalLoss,
  };
}

describe('trialResult on a converging run (f* = 1)', () => {
  // f₀ − f* = 9; gaps 9, 4, 0.5, 0.05, 1e-4. Targets ε·9: 0.9, 0.09, 0.009, 9e-6.
  const losses = [10, 5, 1.5, 1.05, 1.0001];
  const r = trialResult(run(losses, 1), ids, [0.1, 0.01, 1e-3, 1e-6], [0, 1, 2, 4, 6]);

  it('meets each target at the first step with gap ≤ ε·(f₀ − f*)', () => {
    // 0.5 ≤ 0.9 at k = 2 (4 > 0.9 at k = 1); 0.05 ≤ 0.09 at k = 3; 1e-4 ≤ 0.009 at k = 4; never 9e-6.
    expect(r.stepsToTarget).toEqual([2, 3, 4, null]);
  });

  it('averages log10 of the relative gap over every step for the log-gap area', () => {
    // (log10 1 + log10(4/9) + log10(0.5/9) + log10(0.05/9) + log10(1e-4/9)) / 5
    //   = (log10(4·0.5·0.05·1e-4) − 4·log10 9) / 5 = (−5 − 4·log10 9) / 5 ≈ −1.763394
    expect(r.logGapArea).toBeCloseTo((-5 - 4 * Math.log10(9)) / 5, 9);
    expect(r.logGapArea).toBeCloseTo(-1.763394, 6);
  });

  it('records the losses, the final gap and the identity', () => {
    expect(r).toMatchObject({ id: 'trial-1', configId: 'config-1', seed: 3, status: 'ok', divergedAt: null });
    expect(r).toMatchObject({ initialLoss: 10, finalLoss: 1.0001, bestLoss: 1.0001, validationLoss: 2.5, optimalLoss: 1 });
    expect(r.finalGap).toBeCloseTo(1e-4, 15);
  });

  it('samples the gap at the curve steps to 4 significant digits, null past the end', () => {
    expect(r.curve).toEqual([9, 4, 0.5, 0.0001, null]);
  });
});

describe('trialResult: targets', () => {
  it('counts a gap exactly at ε·(f₀ − f*) as reached', () => {
    // f* = 0, f₀ = 8: thresholds 4 and 2, met exactly at k = 1 and k = 2 (all values exact in binary).
    expect(trialResult(run([8, 4, 2, 1], 0), ids, [0.5, 0.25], []).stepsToTarget).toEqual([1, 2]);
  });

  it('meets several targets at one step when the loss drops past them at once', () => {
    expect(trialResult(run([8, 6, 0.001], 0), ids, [0.5, 0.25, 0.01], []).stepsToTarget).toEqual([2, 2, 2]);
  });

  it('floors the relative gap at 1e-16 in the area, so an exact optimum counts as −16, not −∞', () => {
    // log10 of 1, 0.1, 0.01, 0.001, max(0, 1e-16): (0 − 1 − 2 − 3 − 16) / 5 = −4.4
    expect(trialResult(run([1, 0.1, 0.01, 0.001, 0], 0), ids, [0.1], []).logGapArea).toBeCloseTo(-4.4, 12);
  });
});

describe('trialResult on a diverged run', () => {
  // Diverged at step 2: the curve stops there (losses up to and including the divergence step).
  const r = trialResult(run([10, 5, Infinity], 1, { status: 'diverged', atStep: 2 }), ids, [0.5, 0.1], [0, 1, 2, 3, 4]);

  it('records the step and no final gap, final loss or area', () => {
    expect(r).toMatchObject({ status: 'diverged', divergedAt: 2, finalLoss: null, finalGap: null, logGapArea: null, validationLoss: null });
  });

  it('keeps the targets met before the divergence (gap 4 ≤ 0.5·9 at k = 1)', () => {
    expect(r.stepsToTarget).toEqual([1, null]);
  });

  it('has a curve that is null from the divergence step on', () => {
    expect(r.curve).toEqual([9, 4, null, null, null]);
  });

  it('stores a NaN loss as null in the curve', () => {
    expect(trialResult(run([10, NaN], 1, { status: 'diverged', atStep: 1 }), ids, [0.5], [0, 1]).curve).toEqual([9, null]);
  });
});

describe('trialResult without a known optimum', () => {
  const r = trialResult(run([10, 5, 2], NaN), ids, [0.5], [0, 1, 2]);

  it('keeps the losses but measures no gap', () => {
    expect(r).toMatchObject({ initialLoss: 10, finalLoss: 2, optimalLoss: null, finalGap: null, logGapArea: null });
    expect(r.stepsToTarget).toEqual([null]);
    expect(r.curve).toEqual([null, null, null]);
  });

  it('has no area when the run starts at the optimum (f₀ = f*)', () => {
    expect(trialResult(run([1, 1], 1), ids, [0.5], []).logGapArea).toBeNull();
  });
});
