import { OptbenchError } from '../core/errors.ts';
import type { ConfigSummary, Results } from '../results/types.ts';
import { convergenceSpec, convergenceTitle } from './chart-convergence.ts';
import { sensitivitySpec, sensitivityTitle } from './chart-sensitivity.ts';
import { hasTuning, tuningSpec, tuningTitle } from './chart-tuning.ts';
import { crossProblemCharts } from './cross-problem-charts.ts';
import { slug } from './format.ts';
import { renderSvg } from './svg.ts';

/** One rendered chart: the problem label it draws (null: the whole suite), its file name (no folder), its title, and the SVG text. */
export interface ChartFile {
  readonly problem: string | null;
  readonly file: string;
  readonly title: string;
  readonly svg: string;
}

/** Configurations by id, after checking that every best entry names one (results.json may be hand-edited). */
function indexConfigs(results: Results): Map<string, ConfigSummary> {
  const byId = new Map(results.configs.map((c) => [c.configId, c]));
  for (const b of results.best) {
    if (!byId.has(b.configId)) {
      throw new OptbenchError(`results: best configuration ${b.configId} of ${b.optimizer} on ${b.problem} is not among the configurations`);
    }
  }
  return byId;
}

/** Slugs of the problem labels (format.ts), made unique with "-2", "-3" … in suite order should two labels slug alike. */
function problemSlugs(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    let name = slug(label);
    for (let k = 2; used.has(name); k++) name = `${slug(label)}-${k}`;
    used.add(name);
    return name;
  });
}

/**
 * For each problem of the suite, in suite order: `convergence-<problem>.svg` and `lr-sensitivity-<problem>.svg`;
 * then, with two or more problems, `performance-profile.svg` and `ecdf.svg` (cross-problem-charts.ts).
 * The same results give the same bytes. Charts render one after another (Vega's SVG ids are global state).
 */
export async function renderCharts(results: Results): Promise<ChartFile[]> {
  const configs = indexConfigs(results);
  const labels = results.suite.problems.map((p) => p.label);
  const slugs = problemSlugs(labels);
  const files: ChartFile[] = [];
  for (const [i, problem] of labels.entries()) {
    const convergence = `convergence-${slugs[i]}`;
    const sensitivity = `lr-sensitivity-${slugs[i]}`;
    files.push({
      problem,
      file: `${convergence}.svg`,
      title: convergenceTitle(problem),
      svg: await renderSvg(convergenceSpec(results, problem, configs), convergence),
    });
    files.push({
      problem,
      file: `${sensitivity}.svg`,
      title: sensitivityTitle(problem),
      svg: await renderSvg(sensitivitySpec(results, problem), sensitivity),
    });
    if (hasTuning(results, problem)) {
      const tuning = `tuning-budget-${slugs[i]}`;
      files.push({ problem, file: `${tuning}.svg`, title: tuningTitle(problem), svg: await renderSvg(tuningSpec(results, problem, configs), tuning) });
    }
  }
  files.push(...(await crossProblemCharts(results)));
  return files;
}
