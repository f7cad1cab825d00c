import { describe, expect, it } from 'vitest';
import { logUniform } from '../../src/search/space.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';
import { BEST_RULE, DEFAULT_TARGETS } from '../../src/suite/resolved.ts';
import { userError } from '../user-error.ts';

const FILE = 'suites/t.ts';
const base = {
  problems: [{ name: 'linear-regression', params: { n: 20 } }],
  optimizers: [{ name: 'sgd', params: { lr: [0.01, 0.1] } }],
  seeds: 5,
  budget: { steps: 500 },
};

const resolve = (def: unknown, quick = false) => resolveSuite('t', FILE, def, { quick });

/** The one-line message of the error resolving `def` throws. */
function message(def: unknown): string {
  return userError(() => resolve(def));
}

describe('resolveSuite: defaults', () => {
  it('labels every entry and fills every default', () => {
    const s = resolve({ ...base, optimizers: ['adam'] });
    expect(s).toEqual({
      name: 't',
      description: '',
      quick: false,
      problems: [{ label: 'linear-regression', name: 'linear-regression', params: { n: 20, d: 1, noise: 1, spread: 1, validation: 0.2 }, steps: 500 }],
      optimizers: [{ label: 'adam', name: 'adam', space: {}, batchSize: null }],
      schedules: [{ label: 'constant', name: 'constant', space: {} }],
      search: { kind: 'grid' },
      seeds: [0, 1, 2, 3, 4],
      targets: [...DEFAULT_TARGETS],
      rule: BEST_RULE,
      check: { tolerance: 0.05, alpha: 0.05 },
    });
  });

  it('sorts targets loosest first and keeps listed seeds in order', () => {
    const s = resolve({ ...base, targets: [1e-3, 0.1, 1e-2], seeds: [7, 2, 9] });
    expect(s.targets).toEqual([0.1, 1e-2, 1e-3]);
    expect(s.seeds).toEqual([7, 2, 9]);
  });

  it('takes batch sizes from the budget unless an optimizer entry says otherwise', () => {
    const s = resolve({ ...base, optimizers: ['sgd', { name: 'adam', batchSize: 4 }, { name: 'rmsprop', batchSize: 'full' }], budget: { steps: 10, batchSize: 8 } });
    expect(s.optimizers.map((o) => o.batchSize)).toEqual([8, 4, null]);
  });

  it("keeps a problem's own batch size (and no batchSize key on problems without one)", () => {
    const s = resolve({ ...base, problems: [{ name: 'noisy-quadratic', batchSize: 32 }, 'quadratic'], optimizers: ['sgd', { name: 'adam', batchSize: 4 }] });
    expect(s.problems.map((p) => p.batchSize)).toEqual([32, undefined]);
    expect('batchSize' in s.problems[1]).toBe(false);
    expect(s.optimizers.map((o) => o.batchSize)).toEqual([null, 4]);
  });
});

describe('resolveSuite: --quick', () => {
  it('keeps 2 seeds and steps ÷ 5 (rounded up), for the budget and per-problem budgets', () => {
    const s = resolve({ ...base, problems: [...base.problems, { name: 'quadratic', steps: 33 }] }, true);
    expect(s.quick).toBe(true);
    expect(s.seeds).toEqual([0, 1]);
    expect(s.problems.map((p) => p.steps)).toEqual([100, 7]); // 500/5; ceil(33/5)
  });

  it('divides random-search samples by 4 (rounded up)', () => {
    const s = resolve({ ...base, optimizers: [{ name: 'sgd', params: { lr: logUniform(1e-3, 1) } }], search: { kind: 'random', samples: 30 } }, true);
    expect(s.search).toEqual({ kind: 'random', samples: 8, seed: 0 });
  });

  it('follows the suite’s own quick field, never exceeding the full run', () => {
    const own = resolve({ ...base, seeds: [4, 5, 6, 7], quick: { seeds: 3, steps: 40 } }, true);
    expect(own.seeds).toEqual([4, 5, 6]);
    expect(own.problems[0].steps).toBe(40);
    expect(resolve({ ...base, budget: { steps: 30 }, quick: { steps: 50 } }, true).problems[0].steps).toBe(30);
  });

  it('changes nothing without --quick', () => {
    const s = resolve({ ...base, quick: { seeds: 1, steps: 3 } });
    expect(s.seeds).toHaveLength(5);
    expect(s.problems[0].steps).toBe(500);
  });
});

describe('resolveSuite: errors name the file, the field and the value', () => {
  it.each([
    [
      'an unknown optimizer, with a suggestion',
      { ...base, optimizers: ['adma'] },
      `${FILE}: optimizers[0]: unknown optimizer "adma" (did you mean "adam"?); known: sgd, momentum, nesterov, adagrad, rmsprop, adam`,
    ],
    ['an unknown problem', { ...base, problems: ['linear-regresion'] }, `${FILE}: problems[0]: unknown problem "linear-regresion" (did you mean "linear-regression"?)`],
    ['an unknown schedule', { ...base, schedules: ['cosin'] }, `${FILE}: schedules[0]: unknown schedule "cosin" (did you mean "cosine"?)`],
    [
      'an unknown hyperparameter in a space',
      { ...base, optimizers: [{ name: 'sgd', params: { lr: 0.1, momentun: [0, 0.9] } }] },
      `${FILE}: optimizers[0].params.momentun: sgd has no parameter "momentun" (did you mean "momentum"?); known: lr, momentum, dampening, nesterov, weight_decay`,
    ],
    ['an out-of-range lr in a grid list', { ...base, optimizers: [{ name: 'sgd', params: { lr: [0.1, -1] } }] }, `${FILE}: optimizers[0].params.lr[1]: sgd: lr must be in (0, inf), got -1`],
    ['a bad fixed value', { ...base, optimizers: [{ name: 'adam', params: { beta1: 1.2 } }] }, `${FILE}: optimizers[0].params.beta1: adam: beta1 must be in [0, 1), got 1.2`],
    [
      'a distribution in a grid',
      { ...base, optimizers: [{ name: 'sgd', params: { lr: logUniform(1e-4, 1) } }] },
      `${FILE}: optimizers[0].params.lr: a distribution needs a sampled search ({ kind: "random" } or { kind: "sobol" }); a grid takes a list of values`,
    ],
    ['an empty list', { ...base, optimizers: [{ name: 'sgd', params: { lr: [] } }] }, `${FILE}: optimizers[0].params.lr: an empty list`],
    ['no optimizers', { ...base, optimizers: [] }, `${FILE}: optimizers: must be a non-empty list, got []`],
    ['seeds 0', { ...base, seeds: 0 }, `${FILE}: seeds: must be an integer in [1, 100000], got 0`],
    ['seeds -1', { ...base, seeds: -1 }, `${FILE}: seeds: must be an integer in [1, 100000], got -1`],
    ['a negative listed seed', { ...base, seeds: [0, -1] }, `${FILE}: seeds[1]: must be a non-negative integer, got -1`],
    ['a duplicate seed', { ...base, seeds: [3, 5, 3] }, `${FILE}: seeds[2]: seed 3 is listed twice`],
    ['steps 0', { ...base, budget: { steps: 0 } }, `${FILE}: budget.steps: must be an integer in [1, 10000000], got 0`],
    ['steps 2.5', { ...base, budget: { steps: 2.5 } }, `${FILE}: budget.steps: must be an integer in [1, 10000000], got 2.5`],
    ['no budget', { ...base, budget: undefined }, `${FILE}: budget: must be { steps, batchSize? }, got undefined`],
    [
      'an unknown top-level key, with a suggestion',
      { ...base, optimisers: ['adam'] },
      `${FILE}: suite: unknown field "optimisers" (did you mean "optimizers"?); known: description, problems, optimizers, schedules, search, seeds, budget, targets, quick, check`,
    ],
    ['an unknown budget key', { ...base, budget: { steps: 10, batch: 4 } }, `${FILE}: budget: unknown field "batch"`],
    ['a target of 0', { ...base, targets: [0.1, 0] }, `${FILE}: targets[1]: must be a number in (0, 1), got 0`],
    ['a target of 1', { ...base, targets: [1] }, `${FILE}: targets[0]: must be a number in (0, 1), got 1`],
    ['a target above 1', { ...base, targets: [0.1, 2] }, `${FILE}: targets[1]: must be a number in (0, 1), got 2`],
    ['duplicate labels', { ...base, optimizers: ['sgd', { name: 'adam', label: 'sgd' }] }, `${FILE}: optimizers: two entries are labelled "sgd"; give them distinct labels`],
    ['the same optimizer twice without labels', { ...base, optimizers: ['sgd', 'sgd'] }, `${FILE}: optimizers: two entries are labelled "sgd"`],
    ['an empty label', { ...base, optimizers: [{ name: 'sgd', label: '' }] }, `${FILE}: optimizers[0].label: must be a non-empty string, got ""`],
    [
      'a bad problem option',
      { ...base, problems: [{ name: 'linear-regression', params: { n: 1 } }] },
      `${FILE}: problems[0].params: problem linear-regression: n must be in [2, 10000000], got 1`,
    ],
    [
      'problem options that are valid alone but not together',
      { ...base, problems: ['quadratic', { name: 'linear-regression', params: { n: 5, d: 5 } }] },
      `${FILE}: problems[1].params: problem linear-regression: n must be at least d + 1 = 6 for a unique optimum, got 5`,
    ],
    ['a bad search kind', { ...base, search: { kind: 'sobel' } }, `${FILE}: search: must be { kind: "grid" }, { kind: "random", samples, seed? }`],
    ['random search without samples', { ...base, search: { kind: 'random' } }, `${FILE}: search.samples: must be an integer`],
    [
      'a continuous distribution for an integer parameter',
      { ...base, schedules: [{ name: 'cosine', params: { warmup: { kind: 'uniform', low: 0, high: 20 } } }], search: { kind: 'random', samples: 3 } },
      `${FILE}: schedules[0].params.warmup: schedule cosine: warmup is an integer; use intUniform(low, high)`,
    ],
    [
      'a log-uniform distribution reaching 0',
      { ...base, optimizers: [{ name: 'sgd', params: { lr: { kind: 'log-uniform', low: 0, high: 1 } } }], search: { kind: 'random', samples: 3 } },
      `${FILE}: optimizers[0].params.lr: log-uniform needs low > 0, got 0`,
    ],
    ['a bad quick field', { ...base, quick: { seeds: 0 } }, `${FILE}: quick.seeds: must be an integer in [1, 1000000000], got 0`],
    ['a problem batch size of 0', { ...base, problems: [{ name: 'noisy-quadratic', batchSize: 0 }] }, `${FILE}: problems[0].batchSize: must be an integer in [1, `],
    ['a fractional problem batch size', { ...base, problems: [{ name: 'noisy-quadratic', batchSize: 2.5 }] }, `${FILE}: problems[0].batchSize: must be an integer in [1, `],
    [
      'a problem batch size with budget.batchSize',
      { ...base, problems: ['quadratic', { name: 'noisy-quadratic', batchSize: 8 }], budget: { steps: 10, batchSize: 4 } },
      `${FILE}: problems[1].batchSize: cannot be combined with budget.batchSize: give batch sizes per problem or suite-wide, not both`,
    ],
    [
      "a problem batch size with an optimizer's 'full'",
      { ...base, problems: [{ name: 'noisy-quadratic', batchSize: 8 }], optimizers: ['sgd', { name: 'adam', batchSize: 'full' }] },
      `${FILE}: problems[0].batchSize: cannot be combined with optimizers[1].batchSize "full"`,
    ],
    ['a module without a suite', 42, `${FILE}: must export a suite (export default defineSuite({...})), got 42`],
  ])('%s', (_what, def, expected) => {
    expect(message(def)).toContain(expected);
  });

  it('leaves combinations to plan: nesterov without momentum and a long warmup load', () => {
    expect(() => resolve({ ...base, optimizers: [{ name: 'sgd', params: { lr: 0.1, nesterov: true } }] })).not.toThrow();
    expect(() => resolve({ ...base, schedules: [{ name: 'cosine', params: { warmup: [0, 500] } }] })).not.toThrow();
  });
});
