import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectSameFiles, files, optbench } from './spawn.ts';

/**
 * ARCHITECTURE.md: same suite + same code → byte-identical results.json and report.md (and charts), whatever the
 * worker count. --workers 1 runs on the main thread; --workers 2 adds a tinypool thread when the work is worth it.
 */

const work = mkdtempSync(join(tmpdir(), 'optbench-workers-'));
beforeAll(assertBuilt);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function runWith(suite: string, workers: number, extra: string[] = [], ran = `${workers} worker${workers === 1 ? '' : 's'}`): Promise<string> {
  const out = join(work, `${suite.replace(/\W+/g, '-')}-${workers}`);
  const run = await optbench(['suite', resolve(suite), '--out', out, '--workers', String(workers), '--quiet', ...extra]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe(''); // --quiet: no progress, and no warnings (e.g. from the worker pool)
  expect(run.stdout).toMatch(new RegExp(`on ${ran}\\)\\n$`));
  return out;
}

describe.concurrent('--workers 1 and --workers 2 write the same bytes', () => {
  it('test/fixtures/suites/pool.ts (64 trials, ~3 s: the pool thread starts and runs chunks)', async () => {
    const [one, two] = await Promise.all([runWith('test/fixtures/suites/pool.ts', 1), runWith('test/fixtures/suites/pool.ts', 2)]);
    expect(files(one)).toEqual(['convergence-linear-regression.svg', 'lr-sensitivity-linear-regression.svg', 'report.md', 'results.json']);
    expectSameFiles(two, one);
  });

  it('suites/bench-w1.ts --quick (48 trials, too little work to start a pool thread)', async () => {
    const [one, two] = await Promise.all([runWith('suites/bench-w1.ts', 1, ['--quick']), runWith('suites/bench-w1.ts', 2, ['--quick'], '1 of 2 workers')]);
    expect(files(one).filter((f) => f.endsWith('.svg'))).toHaveLength(2);
    expectSameFiles(two, one);
  });

  it('optbench check: a baseline written with --workers 1 is identical when rerun with --workers 2 (pool started)', async () => {
    const project = join(work, 'check-project');
    mkdirSync(join(project, 'suites'), { recursive: true });
    copyFileSync(resolve('test/fixtures/suites/pool.ts'), join(project, 'suites', 'pool.ts'));
    const update = await optbench(['check', '--update', 'pool', '--workers', '1'], { cwd: project });
    expect(update.code, update.stderr).toBe(0);
    const check = await optbench(['check', 'pool', '--workers', '2'], { cwd: project });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toBe('pool: identical to the baseline (64 trials)\n');
  });
});
