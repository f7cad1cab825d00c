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
 * Runs trials and returns their results in plan order. `workers` threads compute: this one and workers − 1 pool
 * threads, each taking the next chunk when it is free (so the pool's start-up overlaps useful work here). Each
 * trial is a pure function of its spec, so results do not depend on the worker count or who ran which chunk.
 * An abort stops every lane from taking chunks; chunks already running finish and are reported.
 */
export async function execute(trials: readonly PlannedTrial[], options: ExecuteOptions): Promise<TrialResult[]> {
  const workers = Math.max(1, Math.min(options.workers ?? 1, Math.ceil(trials.length / 4)));
  const size = chunkSize(trials.length, workers);
  const starts: number[] = [];
  for (let start = 0; start < trials.length; start += size) starts.push(start);
  const results: TrialResult[] = new Array(trials.length);
  let next = 0;
  const take = (): number | undefined => (options.signal?.aborted || next >= starts.length ? undefined : starts[next++]);
  const record = (start: number, chunk: readonly TrialResult[]) => {
    for (let i = 0; i < chunk.length; i++) results[start + i] = chunk[i];
    options.onResults?.(chunk);
  };

  const here = async () => {
    for (;;) {
      await new Promise(setImmediate); // lets signal handlers and pool messages through between chunks
      const start = take();
      if (start === undefined) return;
      record(start, trials.slice(start, start + size).map((t) => runOne(t, options.targets)));
    }
  };
  if (workers === 1) {
    await here();
  } else {
    const { default: Tinypool } = await import('tinypool');
    // The compiled worker beside this file (dist/runner/worker.js); worker threads cannot run the .ts sources.
    const filename = new URL('./worker.js', import.meta.url).href;
    const threads = workers - 1;
    const pool = new Tinypool({ filename, minThreads: threads, maxThreads: threads, isolateWorkers: false });
    const lane = async () => {
      for (let start = take(); start !== undefined; start = take()) {
        const task: WorkerTask = { trials: trials.slice(start, start + size), targets: options.targets, imports: options.imports ?? [] };
        record(start, (await pool.run(task)) as TrialResult[]);
      }
    };
    try {
      // allSettled: a failing lane must not leave others running when the pool is destroyed.
      const settled = await Promise.allSettled([here(), ...Array.from({ length: threads }, lane)]);
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } finally {
      await pool.destroy();
    }
  }
  if (options.signal?.aborted) throw options.signal.reason;
  return results;
}
