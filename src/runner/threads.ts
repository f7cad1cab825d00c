import type { TrialResult } from '../results/types.ts';
import type { WorkerTask } from './worker.ts';

/**
 * Pool threads (tinypool) that run chunks of trials. Started before the suite is loaded, so that their start-up
 * (a Node environment and the trial code: ~0.1–0.3 s on a small machine) overlaps the loading and planning.
 */
export interface TrialThreads {
  readonly count: number;
  run(task: WorkerTask): Promise<TrialResult[]>;
  close(): Promise<void>;
}

/**
 * Starts `count` pool threads; none (undefined) when running from the TypeScript sources, whose worker threads
 * could not load the .ts files: the trials then run on this thread alone, with the same results.
 */
export function startThreads(count: number): TrialThreads | undefined {
  if (import.meta.url.endsWith('.ts')) return undefined;
  // The compiled worker beside this file (dist/runner/worker.js).
  const filename = new URL('./worker.js', import.meta.url).href;
  const pool = import('tinypool').then(({ default: Tinypool }) => new Tinypool({ filename, minThreads: count, maxThreads: count, isolateWorkers: false }));
  pool.catch(() => {}); // a failed start is reported by run and close, whichever comes first
  return {
    count,
    run: async (task) => (await (await pool).run(task)) as TrialResult[],
    close: async () => (await pool).destroy(),
  };
}
