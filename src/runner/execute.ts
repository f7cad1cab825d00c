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

/** Chunks big enough to amortise messaging and journalling, small enough (≈ 8 per lane) to balance the load. */
function chunkSize(total: number, lanes: number): number {
  return Math.max(1, Math.min(64, Math.ceil(total / (lanes * 8))));
}

/**
 * Pool threads start only when the trials left would take this thread at least this long (ms): a thread takes
 * 0.1–0.3 s to start on a 2-core machine and slows this one meanwhile, so with less work left it finishes nothing
 * sooner (W1, 120 trials of ~1 ms each, runs fastest on one thread), as jest runs small test runs in band.
 */
const WORTH_STARTING_MS = 500;

/**
 * Runs trials and returns their results in plan order. This thread is a lane that takes the next chunk when it is
 * free; pool threads, when `threads` allows some, become lanes too, once the work left is worth starting them
 * (estimated from the chunks run here, the first of which pays for compiling and for building problem instances),
 * or at once when there are too few trials to time first. A pool lane takes chunks only once its thread is up (an
 * empty chunk comes back): a chunk handed to a thread still starting would wait there while this thread, done with
 * the rest, waited for it. Each trial is a pure function of its spec, so results do not depend on how many lanes
 * ran or who ran which chunk. An abort stops every lane from taking chunks; chunks already running finish and are
 * reported.
 */
export async function execute(trials: readonly PlannedTrial[], options: ExecuteOptions): Promise<TrialResult[]> {
  const { targets, threads } = options;
  const imports = options.imports ?? [];
  const pooled = Math.max(0, Math.min(threads?.count ?? 0, trials.length - 1));
  const results: TrialResult[] = new Array(trials.length);
  // Chunks are sized for the lanes running (this one alone until the pool starts): fewer, larger chunks then.
  let running = 1;
  let next = 0; // the first trial not yet taken
  let failure: { error: unknown } | undefined; // the first error of any lane: then no lane takes another chunk
  const take = (): { start: number; end: number } | undefined => {
    if (failure || options.signal?.aborted || next >= trials.length) return undefined;
    const start = next;
    next = Math.min(trials.length, start + chunkSize(trials.length, running));
    return { start, end: next };
  };
  const fail = (error: unknown) => {
    failure ??= { error };
  };
  const record = (start: number, chunk: readonly TrialResult[], lane: number) => {
    for (let i = 0; i < chunk.length; i++) results[start + i] = chunk[i];
    options.onResults?.(chunk, lane);
  };

  const lanes: Promise<void>[] = [];
  const lane = async (index: number, up: () => void) => {
    try {
      await threads!.run({ trials: [], targets, imports });
    } finally {
      up();
    }
    for (let chunk = take(); chunk !== undefined; chunk = take()) {
      record(chunk.start, await threads!.run({ trials: trials.slice(chunk.start, chunk.end), targets, imports }), index);
    }
  };
  /**
   * Starts the pool lanes. The first promise resolves once the threads are spawned: spawning needs this thread's
   * event loop, which a long chunk here would otherwise hold. The second resolves when every thread is up (or failed).
   */
  const addLanes = async (): Promise<{ up: Promise<unknown> }> => {
    running = 1 + pooled;
    await threads!.start();
    const ups: Promise<void>[] = [];
    for (let i = 1; i <= pooled; i++) {
      let up!: () => void;
      ups.push(new Promise<void>((resolve) => (up = resolve)));
      lanes.push(lane(i, up).catch(fail));
    }
    return { up: Promise.all(ups) };
  };
  if (pooled > 0 && threads!.started) await addLanes(); // up since an earlier call (a stage before)
  // So few trials that, shared by every lane, a chunk is one trial: the first could be most of the work, and timing
  // it first could leave the pool nothing to do (2 trials of 30 s would take 60 s). The threads start at once, and
  // this thread waits until they are up: a thread computing cannot hand a chunk to a pool thread ready meanwhile.
  else if (pooled > 0 && chunkSize(trials.length, 1 + pooled) === 1) await (await addLanes()).up;

  const here = async () => {
    let first = 0; // ms of the first chunk, which pays for compiling and for building problem instances
    let warm = 0; // ms of the chunks after it
    let warmTrials = 0;
    for (;;) {
      await new Promise(setImmediate); // lets signal handlers and pool messages through between chunks
      const chunk = take();
      if (chunk === undefined) return;
      const began = performance.now();
      record(chunk.start, trials.slice(chunk.start, chunk.end).map((t) => runOne(t, targets)), 0);
      const took = performance.now() - began;
      if (chunk.start === 0) first = took;
      else {
        warm += took;
        warmTrials += chunk.end - chunk.start;
      }
      const left = trials.length - next;
      // After the first chunk only a chunk that alone took that long starts them; then the warm mean per trial.
      const estimate = warmTrials === 0 ? first : (warm / warmTrials) * left;
      if (pooled > 0 && lanes.length === 0 && left > 0 && estimate >= WORTH_STARTING_MS) await addLanes();
    }
  };
  await here().catch(fail);
  await Promise.all(lanes); // each settles (see fail): none is left running when the pool is closed
  if (failure) throw failure.error;
  if (options.signal?.aborted) throw options.signal.reason;
  return results;
}
