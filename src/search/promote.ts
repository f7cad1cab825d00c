import type { TrialResult } from '../results/types.ts';

/**
 * A configuration's score at a rung: the median over its seeds of the final training loss, a diverged run (or one
 * without a final loss) counting as +∞, so it is worst. With an even count the median is the mean of the middle two.
 */
export function rungScore(trials: readonly TrialResult[]): number {
  if (trials.length === 0) return Infinity;
  const losses = trials.map((t) => (t.status === 'diverged' || t.finalLoss === null ? Infinity : t.finalLoss)).sort((a, b) => a - b);
  const mid = losses.length >> 1;
  return losses.length % 2 === 1 ? losses[mid] : (losses[mid - 1] + losses[mid]) / 2;
}

/**
 * The `keep` configurations with the lowest scores, best first, as indices into `scores`; equal scores (two
 * diverged ones, say) are ordered by index, i.e. by sampling order, so promotion is deterministic.
 */
export function promote(scores: readonly number[], keep: number): number[] {
  const order = scores.map((_, i) => i);
  order.sort((a, b) => (scores[a] === scores[b] ? a - b : scores[a] < scores[b] ? -1 : 1));
  return order.slice(0, keep);
}
