import yargs from './yargs.ts';
import { didYouMean } from '../core/closest.ts';
import { OptbenchError } from '../core/errors.ts';
import { commands } from './commands/index.ts';
import { EXIT } from './exit.ts';
import { importFile } from '../core/import-file.ts';

const COMMAND_NAMES = commands.map((c) => String(c.command).split(' ')[0]);

/**
 * The first word of argv when it names no command, as a one-line error; yargs' own messages
 * ("Did you mean run?", "Unknown argument: frobnicate") do not say that the command is what is unknown.
 */
function unknownCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--import') i++; // its value, not a command
    else if (!argv[i].startsWith('-')) {
      const word = argv[i];
      if (COMMAND_NAMES.includes(word)) return undefined;
      return `unknown command "${word}"${didYouMean(word, COMMAND_NAMES)}; known: ${COMMAND_NAMES.join(', ')}`;
    }
  }
  return undefined;
}

/**
 * yargs' "Unknown arguments: worker, foo" as one line that says which are options and suggests the closest
 * option of the command (`--worker` → `--workers`); a stray word that is no option is named as such.
 */
function unknownArguments(text: string, argv: readonly string[], known: readonly string[]): string | undefined {
  const m = /^Unknown arguments?: (.+)$/.exec(text);
  if (!m) return undefined;
  const names = m[1].split(', ');
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const flags = known.filter((k) => k !== 'version' && !/[A-Z]/.test(k)).map((k) => `--${k}`);
  const parts = names
    .filter((name) => !(/[A-Z]/.test(name) && names.includes(kebab(name)))) // yargs adds the camelCase twin of --a-b
    .map((name) => {
      const typed = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `-${name}`);
      if (typed === undefined) return `unexpected argument "${name}"`;
      const flag = typed.split('=')[0];
      return `unknown option ${flag}${didYouMean(flag, flags)}`;
    });
  return `${parts.join('; ')}; see --help`;
}

/**
 * Runs the CLI on `argv` and returns the exit code: 0 success, 1 a failed check, 2 bad input or usage.
 * A user's mistake is one line on stderr; a stack trace only for a bug, or with --debug.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const cli = yargs(argv)
    .scriptName('optbench')
    // Numbers are read by args.ts `numeric` (decimal only): yargs would take --lr 0x10 as 16.
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false })
    .usage('$0 <command> [options]\n\nBenchmark gradient optimizers and learning-rate schedules on seeded problems.')
    .option('debug', { type: 'boolean', describe: 'print stack traces of errors', global: true })
    .option('import', {
      type: 'string',
      array: true,
      nargs: 1, // one file per --import, so that `--import a.ts run` still finds the command
      describe: 'a .ts/.js file to load first (it registers optimizers, schedules or problems)',
      global: true,
    })
    .middleware(async (args) => {
      for (const file of (args.import as string[] | undefined) ?? []) await importFile(file);
    })
    .command(commands)
    .demandCommand(1, 'name a command (see optbench --help)')
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own errors (YError: a flag without its value, ...) are usage errors; others come from our code.
      if (error !== undefined && error !== null && error.name !== 'YError') throw error;
      // Some yargs messages span lines ("Invalid values:\n  Argument: kind, Given: ..."); a user error is one line.
      const text = (message ?? error?.message ?? '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
      // getOptions() is public in yargs but missing from its types: the options of the command being parsed.
      const options = Object.keys((cli as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
      throw new OptbenchError(unknownCommand(argv) ?? unknownArguments(text, argv, options) ?? text);
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
