import { describe, expect, it } from 'vitest';
import { asStaged, stagedSearch } from '../../src/runner/stages.ts';
import { plan } from '../../src/search/plan.ts';
import { logUniform } from '../../src/search/space.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';
import { userError } from '../user-error.ts';

const FILE = 'suites/t.ts';
const base = {
  problems: [{ name: 'quadratic', params: { dim: 3 } }],
  optimizers: [{ name: 'sgd', params: { lr: logUniform(1e-3, 0.1) } }],
  seeds: 5,
  budget: { steps: 270 },
};
const resolve = (search: unknown, extra: Record<string, unknown> = {}, quick = false) => resolveSuite('t', FILE, { ...base, ...extra, search }, { quick });

function message(search: unknown, extra: Record<string, unknown> = {}): string {
  return userError(() => resolve(search, extra));
}

describe('staged searches: defaults', () => {
  it('halving: η = 3, the random sampler, seed 0; distributions allowed', () => {
    expect(resolve({ kind: 'halving', samples: 27, minSteps: 10 }).search).toEqual({ kind: 'halving', samples: 27, eta: 3, minSteps: 10, sampler: 'random', seed: 0 });
  });

  it('hyperband: η = 3, the random sampler, seed 0', () => {
    expect(resolve({ kind: 'hyperband', minSteps: 10, eta: 4, sampler: 'sobol', seed: 7 }).search).toEqual({ kind: 'hyperband', eta: 4, minSteps: 10, sampler: 'sobol', seed: 7 });
  });

  it('tuning: one tuning seed by default, the largest suite seed + 1', () => {
    expect(resolve({ kind: 'tuning', samples: 8 }).search).toEqual({ kind: 'tuning', samples: 8, sampler: 'random', tuningSeeds: [5], seed: 0 });
    expect(resolve({ kind: 'tuning', samples: 8 }, { seeds: [3, 9, 4] }).search).toMatchObject({ tuningSeeds: [10] });
    expect(resolve({ kind: 'tuning', samples: 8, tuningSeeds: [100, 101] }).search).toMatchObject({ tuningSeeds: [100, 101] });
  });

  it('--quick: samples ÷ 4 as for random search, minSteps ÷ 5 as steps; tuning seeds kept', () => {
    expect(resolve({ kind: 'halving', samples: 27, minSteps: 10 }, {}, true).search).toMatchObject({ samples: 7, minSteps: 2 });
    expect(resolve({ kind: 'tuning', samples: 8, tuningSeeds: [100] }, {}, true).search).toMatchObject({ samples: 2, tuningSeeds: [100] });
  });
});

describe('staged searches: refused with one line naming the field', () => {
  it('tuning seeds that overlap the suite seeds', () => {
    expect(message({ kind: 'tuning', samples: 8, tuningSeeds: [7, 3] })).toBe(
      "suites/t.ts: search.tuningSeeds[1]: seed 3 is also one of the suite's seeds; tuning seeds must be fresh, not among seeds [0, 1, 2, 3, 4]",
    );
    expect(message({ kind: 'tuning', samples: 8, tuningSeeds: [9] }, { seeds: [9, 10] })).toContain('seed 9 is also one of the suite');
  });

  it('bad tuning seeds', () => {
    expect(message({ kind: 'tuning', samples: 8, tuningSeeds: [] })).toBe('suites/t.ts: search.tuningSeeds: must be a non-empty list of seeds, got []');
    expect(message({ kind: 'tuning', samples: 8, tuningSeeds: [8, 8] })).toBe('suites/t.ts: search.tuningSeeds[1]: seed 8 is listed twice');
    expect(message({ kind: 'tuning', samples: 8, tuningSeeds: [-1] })).toBe('suites/t.ts: search.tuningSeeds[0]: must be a non-negative integer, got -1');
  });

  it('missing or bad numbers', () => {
    expect(message({ kind: 'halving', samples: 27 })).toBe('suites/t.ts: search.minSteps: must be an integer in [1, 10000000], got undefined');
    expect(message({ kind: 'halving', samples: 27, minSteps: 10, eta: 1 })).toBe('suites/t.ts: search.eta: must be an integer in [2, 100], got 1');
    expect(message({ kind: 'halving', samples: 27, minSteps: 10, eta: 2.5 })).toBe('suites/t.ts: search.eta: must be an integer in [2, 100], got 2.5');
    expect(message({ kind: 'hyperband', minSteps: 0 })).toBe('suites/t.ts: search.minSteps: must be an integer in [1, 10000000], got 0');
  });

  it('unknown fields and samplers', () => {
    expect(message({ kind: 'hyperband', minSteps: 10, samples: 5 })).toBe(
      'suites/t.ts: search: unknown field "samples" (did you mean "sampler"?); known: kind, eta, minSteps, sampler, seed',
    );
    expect(message({ kind: 'halving', samples: 9, minSteps: 10, sampler: 'grid' })).toBe('suites/t.ts: search.sampler: must be "random" or "sobol", got "grid"');
  });

  it('an unknown kind lists the staged ones too', () => {
    expect(message({ kind: 'bayes' })).toContain('{ kind: "hyperband", minSteps, eta? }');
  });

  it('a staged search has no plan ahead of time', () => {
    expect(() => plan(resolve({ kind: 'hyperband', minSteps: 10 }))).toThrow('suite t: a hyperband search runs in stages');
  });
});

describe('staged searches sample what random (or Sobol) search samples', () => {
  const lrs = (trials: readonly { spec: { optimizer: { params: Record<string, unknown> } } }[]) => [...new Set(trials.map((t) => t.spec.optimizer.params.lr))];
  const firstStage = (search: unknown) => {
    const step = stagedSearch(asStaged(resolve(search))!).step(new Map());
    if (step.kind !== 'run') throw new Error('no first stage');
    return step;
  };

  it.each(['random', 'sobol'] as const)('halving with the %s sampler: rung 0 holds the points of a %s search with the same seed and count', (sampler) => {
    const step = firstStage({ kind: 'halving', samples: 9, minSteps: 10, sampler, seed: 4 });
    const same = plan(resolve({ kind: sampler, samples: 9, seed: 4 }));
    expect(lrs(step.trials)).toEqual(same.configs.map((c) => c.spec.optimizer.params.lr));
    expect(step.trials.every((t) => t.spec.steps === 10)).toBe(true); // 270/3³ = 10
    expect(step.total).toBe((9 + 3 + 1 + 1) * 5); // rungs 9, 3, 1, 1 (⌊1/3⌋ → at least one) on 5 seeds
  });

  it('tuning: stage 0 runs the random points on the tuning seeds only', () => {
    const step = firstStage({ kind: 'tuning', samples: 4, tuningSeeds: [10, 11], seed: 2 });
    expect(lrs(step.trials)).toEqual(plan(resolve({ kind: 'random', samples: 4, seed: 2 })).configs.map((c) => c.spec.optimizer.params.lr));
    expect([...new Set(step.trials.map((t) => t.seed))]).toEqual([10, 11]);
  });

  it('hyperband: minSteps above a problem budget is refused, naming both', () => {
    expect(() => stagedSearch(asStaged(resolve({ kind: 'hyperband', minSteps: 300 }))!)).toThrow('suite t: search.minSteps 300 exceeds the 270 steps of problem quadratic');
  });
});
