import type { TuningGroup } from '../results/stages.ts';
import type { ConfigSummary, Results } from '../results/types.ts';
import { num3, params, table } from './format.ts';

/** A group's column label: the optimizer, with the schedule when the suite has several. */
export function tuningLabel(g: TuningGroup, schedules: number): string {
  return schedules > 1 ? `${g.optimizer} · ${g.schedule}` : g.optimizer;
}

function gap(c: ConfigSummary | undefined): string {
  if (c === undefined) return '';
  if (c.finalGap === null) return 'diverged';
  return `${num3(c.finalGap.median)} [${num3(c.finalGap.q1)}, ${num3(c.finalGap.q3)}]`;
}

function hyper(c: ConfigSummary): string {
  return [params(c.searched.optimizer), params(c.searched.schedule)].filter(Boolean).join(' · ');
}

/**
 * Performance against tuning budget on one problem: for b = 1 … k, the fresh-seed median final gap [IQR] of the
 * configuration a tuner with b trials picks (the best of the first b on the tuning seeds), per optimizer; then
 * every configuration picked, from which budget on, with its gap on the tuning seeds and on the fresh seeds.
 */
export function tuningSection(results: Results, problem: string, byId: ReadonlyMap<string, ConfigSummary>): string {
  const stages = results.stages;
  if (stages === undefined || stages.kind !== 'tuning') return '';
  const groups = stages.groups.filter((g) => g.problem === problem);
  if (groups.length === 0) return '';
  const { suite } = results;
  const k = Math.max(...groups.map((g) => g.selected.length));
  const labels = groups.map((g) => tuningLabel(g, suite.schedules.length));
  const rows = Array.from({ length: k }, (_, b) => [String(b + 1), ...groups.map((g) => (b < g.selected.length ? gap(byId.get(g.selected[b])) : ''))]);
  const picks = groups.flatMap((g, i) =>
    g.selected.flatMap((id, b) => {
      if (b > 0 && g.selected[b - 1] === id) return [];
      const c = byId.get(id)!;
      const tuned = g.tuningGap[g.configs.indexOf(id)];
      return [[labels[i], String(b + 1), hyper(c), tuned === null ? 'diverged' : num3(tuned), gap(c)]];
    }),
  );
  const tuningSeeds = stages.tuningSeeds.join(', ');
  return [
    '### Performance against tuning budget',
    '',
    `Each optimizer × schedule ran ${k} sampled configurations on tuning seed${stages.tuningSeeds.length === 1 ? '' : 's'} ${tuningSeeds}. ` +
      `With a budget of b trials a tuner keeps the best of the first b (by the best-configuration rule above, on the tuning seeds); ` +
      `that configuration is rerun on the ${suite.seeds.length} fresh seeds (${suite.seeds.join(', ')}), which the tuning never saw. Median final gap f − f* [IQR] over the fresh seeds:`,
    '',
    table(['budget b', ...labels], rows),
    '',
    'The configurations picked, from the budget at which each became the best so far:',
    '',
    table(['optimizer', 'from b', 'hyperparameters', 'median final gap, tuning seeds', 'final gap, fresh seeds: median [IQR]'], picks),
  ].join('\n');
}
