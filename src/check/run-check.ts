import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OptbenchError } from '../core/errors.ts';
import { buildResults } from '../results/build.ts';
import { parseResults } from '../results/parse.ts';
import { serializeResults } from '../results/serialize.ts';
import type { Results } from '../results/types.ts';
import { ensureDir, writeReport } from '../report/write.ts';
import { withLock } from '../runner/lock.ts';
import { execute } from '../runner/execute.ts';
import { loadSuiteFile, threadImports } from '../runner/run-suite.ts';
import type { TrialThreads } from '../runner/threads.ts';
import { asStaged, runStages, stagedSearch } from '../runner/stages.ts';
import { type PlannedTrial, plan } from '../search/plan.ts';
import { type Comparison, compareResults } from './compare.ts';

export interface SuiteCheck {
  readonly suite: string;
  readonly baseline: string;
  readonly trials: number;
  readonly comparison: Comparison;
  readonly updated: boolean;
}

/** Suites that have a checked-in baseline: suites/<name>.ts with reports/<name>/results.json. */
export function suitesWithBaselines(root: string): string[] {
  const dir = join(root, 'suites');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .filter((name) => existsSync(join(root, 'reports', name, 'results.json')))
    .sort();
}

function readBaseline(file: string, suite: string): { text: string; results: Results } {
  if (!existsSync(file)) {
    throw new OptbenchError(`no baseline ${file}; create it with: optbench check --update ${suite}`);
  }
  const text = readFileSync(file, 'utf8');
  const results = parseResults(text, file);
  if (results.suite.name !== suite) throw new OptbenchError(`${file}: holds results of suite "${results.suite.name}", not "${suite}"`);
  return { text, results };
}

/** For --update: the baseline if there is a readable one of this suite; a missing or unreadable one is replaced. */
function readableBaseline(file: string, suite: string): { text: string; results: Results } | null {
  try {
    return existsSync(file) ? readBaseline(file, suite) : null;
  } catch (error) {
    if (error instanceof OptbenchError) return null;
    throw error;
  }
}

/**
 * Reruns a suite (quick if its baseline was quick) and compares it with reports/<suite>/results.json;
 * with `update`, rewrites the baseline, report and charts instead of failing. `threads`: pool threads that may
 * run trials beside this one (trialThreads), as for a suite run.
 */
export async function checkSuite(suite: string, options: { root?: string; update?: boolean; threads?: TrialThreads } = {}): Promise<SuiteCheck> {
  const root = options.root ?? process.cwd();
  const dir = join(root, 'reports', suite);
  const file = join(dir, 'results.json');
  const baseline = options.update ? readableBaseline(file, suite) : readBaseline(file, suite);
  const { suite: resolved, file: suiteFile } = await loadSuiteFile(suite, { root, quick: baseline?.results.suite.quick ?? false });
  const imports = threadImports(resolved, suiteFile);
  const run = (todo: readonly PlannedTrial[]) => execute(todo, { targets: resolved.targets, threads: options.threads, imports });
  const staged = asStaged(resolved);
  let fresh: Results;
  let trials: number;
  if (staged) {
    // A staged search reruns its stages: the promotions are decided from the fresh results.
    const stages = await runStages(resolved, stagedSearch(staged), new Map(), run);
    fresh = stages.results;
    trials = stages.ran;
  } else {
    const planned = plan(resolved);
    fresh = buildResults(resolved, planned, await run(planned.trials));
    trials = planned.trials.length;
  }
  const identical = baseline !== null && serializeResults(fresh) === baseline.text;
  const comparison =
    baseline === null
      ? { identical: false, changes: [], failed: false }
      : compareResults(baseline.results, fresh, resolved.check, identical);
  if (options.update && !identical) {
    ensureDir(dir);
    await withLock(dir, () => writeReport(dir, fresh));
  }
  return { suite, baseline: file, trials, comparison: options.update ? { ...comparison, failed: false } : comparison, updated: options.update === true && !identical };
}
