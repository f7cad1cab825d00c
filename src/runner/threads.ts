import { OptbenchError } from '../core/errors.ts';
import type { TrialResult } from '../results/types.ts';
import type { ChunkOutcome, WorkerTask } from './worker.ts';

/**
 * Pool threads (tinypool) that run chunks of trials, started on demand: `execute` starts them only when the
 * trials left are worth their start-up (a Node environment and the trial code each, 0.1–0.3 s on a 2-core
 * machine). Once started they serve every later call (each stage of a staged search) until closed.
 */
export interface TrialThreads {
  readonly count: number;
  readonly started: boolean;
  start(): Promise<void>;
  run(task: WorkerTask): Promise<TrialResult[]>;
  close(): Promise<void>;
}

/**
 * `count` pool threads, not yet started; undefined when running from the TypeScript sources, whose worker threads
 * could not load the .ts files: the trials then run on this thread alone, with the same results.
 */
export function trialThreads(count: number): TrialThreads | undefined {
  if (import.meta.url.endsWith('.ts') || count < 1) return undefined;
  // The compiled worker beside this file (dist/runner/worker.js).
  const filename = new URL('./worker.js', import.meta.url).href;
  type Pool = { run(task: unknown): Promise<unknown>; destroy(): Promise<void> };
  let pool: Promise<Pool> | undefined;
  const start = (): Promise<Pool> => {
    pool ??= import('tinypool').then(({ default: Tinypool }) => new Tinypool({ filename, minThreads: count, maxThreads: count, isolateWorkers: false }));
    return pool;
  };
  return {
    count,
    get started() {
      return pool !== undefined;
    },
    // Resolves once the threads are spawned (they then start up on their own); a failed start is reported by run.
    start: () => start().then(
      () => undefined,
      () => undefined,
    ),
    run: async (task) => {
      const outcome = (await (await start()).run(task)) as ChunkOutcome;
      if ('userError' in outcome) throw new OptbenchError(outcome.userError);
      return outcome.results;
    },
    close: async () => (await pool)?.destroy(),
  };
}
