import { describe, expect, it } from 'vitest';
import type { ConfigSummary } from '../../src/results/types.ts';
import { compareConfigs, pickBest } from '../../src/stats/rank.ts';
import { summary } from './fixtures.ts';

// BEST_RULE (src/suite/resolved.ts): fewest diverged runs first, then lowest median final gap; ties broken by the
// tightest target reached, then median steps to it; then configId.

/** a ranks strictly before b, and the comparison is antisymmetric. */
function expectBefore(a: ConfigSummary, b: ConfigSummary): void {
  expect(compareConfigs(a, b)).toBeLessThan(0);
  expect(compareConfigs(b, a)).toBeGreaterThan(0);
}

describe('compareConfigs', () => {
  it('1. ranks a configuration that never diverged before one that did, whatever the gaps', () => {
    const clean = summary('z', { gap: 100 });
    const once = summary('a', { diverged: 1, gap: 1e-9, steps: [1, 1, 1] });
    expectBefore(clean, once);
  });

  it('1. ranks fewer divergences first, whatever the gaps', () => {
    expectBefore(summary('z', { diverged: 1, gap: 2 }), summary('a', { diverged: 2, gap: 1 }));
  });

  it('1. compares configurations with equally many divergences by gap', () => {
    expectBefore(summary('z', { diverged: 1, gap: 1 }), summary('a', { diverged: 1, gap: 2 }));
  });

  it('2. counts gaps below 1e-14 of the initial gap as equal, so the tie-break decides', () => {
    // initial gap 100: the floor is 1e-12; 0 and 5e-13 both sit below it, so the faster one (10 steps) wins.
    const exact = summary('a', { gap: 0, steps: [1, 5, 40], initialGap: 100 });
    const rounding = summary('z', { gap: 5e-13, steps: [1, 5, 10], initialGap: 100 });
    expectBefore(rounding, exact);
    // 2e-12 is above the floor: the smaller gap wins whatever the steps.
    expectBefore(exact, summary('b', { gap: 2e-12, steps: [1, 1, 1], initialGap: 100 }));
  });

  it('2. ranks the lower median final gap first', () => {
    expectBefore(summary('z', { gap: 0.5 }), summary('a', { gap: 0.6, steps: [1, 1, 1] }));
  });

  it('2. ranks a null final gap last', () => {
    expectBefore(summary('z', { gap: 1e300 }), summary('a', { gap: null, steps: [1, 1, 1] }));
  });

  it('3. on equal gaps, ranks the one reaching a tighter target first, even if slower', () => {
    const tighter = summary('z', { gap: 1, steps: [10, 20, 300] });
    const looser = summary('a', { gap: 1, steps: [1, 2, null] });
    expectBefore(tighter, looser);
  });

  it('3. on equal gaps, ranks reaching some target before reaching none', () => {
    expectBefore(summary('z', { gap: 1, steps: [50, null, null] }), summary('a', { gap: 1 }));
  });

  it('3. at the same tightest target, ranks fewer median steps to it first', () => {
    // the looser targets favour 'a'; only the tightest one counts
    expectBefore(summary('z', { gap: 1, steps: [9, 9, 40] }), summary('a', { gap: 1, steps: [1, 1, 50] }));
  });

  it('3. breaks ties only on exactly equal medians', () => {
    // 1 vs 1 + 2^−52: the gap decides, not the (much better) steps of the other
    expectBefore(summary('z', { gap: 1 }), summary('a', { gap: 1 + Number.EPSILON, steps: [1, 1, 1] }));
  });

  it('4. falls back to configId, by code units (not locale)', () => {
    expectBefore(summary('a', { gap: 1, steps: [1, 2, 3] }), summary('b', { gap: 1, steps: [1, 2, 3] }));
    // 'B' (U+0042) < 'a' (U+0061); localeCompare would put 'a' first
    expectBefore(summary('B', { gap: null }), summary('a', { gap: null }));
    expect(compareConfigs(summary('a', { gap: 1 }), summary('a', { gap: 1 }))).toBe(0);
  });

  it('sorts a list by the whole rule', () => {
    const list = [
      summary('diverged', { diverged: 1, gap: 0 }),
      summary('no-gap', { gap: null }),
      summary('slow-tight', { gap: 1, steps: [5, 5, 90] }),
      summary('worse-gap', { gap: 2, steps: [1, 1, 1] }),
      summary('fast-tight', { gap: 1, steps: [5, 5, 80] }),
      summary('loose', { gap: 1, steps: [1, null, null] }),
    ];
    expect([...list].sort(compareConfigs).map((s) => s.configId)).toEqual([
      'fast-tight',
      'slow-tight',
      'loose',
      'worse-gap',
      'no-gap',
      'diverged',
    ]);
  });
});

describe('pickBest', () => {
  const byOptimizer = (s: ConfigSummary): string => s.optimizer;

  it('keeps the best per key, keys in order of first appearance', () => {
    const list = [
      summary('adam-1', { gap: 3, labels: { optimizer: 'adam' } }),
      summary('sgd-1', { gap: 2, labels: { optimizer: 'sgd' } }),
      summary('adam-2', { gap: 1, labels: { optimizer: 'adam' } }),
      summary('sgd-2', { gap: 5, labels: { optimizer: 'sgd' } }),
      summary('adam-3', { gap: 0.5, diverged: 1, labels: { optimizer: 'adam' } }),
    ];
    expect(pickBest(list, byOptimizer).map((s) => s.configId)).toEqual(['adam-2', 'sgd-1']);
  });

  it('does not depend on the order of the summaries for the winner', () => {
    const list = [summary('b', { gap: 1 }), summary('a', { gap: 1 }), summary('c', { gap: 1 })];
    expect(pickBest(list, byOptimizer)[0].configId).toBe('a');
    expect(pickBest([...list].reverse(), byOptimizer)[0].configId).toBe('a');
  });

  it('returns nothing for no summaries', () => {
    expect(pickBest([], byOptimizer)).toEqual([]);
  });
});
