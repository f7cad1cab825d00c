import type { Results } from '../results/types.ts';
import { acrossProblems, profileAt, profileTarget, runtimeEcdfs } from '../stats/across-problems.ts';
import { performanceProfile } from '../stats/profiles.ts';
import type { ChartFile } from './charts.ts';
import { ecdfSpec, ecdfTitle } from './chart-ecdf.ts';
import { profileSpec, profileTitle } from './chart-profile.ts';
import { TAU_MAX } from './cross-problem.ts';
import { renderSvg } from './svg.ts';

/**
 * The suite-wide charts, `performance-profile.svg` and `ecdf.svg` (problem: null), only for suites of two or
 * more problems: a profile over one problem is meaningless. The profile is drawn at cross-problem.ts's target
 * and is absent when no problem was solved at any target; the ECDF is absent when the results hold no trials.
 */
export async function crossProblemCharts(results: Results): Promise<ChartFile[]> {
  if (results.suite.problems.length < 2) return [];
  const a = acrossProblems(results);
  const files: ChartFile[] = [];
  const index = profileTarget(a, results.suite.targets.length);
  if (index !== null) {
    const { problems, ratios } = profileAt(a, index);
    const profiles = a.optimizers.map((_, s) => performanceProfile(ratios.map((r) => r[s])));
    const epsilon = results.suite.targets[index];
    const spec = profileSpec(a.optimizers, profiles, { epsilon, problems: problems.length, tauMax: TAU_MAX });
    files.push({ problem: null, file: 'performance-profile.svg', title: profileTitle(epsilon), svg: await renderSvg(spec, 'performance-profile') });
  }
  if (a.runtimes.every((r) => r.length === 0)) return files; // no trials (a hand-made Results): no ECDF to draw
  const reached = a.runtimes.flat().filter((x): x is number => x !== null);
  const smallest = Math.min(1 / Math.max(...results.suite.problems.map((p) => p.steps)), ...reached);
  const info = { smallest, problems: a.problems.length, targets: results.suite.targets.length, seeds: results.suite.seeds.length };
  files.push({ problem: null, file: 'ecdf.svg', title: ecdfTitle, svg: await renderSvg(ecdfSpec(a.optimizers, runtimeEcdfs(a), info), 'ecdf') });
  return files;
}
