import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { inShard, parseShard, shardFromEnv } from '../../src/runner/shard.ts';

/** Shards as vitest numbers them (1-based i/n), from --shard or from a scheduler's environment. */

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OptbenchError);
    return (error as Error).message;
  }
  throw new Error('expected an OptbenchError');
}

describe('parseShard', () => {
  it('reads i/n, spaces allowed', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ['0/3', '--shard: shard index must be in [1, 3], got 0'],
    ['4/3', '--shard: shard index must be in [1, 3], got 4'],
    ['1/0', '--shard: shard count must be a positive integer, got 0'],
    ['2', '--shard must look like i/n (e.g. 2/3), got "2"'],
    ['a/b', '--shard must look like i/n (e.g. 2/3), got "a/b"'],
  ])('refuses %j', (text, message) => {
    expect(errorOf(() => parseShard(text))).toBe(message);
  });
});

describe('shardFromEnv', () => {
  it('nothing set: no shard', () => {
    expect(shardFromEnv({})).toBeUndefined();
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '' })).toBeUndefined();
  });

  it('Kubernetes Indexed Job: JOB_COMPLETION_INDEX is 0-based, so 0 with OPTBENCH_SHARD_COUNT=3 is shard 1/3', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', OPTBENCH_SHARD_COUNT: '3' })).toEqual({ index: 1, count: 3 });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '2', OPTBENCH_SHARD_COUNT: '3' })).toEqual({ index: 3, count: 3 });
    // --shard-count wins over the variable.
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '2', OPTBENCH_SHARD_COUNT: '3' }, 4)).toEqual({ index: 3, count: 4 });
  });

  it('Slurm job array: SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT', () => {
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_COUNT: '3' })).toEqual({ index: 2, count: 3 });
    // --array=0-2: no minimum needed.
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3' })).toEqual({ index: 1, count: 3 });
  });

  it('an index without a count is an error saying how to give it', () => {
    expect(errorOf(() => shardFromEnv({ JOB_COMPLETION_INDEX: '0' }))).toBe(
      'JOB_COMPLETION_INDEX is set: give the number of shards with --shard-count or OPTBENCH_SHARD_COUNT',
    );
    expect(errorOf(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '1' }))).toBe('SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --shard-count');
  });

  it('garbage or an index out of range is an error naming the variable', () => {
    expect(errorOf(() => shardFromEnv({ JOB_COMPLETION_INDEX: 'x1', OPTBENCH_SHARD_COUNT: '3' }))).toBe('JOB_COMPLETION_INDEX must be a non-negative integer, got "x1"');
    expect(errorOf(() => shardFromEnv({ JOB_COMPLETION_INDEX: '-1', OPTBENCH_SHARD_COUNT: '3' }))).toBe('JOB_COMPLETION_INDEX must be a non-negative integer, got "-1"');
    expect(errorOf(() => shardFromEnv({ JOB_COMPLETION_INDEX: '0', OPTBENCH_SHARD_COUNT: 'three' }))).toBe('OPTBENCH_SHARD_COUNT must be a non-negative integer, got "three"');
    expect(errorOf(() => shardFromEnv({ JOB_COMPLETION_INDEX: '3', OPTBENCH_SHARD_COUNT: '3' }))).toBe('JOB_COMPLETION_INDEX: shard index must be in [1, 3], got 4');
    expect(errorOf(() => shardFromEnv({ JOB_COMPLETION_INDEX: '0', OPTBENCH_SHARD_COUNT: '0' }))).toBe('JOB_COMPLETION_INDEX: shard count must be a positive integer, got 0');
    expect(errorOf(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_COUNT: '3' }))).toBe(
      'SLURM_ARRAY_TASK_ID: shard index must be in [1, 3], got 0',
    );
  });
});

describe('inShard', () => {
  it('puts every trial id in exactly one of n shards', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `trial-${i}`);
    for (const count of [1, 2, 3, 7]) {
      for (const id of ids) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(id, { index, count }));
        expect(owners, `${id} of ${count}`).toHaveLength(1);
      }
    }
  });
});
