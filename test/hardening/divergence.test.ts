import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../src/optimizers/optimizer.ts';
import { optimizers } from '../../src/optimizers/index.ts';
import { createProblem } from '../../src/problems/problem.ts';
import { problems } from '../../src/problems/index.ts';
import type { Results } from '../../src/results/types.ts';
import { schedules } from '../../src/schedules/index.ts';
import { createSchedule } from '../../src/schedules/schedule.ts';
import { rng } from '../../src/core/rng.ts';
import { train } from '../../src/train/train.ts';
import { assertBuilt, cleanup, FIXTURES, optbench, scratch } from './helpers.ts';
import './fixtures/lib/divergent.ts';

/**
 * Divergence is a result, never a crash: NaN in a gradient (a plugin problem whose gradient turns NaN at step 3),
 * overflow of Adam's second moment (gradients ~1e200, so g² = Inf), and the plateau schedule on both. Each such
 * trial is recorded as diverged with its step, counted in the report, kept out of every median, and no "NaN" or
 * "Infinity" reaches report.md, results.json or an SVG. Suite: fixtures/divergent.ts (36 trials, 30 diverge).
 */

const work = scratch('divergence');
const OUT = join(work, 'out');
let results: Results;
let stdout: string;

beforeAll(async () => {
  assertBuilt();
  // Two workers: they must import the suite file (and so its plugin) to know the fixture problems.
  const run = await optbench(['suite', join(FIXTURES, 'divergent.ts'), '--out', OUT, '--workers', '2', '--quiet']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  stdout = run.stdout;
  results = JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8')) as Results;
});
afterAll(cleanup);

/** The trials of a problem label, with their configuration's optimizer and schedule labels. */
function trialsOf(problem: string) {
  const configs = new Map(results.configs.map((c) => [c.configId, c]));
  return results.trials.filter((t) => configs.get(t.configId)!.problem === problem).map((t) => ({ ...t, config: configs.get(t.configId)! }));
}

describe('a suite whose trials diverge', () => {
  it('runs to the end (exit 0) and prints "diverged" in the leaderboard', () => {
    expect(stdout).toMatch(/^ {2}sgd +constant +lr 0\.1 +diverged /m);
  });

  it('NaN gradient from step 3: every trial, whatever the optimizer or schedule (plateau too), diverged at step 3', () => {
    const trials = trialsOf('nan-at-step');
    expect(trials).toHaveLength(12);
    for (const t of trials) expect([t.config.optimizer, t.config.schedule, t.status, t.divergedAt]).toEqual([t.config.optimizer, t.config.schedule, 'diverged', 3]);
    expect(new Set(trials.map((t) => t.config.schedule))).toEqual(new Set(['constant', 'plateau']));
    // The losses up to the step are kept: f₀ = ½·‖(1, 1)‖² = 1, and a diverged run has no final loss or gap.
    for (const t of trials) expect([t.initialLoss, t.finalLoss, t.finalGap, t.logGapArea]).toEqual([1, null, null, null]);
  });

  it('gradients ~1e200: Adam (and AMSGrad) diverged at step 0, as its second moment v = (1 − β₂)g² would overflow to Inf', () => {
    const trials = trialsOf('huge-gradient');
    expect(trials).toHaveLength(12);
    for (const t of trials) expect([t.config.optimizer, t.status, t.divergedAt]).toEqual([t.config.optimizer, 'diverged', 0]);
    expect(trials.filter((t) => t.config.optimizer === 'adam')).toHaveLength(8);
  });

  it('a configuration that diverged on one seed of two: counted, and its medians are over the other seed only', () => {
    const trials = trialsOf('nan-odd-seeds');
    for (const t of trials) expect([t.seed, t.status, t.divergedAt]).toEqual(t.seed === 1 ? [1, 'diverged', 3] : [0, 'ok', null]);
    for (const c of results.configs.filter((x) => x.problem === 'nan-odd-seeds')) {
      const ok = trials.find((t) => t.configId === c.configId && t.seed === 0)!;
      expect([c.runs, c.diverged, c.finalGap?.n, c.finalGap?.median]).toEqual([2, 1, 1, ok.finalGap]);
    }
    // sgd, lr 0.1, constant: x_k = 0.9ᵏ·(1, 1), so f_8 − f* = 0.9¹⁶ (by hand).
    const sgd = trials.find((t) => t.config.optimizer === 'sgd' && t.config.schedule === 'constant' && t.seed === 0)!;
    expect(sgd.finalGap).toBeCloseTo(0.9 ** 16, 12);
  });

  it('report.md counts the diverged trials and shows them as diverged', () => {
    const md = readFileSync(join(OUT, 'report.md'), 'utf8');
    expect(md).toContain('18 configurations × 2 seeds = 36 trials (30 diverged)');
    expect(md).toMatch(/^\| sgd \| constant \| lr=0\.1 \| diverged \| — \|.* \| 2\/2 \| — \|$/m);
    expect(md).toMatch(/^\| sgd \| constant \| lr=0\.1 \| 0\.185 \[0\.185, 0\.185\] \|.* \| 1\/2 \| [-0-9.]+ \|$/m);
  });

  it('no NaN or Infinity in report.md, results.json or any SVG', () => {
    const files = readdirSync(OUT).filter((f) => /\.(md|json|svg)$/.test(f));
    // Two per problem, then the suite's performance profile and runtime ECDF (three problems).
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(8);
    expect(files).toContain('performance-profile.svg');
    expect(files).toContain('ecdf.svg');
    for (const file of files) expect(readFileSync(join(OUT, file), 'utf8'), file).not.toMatch(/NaN|Infinity/);
  });
});

describe('the trial loop (train) on the fixture problems', () => {
  const trainOn = (problem: string, options: Record<string, number>, optimizer: string, hp: Record<string, number | boolean>, schedule = 'constant') => {
    const instance = createProblem(problems.get(problem), 0, options);
    const stepper = createOptimizer(optimizers.get(optimizer), instance.dim, { lr: 0.1, ...hp });
    const rate = createSchedule(schedules.get(schedule), { lr: 0.1, steps: 10, rng: rng(0, 'schedule') }, {});
    return train(instance, stepper, rate, { steps: 10, batchRng: rng(0, 'batches') });
  };

  it.each(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'])('%s: a NaN gradient at step k is a divergence at step k, losses kept up to it', (name) => {
    const run = trainOn('nan-at-step', { at: 4 }, name, {});
    expect(run.outcome).toEqual({ status: 'diverged', atStep: 4 });
    expect(run.losses).toHaveLength(5);
    for (const loss of run.losses) expect(Number.isFinite(loss)).toBe(true);
  });

  it('adam with gradients ~1e200 diverges at step 0 instead of freezing (v = Inf makes every step m/√v = 0)', () => {
    expect(trainOn('huge-gradient', {}, 'adam', {}).outcome).toEqual({ status: 'diverged', atStep: 0 });
    expect(trainOn('huge-gradient', {}, 'adam', { amsgrad: true }).outcome).toEqual({ status: 'diverged', atStep: 0 });
    // 1e150: g² = 1e300 is still a double, and Adam runs normally (its first step moves each coordinate by ≈ lr).
    const fine = trainOn('huge-gradient', { scale: 1e150 }, 'adam', {});
    expect(fine.outcome.status).toBe('ok');
    expect(fine.params[0]).toBeLessThan(1 - 0.5);
  });
});

describe('the plateau schedule fed NaN losses', () => {
  const plateau = (patience: number) => createSchedule(schedules.get('plateau'), { lr: 0.1, steps: 100, rng: rng(0, 'schedule') }, { patience });
  const x = new Float64Array(2);

  it('a NaN loss never counts as better: with patience 1 the rate is cut (×0.1) after every second NaN, and stays finite', () => {
    const s = plateau(1);
    const rates = [0, 1, 2, 3, 4].map((t) => s.at(t, NaN, x));
    // bad = 1, 2 → cut, 1, 2 → cut, 1 (ReduceLROnPlateau with mode=min; hand-derived).
    expect(rates).toEqual([0.1, 0.010000000000000002, 0.010000000000000002, 0.0010000000000000002, 0.0010000000000000002]);
  });

  it('a NaN between finite losses does not poison the best loss: a later improvement still counts', () => {
    const s = plateau(1);
    expect([s.at(0, 1, x), s.at(1, NaN, x), s.at(2, 0.5, x), s.at(3, NaN, x), s.at(4, 0.25, x)]).toEqual([0.1, 0.1, 0.1, 0.1, 0.1]);
  });
});

describe('optbench run on a plugin problem whose gradient turns NaN', () => {
  it('exits 0, prints status "diverged" with the step in the JSON, and its losses up to it', async () => {
    const run = await optbench([
      'run', '--import', join(FIXTURES, 'lib', 'divergent.ts'), '--problem', 'nan-at-step', '--opt', 'at=3', '--optimizer', 'adam', '--lr', '0.1', '--steps', '10', '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { status: string; divergedAt: number; losses: number[] };
    expect([json.status, json.divergedAt, json.losses.length]).toEqual(['diverged', 3, 4]);
  });
});
