import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { resolveTrialSpec, trialId, type TrialSpec } from '../../src/train/spec.ts';

const bare: TrialSpec = {
  problem: { name: 'quadratic' },
  seed: 1,
  optimizer: { name: 'adam', params: { lr: 0.01 } },
  steps: 100,
};

/**
 * The same trial with every default written out by hand: Adam's are torch.optim.Adam's (betas = (0.9, 0.999),
 * eps = 1e-8, weight_decay = 0, amsgrad = False, decoupled_weight_decay = False); the quadratic's are its documented defaults (dim 10, κ 10,
 * μ 1, rotated); the schedule defaults to a constant rate.
 */
const explicit: TrialSpec = {
  problem: { name: 'quadratic', params: { dim: 10, kappa: 10, mu: 1, rotate: true } },
  seed: 1,
  optimizer: { name: 'adam', params: { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: false, decoupled_weight_decay: false } },
  schedule: { name: 'constant', params: {} },
  steps: 100,
};

describe('resolveTrialSpec', () => {
  it('fills every default: a spec with the defaults written out has the same trialId as one without', () => {
    expect(trialId(resolveTrialSpec(explicit))).toBe(trialId(resolveTrialSpec(bare)));
    expect(resolveTrialSpec(bare)).toEqual({
      problem: explicit.problem,
      seed: 1,
      optimizer: explicit.optimizer,
      schedule: explicit.schedule,
      steps: 100,
    });
  });

  it('fills the defaults of linear-regression, sgd and a schedule with parameters', () => {
    const resolved = resolveTrialSpec({
      problem: { name: 'linear-regression' },
      seed: 0,
      optimizer: { name: 'sgd' },
      schedule: { name: 'step' },
      steps: 10,
      batchSize: 5,
    });
    expect(resolved.problem.params).toEqual({ n: 100, d: 1, noise: 1, spread: 1, validation: 0.2 });
    // torch.optim.SGD: lr 1e-3, momentum 0, dampening 0, nesterov False, weight_decay 0.
    expect(resolved.optimizer.params).toEqual({ lr: 1e-3, momentum: 0, dampening: 0, nesterov: false, weight_decay: 0 });
    // torch StepLR has no default step size; here step_size 100, gamma 0.1 (StepLR's default gamma).
    expect(resolved.schedule.params).toEqual({ step_size: 100, gamma: 0.1 });
    expect(resolved.batchSize).toBe(5);
  });

  it('the identity ignores key order but not values, seed, budget or batch size', () => {
    const reordered: TrialSpec = {
      steps: 100,
      optimizer: { params: { amsgrad: false, lr: 0.01 }, name: 'adam' },
      seed: 1,
      problem: { params: { rotate: true, dim: 10 }, name: 'quadratic' },
    };
    const id = trialId(resolveTrialSpec(bare));
    expect(trialId(resolveTrialSpec(reordered))).toBe(id);
    const changed: TrialSpec[] = [
      { ...bare, seed: 2 },
      { ...bare, steps: 101 },
      { ...bare, optimizer: { name: 'adam', params: { lr: 0.01, beta1: 0.8 } } },
      { ...bare, problem: { name: 'quadratic', params: { rotate: false } } },
      { ...bare, schedule: { name: 'cosine' } },
      { ...bare, optimizer: { name: 'sgd', params: { lr: 0.01 } } },
    ];
    const ids = changed.map((spec) => trialId(resolveTrialSpec(spec)));
    expect(new Set([id, ...ids]).size).toBe(changed.length + 1);
    const withBatch = { problem: { name: 'linear-regression' }, seed: 0, optimizer: { name: 'sgd' }, steps: 5 };
    expect(trialId(resolveTrialSpec({ ...withBatch, batchSize: 10 }))).not.toBe(trialId(resolveTrialSpec(withBatch)));
    expect(resolveTrialSpec(withBatch)).not.toHaveProperty('batchSize');
  });

  it('the trialId is canonical JSON: sorted keys, no whitespace', () => {
    const id = trialId(resolveTrialSpec({ problem: { name: 'quadratic', params: { dim: 2 } }, seed: 0, optimizer: { name: 'sgd' }, steps: 3 }));
    expect(id).toBe(
      '{"optimizer":{"name":"sgd","params":{"dampening":0,"lr":0.001,"momentum":0,"nesterov":false,"weight_decay":0}},' +
        '"problem":{"name":"quadratic","params":{"dim":2,"kappa":10,"mu":1,"rotate":true}},' +
        '"schedule":{"name":"constant","params":{}},"seed":0,"steps":3}',
    );
  });

  it('a resolved spec round-trips through JSON to the same trialId and resolves to itself', () => {
    const resolved = resolveTrialSpec({ ...bare, schedule: { name: 'cosine', params: { warmup: 5 } } });
    const parsed = JSON.parse(JSON.stringify(resolved)) as TrialSpec;
    expect(trialId(resolveTrialSpec(parsed))).toBe(trialId(resolved));
    expect(resolveTrialSpec(parsed)).toEqual(resolved);
  });

  it('rejects bad values with an OptbenchError naming them', () => {
    const cases: [TrialSpec, string[]][] = [
      [{ ...bare, steps: 0 }, ['steps', 'got 0']],
      [{ ...bare, steps: -1 }, ['steps', 'got -1']],
      [{ ...bare, steps: 2.5 }, ['steps', 'got 2.5']],
      [{ ...bare, steps: '10' as unknown as number }, ['steps', '"10"']],
      [{ ...bare, seed: -2 }, ['seed', '-2']],
      [{ ...bare, optimizer: { name: 'adam', params: { lr: -1 } } }, ['adam', 'lr', '-1']],
      [{ ...bare, optimizer: { name: 'adam', params: { beta1: 1 } } }, ['adam', 'beta1', 'got 1']],
      [{ ...bare, optimizer: { name: 'adam', params: { lr: 0.1, betas: 0.9 } } }, ['adam', '"betas"']],
      [{ ...bare, problem: { name: 'quadratic', params: { kappa: 0 } } }, ['quadratic', 'kappa', 'got 0']],
      [{ ...bare, schedule: { name: 'step', params: { gamma: 2 } } }, ['step', 'gamma', 'got 2']],
      [{ ...bare, batchSize: 0 }, ['batch size', 'got 0']],
    ];
    for (const [spec, parts] of cases) {
      let caught: unknown;
      try {
        resolveTrialSpec(spec);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(spec)).toBeInstanceOf(OptbenchError);
      for (const part of parts) expect((caught as Error).message).toContain(part);
    }
  });
});
