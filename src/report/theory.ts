import { problems } from '../problems/index.ts';
import type { TheoryPoint } from '../problems/problem.ts';
import type { ConfigSummary, Results } from '../results/types.ts';
import { compareConfigs } from '../stats/rank.ts';
import { num3, table } from './format.ts';

/** Full-batch sgd configurations (sgd and its presets) that a theory point's method covers. */
function matches(method: TheoryPoint['method'], c: ConfigSummary): boolean {
  const p = c.spec.optimizer.params;
  if (!['sgd', 'momentum', 'nesterov'].includes(c.spec.optimizer.name) || c.spec.batchSize !== undefined) return false;
  if (c.spec.schedule.name !== 'constant' || p.weight_decay !== 0 || p.dampening !== 0) return false;
  if (method === 'gd') return p.momentum === 0;
  if (method === 'heavy-ball') return (p.momentum as number) > 0 && p.nesterov === false;
  return p.nesterov === true;
}

/** The grid cell nearest the theory: the nearest momentum first, then the nearest lr on a log scale. */
function nearest(configs: readonly ConfigSummary[], point: TheoryPoint): ConfigSummary {
  const m = (c: ConfigSummary) => c.spec.optimizer.params.momentum as number;
  const lr = (c: ConfigSummary) => c.spec.optimizer.params.lr as number;
  const dm = Math.min(...configs.map((c) => Math.abs(m(c) - point.params.momentum)));
  const row = configs.filter((c) => Math.abs(m(c) - point.params.momentum) === dm);
  const dl = (c: ConfigSummary) => Math.abs(Math.log(lr(c) / point.params.lr));
  return row.reduce((a, b) => (dl(b) < dl(a) ? b : a));
}

function cell(c: ConfigSummary, i: number): string[] {
  const t = c.targets[i];
  const steps = t.medianSteps === null ? '—' : num3(t.medianSteps);
  return [`${num3(c.spec.optimizer.params.lr as number)}, ${num3(c.spec.optimizer.params.momentum as number)}`, `${steps} (${t.reached}/${c.runs})`];
}

/**
 * Theory against the grid, for problems that know their optimal parameters (the quadratic): for each matching
 * optimizer, the theoretical (lr, β) and its predicted steps to the tightest target, ⌈ln ε / ln ρ⌉, beside the
 * grid cell nearest to it and the best cell by the suite's rule, with their measured median steps.
 */
export function theorySection(results: Results, problemLabel: string): string {
  const problem = results.suite.problems.find((p) => p.label === problemLabel);
  if (problem === undefined || !problems.has(problem.name)) return '';
  const points = problems.get(problem.name).theory?.(problem.params as never) ?? [];
  const i = results.suite.targets.length - 1;
  const epsilon = results.suite.targets[i];
  const rows: string[][] = [];
  for (const point of points) {
    const own = results.configs.filter((c) => c.problem === problemLabel && matches(point.method, c));
    for (const label of [...new Set(own.map((c) => c.optimizer))]) {
      const configs = own.filter((c) => c.optimizer === label);
      const best = [...configs].sort(compareConfigs)[0];
      const predicted = Math.ceil(Math.log(epsilon) / Math.log(point.rate));
      rows.push([label, point.source, `${num3(point.params.lr)}, ${num3(point.params.momentum)}`, String(predicted), ...cell(nearest(configs, point), i), ...cell(best, i)]);
    }
  }
  if (rows.length === 0) return '';
  return [
    `### Theory against the grid (steps to ε = ${num3(epsilon)})`,
    '',
    'Predicted steps are ⌈ln ε / ln ρ⌉ for the worst-case contraction ρ of f − f*; a start whose error lies mostly in fast directions needs fewer. Only full-batch runs with the constant schedule are compared.',
    '',
    table(['optimizer', 'theory', 'theory lr, β', 'predicted steps', 'nearest grid cell lr, β', 'its steps (reached)', 'best grid cell lr, β', 'its steps (reached)'], rows),
  ].join('\n');
}
