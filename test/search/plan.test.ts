import { describe, expect, it } from 'vitest';
import { plan } from '../../src/search/plan.ts';
import { logUniform } from '../../src/search/space.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';

const tiny = {
  problems: [{ name: 'linear-regression', params: { n: 20 } }],
  optimizers: [
    { name: 'sgd', params: { lr: [0.01, 0.1] } },
    { name: 'adam', params: { lr: [0.1] } },
  ],
  seeds: 2,
  budget: { steps: 30 },
};

const planOf = (def: unknown) => plan(resolveSuite('t', 'suites/t.ts', def));
const byLabels = (p: ReturnType<typeof plan>) => new Map(p.trials.map((t) => [`${t.problem}|${t.optimizer}|${t.schedule}|${t.spec.optimizer.params.lr}|${t.seed}`, t.id]));

describe('plan', () => {
  it("gives a problem's trials its batch size unless the optimizer entry has its own; other problems run full batch", () => {
    const p = planOf({
      problems: [{ name: 'noisy-quadratic', label: 'nqm', params: { dim: 10 }, batchSize: 16 }, { name: 'quadratic', label: 'q', params: { dim: 3 } }],
      optimizers: [{ name: 'sgd', params: { lr: 0.1 } }],
      seeds: 1,
      budget: { steps: 10 },
    });
    expect(p.trials.map((t) => `${t.problem} ${t.spec.batchSize}`)).toEqual(['nqm 16', 'q undefined']);
    const own = planOf({
      problems: [{ name: 'noisy-quadratic', label: 'nqm', params: { dim: 10 }, batchSize: 16 }],
      optimizers: [{ name: 'sgd', params: { lr: 0.1 } }, { name: 'adam', params: { lr: 0.1 }, batchSize: 4 }],
      seeds: 1,
      budget: { steps: 10 },
    });
    expect(own.trials.map((t) => `${t.optimizer} ${t.spec.batchSize}`)).toEqual(['sgd 16', 'adam 4']);
  });

  it('refuses a problem batch size where the problem has no samples, naming the pair', () => {
    expect(() => planOf({ ...tiny, problems: [{ name: 'quadratic', batchSize: 4 }] })).toThrow('suite t: quadratic × sgd: problem quadratic has no samples to batch; drop batchSize');
  });

  it('runs every configuration on every seed: 3 configurations × 2 seeds = 6 trials', () => {
    const p = planOf(tiny);
    expect(p.configs).toHaveLength(3);
    expect(p.trials).toHaveLength(6);
    for (const c of p.configs) expect(p.trials.filter((t) => t.configId === c.configId).map((t) => t.seed)).toEqual([0, 1]);
  });

  it('orders trials by problem, optimizer, schedule, configuration, seed', () => {
    const p = planOf({
      problems: [{ name: 'linear-regression', label: 'A', params: { n: 20 } }, { name: 'quadratic', label: 'B', params: { dim: 3 } }],
      optimizers: [{ name: 'sgd', params: { lr: [0.01, 0.1] } }, { name: 'adam', params: { lr: 0.1 } }],
      schedules: ['constant', { name: 'cosine' }],
      seeds: [5, 3],
      budget: { steps: 10 },
    });
    const rows = p.trials.map((t) => `${t.problem} ${t.optimizer} ${t.schedule} ${t.spec.optimizer.params.lr} ${t.seed}`);
    // 2 problems × (sgd: 2 rates, adam: 1) × 2 schedules × 2 seeds = 24; seeds in the order listed.
    expect(rows).toEqual([
      'A sgd constant 0.01 5', 'A sgd constant 0.01 3', 'A sgd constant 0.1 5', 'A sgd constant 0.1 3',
      'A sgd cosine 0.01 5', 'A sgd cosine 0.01 3', 'A sgd cosine 0.1 5', 'A sgd cosine 0.1 3',
      'A adam constant 0.1 5', 'A adam constant 0.1 3', 'A adam cosine 0.1 5', 'A adam cosine 0.1 3',
      'B sgd constant 0.01 5', 'B sgd constant 0.01 3', 'B sgd constant 0.1 5', 'B sgd constant 0.1 3',
      'B sgd cosine 0.01 5', 'B sgd cosine 0.01 3', 'B sgd cosine 0.1 5', 'B sgd cosine 0.1 3',
      'B adam constant 0.1 5', 'B adam constant 0.1 3', 'B adam cosine 0.1 5', 'B adam cosine 0.1 3',
    ]);
    expect(p.configs.map((c) => `${c.problem} ${c.optimizer} ${c.schedule} ${c.spec.optimizer.params.lr}`)).toEqual(
      rows.filter((_, i) => i % 2 === 0).map((r) => r.slice(0, r.lastIndexOf(' '))),
    );
  });

  it('gives the seeds of a configuration one configId and each trial its own id', () => {
    const p = planOf(tiny);
    expect(new Set(p.trials.map((t) => t.id)).size).toBe(6);
    expect(new Set(p.trials.map((t) => t.configId)).size).toBe(3);
    expect(p.trials[0].configId).toBe(p.trials[1].configId);
    expect(p.trials[1].configId).not.toBe(p.trials[2].configId);
    expect(p.trials.every((t) => /^[0-9a-f]{16}$/.test(t.id))).toBe(true);
  });

  it('puts the full resolved spec, with defaults and the seed, in each trial', () => {
    const t = planOf(tiny).trials[1];
    expect(t.spec).toEqual({
      problem: { name: 'linear-regression', params: { n: 20, d: 1, noise: 1, spread: 1, validation: 0.2 } },
      seed: 1,
      optimizer: { name: 'sgd', params: { lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weight_decay: 0 } },
      schedule: { name: 'constant', params: {} },
      steps: 30,
    });
  });

  it('gives the same ids for the same suite', () => {
    expect(planOf(tiny).trials.map((t) => t.id)).toEqual(planOf(tiny).trials.map((t) => t.id));
    expect(planOf(tiny).configs.map((c) => c.configId)).toEqual(planOf(tiny).configs.map((c) => c.configId));
  });

  it('keeps the other ids when an unrelated entry, rate or seed is added', () => {
    const before = byLabels(planOf(tiny));
    const after = byLabels(
      planOf({
        ...tiny,
        problems: [...tiny.problems, { name: 'quadratic' }],
        optimizers: [{ name: 'rmsprop', params: { lr: 0.01 } }, { name: 'sgd', params: { lr: [0.001, 0.01, 0.1] } }, tiny.optimizers[1]],
        seeds: 3,
      }),
    );
    expect(after.size).toBe(2 * 5 * 3);
    for (const [key, id] of before) expect(after.get(key)).toBe(id);
  });

  it('changes the ids of the trials whose spec changes (a longer budget)', () => {
    const a = planOf(tiny).trials.map((t) => t.id);
    const b = planOf({ ...tiny, budget: { steps: 31 } }).trials.map((t) => t.id);
    expect(b.filter((id) => a.includes(id))).toEqual([]);
  });

  it('tells two entries of the same optimizer apart by their labels', () => {
    const p = planOf({ ...tiny, optimizers: [{ name: 'sgd', params: { lr: 0.1 } }, { name: 'sgd', label: 'sgd-again', params: { lr: 0.1 } }] });
    expect(p.trials[0].spec).toEqual(p.trials[2].spec);
    expect(p.trials[0].id).not.toBe(p.trials[2].id);
  });

  it('splits the searched values into the optimizer’s and the schedule’s', () => {
    const p = planOf({ ...tiny, optimizers: [{ name: 'sgd', params: { lr: 0.1, momentum: [0, 0.9] } }], schedules: [{ name: 'cosine', params: { warmup: [0, 5] } }] });
    expect(p.configs.map((c) => c.searched)).toEqual([
      { optimizer: { lr: 0.1, momentum: 0 }, schedule: { warmup: 0 } },
      { optimizer: { lr: 0.1, momentum: 0 }, schedule: { warmup: 5 } },
      { optimizer: { lr: 0.1, momentum: 0.9 }, schedule: { warmup: 0 } },
      { optimizer: { lr: 0.1, momentum: 0.9 }, schedule: { warmup: 5 } },
    ]);
    expect(p.configs[1].spec.schedule.params).toEqual({ warmup: 5, eta_min: 0 });
  });

  it('draws random-search points per optimizer × schedule from the search seed, the same on every problem', () => {
    const def = {
      ...tiny,
      problems: [{ name: 'linear-regression', params: { n: 20 } }, { name: 'quadratic' }],
      optimizers: [{ name: 'sgd', params: { lr: logUniform(1e-4, 1) } }],
      search: { kind: 'random', samples: 4, seed: 3 },
    };
    const p = planOf(def);
    const lrs = p.configs.map((c) => c.spec.optimizer.params.lr);
    expect(lrs).toHaveLength(8);
    expect(lrs.slice(0, 4)).toEqual(lrs.slice(4));
    expect(new Set(lrs.slice(0, 4)).size).toBe(4);
    expect(planOf(def).configs.map((c) => c.spec.optimizer.params.lr)).toEqual(lrs);
    expect(planOf({ ...def, search: { kind: 'random', samples: 4, seed: 4 } }).configs[0].spec.optimizer.params.lr).not.toBe(lrs[0]);
  });

  it('refuses nesterov without momentum, naming the configuration', () => {
    const suite = resolveSuite('t', 'suites/t.ts', { ...tiny, optimizers: [{ name: 'sgd', params: { lr: 0.1, nesterov: true } }] });
    expect(() => plan(suite)).toThrow(
      'suite t: linear-regression × sgd × constant {"o:lr":0.1,"o:nesterov":true}: sgd: nesterov requires momentum > 0 and dampening = 0',
    );
  });

  it('refuses a cosine warmup of at least the budget, naming the configuration', () => {
    const suite = resolveSuite('t', 'suites/t.ts', { ...tiny, schedules: [{ name: 'cosine', params: { warmup: [0, 30] } }] });
    expect(() => plan(suite)).toThrow(
      'suite t: linear-regression × sgd × cosine {"o:lr":0.01,"s:warmup":30}: schedule cosine: warmup must be less than the number of steps (30), got 30',
    );
  });
});
