import type { CommandModule } from 'yargs';
import { describeParam, type ParamSpecs } from '../../core/params.ts';
import { optimizers } from '../../optimizers/index.ts';
import { problems } from '../../problems/index.ts';
import { schedules } from '../../schedules/index.ts';
import { toJson } from '../args.ts';

const KINDS = ['optimizers', 'schedules', 'problems'] as const;
type Kind = (typeof KINDS)[number];

interface Entry {
  name: string;
  description: string;
  reference: string;
  params: ParamSpecs;
}

function entries(kind: Kind): Entry[] {
  if (kind === 'problems') return problems.all().map((p) => ({ ...p, params: p.options }));
  return (kind === 'optimizers' ? optimizers : schedules).all();
}

function text(kind: Kind): string {
  const lines = [`${kind}:`];
  for (const e of entries(kind)) {
    lines.push(`  ${e.name} — ${e.description}`, `      ${e.reference}`);
    for (const [name, spec] of Object.entries(e.params)) lines.push(`      ${name}: ${describeParam(spec)} — ${spec.description}`);
  }
  return lines.join('\n');
}

export const listCommand: CommandModule<object, { kind?: Kind; json?: boolean }> = {
  command: 'list [kind]',
  describe: 'list optimizers, schedules and problems with their parameters, defaults and ranges',
  builder: (y) =>
    y
      .positional('kind', { choices: KINDS, describe: 'what to list (default: all)' })
      .option('json', { type: 'boolean', describe: 'print JSON' }),
  handler(args) {
    const kinds = args.kind ? [args.kind] : [...KINDS];
    if (args.json) {
      process.stdout.write(`${toJson(Object.fromEntries(kinds.map((k) => [k, entries(k)])))}\n`);
      return;
    }
    process.stdout.write(`${kinds.map(text).join('\n\n')}\n`);
  },
};
