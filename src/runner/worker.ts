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

let loaded: Promise<unknown> | undefined;

/** Worker-thread entry (tinypool): runs a chunk of trials; the results are pure functions of the trials. */
export default async function runChunk(task: WorkerTask): Promise<TrialResult[]> {
  loaded ??= Promise.all(task.imports.map((file) => importFile(file)));
  await loaded;
  return task.trials.map((trial) => runOne(trial, task.targets));
}
