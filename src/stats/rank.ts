import type { ConfigSummary } from '../results/types.ts';

/**
 * Orders configurations by the suite's BEST_RULE (src/suite/resolved.ts); negative when `a` ranks first.
 * 1. Fewer diverged runs first (so one that never diverged ranks before every one that did).
 * 2. Lower median final gap first; a null final gap (no non-diverged run with a gap) ranks last. Gaps below
 *    RESOLUTION × the initial gap count as equal: double precision cannot order them (f − f* is then rounding).
 * 3. On exactly equal medians: the one reaching a tighter target (higher target index with a reached run) first;
 *    at the same tightest target, fewer median steps to it first.
 * 4. Finally by configId, compared by UTF-16 code units (not localeCompare, which varies by machine).
 */
export function compareConfigs(a: ConfigSummary, b: ConfigSummary): number {
  if (a.diverged !== b.diverged) return a.diverged - b.diverged;

  const gapA = resolved(a);
  const gapB = resolved(b);
  if (gapA !== gapB) {
    if (gapA === null) return 1;
    if (gapB === null) return -1;
    return gapA < gapB ? -1 : 1;
  }

  const tightA = tightestReached(a);
  const tightB = tightestReached(b);
  if (tightA !== tightB) return tightB - tightA;
  if (tightA >= 0) {
    const stepsA = a.targets[tightA].medianSteps as number;
    const stepsB = b.targets[tightB].medianSteps as number;
    if (stepsA !== stepsB) return stepsA < stepsB ? -1 : 1;
  }

  if (a.configId === b.configId) return 0;
  return a.configId < b.configId ? -1 : 1;
}

/** Relative gaps below this are at double precision's resolution of f − f*. */
export const RESOLUTION = 1e-14;

function resolved(s: ConfigSummary): number | null {
  const gap = s.finalGap?.median ?? null;
  if (gap === null) return null;
  return s.initialGap === null ? gap : Math.max(gap, RESOLUTION * s.initialGap);
}

/** Index of the tightest (last) target some run reached; −1 if none. */
function tightestReached(s: ConfigSummary): number {
  for (let i = s.targets.length - 1; i >= 0; i--) if (s.targets[i].reached > 0) return i;
  return -1;
}

/** The best summary under `compareConfigs` for each key, in the order the keys first appear. */
export function pickBest(summaries: readonly ConfigSummary[], keyOf: (s: ConfigSummary) => string): ConfigSummary[] {
  const best = new Map<string, ConfigSummary>();
  for (const s of summaries) {
    const key = keyOf(s);
    const current = best.get(key);
    if (current === undefined || compareConfigs(s, current) < 0) best.set(key, s);
  }
  return [...best.values()];
}
