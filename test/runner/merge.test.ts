import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/core/version.ts';
import { inShard } from '../../src/runner/shard.ts';
import type { ShardFile } from '../../src/runner/shard-file.ts';
import type { Results } from '../../src/results/types.ts';
import { assertBuilt, expectSameFiles, files, optbench, userError } from './spawn.ts';

/**
 * Shard and merge like vitest: `--shard i/3` runs the trials whose identity hashes to shard i and writes
 * shard-i-of-3.json; `optbench merge` checks that the shards belong together and writes exactly what an
 * unsharded run writes. Suite: test/fixtures/runner/sharded.ts (15 trials: 4, 3 and 8 per shard).
 */

const SUITE = resolve('test/fixtures/runner/sharded.ts');
const work = mkdtempSync(join(tmpdir(), 'optbench-merge-'));
const WHOLE = join(work, 'whole');
const SHARDS = join(work, 'shards');
const shard = (i: number, dir = SHARDS) => join(dir, `shard-${i}-of-3.json`);

beforeAll(async () => {
  assertBuilt();
  const runs = await Promise.all([
    optbench(['suite', SUITE, '--out', WHOLE, '--workers', '1', '--quiet']),
    ...[1, 2, 3].map((i) => optbench(['suite', SUITE, '--shard', `${i}/3`, '--out', SHARDS, '--workers', '1', '--quiet'])),
  ]);
  for (const run of runs) if (run.code !== 0) throw new Error(run.stderr);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A directory holding copies of the given shard files under the given names. */
function folder(name: string, entries: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const [file, from] of Object.entries(entries)) copyFileSync(from, join(dir, file));
  return dir;
}

describe('optbench suite --shard i/3', () => {
  it('writes only shard-i-of-3.json (no report, no journal left), each with its own trials', () => {
    expect(files(SHARDS)).toEqual(['shard-1-of-3.json', 'shard-2-of-3.json', 'shard-3-of-3.json']);
    const whole = JSON.parse(readFileSync(join(WHOLE, 'results.json'), 'utf8')) as Results;
    for (const i of [1, 2, 3]) {
      const s = JSON.parse(readFileSync(shard(i), 'utf8')) as ShardFile;
      expect([s.kind, s.optbench, s.shard]).toEqual(['optbench-shard', VERSION, { index: i, count: 3 }]);
      expect(s.trials.length).toBeGreaterThan(0);
      expect(s.trials).toEqual(whole.trials.filter((t) => inShard(t.id, { index: i, count: 3 })));
    }
  });
});

describe.concurrent('optbench merge', () => {
  it('merge DIR --out DIR2 equals the unsharded run byte for byte', async () => {
    const out = join(work, 'merged');
    const run = await optbench(['merge', SHARDS, '--out', out]);
    expect(run).toEqual({ code: 0, stdout: `report: ${join(out, 'report.md')}\n`, stderr: '' });
    expectSameFiles(out, WHOLE);
  });

  it('the same shard file twice: exit 2, overlap, naming the file', async () => {
    const line = userError(await optbench(['merge', shard(1), shard(1), shard(2), shard(3), '--out', join(work, 'twice')]));
    expect(line).toMatch(new RegExp(`^optbench: ${shard(1)}: trial [0-9a-f]+ is also in ${shard(1)}; shards overlap$`));
    expect(existsSync(join(work, 'twice'))).toBe(false);
  });

  it('a copy of shard 1 renamed shard-2-of-3.json: exit 2, overlap, naming both files', async () => {
    const dir = folder('renamed', { 'shard-1-of-3.json': shard(1), 'shard-2-of-3.json': shard(1), 'shard-3-of-3.json': shard(3) });
    const line = userError(await optbench(['merge', dir, '--out', join(work, 'renamed-out')]));
    expect(line).toMatch(new RegExp(`^optbench: ${shard(2, dir)}: trial [0-9a-f]+ is also in ${shard(1, dir)}; shards overlap$`));
  });

  it('a shard of another suite: exit 2, naming the file and both suites', async () => {
    const foreign = join(work, 'foreign');
    const other = await optbench(['suite', resolve('test/fixtures/suites/tiny.ts'), '--shard', '2/3', '--out', foreign, '--workers', '1', '--quiet']);
    expect(other.code, other.stderr).toBe(0);
    const line = userError(await optbench(['merge', shard(1), shard(2), shard(3), shard(2, foreign), '--out', join(work, 'foreign-out')]));
    expect(line).toBe(`optbench: ${shard(2, foreign)}: belongs to another suite or plan than ${shard(1)} (suite "tiny" vs "sharded")`);
  });

  it('a shard written by another optbench version: exit 2, naming the file and both versions', async () => {
    const dir = folder('version', { 'shard-1-of-3.json': shard(1), 'shard-2-of-3.json': shard(2), 'shard-3-of-3.json': shard(3) });
    const text = readFileSync(shard(3, dir), 'utf8');
    expect(text).toContain(`"optbench": "${VERSION}"`);
    writeFileSync(shard(3, dir), text.replace(`"optbench": "${VERSION}"`, '"optbench": "0.0.1"'));
    const line = userError(await optbench(['merge', dir, '--out', join(work, 'version-out')]));
    expect(line).toBe(`optbench: ${shard(3, dir)}: written by optbench 0.0.1; this is ${VERSION}; rerun the shards with one version`);
  });

  it('a corrupt (truncated) shard: exit 2, naming the file', async () => {
    const dir = folder('corrupt', { 'shard-1-of-3.json': shard(1), 'shard-2-of-3.json': shard(2), 'shard-3-of-3.json': shard(3) });
    writeFileSync(shard(2, dir), readFileSync(shard(2), 'utf8').slice(0, 500));
    const line = userError(await optbench(['merge', dir, '--out', join(work, 'corrupt-out')]));
    expect(line.startsWith(`optbench: ${shard(2, dir)}: not valid JSON (truncated or corrupt?): `), line).toBe(true);
  });

  it('a shard left out: exit 2, naming the missing shard', async () => {
    const line = userError(await optbench(['merge', shard(1), shard(3), '--out', join(work, 'missing-out')]));
    expect(line).toMatch(/^optbench: 3 of 15 trials missing \(shards 2\/3 not given\), e.g. [0-9a-f]+, [0-9a-f]+, [0-9a-f]+$/);
  });

  it('JOB_COMPLETION_INDEX=0 with OPTBENCH_SHARD_COUNT=2 runs shard 1/2 and writes shard-1-of-2.json', async () => {
    const out = join(work, 'k8s');
    const run = await optbench(['suite', SUITE, '--out', out, '--workers', '1', '--quiet'], { env: { JOB_COMPLETION_INDEX: '0', OPTBENCH_SHARD_COUNT: '2' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\nshard: .*shard-1-of-2\.json {2}\(\d+ trials in /);
    expect(files(out)).toEqual(['shard-1-of-2.json']);
    const whole = JSON.parse(readFileSync(join(WHOLE, 'results.json'), 'utf8')) as Results;
    const s = JSON.parse(readFileSync(join(out, 'shard-1-of-2.json'), 'utf8')) as ShardFile;
    expect(s.shard).toEqual({ index: 1, count: 2 });
    expect(s.trials).toEqual(whole.trials.filter((t) => inShard(t.id, { index: 1, count: 2 })));
  });
});
