import { OptbenchError } from '../core/errors.ts';
import { importFile } from '../core/import-file.ts';
import type { TrialResult } from '../results/types.ts';
import type { PlannedTrial } from '../search/plan.ts';
import { runOne } from './run-one.ts';

/** A chunk of trials for one worker; `imports` are user files (suite, plugins) that register names. */
export interface WorkerTask {
  readonly trials: readonly PlannedTrial[];
  readonly targets: readonly number[];
  readonly imports: readonly string[];
}

/** Each file imported so far, once: a pool can serve several suites (optbench check), each with its own files. */
const loaded = new Map<string, Promise<unknown>>();

/** What a chunk gives back: its results, or a user's error (bad input: OptbenchError) by its message. */
export type ChunkOutcome = { readonly results: TrialResult[] } | { readonly userError: string };

/**
 * Worker-thread entry (tinypool): runs a chunk of trials; the results are pure functions of the trials. A user's
 * error comes back as a value: thrown, it would cross the thread as a plain Error and read as a bug.
 */
export default async function runChunk(task: WorkerTask): Promise<ChunkOutcome> {
  try {
    for (const file of task.imports) if (!loaded.has(file)) loaded.set(file, importFile(file));
    await Promise.all(task.imports.map((file) => loaded.get(file)));
    return { results: task.trials.map((trial) => runOne(trial, task.targets)) };
  } catch (error) {
    if (error instanceof OptbenchError) return { userError: error.message };
    throw error;
  }
}
