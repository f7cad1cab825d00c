import { appendFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { type NumericArg, WORKERS_OPTION, workersArg } from '../args.ts';
import { EXIT } from '../exit.ts';

interface Args {
  suites?: string[];
  update?: boolean;
  json?: boolean;
  workers?: NumericArg;
}

export const checkCommand: CommandModule<object, Args> = {
  command: 'check [suites..]',
  describe: 'rerun suites and compare with their checked-in reports/<suite>/results.json; exit 1 on a regression',
  builder: (y) =>
    y
      .positional('suites', { type: 'string', array: true, describe: 'suite names (default: every suite with a checked-in baseline)' })
      .option('update', { type: 'boolean', describe: 'rewrite the baselines (results.json, report.md, charts) instead of failing' })
      .option('json', { type: 'boolean', describe: 'print the comparison as JSON' })
      .option('workers', WORKERS_OPTION),
  async handler(args) {
    const { checkSuite, suitesWithBaselines } = await import('../../check/run-check.ts');
    const { annotations, changeTable, headline } = await import('../../check/format.ts');
    const { trialThreads } = await import('../../runner/threads.ts');
    const workers = workersArg(args.workers);
    const names = args.suites?.length ? args.suites : suitesWithBaselines(process.cwd());
    if (names.length === 0) {
      process.stderr.write('optbench: no suite has a baseline under reports/; run optbench check --update <suite> first\n');
      process.exitCode = EXIT.badInput;
      return;
    }
    const checks = [];
    const threads = trialThreads(workers - 1); // one pool for every suite
    try {
      for (const name of names) checks.push(await checkSuite(name, { update: args.update, threads }));
    } finally {
      await threads?.close();
    }
    const failed = checks.some((c) => c.comparison.failed);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ failed, suites: checks }, null, 2)}\n`);
    } else {
      for (const check of checks) {
        process.stdout.write(`${headline(check)}\n`);
        if (!check.comparison.identical && !check.updated && check.comparison.changes.some((c) => c.verdict !== 'unchanged')) {
          process.stdout.write(`\n${changeTable(check)}\n\n`);
        }
      }
      if (failed) process.stdout.write('\nIf the change is intended: optbench check --update, and commit the new reports.\n');
    }
    // GitHub reads workflow commands on stdout and stderr; with --json, stdout holds nothing but the JSON document.
    const commands = args.json ? process.stderr : process.stdout;
    if (process.env.GITHUB_ACTIONS === 'true') for (const check of checks) for (const line of annotations(check)) commands.write(`${line}\n`);
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      const body = checks.map((c) => `### optbench check: ${headline(c)}\n\n${c.comparison.identical || c.updated ? '' : changeTable(c)}\n`).join('\n');
      appendFileSync(summaryFile, `${body}\n`);
    }
    if (failed) process.exitCode = EXIT.failed;
  },
};
