import type { CommandModule } from 'yargs';
import { relative } from 'node:path';
import { OptbenchError, show } from '../../core/errors.ts';
import { Interrupted } from '../../runner/interrupted.ts';
import { EXIT } from '../exit.ts';
import { fmt, type NumericArg, numeric, WORKERS_OPTION, workersArg } from '../args.ts';
import { printLeaderboard } from '../leaderboard.ts';
import { progress } from '../progress.ts';

interface Args {
  suite: string;
  out?: string;
  quick?: boolean;
  quiet?: boolean;
  workers?: NumericArg;
  shard?: string;
  'shard-count'?: NumericArg;
  resume?: boolean;
  import?: string[];
}

/** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const suiteCommand: CommandModule<object, Args> = {
  command: 'suite <suite>',
  describe: 'run a suite (suites/<name>.ts, or a path) and write its report',
  builder: (y) =>
    y
      .positional('suite', { type: 'string', demandOption: true, describe: 'suite name under suites/, or a path to a suite file' })
      .option('out', { type: 'string', describe: 'output directory (default: reports/<suite>)' })
      .option('quick', { type: 'boolean', describe: 'a reduced run (fewer seeds and steps) for smoke tests' })
      .option('workers', WORKERS_OPTION)
      .option('shard', { type: 'string', describe: 'run shard i of n (e.g. 2/3) and write shard-i-of-n.json; combine with optbench merge' })
      .option('shard-count', { coerce: numeric, requiresArg: true, describe: 'number of shards when the index comes from JOB_COMPLETION_INDEX' })
      .option('resume', { type: 'boolean', describe: 'skip the trials an interrupted run of the same suite already finished' })
      .option('quiet', { type: 'boolean', describe: 'no progress; print only the leaderboard and the report path' }),
  async handler(args) {
    const { runSuite } = await import('../../runner/run-suite.ts');
    const { parseShard, shardFromEnv } = await import('../../runner/shard.ts');
    const workers = workersArg(args.workers);
    const shardCount = args['shard-count'];
    if (shardCount !== undefined && (typeof shardCount !== 'number' || !Number.isInteger(shardCount) || shardCount < 1)) {
      throw new OptbenchError(`--shard-count must be a positive integer, got ${show(shardCount)}`);
    }
    const shard = args.shard !== undefined ? parseShard(args.shard) : shardFromEnv(process.env, shardCount);
    const bar = progress({ quiet: args.quiet });
    const started = process.hrtime.bigint();
    // SIGINT/SIGTERM: stop taking trials; what finished is in the journal (see Interrupted below).
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => stop.abort(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let run;
    try {
      run = await runSuite(args.suite, {
        out: args.out,
        quick: args.quick,
        workers,
        shard,
        resume: args.resume,
        imports: args.import,
        onPlan: (suite, total, resumed) => {
          const what = `${suite.name}${suite.quick ? ' (quick)' : ''}${shard ? ` shard ${shard.index}/${shard.count}` : ''}`;
          if (resumed > 0 && !args.quiet) process.stderr.write(`optbench: resuming ${what}: ${resumed} trials already done\n`);
          bar.start(total, what);
        },
        onTotal: (total) => bar.retotal(total),
        onResults: (chunk) => bar.add(chunk.length),
        signal: stop.signal,
      });
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
      bar.stop();
      // Everything that defines the plan and where it goes, so that the command finds the journal and its names.
      const again = [
        args.suite,
        ...(args.import ?? []).flatMap((file) => ['--import', file]),
        ...(args.out ? ['--out', args.out] : []),
        ...(args.shard ? ['--shard', args.shard] : []),
        ...(args['shard-count'] !== undefined ? ['--shard-count', String(args['shard-count'])] : []),
        ...(args.quick ? ['--quick'] : []),
        '--resume',
      ];
      process.stderr.write(`\noptbench: ${error.message}; ${error.saved} finished trials are saved. Continue with:\n  optbench suite ${again.map(shellWord).join(' ')}\n`);
      process.exitCode = error.signal === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
      return;
    } finally {
      bar.stop();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.results) printLeaderboard(run.results);
    const label = run.results ? 'report' : 'shard';
    process.stdout.write(`\n${label}: ${relative(process.cwd(), run.written) || run.written}  (${run.ran} trials in ${fmt(seconds)} s on ${run.threads < workers ? `${run.threads} of ` : ''}${workers} worker${workers === 1 ? '' : 's'})\n`);
  },
};
