import type { ConfigSummary, Results, TrialResult } from '../results/types.ts';
import { configArt } from '../stats/across-problems.ts';
import type { Art } from '../stats/art.ts';
import { num3, table } from './format.ts';

/** "412 (3/5)": aRT to 3 significant digits with successes/runs; "∞ (0/5)" when no run succeeded. */
export function artCell(a: Art): string {
  return `${a.value === Infinity ? '∞' : num3(a.value)} (${a.successes}/${a.runs})`;
}

/**
 * The aRT table of one problem: for each optimizer's best configuration (the leaderboard's rows), COCO's average
 * running time to each target with its success count. `trials` holds each configuration's trials.
 */
export function artTable(results: Results, problem: string, byId: ReadonlyMap<string, ConfigSummary>, trials: ReadonlyMap<string, readonly TrialResult[]>): string {
  const rows = results.best.filter((b) => b.problem === problem).map((b) => byId.get(b.configId)!);
  const targets = results.suite.targets;
  const budgets = [...new Set(rows.map((c) => c.spec.steps))];
  const budget = budgets.length === 1 ? `${budgets[0]} steps` : 'its step budget';
  return [
    '### Expected running time (aRT) of each optimizer’s best configuration',
    '',
    table(
      ['optimizer', ...targets.map((t) => `aRT to ${num3(t)}`)],
      rows.map((c) => [c.optimizer, ...targets.map((_, i) => artCell(configArt(c, trials.get(c.configId) ?? [], i)))]),
    ),
    '',
    `aRT (COCO’s average running time, Hansen et al. 2016): the steps of all runs added up — to the target for a run that reached it, ` +
      `the whole budget (${budget}) or the step it diverged at for one that did not — divided by the number that reached it ` +
      `(in brackets: reached/runs; a diverged run never counts as reaching). It is the expected cost of reaching the target ` +
      `by restarting until a run succeeds; ∞ when none did. Unlike the leaderboard’s median steps, it charges for failures.`,
  ].join('\n');
}
