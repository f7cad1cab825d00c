import type { ConfigSummary, TrialResult } from '../results/types.ts';
import { holmAdjust } from './holm.ts';
import { RESOLUTION } from './rank.ts';
import { wilcoxonSignedRank } from './wilcoxon.ts';

/** One optimizer's best configuration against the best configuration of the problem. */
export interface VersusBest {
  readonly config: ConfigSummary;
  /** The problem's best configuration itself (no test). */
  readonly isBest: boolean;
  /** Seeds run by both configurations. */
  readonly pairs: number;
  /** Seeds on which this configuration's final gap was larger, smaller, equal (at double precision's resolution). */
  readonly worse: number;
  readonly better: number;
  readonly tied: number;
  /** Two-sided paired Wilcoxon signed-rank p; null for the best itself. */
  readonly pValue: number | null;
  /** Holm-adjusted over the problem's other optimizers; null for the best itself. */
  readonly adjusted: number | null;
  readonly significant: boolean;
}

/**
 * A trial's final gap as the ranking sees it (rank.ts): at least RESOLUTION × its initial gap, since smaller gaps
 * are rounding; Infinity when it diverged (or has no gap), worse than any finite gap.
 */
function rankedGap(t: TrialResult): number {
  if (t.status === 'diverged' || t.finalGap === null) return Infinity;
  return t.optimalLoss === null ? t.finalGap : Math.max(t.finalGap, RESOLUTION * (t.initialLoss - t.optimalLoss));
}

/**
 * Paired samples of final gaps by seed. A diverged run's Infinity becomes 3M + 1 (M the largest |finite gap| of
 * either sample): larger than every observed gap, so its difference from a finite partner ranks above every
 * finite difference (|x − y| ≤ 2M < 3M + 1 − M), and two diverged partners tie (difference 0, dropped).
 */
function paired(a: readonly TrialResult[], b: readonly TrialResult[]): { x: number[]; y: number[] } {
  const bySeed = new Map(b.map((t) => [t.seed, rankedGap(t)]));
  const x: number[] = [];
  const y: number[] = [];
  for (const t of [...a].sort((p, q) => p.seed - q.seed)) {
    const other = bySeed.get(t.seed);
    if (other === undefined) continue;
    x.push(rankedGap(t));
    y.push(other);
  }
  const finite = [...x, ...y].filter(Number.isFinite).map(Math.abs);
  const big = 3 * (finite.length === 0 ? 0 : Math.max(...finite)) + 1;
  const cap = (v: number) => (v === Infinity ? big : v);
  return { x: x.map(cap), y: y.map(cap) };
}

/**
 * Each of `configs` (the best configuration of each optimizer on one problem) against `best` (the problem's best
 * among them), paired by seed on the final gap: two-sided Wilcoxon signed-rank (wilcoxon.ts), then Holm's
 * step-down adjustment over the m = configs − 1 comparisons; significant when the adjusted p ≤ alpha.
 * `trialsOf` gives a configuration's trials.
 */
export function versusBest(
  best: ConfigSummary,
  configs: readonly ConfigSummary[],
  trialsOf: (configId: string) => readonly TrialResult[],
  alpha: number,
): VersusBest[] {
  const others = configs.filter((c) => c.configId !== best.configId);
  const tests = others.map((c) => {
    const { x, y } = paired(trialsOf(c.configId), trialsOf(best.configId));
    const worse = x.filter((v, i) => v > y[i]).length;
    const better = x.filter((v, i) => v < y[i]).length;
    return { c, pairs: x.length, worse, better, tied: x.length - worse - better, p: wilcoxonSignedRank(x, y).pValue };
  });
  const adjusted = holmAdjust(tests.map((t) => t.p));
  const rows = new Map(
    tests.map((t, i): [string, VersusBest] => [
      t.c.configId,
      { config: t.c, isBest: false, pairs: t.pairs, worse: t.worse, better: t.better, tied: t.tied, pValue: t.p, adjusted: adjusted[i], significant: adjusted[i] <= alpha },
    ]),
  );
  const self = trialsOf(best.configId).length;
  return configs.map(
    (c) =>
      rows.get(c.configId) ?? { config: c, isBest: true, pairs: self, worse: 0, better: 0, tied: self, pValue: null, adjusted: null, significant: false },
  );
}

/** The smallest two-sided p the exact signed-rank test can give with n pairs: both tails of one pattern, 2/2ⁿ. */
export function smallestExactP(n: number): number {
  return Math.min(1, 2 / 2 ** n);
}
