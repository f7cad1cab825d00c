import { describe, expect, it } from 'vitest';
import { problems } from '../../src/problems/index.ts';
import { linearRegression } from '../../src/problems/linear-regression.ts';
import { createProblem, type ProblemDef } from '../../src/problems/problem.ts';
import { quadratic } from '../../src/problems/quadratic.ts';
import { runTrial } from '../../src/train/run-trial.ts';
import type { TrialSpec } from '../../src/train/spec.ts';
import { expectOptbenchError } from '../problems/helpers.ts';
import { bitwiseEqual, expectBitwiseEqual, recordBatches } from './helpers.ts';

const quadraticSpec = (seed = 0, lr = 0.05, steps = 50): TrialSpec => ({
  problem: { name: 'quadratic' },
  seed,
  optimizer: { name: 'sgd', params: { lr } },
  steps,
});

const regressionSpec = (seed = 0, batchSize?: number, optimizer = 'sgd'): TrialSpec => ({
  problem: { name: 'linear-regression' },
  seed,
  optimizer: { name: optimizer, params: { lr: 0.01 } },
  steps: 30,
  batchSize,
});

describe('runTrial: bad specs are OptbenchErrors', () => {
  it('rejects a batch size larger than the training samples', () => {
    expectOptbenchError(() => runTrial(regressionSpec(0, 101)), 'batch size', '100', '101');
    expect(runTrial(regressionSpec(0, 100)).outcome.status).toBe('ok'); // exactly n is fine
  });

  it('rejects a batch size on the quadratic, which has no samples', () => {
    expectOptbenchError(() => runTrial({ ...quadraticSpec(), batchSize: 10 }), 'quadratic', 'batch');
  });

  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects steps = %s', (steps) => {
    expectOptbenchError(() => runTrial({ ...quadraticSpec(), steps }), 'steps', String(steps));
  });

  it.each([0, -3, 2.5])('rejects batch size %s', (batchSize) => {
    expectOptbenchError(() => runTrial(regressionSpec(0, batchSize)), 'batch size', String(batchSize));
  });

  it('rejects unknown names with a suggestion, and a bad seed', () => {
    expectOptbenchError(() => runTrial({ ...quadraticSpec(), problem: { name: 'quadratc' } }), 'problem', '"quadratc"', '"quadratic"');
    expectOptbenchError(() => runTrial({ ...quadraticSpec(), optimizer: { name: 'adma' } }), 'optimizer', '"adma"', '"adam"');
    expectOptbenchError(() => runTrial({ ...quadraticSpec(), schedule: { name: 'cosin' } }), 'schedule', '"cosin"', '"cosine"');
    expectOptbenchError(() => runTrial({ ...quadraticSpec(), seed: -1 }), 'seed', '-1');
    expectOptbenchError(() => runTrial({ ...quadraticSpec(), seed: 0.5 }), 'seed', '0.5');
  });

  it('rejects bad problem options found only when the instance is made (n < d + 1)', () => {
    expectOptbenchError(
      () => runTrial({ ...regressionSpec(), problem: { name: 'linear-regression', params: { n: 3, d: 3 } } }),
      'linear-regression',
      'n must be',
    );
  });
});

describe('runTrial: results', () => {
  it('the same spec gives bitwise identical losses and params, even after its cached instance is evicted', () => {
    const first = runTrial(quadraticSpec(3));
    // More distinct instances than the cache holds (32), so the second run builds its instance afresh.
    for (let seed = 100; seed < 140; seed++) runTrial(quadraticSpec(seed, 0.05, 1));
    const second = runTrial(quadraticSpec(3));
    expectBitwiseEqual(second.losses, first.losses);
    expectBitwiseEqual(second.params, first.params);
    const batchedA = runTrial(regressionSpec(3, 10));
    const batchedB = runTrial(regressionSpec(3, 10));
    expectBitwiseEqual(batchedB.losses, batchedA.losses);
  });

  it('a different seed gives different losses', () => {
    expect(bitwiseEqual(runTrial(quadraticSpec(3)).losses, runTrial(quadraticSpec(4)).losses)).toBe(false);
    expect(bitwiseEqual(runTrial(regressionSpec(3, 10)).losses, runTrial(regressionSpec(4, 10)).losses)).toBe(false);
  });

  it('the summary fields follow from the curve and the problem', () => {
    const run = runTrial(regressionSpec(2));
    const problem = createProblem(linearRegression, 2);
    expect(run.losses).toHaveLength(31);
    expect(run.losses[0]).toBe(problem.loss(Float64Array.from(problem.init)));
    expect(run.finalLoss).toBe(run.losses[30]);
    expect(run.bestLoss).toBe(Math.min(...run.losses));
    expect(run.outcome).toEqual({ status: 'ok' });
    // f* and the validation loss, written out from toJSON(): mean((features·θ − targets)²).
    const j = problem.toJSON() as {
      optimum: { loss: number };
      validation: { features: number[][]; targets: number[] };
    };
    expect(run.optimalLoss).toBe(j.optimum.loss);
    const mse =
      j.validation.features.reduce((s, row, i) => s + (row[0] * run.params[0] + row[1] * run.params[1] - j.validation.targets[i]) ** 2, 0) /
      j.validation.targets.length;
    expect(Math.abs(run.validationLoss - mse)).toBeLessThanOrEqual(1e-12 * mse);
    const q = runTrial(quadraticSpec(2));
    expect(q.optimalLoss).toBe(0);
    expect(q.validationLoss).toBeNaN();
  });

  it('bestLoss is the minimum, not the last value, when the loss rises', () => {
    // γ = 0.22 > 2/L = 0.2 on the quadratic (L = 10): the top mode grows by (1 − 2.2)² = 1.44 per step while
    // the others shrink, so the loss first falls, then rises (by ~1.44³⁰ ≈ 6e4 on that mode, below the 1e6
    // divergence limit); best < final.
    const run = runTrial(quadraticSpec(0, 0.22, 30));
    expect(run.outcome.status).toBe('ok');
    expect(run.bestLoss).toBe(Math.min(...run.losses));
    expect(run.bestLoss).toBeLessThan(run.finalLoss);
  });

  it('a diverging trial is a result: sgd at γ = 5 on the quadratic, atStep > 0, curve up to that step', () => {
    let run: ReturnType<typeof runTrial> | undefined;
    expect(() => (run = runTrial({ ...quadraticSpec(0, 5, 500), problem: { name: 'quadratic', params: { kappa: 10 } } }))).not.toThrow();
    expect(run!.outcome.status).toBe('diverged');
    const atStep = (run!.outcome as { atStep: number }).atStep;
    expect(atStep).toBeGreaterThan(0);
    expect(run!.losses).toHaveLength(atStep + 1);
    expect(run!.finalLoss).toBe(run!.losses[atStep]);
    expect(run!.finalLoss).toBeGreaterThan(1e6 * run!.losses[0]);
  });

  it('adam with an absurd rate diverges without throwing', () => {
    const spec: TrialSpec = { ...quadraticSpec(0), optimizer: { name: 'adam', params: { lr: 1e300 } } };
    expect(() => runTrial(spec)).not.toThrow();
    expect(runTrial(spec).outcome.status).toBe('diverged');
  });

  it('losses[0] is the loss at the initial point of a freshly created instance', () => {
    const q = createProblem(quadratic, 0);
    expect(runTrial(quadraticSpec(0, 0.05, 1)).losses[0]).toBe(q.loss(Float64Array.from(q.init)));
  });
});

describe('runTrial: minibatch order is common to all optimizers', () => {
  // A user problem registered through the same door as the built-ins, wrapping linear-regression and recording
  // the indices of every minibatch into a log that is emptied before each run.
  const log: number[][] = [];
  const recording: ProblemDef = {
    ...linearRegression,
    name: 'test-recording-linear-regression',
    create: (seed, options) => recordBatches(linearRegression.create(seed, options as never), log),
  } as ProblemDef;
  problems.register(recording);

  function batchesOf(optimizer: string, seed: number): number[][] {
    log.length = 0;
    runTrial({ ...regressionSpec(seed, 10, optimizer), problem: { name: recording.name } });
    return log.splice(0);
  }

  it('sgd, adam and rmsprop see the same index sequence for one seed, and another seed changes it', () => {
    const sgd = batchesOf('sgd', 8);
    expect(sgd).toHaveLength(30);
    expect(batchesOf('adam', 8)).toEqual(sgd);
    expect(batchesOf('rmsprop', 8)).toEqual(sgd);
    expect(batchesOf('sgd', 9)).not.toEqual(sgd);
  });

  it('each epoch of a runTrial minibatch run visits every sample once', () => {
    const batches = batchesOf('sgd', 8);
    for (let e = 0; e < 3; e++) {
      const epoch = batches.slice(10 * e, 10 * (e + 1)).flat();
      expect([...epoch].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    }
  });
});
