import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import type { TrialResult } from '../results/types.ts';
import type { PlannedTrial } from '../search/plan.ts';
import { runOne } from './run-one.ts';
import type { WorkerTask } from './worker.ts';

export interface ExecuteOptions {
  readonly targets: readonly number[];
  /** Worker threads; 1 runs on this thread. Results are identical for any count. */
  readonly workers?: number;
  /** Files each worker imports first (the suite file, when it registers its own optimizers or schedules). */
  readonly imports?: readonly string[];
  /** Called with each finished chunk of trials, in completion order (the journal and progress listen here). */
  readonly onResults?: (results: readonly TrialResult[]) => void;
  /** Stops taking trials when aborted; chunks already reported stay reported. Then execute throws `signal.reason`. */
  readonly signal?: AbortSignal;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Chunks big enough to amortise messaging, small enough (≈ 8 per worker) to balance the load. */
function chunkSize(total: number, workers: number): number {
  return Math.max(1, Math.min(64, Math.ceil(total / (workers * 8))));
}

/**
 * Runs trials and returns their results in plan order. Each trial is a pure function of its spec, so the
 * results do not depend on the number of workers or the order chunks finish in.
 */
export async function execute(trials: readonly PlannedTrial[], options: ExecuteOptions): Promise<TrialResult[]> {
  const workers = Math.max(1, Math.min(options.workers ?? 1, Math.ceil(trials.length / 4)));
  if (workers === 1) {
    const results: TrialResult[] = [];
    const size = chunkSize(trials.length, 1);
    for (let start = 0; start < trials.length; start += size) {
      await new Promise(setImmediate); // lets a signal handler run between chunks
      if (options.signal?.aborted) throw options.signal.reason;
      const chunk = trials.slice(start, start + size).map((t) => runOne(t, options.targets));
      results.push(...chunk);
      options.onResults?.(chunk);
    }
    return results;
  }
  const { default: Tinypool } = await import('tinypool');
  // The compiled worker beside this file (dist/runner/worker.js); worker threads cannot run the .ts sources.
  const filename = new URL('./worker.js', import.meta.url).href;
  const pool = new Tinypool({ filename, minThreads: workers, maxThreads: workers, isolateWorkers: false });
  try {
    const size = chunkSize(trials.length, workers);
    // tinypool adds (and keeps) one abort listener per task: expect that many, or Node warns of a leak past 10.
    if (options.signal) setMaxListeners(10 + Math.ceil(trials.length / size), options.signal);
    const results: TrialResult[] = new Array(trials.length);
    const tasks: Promise<void>[] = [];
    for (let start = 0; start < trials.length; start += size) {
      const task: WorkerTask = { trials: trials.slice(start, start + size), targets: options.targets, imports: options.imports ?? [] };
      tasks.push(
        pool.run(task, { signal: options.signal }).then((chunk: TrialResult[]) => {
          for (let i = 0; i < chunk.length; i++) results[start + i] = chunk[i];
          options.onResults?.(chunk); // even after an abort: a finished chunk is never lost
        }),
      );
    }
    // allSettled: on an abort, wait for the running chunks to stop before the pool is destroyed.
    const settled = await Promise.allSettled(tasks);
    if (options.signal?.aborted) throw options.signal.reason;
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return results;
  } finally {
    await pool.destroy();
  }
}
