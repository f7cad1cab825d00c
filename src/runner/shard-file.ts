import { OptbenchError } from '../core/errors.ts';
import { VERSION } from '../core/version.ts';
import { SCHEMA_VERSION, type TrialResult } from '../results/types.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { isRecord } from '../suite/validate.ts';
import type { Shard } from './shard.ts';

/** What one shard writes: its trials, and enough to check that shards belong together. */
export interface ShardFile {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly kind: 'optbench-shard';
  /** optbench's version: merge refuses shards run by different code. */
  readonly optbench: string;
  readonly suite: ResolvedSuite;
  /** Hash of every trial id of the whole plan, in order. */
  readonly plan: string;
  readonly shard: Shard;
  readonly trials: readonly TrialResult[];
}

export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

export function makeShardFile(suite: ResolvedSuite, plan: string, shard: Shard, trials: readonly TrialResult[]): ShardFile {
  return { schemaVersion: SCHEMA_VERSION, kind: 'optbench-shard', optbench: VERSION, suite, plan, shard, trials };
}

export function serializeShard(file: ShardFile): string {
  const { trials, ...head } = file;
  const body = trials.map((t) => `    ${JSON.stringify(t)}`).join(',\n');
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "trials": [\n${body}\n  ]\n}\n`;
}

/** Reads a shard file, refusing corrupt files, other kinds and other schema versions with the file named. */
export function parseShard(text: string, file: string): ShardFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new OptbenchError(`${file}: not valid JSON (truncated or corrupt?): ${(error as Error).message}`);
  }
  if (!isRecord(data) || data.kind !== 'optbench-shard') throw new OptbenchError(`${file}: not an optbench shard file`);
  if (data.schemaVersion !== SCHEMA_VERSION) {
    throw new OptbenchError(`${file}: schemaVersion ${JSON.stringify(data.schemaVersion)}; this optbench reads version ${SCHEMA_VERSION}`);
  }
  if (!isRecord(data.suite) || !isRecord(data.shard) || !Array.isArray(data.trials) || typeof data.plan !== 'string') {
    throw new OptbenchError(`${file}: not an optbench shard file (missing suite, shard, plan or trials)`);
  }
  return data as unknown as ShardFile;
}
