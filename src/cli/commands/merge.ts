import type { CommandModule } from 'yargs';

interface Args {
  paths: string[];
  out?: string;
}

export const mergeCommand: CommandModule<object, Args> = {
  command: 'merge <paths..>',
  describe: 'combine shard files (or directories of them) into the results.json and report an unsharded run writes',
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'shard-i-of-n.json files or directories holding them' })
      .option('out', { type: 'string', describe: 'output directory (default: beside the first shard)' }),
  async handler(args) {
    const { mergeShards } = await import('../../runner/merge.ts');
    const { report } = await mergeShards(args.paths, { out: args.out });
    process.stdout.write(`report: ${report}\n`);
  },
};
