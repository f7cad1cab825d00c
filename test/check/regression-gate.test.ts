import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, optbench } from '../runner/spawn.ts';
import { makeProjects, type Projects, tableRow } from './project.ts';

/**
 * The regression gate catches a real bug: suites/broken.ts runs sgd and "fixture-adam", a copy of Adam that
 * drops its bias corrections when OPTBENCH_FIXTURE_BROKEN=1 (test/fixtures/check/suites/lib/fixture-adam.ts).
 * The baseline is made with `optbench check --update broken` from the correct code.
 */

let projects: Projects;

beforeAll(async () => {
  assertBuilt();
  projects = await makeProjects('optbench-gate-', ['broken']);
});
afterAll(() => rmSync(projects.work, { recursive: true, force: true }));

const ADAM_HP = (lr: number) => `lr=${lr}, beta1=0.99, beta2=0.9`;

describe.concurrent('optbench check on a deliberately broken optimizer', () => {
  it('correct code: identical to its own baseline, exit 0', async () => {
    const run = await optbench(['check', 'broken'], { cwd: projects.copy('correct') });
    expect(run).toEqual({ code: 0, stdout: 'broken: identical to the baseline (18 trials)\n', stderr: '' });
  });

  it('OPTBENCH_FIXTURE_BROKEN=1: exit 1, fixture-adam regressed (both rates and its best), sgd untouched', async () => {
    const run = await optbench(['check', 'broken'], { cwd: projects.copy('broken'), env: { OPTBENCH_FIXTURE_BROKEN: '1' } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('broken: FAILED: 2 regressed, 0 removed, 0 improved, 0 new, 1 unchanged configurations');
    for (const lr of [0.01, 0.03]) {
      const row = tableRow(run.stdout, 'regressed', 'fixture-adam', ADAM_HP(lr));
      expect(row, run.stdout).toBeDefined();
      // The final gap got worse on every one of the 6 seeds: the exact paired test gives its smallest p, 2/2⁶.
      expect(row![5].split('; ')[0]).toBe('relative final gap');
      expect(Number(row![7].split('; ')[0])).toBeGreaterThan(Number(row![6].split('; ')[0]));
      expect(row![8].split('; ')[0]).toBe('0.0313');
    }
    expect(run.stdout.split('\n').filter((l) => l.startsWith('| regressed | linear-regression | fixture-adam (best) |'))).toHaveLength(1);
    expect(run.stdout).not.toMatch(/^\| \w+ \| linear-regression \| sgd/m);
  });
});
