import { describe, expect, it } from 'vitest';
import { type Change, type CompareOptions, compareResults } from '../../src/check/compare.ts';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon.ts';
import { results, trials } from './fixtures.ts';

/**
 * compareResults on hand-built baselines and fresh runs (test/check/fixtures.ts): problem quad, sgd, f₀ = 10,
 * f* = 0, so a trial's relative final gap is finalGap / 10, and the compared quantity is its log10.
 */

const OPTIONS: CompareOptions = { tolerance: 0.05, alpha: 0.05 };
const ONES = [1, 1, 1, 1, 1];

function compare(before: Record<string, ReturnType<typeof trials>>, after: Record<string, ReturnType<typeof trials>>, options = OPTIONS, reached = false) {
  return compareResults(results(before, reached), results(after, reached), options, false);
}

const configRow = (changes: readonly Change[], id: string) => changes.find((c) => c.scope === 'config' && c.configId === id)!;
const metricOf = (change: Change, name: string) => change.metrics.find((m) => m.metric === name)!;

describe('compareResults', () => {
  it('identical files: no changes, not failed', () => {
    const same = results({ a: trials('a', ONES) });
    expect(compareResults(same, same, OPTIONS, true)).toEqual({ identical: true, changes: [], failed: false });
  });

  it('the same numbers in a file that differs: every row unchanged, p = 1 (no non-zero difference)', () => {
    const { identical, changes, failed } = compare({ a: trials('a', ONES) }, { a: trials('a', ONES) });
    expect([identical, failed]).toEqual([false, false]);
    expect(changes.map((c) => [c.scope, c.verdict])).toEqual([['best', 'unchanged'], ['config', 'unchanged']]);
    expect(metricOf(configRow(changes, 'a'), 'relative final gap')).toMatchObject({ p: 1, verdict: 'unchanged' });
  });

  it('one more diverged seed is a regression of the configuration and of the best, without any test', () => {
    const { changes, failed } = compare({ a: trials('a', ONES) }, { a: trials('a', [1, 1, 1, 1, null]) });
    expect(failed).toBe(true);
    expect(changes.map((c) => c.verdict)).toEqual(['regressed', 'regressed']);
    expect(metricOf(configRow(changes, 'a'), 'diverged runs')).toEqual({ metric: 'diverged runs', before: 0, after: 1, p: null, verdict: 'regressed' });
    // The diverged seed counts as the worst gap, but 4 of 5 seeds are unchanged: the median gap did not move.
    expect(metricOf(configRow(changes, 'a'), 'relative final gap').verdict).toBe('unchanged');
  });

  it('one diverged seed fewer is an improvement, and does not fail', () => {
    const { changes, failed } = compare({ a: trials('a', [1, 1, 1, 1, null]) }, { a: trials('a', ONES) });
    expect(failed).toBe(false);
    expect(metricOf(configRow(changes, 'a'), 'diverged runs')).toMatchObject({ before: 1, after: 0, verdict: 'improved' });
  });

  it('5 seeds all worse by different amounts: exact Wilcoxon p = 2/2⁵ = 0.0625 > α, yet regressed (the documented rule)', () => {
    const factor = [2, 2.2, 2.4, 2.6, 2.8];
    const before = ONES.map((g) => Math.log10(g / 10));
    const after = factor.map((f) => Math.log10(f / 10));
    // The premise: no ties among |dᵢ|, all dᵢ > 0, so W⁺ = 15 is the most extreme of 2⁵ sign patterns.
    expect(wilcoxonSignedRank(after, before).pValue).toBe(0.0625);

    const { changes, failed } = compare({ a: trials('a', ONES) }, { a: trials('a', factor) });
    expect(failed).toBe(true);
    const gap = metricOf(configRow(changes, 'a'), 'relative final gap');
    expect(gap.verdict).toBe('regressed');
    expect(gap.p).toBe(0.0625);
    // Medians of the relative gaps: 1/10 before, 2.4/10 after (shown as 10^median(log10)).
    expect(gap.before).toBeCloseTo(0.1, 12);
    expect(gap.after).toBeCloseTo(0.24, 12);
  });

  it('the same moves the other way are an improvement', () => {
    const { changes, failed } = compare({ a: trials('a', [2, 2.2, 2.4, 2.6, 2.8]) }, { a: trials('a', ONES) });
    expect(failed).toBe(false);
    expect(changes.map((c) => c.verdict)).toEqual(['improved', 'improved']);
  });

  it('6 seeds: the test can reject (min p = 2/2⁶), so 5 worse and 1 slightly better (p = 0.0625) is unchanged', () => {
    const six = [1, 1, 1, 1, 1, 1];
    const factor = [2, 2.2, 2.4, 2.6, 2.8, 0.95];
    // |log10 0.95| is the smallest |dᵢ|: W⁺ = 21 − 1 = 20, two-sided p = 2·2/64.
    expect(wilcoxonSignedRank(factor.map((f) => Math.log10(f / 10)), six.map(() => -1)).pValue).toBe(0.0625);
    expect(metricOf(configRow(compare({ a: trials('a', six) }, { a: trials('a', factor) }).changes, 'a'), 'relative final gap')).toMatchObject({
      p: 0.0625,
      verdict: 'unchanged',
    });
    // All six worse: p = 2/64, the test itself rejects.
    const all = metricOf(configRow(compare({ a: trials('a', six) }, { a: trials('a', [2, 2.2, 2.4, 2.6, 2.8, 3]) }).changes, 'a'), 'relative final gap');
    expect(all).toMatchObject({ p: 0.03125, verdict: 'regressed' });
  });

  it('mixed directions: unchanged although the median doubled', () => {
    // log10 ratios +0.301, +0.398, +0.477, −0.347, −0.456: ranks 1, 3, 5 positive, W⁺ = 9, exact p = 26/32.
    const { changes, failed } = compare({ a: trials('a', ONES) }, { a: trials('a', [2, 2.5, 3, 0.45, 0.35]) });
    const gap = metricOf(configRow(changes, 'a'), 'relative final gap');
    expect(gap.p).toBe(0.8125);
    expect(gap.after! / gap.before!).toBeCloseTo(2, 12);
    expect(gap.verdict).toBe('unchanged');
    expect(failed).toBe(false);
  });

  it('tolerance: every seed 1% worse is unchanged with tolerance 5%, regressed with 0.5%', () => {
    const worse = [1.01, 1.0101, 1.0102, 1.0103, 1.0104];
    const loose = metricOf(configRow(compare({ a: trials('a', ONES) }, { a: trials('a', worse) }).changes, 'a'), 'relative final gap');
    expect(loose).toMatchObject({ p: 0.0625, verdict: 'unchanged' }); // consistent, but log10 1.0102 < log10 1.05
    const tight = compare({ a: trials('a', ONES) }, { a: trials('a', worse) }, { tolerance: 0.005, alpha: 0.05 });
    expect(metricOf(configRow(tight.changes, 'a'), 'relative final gap').verdict).toBe('regressed');
    expect(tight.failed).toBe(true);
  });

  it('steps to the tightest target the baseline reached: a move beyond tolerance × median counts, a smaller one not', () => {
    const steps = [50, 52, 54, 56, 58];
    const faster = steps.map((s, i) => s - 10 - i); // 40, 41, 42, 43, 44
    const row = configRow(compare({ a: trials('a', ONES, steps) }, { a: trials('a', ONES, faster) }, OPTIONS, true).changes, 'a');
    expect(metricOf(row, 'steps to 0.1')).toMatchObject({ before: 54, after: 42, p: 0.0625, verdict: 'improved' });
    expect(row.verdict).toBe('improved');
    // 2 steps on a median of 54 is below 5% of it (2.7 steps).
    const nudged = steps.map((s, i) => s + 2 + i * 0.001);
    expect(metricOf(configRow(compare({ a: trials('a', ONES, steps) }, { a: trials('a', ONES, nudged) }, OPTIONS, true).changes, 'a'), 'steps to 0.1').verdict).toBe(
      'unchanged',
    );
  });

  it('a target no longer reached counts as budget + 1 steps (shown as null) and regresses', () => {
    const row = configRow(compare({ a: trials('a', ONES, [50, 51, 52, 53, 54]) }, { a: trials('a', ONES) }, OPTIONS, true).changes, 'a');
    expect(metricOf(row, 'steps to 0.1')).toMatchObject({ before: 52, after: null, verdict: 'regressed' });
  });

  it('a configuration gone from the fresh run is removed and fails; a new one is new and passes', () => {
    const removed = compare({ a: trials('a', ONES), b: trials('b', ONES) }, { a: trials('a', ONES) });
    expect(configRow(removed.changes, 'b')).toMatchObject({ verdict: 'removed', metrics: [] });
    expect(removed.failed).toBe(true);

    const added = compare({ a: trials('a', ONES) }, { a: trials('a', ONES), c: trials('c', ONES) });
    expect(configRow(added.changes, 'c')).toMatchObject({ verdict: 'new', metrics: [] });
    expect(added.failed).toBe(false);
  });

  it('an optimizer with no configuration left: its best is removed too', () => {
    const { changes, failed } = compare({ a: trials('a', ONES) }, {});
    expect(changes.map((c) => [c.scope, c.verdict])).toEqual([['best', 'removed'], ['config', 'removed']]);
    expect(failed).toBe(true);
  });
});
