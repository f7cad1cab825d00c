import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonical } from '../core/canonical.ts';
import { OptbenchError } from '../core/errors.ts';
import { VERSION } from '../core/version.ts';
import { buildResults } from '../results/build.ts';
import type { Results, TrialResult } from '../results/types.ts';
import { ensureDir, writeReport } from '../report/write.ts';
import { withLock } from './lock.ts';
import { plan } from '../search/plan.ts';
import { planHash } from './run-suite.ts';
import { parseShard, type ShardFile } from './shard-file.ts';

/** Shard files named directly, or found as shard-*-of-*.json in named directories, in a stable order. */
export function shardFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new OptbenchError(`no such file or directory: ${path}`);
    if (statSync(path).isDirectory()) {
      const found = readdirSync(path).filter((f) => /^shard-\d+-of-\d+\.json$/.test(f)).sort();
      if (found.length === 0) throw new OptbenchError(`${path}: no shard-*-of-*.json files`);
      files.push(...found.map((f) => join(path, f)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/**
 * Checks that shard files belong together — one suite, one plan, this optbench version, no trial twice, none
 * missing — and writes exactly the results.json, report.md and charts an unsharded run writes.
 */
export async function mergeShards(paths: readonly string[], options: { out?: string } = {}): Promise<{ results: Results; report: string }> {
  const files = shardFiles(paths);
  const shards: [string, ShardFile][] = files.map((f) => [f, parseShard(readFileSync(f, 'utf8'), f)]);
  const [firstFile, first] = shards[0];
  for (const [file, s] of shards) {
    if (s.optbench !== VERSION) throw new OptbenchError(`${file}: written by optbench ${s.optbench}; this is ${VERSION}; rerun the shards with one version`);
    if (s.plan !== first.plan || canonical(s.suite) !== canonical(first.suite)) {
      throw new OptbenchError(`${file}: belongs to another suite or plan than ${firstFile} (suite "${s.suite.name}" vs "${first.suite.name}")`);
    }
  }
  const planned = plan(first.suite);
  if (planHash(planned) !== first.plan) {
    throw new OptbenchError(`${firstFile}: its plan does not match this code's plan of suite "${first.suite.name}" (optimizers or schedules changed?)`);
  }
  const from = new Map<string, string>();
  const byId = new Map<string, TrialResult>();
  for (const [file, s] of shards) {
    for (const t of s.trials) {
      const other = from.get(t.id);
      if (other !== undefined) throw new OptbenchError(`${file}: trial ${t.id} is also in ${other}; shards overlap`);
      from.set(t.id, file);
      byId.set(t.id, t);
    }
  }
  const missing = planned.trials.filter((t) => !byId.has(t.id));
  if (missing.length > 0) {
    const counts = [...new Set(shards.map(([, s]) => s.shard.count))];
    const have = new Set(shards.map(([, s]) => s.shard.index));
    const absent = counts.length === 1 ? Array.from({ length: counts[0] }, (_, i) => i + 1).filter((i) => !have.has(i)) : [];
    const which = absent.length > 0 ? ` (shards ${absent.map((i) => `${i}/${counts[0]}`).join(', ')} not given)` : '';
    const ids = missing.slice(0, 3).map((t) => t.id).join(', ');
    throw new OptbenchError(`${missing.length} of ${planned.trials.length} trials missing${which}, e.g. ${ids}`);
  }
  const results = buildResults(first.suite, planned, planned.trials.map((t) => byId.get(t.id)!));
  const out = options.out ?? dirname(files[0]);
  ensureDir(out);
  const { report } = await withLock(out, () => writeReport(out, results));
  return { results, report };
}
