import type { Results } from '../results/types.ts';
import { type AcrossProblems, acrossProblems, profileAt, profileTarget, runtimeEcdfs } from '../stats/across-problems.ts';
import { stepAt } from '../stats/ecdf.ts';
import { performanceProfile } from '../stats/profiles.ts';
import { num3, table } from './format.ts';
import type { ChartLink } from './markdown.ts';

/** Profiles are cut at τ = 4, as AlgoPerf does (Dahl et al. 2023, "Benchmarking Neural Network Training Algorithms"). */
export const TAU_MAX = 4;

const pct = (x: number): string => `${Number((100 * x).toFixed(1))}%`;

/** ρ_s(τ) of every optimizer at target `index`, over the problems some optimizer solved there. */
function rhos(a: AcrossProblems, index: number, taus: readonly number[]): { problems: string[]; rows: number[][] } {
  const { problems, ratios } = profileAt(a, index);
  const rows = a.optimizers.map((_, s) => {
    const profile = performanceProfile(ratios.map((r) => r[s]));
    return taus.map((tau) => stepAt(profile, tau));
  });
  return { problems, rows };
}

function profileSection(results: Results, a: AcrossProblems, charts: readonly ChartLink[]): string[] {
  const targets = results.suite.targets;
  const index = profileTarget(a, targets.length);
  if (index === null) return ['No optimizer reached any target on any problem: there is no performance profile to draw.'];
  const eps = num3(targets[index]);
  const main = rhos(a, index, [1, 2, TAU_MAX]);
  const left = a.problems.filter((p) => !main.problems.includes(p));
  const solved = (s: number) => main.problems.filter((p) => a.art[a.problems.indexOf(p)][s][index] < Infinity).length;
  const why =
    left.length === 0
      ? `ε = ${eps} is the tightest target that on every problem some optimizer’s best configuration reached, so every problem has a finite best time and counts in every ratio; a tighter one would leave problems that nobody solved, a looser one says less about precision.`
      : `No optimizer reached even the loosest target on ${left.join(', ')}, which are left out; ε = ${eps} is the tightest target at which the other ${main.problems.length} problems all have a finite best time.`;
  const byTarget = targets.map((_, i) => rhos(a, i, [1, TAU_MAX]));
  return [
    `### Performance profiles (Dolan & Moré 2002) at ε = ${eps}`,
    '',
    `Measure: t_{p,s} = the aRT of optimizer s’s best configuration on problem p to ε = ${eps}; ratio r_{p,s} = t_{p,s} / min_s t_{p,s}; ` +
      `ρ_s(τ) = the fraction of the ${main.problems.length} problems with r_{p,s} ≤ τ, for τ from 1 to ${TAU_MAX} (cut at ${TAU_MAX} as AlgoPerf does). ` +
      `An optimizer that never reached the target on a problem has r = ∞ there and never counts. ρ_s(1) is the fraction of problems won; ties count as a win for each. ${why}`,
    '',
    table(
      ['optimizer', 'problems solved', 'ρ(1): wins', 'ρ(2)', `ρ(${TAU_MAX})`],
      a.optimizers.map((o, s) => [o, `${solved(s)}/${main.problems.length}`, ...main.rows[s].map(pct)]),
    ),
    '',
    `The same profile at every target, ρ(1) / ρ(${TAU_MAX}), as a check on the choice of ε (problems no optimizer solved at a target are left out of its column):`,
    '',
    table(
      ['optimizer', ...targets.map((t, i) => `ε = ${num3(t)} (${byTarget[i].problems.length} problems)`)],
      a.optimizers.map((o, s) => [o, ...byTarget.map((b) => (b.problems.length === 0 ? '—' : `${pct(b.rows[s][0])} / ${pct(b.rows[s][1])}`))]),
    ),
    '',
    ...charts.filter((c) => c.file === 'performance-profile.svg').map((c) => `![${c.title}](${c.file})\n`),
  ];
}

function ecdfSection(results: Results, a: AcrossProblems, charts: readonly ChartLink[]): string[] {
  const fractions = [0.01, 0.1, 1];
  const ecdfs = runtimeEcdfs(a);
  const n = Math.max(0, ...a.runtimes.map((r) => r.length));
  if (n === 0) return [];
  return [
    '### Runtime ECDF over problems × targets × seeds (data profile)',
    '',
    `For each optimizer (its best configuration on each problem), the fraction of the ${n} (problem, target, seed) triples — ` +
      `${a.problems.length} problems × ${results.suite.targets.length} targets × ${results.suite.seeds.length} seeds — whose run reached the target ` +
      'within a given number of steps. Step budgets differ between problems, so steps are divided by the problem’s budget (x = steps / budget, log scale); ' +
      'a diverged run never reaches (COCO’s runtime ECDF, Hansen et al. 2016; the data profile of Moré & Wild 2009).',
    '',
    table(
      ['optimizer', ...fractions.map((f) => `reached within ${pct(f)} of the budget`)],
      a.optimizers.map((o, s) => [o, ...fractions.map((f) => pct(stepAt(ecdfs[s], f)))]),
    ),
    '',
    ...charts.filter((c) => c.file === 'ecdf.svg').map((c) => `![${c.title}](${c.file})\n`),
  ];
}

/**
 * "Across problems": performance profiles and runtime ECDFs of the optimizers' best configurations, with their
 * tables and charts (`charts` with no problem). Empty for a suite of one problem: a profile over one is meaningless.
 */
export function crossProblemSection(results: Results, charts: readonly ChartLink[]): string {
  if (results.suite.problems.length < 2) return '';
  const a = acrossProblems(results);
  const suiteCharts = charts.filter((c) => c.problem === null);
  return [
    '## Across problems',
    '',
    'Each optimizer is represented on each problem by its best configuration (the leaderboard’s row, picked by the rule above).',
    '',
    ...profileSection(results, a, suiteCharts),
    ...ecdfSection(results, a, suiteCharts),
  ]
    .join('\n')
    .trimEnd();
}
