import yargs from 'yargs';
import { OptbenchError } from '../core/errors.ts';
import { commands } from './commands/index.ts';
import { EXIT } from './exit.ts';
import { loadUserModule } from './load.ts';

/**
 * Runs the CLI on `argv` and returns the exit code: 0 success, 1 a failed check, 2 bad input or usage.
 * A user's mistake is one line on stderr; a stack trace only for a bug, or with --debug.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const cli = yargs(argv)
    .scriptName('optbench')
    .usage('$0 <command> [options]\n\nBenchmark gradient optimizers and learning-rate schedules on seeded problems.')
    .option('debug', { type: 'boolean', describe: 'print stack traces of errors', global: true })
    .option('import', {
      type: 'string',
      array: true,
      describe: 'a .ts/.js file to load first (it registers optimizers, schedules or problems)',
      global: true,
    })
    .middleware(async (args) => {
      for (const file of (args.import as string[] | undefined) ?? []) await loadUserModule(file);
    })
    .command(commands)
    .demandCommand(1, 'name a command (see optbench --help)')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new OptbenchError(message);
    });
  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof OptbenchError) {
      process.stderr.write(`optbench: ${error.message}\n`);
      if (debug) process.stderr.write(`${error.stack}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`optbench: internal error (a bug; please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.bug;
  }
  return Number(process.exitCode ?? EXIT.ok);
}
