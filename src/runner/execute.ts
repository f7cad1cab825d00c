import { availableParallelism } from 'node:os';
import type { TrialResult } from '../results/types.ts';
import type { PlannedTrial } from '../search/plan.ts';
import { runOne } from './run-one.ts';
import type { TrialThreads } from './threads.ts';

export interface ExecuteOptions {
  readonly targets: readonly number[];
  /** Pool threads that compute beside this one (none: this thread runs every trial). Results are identical either way. */
  readonly threads?: TrialThreads;
  /** Files each pool thread imports first (the suite file, when it registers its own optimizers or schedules). */
  readonly imports?: readonly string[];
  /**
   * Called with each finished chunk of trials, in completion order (the journal and progress listen here), and the
   * lane that ran it: 0 this thread, 1 … n the pool threads.
   */
  readonly onResults?: (results: readonly TrialResult[], lane: number) => void;
  /** Stops taking trials when aborted; chunks already reported stay reported. Then execute throws `signal.reason`. */
  readonly signal?: AbortSignal;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Chunks big enough to amortise messaging, small enough (≈ 8 per lane) to balance the load. */
function chunkSize(total: number, lanes: number): number {
  return Math.max(1, Math.min(64, Math.ceil(total / (lanes * 8))));
}

/**
 * Runs trials and returns their results in plan order. This thread and each pool thread are lanes, each taking
 * the next chunk when it is free. A pool thread's lane starts taking chunks only once the thread is up (an empty
 * chunk comes back): a chunk handed to a thread still starting would wait there while this thread, done with the
 * rest, waited for it. Each trial is a pure function of its spec, so results do not depend on who ran which chunk.
 * An abort stops every lane from taking chunks; chunks already running finish and are reported.
 */
export async function execute(trials: readonly PlannedTrial[], options: ExecuteOptions): Promise<TrialResult[]> {
  const { targets, threads } = options;
  const imports = options.imports ?? [];
  const pooled = Math.max(0, Math.min(threads?.count ?? 0, Math.ceil(trials.length / 4) - 1));
  const size = chunkSize(trials.length, 1 + pooled);
  const starts: number[] = [];
  for (let start = 0; start < trials.length; start += size) starts.push(start);
  const results: TrialResult[] = new Array(trials.length);
  let next = 0;
  const take = (): number | undefined => (options.signal?.aborted || next >= starts.length ? undefined : starts[next++]);
  const record = (start: number, chunk: readonly TrialResult[], lane: number) => {
    for (let i = 0; i < chunk.length; i++) results[start + i] = chunk[i];
    options.onResults?.(chunk, lane);
  };

  const here = async () => {
    for (;;) {
      await new Promise(setImmediate); // lets signal handlers and pool messages through between chunks
      const start = take();
      if (start === undefined) return;
      record(start, trials.slice(start, start + size).map((t) => runOne(t, targets)), 0);
    }
  };
  const lane = async (index: number) => {
    await threads!.run({ trials: [], targets, imports });
    for (let start = take(); start !== undefined; start = take()) {
      record(start, await threads!.run({ trials: trials.slice(start, start + size), targets, imports }), index);
    }
  };
  // allSettled: a failing lane must not leave others running when the pool is closed.
  const settled = await Promise.allSettled([here(), ...Array.from({ length: pooled }, (_, i) => lane(i + 1))]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  if (options.signal?.aborted) throw options.signal.reason;
  return results;
}
