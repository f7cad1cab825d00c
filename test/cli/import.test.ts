import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetJson } from '../../src/problems/problem.ts';
import { expectRelClose, mse, optbench, optbenchJson, type RunJson } from './helpers.ts';

// A user's optimizer, loaded with --import through tsx: examples/sign-sgd.ts registers "signsgd"
// (m ← β·m + (1−β)·g;  θ ← θ − lr·sign(m)) into the same registry the CLI reads.

const EXAMPLE = ['--import', 'examples/sign-sgd.ts'];
const RUN = ['run', '--problem', 'linear-regression', '--seed', '0', '--optimizer', 'signsgd'];

describe('run --import examples/sign-sgd.ts --optimizer signsgd', () => {
  it('runs the README command end to end', () => {
    const { status, stdout, stderr } = optbench(...RUN.slice(0, 3), ...EXAMPLE, ...RUN.slice(3), '--lr', '0.01', '--steps', '300');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('signsgd (lr=0.01, momentum=0)');
    expect(stdout).toContain('300 full-batch steps');
  });

  it('--json: every coordinate moves by exactly ±lr per step, and the loss goes down', () => {
    const run = optbenchJson<RunJson>(...RUN, ...EXAMPLE, '--lr', '0.01', '--steps', '300', '--json');
    const problem = optbenchJson<DatasetJson>('problem', 'linear-regression', '--seed', '0', '--json');
    expect(run.optimizer).toEqual({ name: 'signsgd', params: { lr: 0.01, momentum: 0 } });
    expect(run.losses).toHaveLength(301);
    expectRelClose(run.losses[0], mse(problem.features, problem.targets, problem.init));
    expect(run.losses[300]).toBeLessThan(run.losses[0] / 5);
    for (let j = 0; j < problem.dim; j++) {
      const moves = (run.params[j] - problem.init[j]) / 0.01; // a whole number of ±0.01 steps
      expect(Math.abs(moves - Math.round(moves))).toBeLessThan(1e-9);
      expect(Math.abs(Math.round(moves))).toBeLessThanOrEqual(300);
    }
    // Starting far below θ* ≈ (3.82, 3.17) from θ₀ ≈ (−0.97, −1.98), every gradient sign stays negative for the
    // first steps, so after one step θ₁ = θ₀ + 0.01 in each coordinate.
    const one = optbenchJson<RunJson>(...RUN, ...EXAMPLE, '--lr', '0.01', '--steps', '1', '--json');
    one.params.forEach((v, j) => expect(v).toBeCloseTo(problem.init[j] + 0.01, 12));
  });

  it('takes its own hyperparameters with --hp, and validates them', () => {
    const run = optbenchJson<RunJson>(...RUN, ...EXAMPLE, '--lr', '0.01', '--steps', '20', '--hp', 'momentum=0.9', '--json');
    expect(run.optimizer.params).toEqual({ lr: 0.01, momentum: 0.9 });
    const bad = optbench(...RUN, ...EXAMPLE, '--hp', 'momentum=1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('optbench: signsgd: momentum must be in [0, 1), got 1\n');
  });

  it('works with --import before the command, and shows up in list', () => {
    const run = optbench(...EXAMPLE, ...RUN, '--steps', '2', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const listed = optbenchJson<{ optimizers: { name: string; params: Record<string, { default: unknown }> }[] }>(
      'list', 'optimizers', '--json', ...EXAMPLE,
    );
    const signsgd = listed.optimizers.find((e) => e.name === 'signsgd');
    expect(signsgd?.params.lr.default).toBe(0.001);
    expect(signsgd?.params.momentum.default).toBe(0);
  });

  it('is unknown without the --import', () => {
    const { status, stderr } = optbench(...RUN);
    expect(status).toBe(2);
    expect(stderr).toContain('unknown optimizer "signsgd"');
  });

  it('a file that does not compile is one line naming the file and the error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'optbench-import-'));
    const file = join(dir, 'broken.ts');
    writeFileSync(file, 'export const x: number = ;\n');
    const { status, stdout, stderr } = optbench('list', '--import', file);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${file}: cannot load: `);
    expect(stderr).toContain('Unexpected ";"');
  });
});
