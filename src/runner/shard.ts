import { OptbenchError, show } from '../core/errors.ts';
import { fnv1a32 } from '../stats/hash.ts';

/** Shard `index` of `count`, 1-based as in vitest's `--shard 2/3`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

function make(index: number, count: number, from: string): Shard {
  if (!Number.isInteger(count) || count < 1) throw new OptbenchError(`${from}: shard count must be a positive integer, got ${show(count)}`);
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new OptbenchError(`${from}: shard index must be in [1, ${count}], got ${show(index)}`);
  }
  return { index, count };
}

/** `--shard 2/3` → { index: 2, count: 3 }. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new OptbenchError(`--shard must look like i/n (e.g. 2/3), got ${show(text)}`);
  return make(Number(m[1]), Number(m[2]), '--shard');
}

const intEnv = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new OptbenchError(`${name} must be a non-negative integer, got ${show(raw)}`);
  return Number(raw);
};

/**
 * The shard from a scheduler's environment, when no --shard is given:
 * - Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (0-based), count from --shard-count or OPTBENCH_SHARD_COUNT;
 * - Slurm job arrays: SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN (0 if unset), count SLURM_ARRAY_TASK_COUNT.
 * Undefined when neither is set.
 */
export function shardFromEnv(env: NodeJS.ProcessEnv, shardCount?: number): Shard | undefined {
  const k8s = intEnv(env, 'JOB_COMPLETION_INDEX');
  if (k8s !== undefined) {
    const count = shardCount ?? intEnv(env, 'OPTBENCH_SHARD_COUNT');
    if (count === undefined) throw new OptbenchError('JOB_COMPLETION_INDEX is set: give the number of shards with --shard-count or OPTBENCH_SHARD_COUNT');
    return make(k8s + 1, count, 'JOB_COMPLETION_INDEX');
  }
  const slurm = intEnv(env, 'SLURM_ARRAY_TASK_ID');
  if (slurm !== undefined) {
    const count = shardCount ?? intEnv(env, 'SLURM_ARRAY_TASK_COUNT');
    if (count === undefined) throw new OptbenchError('SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --shard-count');
    return make(slurm - (intEnv(env, 'SLURM_ARRAY_TASK_MIN') ?? 0) + 1, count, 'SLURM_ARRAY_TASK_ID');
  }
  return undefined;
}

/** Whether a trial belongs to a shard: by a hash of its identity, so membership never depends on order. */
export function inShard(trialId: string, shard: Shard): boolean {
  return fnv1a32(trialId) % shard.count === shard.index - 1;
}
