import type { ConfigSummary, Results, TrialResult } from '../results/types.ts';
import { median } from 'simple-statistics';
import { wilcoxonSignedRank } from '../stats/wilcoxon.ts';

export type Verdict = 'improved' | 'regressed' | 'unchanged' | 'new' | 'removed';

/** One metric of one configuration (or of an optimizer's best), before and after. */
export interface MetricChange {
  readonly metric: string;
  readonly before: number | null;
  readonly after: number | null;
  /** Two-sided paired Wilcoxon signed-rank p over the seeds both runs share; null where not tested. */
  readonly p: number | null;
  readonly verdict: Verdict;
}

export interface Change {
  readonly problem: string;
  readonly optimizer: string;
  readonly schedule: string;
  /** `best` compares each optimizer's best configuration, whichever it is; `config` one configuration. */
  readonly scope: 'best' | 'config';
  readonly configId: string;
  readonly hyperparameters: string;
  readonly verdict: Verdict;
  readonly metrics: readonly MetricChange[];
}

export interface Comparison {
  readonly identical: boolean;
  readonly changes: readonly Change[];
  readonly failed: boolean;
}

export interface CompareOptions {
  /** Relative change of a median that counts (0.05: 5%). */
  readonly tolerance: number;
  /** Significance level of the paired test. */
  readonly alpha: number;
}

/** Relative gaps below this are "converged" and equal (double precision cannot resolve them further). */
const GAP_FLOOR = 1e-14;
/** The log relative gap of a diverged run: worse than any finite one. */
const DIVERGED_LOG_GAP = 20;

function logGap(t: TrialResult): number {
  if (t.status === 'diverged' || t.finalGap === null || t.optimalLoss === null) return DIVERGED_LOG_GAP;
  const scale = t.initialLoss - t.optimalLoss;
  return Math.log10(Math.max(t.finalGap / scale, GAP_FLOOR));
}

/**
 * Significant when the paired test rejects at alpha — or, with too few seeds for the test ever to reject (its
 * smallest two-sided p is 2/2ⁿ = 0.0625 for n = 5), when every seed moved the same way: runs are deterministic,
 * so a consistent move is a real one.
 */
function significant(before: number[], after: number[], alpha: number): { p: number; yes: boolean } {
  const { pValue, n } = wilcoxonSignedRank(after, before);
  if (n === 0) return { p: 1, yes: false };
  if (pValue <= alpha) return { p: pValue, yes: true };
  const minimumP = n < 6 ? 2 / 2 ** n : 0; // below 6 pairs even the exact test cannot reach 0.05
  const up = after.every((a, i) => a >= before[i]);
  const down = after.every((a, i) => a <= before[i]);
  return { p: pValue, yes: minimumP > alpha && (up || down) };
}

function pairs(a: readonly TrialResult[], b: readonly TrialResult[]): [TrialResult[], TrialResult[]] {
  const bySeed = new Map(b.map((t) => [t.seed, t]));
  const left: TrialResult[] = [];
  const right: TrialResult[] = [];
  for (const t of a) {
    const u = bySeed.get(t.seed);
    if (u !== undefined) {
      left.push(t);
      right.push(u);
    }
  }
  return [left, right];
}

/** Lower is better for every metric here; `threshold` is the smallest difference of medians that counts. */
function metric(name: string, before: number[], after: number[], threshold: number, alpha: number, show: (x: number) => number | null): MetricChange {
  const mb = median(before);
  const ma = median(after);
  const test = significant(before, after, alpha);
  let verdict: Verdict = 'unchanged';
  if (test.yes && ma - mb > threshold) verdict = 'regressed';
  else if (test.yes && mb - ma > threshold) verdict = 'improved';
  return { metric: name, before: show(mb), after: show(ma), p: test.p, verdict };
}

/**
 * Compares the trials of one configuration (or best configuration) before and after, paired by seed:
 * divergences (more is a regression), the final gap as log10 of the relative gap f−f* / (f₀−f*) (a median
 * move by more than log10(1 + tolerance) that the paired test supports), and steps to the tightest target the
 * baseline reached (unreached counted as budget + 1; a median move by more than tolerance × steps).
 */
function compareTrials(before: readonly TrialResult[], after: readonly TrialResult[], summary: ConfigSummary, steps: number, options: CompareOptions): MetricChange[] {
  const [b, a] = pairs(before, after);
  if (b.length === 0) return [];
  const out: MetricChange[] = [];
  const divB = b.filter((t) => t.status === 'diverged').length;
  const divA = a.filter((t) => t.status === 'diverged').length;
  out.push({ metric: 'diverged runs', before: divB, after: divA, p: null, verdict: divA > divB ? 'regressed' : divA < divB ? 'improved' : 'unchanged' });
  out.push(
    metric('relative final gap', b.map(logGap), a.map(logGap), Math.log10(1 + options.tolerance), options.alpha, (x) =>
      x >= DIVERGED_LOG_GAP ? null : 10 ** x,
    ),
  );
  const tight = summary.targets.map((t) => t.reached > 0).lastIndexOf(true);
  if (tight >= 0) {
    const stepsOf = (t: TrialResult) => t.stepsToTarget[tight] ?? steps + 1;
    const sb = b.map(stepsOf);
    const m = median(sb);
    out.push(metric(`steps to ${summary.targets[tight].epsilon}`, sb, a.map(stepsOf), Math.max(1, options.tolerance * m), options.alpha, (x) => (x > steps ? null : x)));
  }
  return out;
}

function overall(metrics: readonly MetricChange[]): Verdict {
  if (metrics.some((m) => m.verdict === 'regressed')) return 'regressed';
  if (metrics.some((m) => m.verdict === 'improved')) return 'improved';
  return 'unchanged';
}

function hyper(c: ConfigSummary): string {
  return [...Object.entries(c.searched.optimizer), ...Object.entries(c.searched.schedule)].map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Compares fresh results with a baseline of the same suite: every configuration, and each optimizer's best. */
export function compareResults(baseline: Results, fresh: Results, options: CompareOptions, identical: boolean): Comparison {
  if (identical) return { identical: true, changes: [], failed: false };
  const trialsOf = (r: Results) => {
    const m = new Map<string, TrialResult[]>();
    for (const t of r.trials) m.set(t.configId, [...(m.get(t.configId) ?? []), t]);
    return m;
  };
  const beforeTrials = trialsOf(baseline);
  const afterTrials = trialsOf(fresh);
  const afterConfigs = new Map(fresh.configs.map((c) => [c.configId, c]));
  const beforeConfigs = new Map(baseline.configs.map((c) => [c.configId, c]));
  const stepsOf = (r: Results, problem: string) => r.suite.problems.find((p) => p.label === problem)?.steps ?? 0;
  const changes: Change[] = [];

  for (const best of baseline.best) {
    const before = beforeConfigs.get(best.configId)!;
    const now = fresh.best.find((b) => b.problem === best.problem && b.optimizer === best.optimizer);
    const base = { problem: best.problem, optimizer: best.optimizer, scope: 'best' as const };
    if (now === undefined) {
      changes.push({ ...base, schedule: before.schedule, configId: best.configId, hyperparameters: hyper(before), verdict: 'removed', metrics: [] });
      continue;
    }
    const after = afterConfigs.get(now.configId)!;
    const metrics = compareTrials(beforeTrials.get(best.configId) ?? [], afterTrials.get(now.configId) ?? [], before, stepsOf(fresh, best.problem), options);
    changes.push({ ...base, schedule: after.schedule, configId: now.configId, hyperparameters: hyper(after), verdict: overall(metrics), metrics });
  }
  for (const before of baseline.configs) {
    const after = afterConfigs.get(before.configId);
    const base = { problem: before.problem, optimizer: before.optimizer, schedule: before.schedule, scope: 'config' as const, configId: before.configId, hyperparameters: hyper(before) };
    if (after === undefined) {
      changes.push({ ...base, verdict: 'removed', metrics: [] });
      continue;
    }
    const metrics = compareTrials(beforeTrials.get(before.configId) ?? [], afterTrials.get(before.configId) ?? [], before, stepsOf(fresh, before.problem), options);
    changes.push({ ...base, verdict: overall(metrics), metrics });
  }
  for (const after of fresh.configs) {
    if (!beforeConfigs.has(after.configId)) {
      changes.push({ problem: after.problem, optimizer: after.optimizer, schedule: after.schedule, scope: 'config', configId: after.configId, hyperparameters: hyper(after), verdict: 'new', metrics: [] });
    }
  }
  return { identical: false, changes, failed: changes.some((c) => c.verdict === 'regressed' || c.verdict === 'removed') };
}
