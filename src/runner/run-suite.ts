import { importFile } from '../core/import-file.ts';
import { buildResults } from '../results/build.ts';
import type { Results, TrialResult } from '../results/types.ts';
import { writeReport } from '../report/write.ts';
import { plan } from '../search/plan.ts';
import { locateSuite } from '../suite/locate.ts';
import { resolveSuite } from '../suite/resolve.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { execute } from './execute.ts';

export interface RunSuiteOptions {
  /** Where suites/ lives (default: the working directory). */
  readonly root?: string;
  /** Output directory (default: reports/<suite name> under root). */
  readonly out?: string;
  readonly quick?: boolean;
  readonly onResult?: (result: TrialResult, done: number, total: number) => void;
  /** Called once the plan is known, before any trial runs. */
  readonly onPlan?: (suite: ResolvedSuite, trials: number) => void;
}

/** Loads and checks a suite file (by name under suites/, or a path). */
export async function loadSuite(nameOrPath: string, options: { root?: string; quick?: boolean } = {}): Promise<ResolvedSuite> {
  const location = locateSuite(nameOrPath, options.root ?? process.cwd());
  const module = await importFile(location.file);
  return resolveSuite(location.name, location.file, module.default, { quick: options.quick });
}

/** Runs a suite end to end and writes its report; returns the results and the report's path. */
export async function runSuite(nameOrPath: string, options: RunSuiteOptions = {}): Promise<{ results: Results; report: string }> {
  const root = options.root ?? process.cwd();
  const suite = await loadSuite(nameOrPath, { root, quick: options.quick });
  const planned = plan(suite);
  options.onPlan?.(suite, planned.trials.length);
  const trials = await execute(planned.trials, { targets: suite.targets, onResult: options.onResult });
  const results = buildResults(suite, planned, trials);
  const { report } = await writeReport(options.out ?? `${root}/reports/${suite.name}`, results);
  return { results, report };
}
