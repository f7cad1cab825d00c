import type { CommandModule } from 'yargs';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OptbenchError } from '../../core/errors.ts';

interface Args {
  results: string;
  out?: string;
}

export const reportCommand: CommandModule<object, Args> = {
  command: 'report <results>',
  describe: 'regenerate report.md and the charts from a results.json, without rerunning',
  builder: (y) =>
    y
      .positional('results', { type: 'string', demandOption: true, describe: 'path to results.json' })
      .option('out', { type: 'string', describe: 'output directory (default: beside results.json)' }),
  async handler(args) {
    const { parseResults } = await import('../../results/parse.ts');
    const { ensureDir, writeReport } = await import('../../report/write.ts');
    let text: string;
    try {
      text = readFileSync(args.results, 'utf8');
    } catch (error) {
      throw new OptbenchError(`cannot read ${args.results}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    const { withLock } = await import('../../runner/lock.ts');
    const results = parseResults(text, args.results);
    const out = args.out ?? dirname(args.results);
    ensureDir(out);
    const { report } = await withLock(out, () => writeReport(out, results));
    process.stdout.write(`report: ${report}\n`);
  },
};
