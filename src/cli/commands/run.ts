import type { CommandModule } from 'yargs';
import { optimizers } from '../../optimizers/index.ts';
import { problems } from '../../problems/index.ts';
import { schedules } from '../../schedules/index.ts';
import { type TrialRun, runTrial } from '../../train/run-trial.ts';
import { fmt, type NumericArg, numeric, parseAssignments, toJson } from '../args.ts';

interface Args {
  problem: string;
  opt?: string[];
  seed: NumericArg;
  optimizer: string;
  lr?: NumericArg;
  steps: NumericArg;
  hp?: string[];
  schedule: string;
  'schedule-hp'?: string[];
  'batch-size'?: NumericArg;
  json?: boolean;
}

/** The `run --json` contract: losses[0] at the initial point, losses[k] after k steps. */
export function runJson(run: TrialRun): Record<string, unknown> {
  return {
    ...run.spec,
    status: run.outcome.status,
    divergedAt: run.outcome.status === 'diverged' ? run.outcome.atStep : null,
    losses: run.losses,
    params: run.params,
    finalLoss: run.finalLoss,
    bestLoss: run.bestLoss,
    validationLoss: run.validationLoss,
    optimum: { loss: run.optimalLoss },
    gap: run.finalLoss - run.optimalLoss,
  };
}

function summary(run: TrialRun): string {
  const { spec, losses } = run;
  const show = (p: Record<string, unknown>) => Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ');
  const batch = spec.batchSize === undefined ? 'full-batch' : `batch-size ${spec.batchSize}`;
  const lines = [
    `${spec.optimizer.name} (${show(spec.optimizer.params)})`,
    `  on ${spec.problem.name} seed ${spec.seed}, ${spec.schedule.name} schedule, ${spec.steps} ${batch} steps`,
    '',
    '     step  loss        gap f−f*',
  ];
  const shown = new Set<number>([0]);
  for (let k = 1; k < losses.length; k *= 2) shown.add(k);
  shown.add(losses.length - 1);
  for (const k of [...shown].sort((a, b) => a - b)) {
    const gap = Number.isNaN(run.optimalLoss) ? '' : fmt(losses[k] - run.optimalLoss);
    lines.push(`  ${String(k).padStart(7)}  ${fmt(losses[k]).padEnd(10)}  ${gap}`);
  }
  lines.push('');
  if (run.outcome.status === 'diverged') lines.push(`  diverged at step ${run.outcome.atStep}`);
  const optimum = Number.isNaN(run.optimalLoss) ? '' : `, f* ${fmt(run.optimalLoss)}, gap ${fmt(run.finalLoss - run.optimalLoss)}`;
  const validation = Number.isNaN(run.validationLoss) ? '' : `, validation ${fmt(run.validationLoss)}`;
  lines.push(`  final loss ${fmt(run.finalLoss)}${optimum}${validation}`);
  lines.push(`  params [${Array.from(run.params.subarray(0, 8), fmt).join(', ')}${run.params.length > 8 ? ', …' : ''}]`);
  return lines.join('\n');
}

export const runCommand: CommandModule<object, Args> = {
  command: 'run',
  describe: 'run one optimizer on one seeded problem instance and print its loss curve',
  builder: (y) =>
    y
      .option('problem', { type: 'string', demandOption: true, describe: 'problem name' })
      .option('opt', { type: 'string', array: true, describe: 'problem option name=value (repeatable)' })
      .option('seed', { coerce: numeric, requiresArg: true, default: 0, describe: 'instance seed (data, initial point, batch order)' })
      .option('optimizer', { type: 'string', demandOption: true, describe: 'optimizer name' })
      .option('lr', { coerce: numeric, requiresArg: true, describe: "learning rate (default: the optimizer's)" })
      .option('steps', { coerce: numeric, requiresArg: true, default: 100, describe: 'number of updates' })
      .option('hp', { type: 'string', array: true, describe: 'optimizer hyperparameter name=value (repeatable)' })
      .option('schedule', { type: 'string', default: 'constant', describe: 'learning-rate schedule' })
      .option('schedule-hp', { type: 'string', array: true, describe: 'schedule parameter name=value (repeatable)' })
      .option('batch-size', { coerce: numeric, requiresArg: true, describe: 'minibatch size (default: the full batch)' })
      .option('json', { type: 'boolean', describe: 'print JSON: { losses, params, ... }' }),
  handler(args) {
    const problem = problems.get(args.problem);
    const optimizer = optimizers.get(args.optimizer);
    const schedule = schedules.get(args.schedule);
    const hp = parseAssignments(optimizer.name, args.hp, optimizer.params);
    if (args.lr !== undefined) hp.lr = args.lr;
    // Numeric flags typed as text (`--steps abc`) reach resolveTrialSpec as text, which it rejects by name.
    const run = runTrial({
      problem: { name: problem.name, params: parseAssignments(`problem ${problem.name}`, args.opt, problem.options) },
      seed: args.seed as number,
      optimizer: { name: optimizer.name, params: hp },
      schedule: { name: schedule.name, params: parseAssignments(`schedule ${schedule.name}`, args['schedule-hp'], schedule.params) },
      steps: args.steps as number,
      batchSize: args['batch-size'] as number | undefined,
    });
    process.stdout.write(`${args.json ? toJson(runJson(run)) : summary(run)}\n`);
  },
};
