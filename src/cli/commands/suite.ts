import type { CommandModule } from 'yargs';
import { relative } from 'node:path';
import { fmt } from '../args.ts';
import { printLeaderboard } from '../leaderboard.ts';

interface Args {
  suite: string;
  out?: string;
  quick?: boolean;
  quiet?: boolean;
}

export const suiteCommand: CommandModule<object, Args> = {
  command: 'suite <suite>',
  describe: 'run a suite (suites/<name>.ts, or a path) and write its report',
  builder: (y) =>
    y
      .positional('suite', { type: 'string', demandOption: true, describe: 'suite name under suites/, or a path to a suite file' })
      .option('out', { type: 'string', describe: 'output directory (default: reports/<suite>)' })
      .option('quick', { type: 'boolean', describe: 'a reduced run (fewer seeds and steps) for smoke tests' })
      .option('quiet', { type: 'boolean', describe: 'print only the leaderboard and the report path' }),
  async handler(args) {
    const { runSuite } = await import('../../runner/run-suite.ts');
    const started = process.hrtime.bigint();
    let lastLine = 0;
    const { results, report } = await runSuite(args.suite, {
      out: args.out,
      quick: args.quick,
      onPlan: (suite, total) => {
        if (!args.quiet) process.stderr.write(`optbench: suite ${suite.name}: ${total} trials${suite.quick ? ' (quick)' : ''}\n`);
      },
      onResult: (_r, done, total) => {
        const now = Date.now();
        if (args.quiet || (now - lastLine < 1000 && done < total)) return;
        lastLine = now;
        process.stderr.write(`optbench: ${done}/${total} trials\n`);
      },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    printLeaderboard(results);
    process.stdout.write(`\nreport: ${relative(process.cwd(), report) || report}  (${results.trials.length} trials in ${fmt(seconds)} s)\n`);
  },
};
