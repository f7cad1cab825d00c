import { describe, expect, it } from 'vitest';
import type { TrialResult } from '../../src/results/types.ts';
import { promote, rungScore } from '../../src/search/promote.ts';

/** A trial at a rung: only its status and final loss matter for promotion. */
const ok = (finalLoss: number) => ({ status: 'ok', finalLoss }) as TrialResult;
const diverged = { status: 'diverged', finalLoss: null } as TrialResult;

describe('rungScore: median final loss over seeds, a diverged run counting as +∞', () => {
  it('odd and even counts', () => {
    expect(rungScore([ok(3), ok(1), ok(2)])).toBe(2);
    expect(rungScore([ok(4), ok(1), ok(3), ok(2)])).toBe(2.5); // (2 + 3)/2
  });

  it('a diverged run sorts last: it moves the median up but does not hide the others', () => {
    // [1, 3, ∞] → 3.
    expect(rungScore([ok(1), diverged, ok(3)])).toBe(3);
    // [1, ∞] → (1 + ∞)/2 = ∞: half the seeds diverged.
    expect(rungScore([ok(1), diverged])).toBe(Infinity);
    expect(rungScore([diverged, diverged, ok(0.5)])).toBe(Infinity);
  });
});

describe('promote: the best ⌊n/η⌋ of a rung, ties by sampling order', () => {
  // Seven configurations at a rung (η = 3 → ⌊7/3⌋ = 2 promoted), scores by hand:
  //   #0 0.5, #1 diverged (∞), #2 0.2, #3 0.5, #4 0.1, #5 diverged (∞), #6 0.2.
  const scores = [0.5, Infinity, 0.2, 0.5, 0.1, Infinity, 0.2];

  it('promotes the lowest scores, best first', () => {
    expect(promote(scores, 2)).toEqual([4, 2]); // 0.1, then the first of the two 0.2s
  });

  it('breaks ties by sampling order: #2 before #6, #0 before #3, #1 before #5', () => {
    expect(promote(scores, 3)).toEqual([4, 2, 6]);
    expect(promote(scores, 5)).toEqual([4, 2, 6, 0, 3]);
    expect(promote(scores, 7)).toEqual([4, 2, 6, 0, 3, 1, 5]);
  });

  it('diverged configurations come last, and are promoted only when there is nothing else', () => {
    expect(promote([Infinity, Infinity, 7], 1)).toEqual([2]);
    expect(promote([Infinity, Infinity], 1)).toEqual([0]);
  });

  it('from trials: the rung of three configurations on three seeds', () => {
    // A: [2, 1, 3] → 2;  B: [0.5, diverged, 0.7] → 0.7;  C: [diverged, diverged, 0.1] → ∞.  ⌊3/3⌋ = 1 promoted: B.
    const rung = [[ok(2), ok(1), ok(3)], [ok(0.5), diverged, ok(0.7)], [diverged, diverged, ok(0.1)]];
    expect(promote(rung.map(rungScore), 1)).toEqual([1]);
  });
});
