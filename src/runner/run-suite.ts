import { join } from 'node:path';
import { shortHash } from '../core/hash.ts';
import { importFile } from '../core/import-file.ts';
import { builtinOptimizers } from '../optimizers/index.ts';
import { builtinProblems } from '../problems/index.ts';
import { buildResults } from '../results/build.ts';
import type { Results, TrialResult } from '../results/types.ts';
import { ensureDir, writeAtomic, writeReport } from '../report/write.ts';
import { builtinSchedules } from '../schedules/index.ts';
import { type Plan, type PlannedTrial, plan } from '../search/plan.ts';
import { locateSuite } from '../suite/locate.ts';
import { resolveSuite } from '../suite/resolve.ts';
import type { ResolvedSuite } from '../suite/resolved.ts';
import { execute } from './execute.ts';
import { Interrupted } from './interrupted.ts';
import { Journal } from './journal.ts';
import { withLock } from './lock.ts';
import { inShard, type Shard } from './shard.ts';
import { makeShardFile, serializeShard, shardFileName } from './shard-file.ts';
import { type TrialThreads, trialThreads } from './threads.ts';
import { asStaged, runStages, shardRefusal, type StagedSearch, stagedSearch } from './stages.ts';

export interface RunSuiteOptions {
  /** Where suites/ and reports/ live (default: the working directory). */
  readonly root?: string;
  /** Output directory (default: reports/<suite name> under root). */
  readonly out?: string;
  readonly quick?: boolean;
  /** Worker threads (default 1 in the library; the CLI defaults to the number of cores). */
  readonly workers?: number;
  /** Run only this shard's trials and write a shard file instead of the report. */
  readonly shard?: Shard;
  /** Files loaded before the suite (the CLI's --import): worker threads load them too. */
  readonly imports?: readonly string[];
  /** Skip the trials recorded in the journal of an interrupted run. */
  readonly resume?: boolean;
  /** Called once the plan is known, before any trial runs: total trials to run here, and how many the journal had. */
  readonly onPlan?: (suite: ResolvedSuite, total: number, resumed: number) => void;
  /** A staged search (halving, hyperband, tuning) learns how many trials it runs as it goes: called when that changes. */
  readonly onTotal?: (total: number) => void;
  /** Called with each finished chunk of trials. */
  readonly onResults?: (results: readonly TrialResult[]) => void;
  /** Abort to stop (SIGINT/SIGTERM): finished trials stay in the journal and runSuite throws Interrupted. */
  readonly signal?: AbortSignal;
}

export interface SuiteRun {
  readonly suite: ResolvedSuite;
  /** The full results, for an unsharded run. */
  readonly results?: Results;
  /** The report (unsharded) or the shard file (sharded). */
  readonly written: string;
  readonly ran: number;
  /** Threads that ran trials here: 1 up to the workers allowed (pool threads start only when worth it). */
  readonly threads: number;
  readonly resumed: number;
}

/** Loads and checks a suite file (by name under suites/, or a path); also returns the file. */
export async function loadSuite(nameOrPath: string, options: { root?: string; quick?: boolean } = {}): Promise<ResolvedSuite> {
  return (await loadSuiteFile(nameOrPath, options)).suite;
}

export async function loadSuiteFile(nameOrPath: string, options: { root?: string; quick?: boolean }): Promise<{ suite: ResolvedSuite; file: string }> {
  const location = locateSuite(nameOrPath, options.root ?? process.cwd());
  const module = await importFile(location.file);
  return { suite: resolveSuite(location.name, location.file, module.default, { quick: options.quick }), file: location.file };
}

/** The identity of a whole plan: a hash of its trial ids in order. */
export function planHash(planned: Plan): string {
  return shortHash(planned.trials.map((t) => t.id).join('\n'));
}

/**
 * What pool threads must import before running the suite's trials: nothing when the suite names only built-ins,
 * else the files loaded before it (--import) and the suite file itself, which register the names it adds.
 */
export function threadImports(suite: ResolvedSuite, file: string, imports: readonly string[] = []): string[] {
  const ownNames =
    suite.problems.some((p) => !Object.hasOwn(builtinProblems, p.name)) ||
    suite.optimizers.some((o) => !Object.hasOwn(builtinOptimizers, o.name)) ||
    suite.schedules.some((s) => !Object.hasOwn(builtinSchedules, s.name));
  return ownNames ? [...imports, file] : [];
}

/**
 * Runs a suite (or one shard of it) and writes its report (or shard file). Every finished chunk of trials is
 * journalled first, so an interrupted run resumes where it stopped; the final files are the same either way.
 */
export async function runSuite(nameOrPath: string, options: RunSuiteOptions = {}): Promise<SuiteRun> {
  const root = options.root ?? process.cwd();
  // Pool threads for trials, started by execute when the work is worth it.
  const threads = trialThreads((options.workers ?? 1) - 1);
  try {
    const { suite, file } = await loadSuiteFile(nameOrPath, { root, quick: options.quick });
    const staged = asStaged(suite);
    if (staged && options.shard) throw shardRefusal(staged);
    // A staged search (halving, hyperband, tuning) has no plan ahead of time: its stages are decided as it runs.
    const planned = staged ? stagedSearch(staged) : plan(suite);
    const out = options.out ?? join(root, 'reports', suite.name);
    ensureDir(out);
    const lock = options.shard ? `.optbench-shard-${options.shard.index}-of-${options.shard.count}.lock` : undefined;
    return await withLock(out, () => runLocked(suite, file, planned, out, options, threads), lock);
  } finally {
    await threads?.close();
  }
}

/** What a run needs once its journal is open: where it writes, how it runs trials (journalling them), the journal's plan. */
interface Locked {
  readonly suite: ResolvedSuite;
  readonly hash: string;
  readonly out: string;
  readonly options: RunSuiteOptions;
  readonly run: (todo: readonly PlannedTrial[]) => Promise<TrialResult[]>;
}

type Outcome = Pick<SuiteRun, 'results' | 'written' | 'ran'>;

const isStaged = (planned: Plan | StagedSearch): planned is StagedSearch => 'step' in planned;

async function runLocked(
  suite: ResolvedSuite,
  file: string,
  planned: Plan | StagedSearch,
  out: string,
  options: RunSuiteOptions,
  threads: TrialThreads | undefined,
): Promise<SuiteRun> {
  const hash = isStaged(planned) ? planned.hash : planHash(planned);
  const { shard } = options;
  const selected = isStaged(planned) ? [] : shard ? planned.trials.filter((t) => inShard(t.id, shard)) : planned.trials;

  const journalFile = join(out, shard ? `.journal-${shard.index}-of-${shard.count}.jsonl` : '.journal.jsonl');
  const done = options.resume ? Journal.read(journalFile, suite.name, hash) : new Map<string, TrialResult>();
  // A staged search keeps every journalled trial: which of them it needs is decided as its stages are.
  const kept = isStaged(planned) ? [...done.values()] : selected.filter((t) => done.has(t.id)).map((t) => done.get(t.id)!);
  const journal = Journal.open(journalFile, suite.name, hash, kept);
  let saved = kept.length;
  const lanes = new Set<number>([0]);
  const imports = threadImports(suite, file, options.imports);
  try {
    const run = (todo: readonly PlannedTrial[]) =>
      execute(todo, {
        targets: suite.targets,
        threads,
        signal: options.signal,
        imports,
        onResults: (chunk, lane) => {
          lanes.add(lane);
          journal.append(chunk);
          saved += chunk.length;
          options.onResults?.(chunk);
        },
      });
    const locked: Locked = { suite, hash, out, options, run };
    const outcome = isStaged(planned) ? await runStaged(locked, planned, done, kept.length) : await runPlanned(locked, planned, selected, kept, done);
    await journal.remove();
    return { suite, ...outcome, resumed: kept.length, threads: lanes.size };
  } catch (error) {
    if (options.signal?.aborted) throw new Interrupted(String(options.signal.reason ?? 'abort'), saved);
    throw error;
  } finally {
    await journal.close();
  }
}

/** A planned run (or one shard of it): the trials the journal lacks, then the report (or the shard file). */
async function runPlanned(
  { suite, hash, out, options, run }: Locked,
  planned: Plan,
  selected: readonly PlannedTrial[],
  kept: readonly TrialResult[],
  done: ReadonlyMap<string, TrialResult>,
): Promise<Outcome> {
  const todo = selected.filter((t) => !done.has(t.id));
  options.onPlan?.(suite, todo.length, kept.length);
  const fresh = await run(todo);
  const byId = new Map<string, TrialResult>([...kept, ...fresh].map((t) => [t.id, t]));
  const trials = selected.map((t) => byId.get(t.id)!);
  const { shard } = options;
  if (shard) {
    const written = join(out, shardFileName(shard));
    writeAtomic(written, serializeShard(makeShardFile(suite, hash, shard, trials)));
    return { written, ran: fresh.length };
  }
  const results = buildResults(suite, planned, trials);
  return { results, written: (await writeReport(out, results)).report, ran: fresh.length };
}

/** A staged search: its stages one after another (src/runner/stages.ts), then the report. */
async function runStaged({ suite, out, options, run }: Locked, staged: StagedSearch, done: Map<string, TrialResult>, resumed: number): Promise<Outcome> {
  let planned = false;
  // The first total the stages announce is the plan; a later one (the tuning protocol's picks) refines it.
  const onTotal = (total: number) => {
    if (planned) options.onTotal?.(total - resumed);
    else options.onPlan?.(suite, total - resumed, resumed);
    planned = true;
  };
  const { results, ran } = await runStages(suite, staged, done, run, onTotal);
  if (!planned) options.onPlan?.(suite, 0, resumed); // the journal held every trial
  return { results, written: (await writeReport(out, results)).report, ran };
}
