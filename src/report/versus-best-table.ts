import type { ConfigSummary, Results, TrialResult } from '../results/types.ts';
import { pickBest } from '../stats/rank.ts';
import { smallestExactP, versusBest } from '../stats/versus-best.ts';
import { num3, table } from './format.ts';

/** p-values to 3 significant digits, without exponent form down to 1e-4 (num3 switches below 1e-3). */
function pCell(p: number | null): string {
  if (p === null) return '—';
  return p >= 1e-4 ? String(Number(p.toPrecision(3))) : num3(p);
}

/** What the test can and cannot say with this many seeds and comparisons. */
function power(seeds: number, m: number, alpha: number): string {
  const smallest = smallestExactP(seeds);
  const shown = `2/2^${seeds} = ${pCell(smallest)}`;
  if (smallest > alpha) {
    return (
      `With ${seeds} seeds the smallest two-sided p the exact signed-rank test can give (every seed worse) is ${shown} > α = ${alpha}: ` +
      `no difference here can be significant, however large. The p-values show direction and consistency only; run more seeds (6 or more) to test.`
    );
  }
  if (m * smallest > alpha) {
    return (
      `With ${seeds} seeds the smallest exact p is ${shown}, but Holm multiplies the smallest of the ${m} p-values by ${m}: ` +
      `${m}·${pCell(smallest)} = ${pCell(m * smallest)} > α = ${alpha}, so no difference here can be significant after correction.`
    );
  }
  return `With ${seeds} seeds the smallest exact p is ${shown}; after Holm’s correction over ${m} comparisons a difference can be significant at α = ${alpha}.`;
}

/**
 * Per problem: each optimizer's best configuration against the problem's best configuration (the leaderboard's
 * top by the suite's rule), paired by seed on the final gap; Wilcoxon signed-rank p, Holm-adjusted across the
 * problem's optimizers, and whether the adjusted p is at most the suite's check.alpha.
 */
export function versusBestTable(results: Results, problem: string, byId: ReadonlyMap<string, ConfigSummary>, trials: ReadonlyMap<string, readonly TrialResult[]>): string {
  const configs = results.best.filter((b) => b.problem === problem).map((b) => byId.get(b.configId)!);
  if (configs.length < 2) return '';
  const [best] = pickBest(configs, () => '');
  const alpha = results.suite.check.alpha;
  const rows = versusBest(best, configs, (id) => trials.get(id) ?? [], alpha);
  const seeds = Math.max(...rows.map((r) => r.pairs));
  const gap = (c: ConfigSummary) => (c.finalGap === null ? 'diverged' : num3(c.finalGap.median));
  return [
    `### Against the best configuration (${best.optimizer}): paired Wilcoxon signed-rank over seeds, Holm-adjusted`,
    '',
    table(
      ['optimizer', 'median final gap', 'seeds worse / better / tied', 'p (two-sided)', 'Holm-adjusted p', `significant at α = ${alpha}`],
      rows.map((r) => [
        r.isBest ? `${r.config.optimizer} (best)` : r.config.optimizer,
        gap(r.config),
        r.isBest ? '—' : `${r.worse} / ${r.better} / ${r.tied}`,
        pCell(r.pValue),
        pCell(r.adjusted),
        r.isBest ? '—' : r.significant ? 'yes' : 'no',
      ]),
    ),
    '',
    `Final gaps are paired by seed (the same data and start); a diverged run counts as worse than any finite gap, and gaps below ` +
      `1e-14 of the initial gap count as equal (as in the ranking). The bootstrap intervals are in the leaderboard. ${power(seeds, rows.length - 1, alpha)}`,
  ].join('\n');
}
