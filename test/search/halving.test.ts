import { describe, expect, it } from 'vitest';
import { halvingRungs, ladderSteps, maxRungIndex, promotedCount, rungSteps } from '../../src/search/halving.ts';
import { hyperbandBrackets } from '../../src/search/hyperband.ts';

const shape = (rungs: readonly { configs: number; steps: number }[]) => rungs.map((r) => `${r.configs} @ ${r.steps}`);

describe('successive halving: rungs in steps', () => {
  it('n = 27, η = 3, R = 270, minSteps = 10: 27 @ 10, 9 @ 30, 3 @ 90, 1 @ 270', () => {
    // 270/10 = 27 = 3³: four rungs; n_i = ⌊27/3^i⌋; r_i = 270/3^(3−i).
    const rungs = halvingRungs(27, 3, 270, 10);
    expect(shape(rungs)).toEqual(['27 @ 10', '9 @ 30', '3 @ 90', '1 @ 270']);
    // Per seed: 27·10 + 9·30 + 3·90 + 1·270 = 270 + 270 + 270 + 270 = 1080 steps, against 27·270 = 7290 for all 27 at
    // the full budget (random search of the same configurations): 1080/7290 = 4/27 ≈ 14.8%.
    expect(ladderSteps(rungs)).toBe(1080);
    expect(27 * 270).toBe(7290);
  });

  it('counts rungs exactly at and just below a power of η (no logarithms)', () => {
    expect(maxRungIndex(3, 270, 10)).toBe(3); // 10·3³ = 270 ≤ 270
    expect(maxRungIndex(3, 269, 10)).toBe(2); // 10·3³ = 270 > 269, 10·3² = 90 ≤ 269
    expect(maxRungIndex(2, 1024, 1)).toBe(10); // 2^10 = 1024
    expect(maxRungIndex(3, 10, 10)).toBe(0); // one rung, the full budget
    expect(maxRungIndex(3, 5, 10)).toBe(0);
  });

  it('rounds rung budgets down when R/minSteps is not a power of η, and the last rung is R', () => {
    // R = 300, minSteps 10, η = 3: k = 3 (270 ≤ 300 < 810); r_i = ⌊300/27⌋, ⌊300/9⌋, ⌊300/3⌋, 300 = 11, 33, 100, 300.
    expect(shape(halvingRungs(27, 3, 300, 10))).toEqual(['27 @ 11', '9 @ 33', '3 @ 100', '1 @ 300']);
    expect(rungSteps(3, 300, 3, 3)).toBe(300);
  });

  it('promotes ⌊n/η⌋ configurations, but always at least one', () => {
    expect(promotedCount(27, 3)).toBe(9);
    expect(promotedCount(10, 3)).toBe(3);
    expect(promotedCount(2, 3)).toBe(1);
    expect(promotedCount(1, 3)).toBe(1);
    // Fewer samples than η^k: the ladder keeps one configuration from the rung where ⌊n/η⌋ reaches 0.
    expect(shape(halvingRungs(5, 3, 270, 10))).toEqual(['5 @ 10', '1 @ 30', '1 @ 90', '1 @ 270']);
  });
});

describe('Hyperband brackets (Li et al. 2018, JMLR 18(185), Algorithm 1 and Table 1)', () => {
  it('R/r = 27, η = 3: s_max = 3, n = ⌈4·3^s/(s+1)⌉', () => {
    // s = 3: n = ⌈4·27/4⌉ = 27 at r = 27/27 = 1; then ⌊27/3⌋ = 9 at 3, 3 at 9, 1 at 27.
    // s = 2: n = ⌈4·9/3⌉ = 12 at 3; 4 at 9; 1 at 27.   s = 1: n = ⌈4·3/2⌉ = 6 at 9; 2 at 27.   s = 0: n = 4 at 27.
    const brackets = hyperbandBrackets(3, 27, 1);
    expect(brackets.map((b) => b.s)).toEqual([3, 2, 1, 0]);
    expect(brackets.map((b) => shape(b.rungs))).toEqual([
      ['27 @ 1', '9 @ 3', '3 @ 9', '1 @ 27'],
      ['12 @ 3', '4 @ 9', '1 @ 27'],
      ['6 @ 9', '2 @ 27'],
      ['4 @ 27'],
    ]);
  });

  it("R = 81, η = 3 is the paper's Table 1", () => {
    // Li et al. (2018), Table 1 (n_i, r_i per bracket s): s=4: 81/1 27/3 9/9 3/27 1/81; s=3: 34/3 11/9 3/27 1/81;
    // s=2: 15/9 5/27 1/81; s=1: 8/27 2/81; s=0: 5/81. E.g. s = 3: n = ⌈5·27/4⌉ = ⌈33.75⌉ = 34, ⌊34/3⌋ = 11, ⌊34/9⌋ = 3.
    const table = [
      ['81 @ 1', '27 @ 3', '9 @ 9', '3 @ 27', '1 @ 81'],
      ['34 @ 3', '11 @ 9', '3 @ 27', '1 @ 81'],
      ['15 @ 9', '5 @ 27', '1 @ 81'],
      ['8 @ 27', '2 @ 81'],
      ['5 @ 81'],
    ];
    expect(hyperbandBrackets(3, 81, 1).map((b) => shape(b.rungs))).toEqual(table);
    // The same in steps with 10 steps as the unit (suites/hyperband-quadratic.ts: R = 810, minSteps = 10).
    const inSteps = table.map((rungs) => rungs.map((r) => r.replace(/@ (\d+)/, (_, u: string) => `@ ${Number(u) * 10}`)));
    expect(hyperbandBrackets(3, 810, 10).map((b) => shape(b.rungs))).toEqual(inSteps);
  });

  it('one bracket when the budget is the smallest rung', () => {
    // s_max = 0: n = ⌈1·1/1⌉ = 1 configuration at R.
    expect(hyperbandBrackets(3, 50, 50).map((b) => shape(b.rungs))).toEqual([['1 @ 50']]);
  });
});
