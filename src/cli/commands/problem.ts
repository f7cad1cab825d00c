import type { CommandModule } from 'yargs';
import { problems } from '../../problems/index.ts';
import { createProblem } from '../../problems/problem.ts';
import { fmt, type NumericArg, numeric, parseAssignments, toJson } from '../args.ts';

interface Args {
  name: string;
  seed: NumericArg;
  opt?: string[];
  json?: boolean;
}

export const problemCommand: CommandModule<object, Args> = {
  command: 'problem <name>',
  describe: 'print a seeded problem instance: data, initial point and exact optimum',
  builder: (y) =>
    y
      .positional('name', { type: 'string', demandOption: true, describe: 'problem name (see optbench list problems)' })
      .option('seed', { coerce: numeric, requiresArg: true, default: 0, describe: 'instance seed' })
      .option('opt', { type: 'string', array: true, describe: 'problem option name=value (repeatable)' })
      .option('json', { type: 'boolean', describe: 'print the instance as JSON (the documented contract)' }),
  handler(args) {
    const def = problems.get(args.name);
    const instance = createProblem(def, args.seed as number, parseAssignments(`problem ${def.name}`, args.opt, def.options));
    if (args.json) {
      process.stdout.write(`${toJson(instance.toJSON())}\n`);
      return;
    }
    const opts = Object.entries(instance.options).map(([k, v]) => `${k}=${v}`).join(', ');
    const lines = [
      `${instance.name} (seed ${instance.seed}; ${opts})`,
      `  dimension      ${instance.dim}${instance.samples === undefined ? '' : `, ${instance.samples} training samples`}`,
      `  initial loss   ${fmt(instance.loss(instance.init))}`,
    ];
    if (instance.optimum) {
      lines.push(`  optimal loss   ${fmt(instance.optimum.loss)}`);
      lines.push(`  optimum        [${Array.from(instance.optimum.params.subarray(0, 8), fmt).join(', ')}${instance.dim > 8 ? ', …' : ''}]`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};
