import type { ConfigSummary, Results } from '../results/types.ts';
import { isStagedSearch } from '../suite/staged.ts';
import { crossProblemSection } from './cross-problem.ts';
import { num3, params, space, table } from './format.ts';
import { problemStats } from './problem-stats.ts';
import { sensitivityTable } from './sensitivity.ts';
import { stagedSearchText, stagedSection } from './staged.ts';
import { theorySection } from './theory.ts';

/** A chart to link: the problem label it belongs to (matched exactly, never through its slug; null: the whole suite), file and title. */
export interface ChartLink {
  readonly problem: string | null;
  readonly file: string;
  readonly title: string;
}

function steps(c: ConfigSummary, i: number): string {
  const t = c.targets[i];
  return `${t.medianSteps === null ? '—' : num3(t.medianSteps)} (${t.reached}/${c.runs})`;
}

function gap(c: ConfigSummary): string {
  if (c.finalGap === null) return 'diverged';
  return `${num3(c.finalGap.median)} [${num3(c.finalGap.q1)}, ${num3(c.finalGap.q3)}]`;
}

function hyper(c: ConfigSummary): string {
  const s = params(c.searched.schedule);
  return [params(c.searched.optimizer), s].filter(Boolean).join(' · ');
}

function whatRan(r: Results): string {
  const { suite } = r;
  const configCount = r.configs.length;
  const diverged = r.trials.filter((t) => t.status === 'diverged').length;
  const perProblem = suite.problems.some((p) => p.batchSize !== undefined);
  const search = isStagedSearch(suite.search)
    ? stagedSearchText(suite.search)
    : suite.search.kind === 'grid'
      ? 'grid (every combination)'
      : `${suite.search.kind === 'sobol' ? 'Sobol (scrambled)' : 'random'}, ${suite.search.samples} samples per optimizer × schedule, seed ${suite.search.seed}`;
  return [
    '## What ran',
    '',
    // A batch column for problems only where a suite gives them batch sizes; optimizers without their own then use them.
    perProblem
      ? table(
          ['problem', 'name', 'options', 'steps', 'batch'],
          suite.problems.map((p) => [p.label, p.name, params(p.params), String(p.steps), p.batchSize === undefined ? 'full' : String(p.batchSize)]),
        )
      : table(
          ['problem', 'name', 'options', 'steps'],
          suite.problems.map((p) => [p.label, p.name, params(p.params), String(p.steps)]),
        ),
    '',
    table(
      ['optimizer', 'name', 'search space', 'batch'],
      suite.optimizers.map((o) => [o.label, o.name, space(o.space), o.batchSize !== null ? String(o.batchSize) : perProblem ? "the problem's" : 'full']),
    ),
    '',
    table(['schedule', 'name', 'search space'], suite.schedules.map((s) => [s.label, s.name, space(s.space)])),
    '',
    `- **Search**: ${search}; ${configCount} configurations × ${suite.seeds.length} seeds = ${r.trials.length} trials (${diverged} diverged).`,
    `- **Seeds**: ${suite.seeds.join(', ')}. For a seed every configuration sees the same data, initial point and minibatch order.`,
    `- **Targets**: f − f* ≤ ε·(f₀ − f*) for ε ∈ {${suite.targets.map(num3).join(', ')}}; "steps" is the median over the seeds that reached it, with (reached/runs).`,
    `- **Best configuration rule**: ${suite.rule}.`,
    ...(suite.quick ? ['- **Quick run**: seeds, steps and samples were reduced (`--quick`); do not compare with a full run.'] : []),
  ].join('\n');
}

function leaderboard(r: Results, problem: string, byId: Map<string, ConfigSummary>): string {
  const rows = r.best.filter((b) => b.problem === problem).map((b) => byId.get(b.configId)!);
  const targets = r.suite.targets;
  const header = ['optimizer', 'schedule', 'hyperparameters', 'final gap median [IQR]', '95% CI of median', ...targets.map((t) => `steps to ${num3(t)}`), 'diverged', 'log-gap area'];
  return [
    `### Leaderboard: best configuration of each optimizer`,
    '',
    table(
      header,
      rows.map((c) => [
        c.optimizer,
        c.schedule,
        hyper(c),
        gap(c),
        c.finalGapCi === null ? '—' : `[${num3(c.finalGapCi[0])}, ${num3(c.finalGapCi[1])}]`,
        ...targets.map((_, i) => steps(c, i)),
        `${c.diverged}/${c.runs}`,
        c.logGapArea === null ? '—' : num3(c.logGapArea.median),
      ]),
    ),
  ].join('\n');
}

function bySchedule(r: Results, problem: string, byId: Map<string, ConfigSummary>): string {
  const entries = r.bestBySchedule.filter((b) => b.problem === problem);
  const schedules = [...new Set(entries.map((b) => b.schedule!))];
  const optimizers = [...new Set(entries.map((b) => b.optimizer))];
  const cell = (o: string, s: string) => {
    const b = entries.find((e) => e.optimizer === o && e.schedule === s);
    return b === undefined ? '' : gap(byId.get(b.configId)!);
  };
  return [
    '### Best final gap of each optimizer × schedule (median [IQR])',
    '',
    table(['optimizer', ...schedules], optimizers.map((o) => [o, ...schedules.map((s) => cell(o, s))])),
  ].join('\n');
}

/** report.md: what ran, then per problem a leaderboard, an optimizer × schedule table, lr sensitivity and charts. */
export function renderMarkdown(results: Results, charts: readonly ChartLink[]): string {
  const byId = new Map(results.configs.map((c) => [c.configId, c]));
  const out = [`# ${results.suite.name}: optbench report`, ''];
  if (results.suite.description) out.push(results.suite.description, '');
  out.push(whatRan(results), '');
  const across = crossProblemSection(results, charts);
  if (across !== '') out.push(across, '');
  for (const problem of results.suite.problems) {
    out.push(`## ${problem.label}`, '');
    if (results.reference[problem.label] === 'best loss found') {
      out.push(`${problem.name} has no known optimum: f* here is, for each seed, the best loss any trial of this suite reached, so gaps and targets are relative to the best found, not to the truth.`, '');
    }
    out.push(leaderboard(results, problem.label, byId), '');
    out.push(problemStats(results, problem.label, byId), '');
    out.push(bySchedule(results, problem.label, byId), '');
    out.push('### Learning-rate sensitivity: median final gap by lr (best over the other hyperparameters)', '');
    out.push(sensitivityTable(results.configs.filter((c) => c.problem === problem.label)), '');
    const staged = stagedSection(results, problem.label, byId);
    if (staged !== '') out.push(staged, '');
    const theory = theorySection(results, problem.label);
    if (theory !== '') out.push(theory, '');
    for (const chart of charts.filter((c) => c.problem === problem.label)) out.push(`![${chart.title}](${chart.file})`, '');
  }
  out.push('---', '', `Generated by optbench from \`results.json\` (schema version ${results.schemaVersion}); \`optbench report results.json\` regenerates this file.`, '');
  return out.join('\n');
}
