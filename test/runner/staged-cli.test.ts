import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectSameFiles, files, optbench, userError } from './spawn.ts';

/**
 * Staged searches through the built CLI: the same bytes with --workers 1 (this thread) and --workers 2 (a pool
 * thread too), whose stages run one after another; --shard refused with exit 2 and one line.
 */

const work = mkdtempSync(join(tmpdir(), 'optbench-staged-cli-'));
beforeAll(assertBuilt);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function runWith(suite: string, workers: number): Promise<string> {
  const out = join(work, `${suite.replace(/\W+/g, '-')}-${workers}`);
  const run = await optbench(['suite', resolve(suite), '--out', out, '--workers', String(workers), '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return out;
}

describe.concurrent('staged searches write the same bytes on 1 and 2 workers', () => {
  it.each(['test/fixtures/suites/halving.ts', 'test/fixtures/suites/tuning.ts'])('%s', async (suite) => {
    const [one, two] = await Promise.all([runWith(suite, 1), runWith(suite, 2)]);
    expect(files(one)).toContain('results.json');
    expectSameFiles(two, one);
  });

  it('--shard 1/2 of a tuning suite: exit 2, one line', async () => {
    const line = userError(await optbench(['suite', resolve('test/fixtures/suites/tuning.ts'), '--shard', '1/2', '--out', join(work, 'x')]));
    expect(line).toMatch(/^optbench: suite tuning: --shard cannot split a tuning search: /);
  });
});
