import type { RungGroup } from '../results/stages.ts';
import type { Results } from '../results/types.ts';
import { num3, table } from './format.ts';

/** 12345678 → "12 345 678": step counts read at a glance. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

const percent = (x: number) => `${Number((100 * x).toPrecision(3))}%`;

/**
 * The rungs of a halving or Hyperband search on one problem: per optimizer × schedule (and bracket) what each rung
 * ran, promoted and spent, then what all rungs spent against a full search of the same configurations (every
 * sampled configuration for the full budget on every seed).
 */
export function rungsSection(results: Results, problem: string): string {
  const stages = results.stages;
  if (stages === undefined || stages.kind === 'tuning') return '';
  const groups = stages.groups.filter((g) => g.problem === problem);
  if (groups.length === 0) return '';
  const hyperband = stages.kind === 'hyperband';
  const seeds = results.suite.seeds.length;
  const steps = results.suite.problems.find((p) => p.label === problem)?.steps ?? 0;
  const rows = groups.flatMap((g) =>
    g.rungs.map((r) => [
      g.optimizer,
      g.schedule,
      ...(hyperband ? [String(r.bracket)] : []),
      String(r.rung),
      grouped(r.steps),
      String(r.configs.length),
      r.promoted.length === 0 ? '— (full budget)' : String(r.promoted.length),
      String(r.trials),
      grouped(r.stepsSpent),
      num3(Math.min(...r.medianFinalLoss.map((x) => x ?? Infinity))),
    ]),
  );
  const totals = groups.map((g) => totalsRow(g, seeds, steps));
  const name = hyperband ? 'Hyperband' : 'Successive halving';
  return [
    `### ${name}: rungs`,
    '',
    `Each rung ranks its configurations by the median final training loss over the ${seeds} seeds (a diverged run counts as worst; ties keep sampling order) ` +
      `and promotes the best ⌊n/η⌋, at least one, to η times the steps; the last rung runs the full ${grouped(steps)} steps, and its configurations are the ones above. ` +
      'A promoted configuration reruns from step 0 with the longer budget (training is deterministic, so nothing is lost but time; a schedule that depends on the budget, such as cosine, stretches to it).',
    '',
    table(
      ['optimizer', 'schedule', ...(hyperband ? ['bracket s'] : []), 'rung', 'steps per trial', 'configurations', 'promoted', 'trials', 'steps spent', 'best median final loss'],
      rows,
    ),
    '',
    `Steps spent on all rungs against a full search of the same configurations (each for ${grouped(steps)} steps on ${seeds} seeds):`,
    '',
    table(['optimizer', 'schedule', 'configurations sampled', 'steps spent (all rungs)', 'full search', 'share'], totals),
  ].join('\n');
}

function totalsRow(g: RungGroup, seeds: number, steps: number): string[] {
  const sampled = g.rungs.filter((r) => r.rung === 0).reduce((n, r) => n + r.configs.length, 0);
  const spent = g.rungs.reduce((n, r) => n + r.stepsSpent, 0);
  const full = sampled * seeds * steps;
  return [g.optimizer, g.schedule, String(sampled), grouped(spent), grouped(full), full === 0 ? '—' : percent(spent / full)];
}
