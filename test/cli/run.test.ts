import { beforeAll, describe, expect, it } from 'vitest';
import { expectRelClose, gradient, mse, optbench, optbenchJson, type RunJson } from './helpers.ts';
import type { DatasetJson } from '../../src/problems/problem.ts';

// The `optbench run ... --json` contract (ARCHITECTURE.md): { losses, params, ... } where losses[0] is the loss
// at the initial point and losses[k] the full-batch training loss after k steps.

const LR = ['--problem', 'linear-regression', '--seed', '0'];

let problem: DatasetJson;
beforeAll(() => {
  problem = optbenchJson<DatasetJson>('problem', 'linear-regression', '--seed', '0', '--json');
});

describe('optbench run --problem linear-regression --optimizer adam --lr 0.1 --steps 200 --json', () => {
  let run: RunJson;
  beforeAll(() => {
    run = optbenchJson<RunJson>('run', ...LR, '--optimizer', 'adam', '--lr', '0.1', '--steps', '200', '--json');
  });

  it('prints steps + 1 losses and a point of the problem dimension', () => {
    expect(run.status).toBe('ok');
    expect(run.losses).toHaveLength(201);
    expect(run.params).toHaveLength(2);
    expect(run.optimizer).toMatchObject({ name: 'adam', params: { lr: 0.1, beta1: 0.9, beta2: 0.999 } });
    expect(run.steps).toBe(200);
  });

  it('losses[0] is the loss at `init` of `optbench problem linear-regression --seed 0 --json`', () => {
    expectRelClose(run.losses[0], mse(problem.features, problem.targets, problem.init));
  });

  it('the last loss is the loss at the printed params', () => {
    expectRelClose(run.losses[200], mse(problem.features, problem.targets, run.params));
  });

  it('converges: the last loss is within 1% of optimum.loss and far below the first', () => {
    // From run on this instance: f₀ ≈ 105.9, f₂₀₀ ≈ 0.9572, f* ≈ 0.9541 (gap ≈ 0.3% of f*).
    expectRelClose(run.optimum.loss, problem.optimum.loss);
    const last = run.losses[200];
    expect(last).toBeGreaterThanOrEqual(run.optimum.loss * (1 - 1e-12));
    expect(last - run.optimum.loss).toBeLessThan(0.01 * run.optimum.loss);
    expect(last).toBeLessThan(run.losses[0] / 100);
    for (const loss of run.losses) expect(loss).toBeGreaterThanOrEqual(run.optimum.loss * (1 - 1e-12));
  });

  it('is deterministic: the same command prints the same bytes', () => {
    const again = optbench('run', ...LR, '--optimizer', 'adam', '--lr', '0.1', '--steps', '200', '--json');
    expect(JSON.parse(again.stdout)).toEqual(run);
  });

  it('prints a readable curve without --json', () => {
    const { status, stdout, stderr } = optbench('run', ...LR, '--optimizer', 'adam', '--lr', '0.1', '--steps', '200');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('adam (lr=0.1');
    expect(stdout).toMatch(/final loss 0\.957\d*, f\* 0\.954/);
  });
});

describe('run flags take effect', () => {
  const base = ['run', ...LR, '--optimizer', 'adam', '--lr', '0.1', '--steps', '50', '--json'];
  let baseline: RunJson;
  beforeAll(() => {
    baseline = optbenchJson<RunJson>(...base);
  });

  it('--hp beta1=0.5 changes the optimizer and its curve, not the start', () => {
    const run = optbenchJson<RunJson>(...base, '--hp', 'beta1=0.5');
    expect(run.optimizer.params).toMatchObject({ beta1: 0.5, beta2: 0.999 });
    expect(run.losses[0]).toBe(baseline.losses[0]);
    expect(run.losses).not.toEqual(baseline.losses);
  });

  it('--hp may repeat: amsgrad=true and beta2=0.9 are both taken', () => {
    const run = optbenchJson<RunJson>(...base, '--hp', 'amsgrad=true', '--hp', 'beta2=0.9');
    expect(run.optimizer.params).toMatchObject({ amsgrad: true, beta2: 0.9 });
  });

  it('--schedule cosine --schedule-hp warmup=10: the first rate is lr/10 (linear warmup α₀·(t+1)/W)', () => {
    // Plain gradient descent makes the rate visible: θ₁ = θ₀ − α₀·∇f(θ₀) with α₀ = 0.1·1/10 = 0.01.
    const sgd = ['run', ...LR, '--optimizer', 'sgd', '--lr', '0.1', '--steps', '50', '--json'];
    const warm = optbenchJson<RunJson>(...sgd, '--schedule', 'cosine', '--schedule-hp', 'warmup=10');
    const cold = optbenchJson<RunJson>(...sgd, '--schedule', 'cosine');
    expect(warm.schedule).toEqual({ name: 'cosine', params: { warmup: 10, eta_min: 0 } });
    const g = gradient(problem, problem.init);
    const step = (rate: number) => problem.init.map((v, j) => v - rate * g[j]);
    expectRelClose(warm.losses[1], mse(problem.features, problem.targets, step(0.01)));
    // without warmup the cosine starts at the full rate: α₀ = 0.1·(1 + cos 0)/2 = 0.1
    expectRelClose(cold.losses[1], mse(problem.features, problem.targets, step(0.1)));
    expect(warm.losses).not.toEqual(cold.losses);
  });

  it('--batch-size 10 trains on minibatches but still records the full-batch loss at every step', () => {
    const run = optbenchJson<RunJson>(...base, '--batch-size', '10');
    expect(run.batchSize).toBe(10);
    expect(run.losses).toHaveLength(51);
    expect(run.losses[0]).toBe(baseline.losses[0]);
    expect(run.losses).not.toEqual(baseline.losses);
    expectRelClose(run.losses[50], mse(problem.features, problem.targets, run.params));
  });

  it('--opt n=50 changes the data: losses[0] is the loss at init on the 50-sample instance', () => {
    const run = optbenchJson<RunJson>(...base, '--opt', 'n=50');
    expect(run.problem).toEqual({ name: 'linear-regression', params: expect.objectContaining({ n: 50 }) });
    const small = optbenchJson<DatasetJson>('problem', 'linear-regression', '--seed', '0', '--opt', 'n=50', '--json');
    expect(small.features).toHaveLength(50);
    expectRelClose(run.losses[0], mse(small.features, small.targets, small.init));
    expect(run.losses[0]).not.toBe(baseline.losses[0]);
  });

  it('--seed 1 is another instance', () => {
    const run = optbenchJson<RunJson>('run', '--problem', 'linear-regression', '--seed', '1', '--optimizer', 'adam', '--steps', '5', '--json');
    const other = optbenchJson<DatasetJson>('problem', 'linear-regression', '--seed', '1', '--json');
    expectRelClose(run.losses[0], mse(other.features, other.targets, other.init));
  });
});
