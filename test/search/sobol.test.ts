import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import { rng } from '../../src/core/rng.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { plan } from '../../src/search/plan.ts';
import { randomPoints } from '../../src/search/random.ts';
import { SOBOL_MAX_DIMS, sobolPoints, sobolUnit } from '../../src/search/sobol.ts';
import { intUniform, logUniform, uniform } from '../../src/search/space.ts';
import { resolveSuite } from '../../src/suite/resolve.ts';
import { fixture } from '../report/fixture.ts';

const FILE = 'suites/t.ts';
const scrambled = (n: number, dims: number, seed: number) => sobolUnit(n, dims, rng(seed, 'sobol/test'));
const column = (points: readonly number[][], d: number) => points.map((p) => p[d]);

/** Whether each of the n intervals [k/n, (k+1)/n) holds exactly one of the n values. */
function oneInEachInterval(values: readonly number[]): boolean {
  const n = values.length;
  const hits = new Array<number>(n).fill(0);
  for (const v of values) hits[Math.floor(v * n)]++;
  return hits.every((h) => h === 1);
}

/**
 * Whether every elementary box [a/2^i, (a+1)/2^i) × [b/2^j, (b+1)/2^j) with i + j = m holds exactly one of the
 * 2^m points (the first two Sobol coordinates form a (0, m, 2)-net: t = 0).
 */
function isZeroNet(points: readonly number[][], m: number): boolean {
  for (let i = 0; i <= m; i++) {
    const j = m - i;
    const hits = new Map<string, number>();
    for (const [x, y] of points) {
      const box = `${Math.floor(x * 2 ** i)},${Math.floor(y * 2 ** j)}`;
      hits.set(box, (hits.get(box) ?? 0) + 1);
    }
    if (hits.size !== 2 ** m || [...hits.values()].some((h) => h !== 1)) return false;
  }
  return true;
}

/**
 * L2-star discrepancy by Warnock's closed form (Warnock 1972; scipy.stats.qmc.discrepancy(method='star')):
 * D² = 3^−d − (2^(1−d)/n) Σ_i Π_k (1 − x_ik²) + (1/n²) Σ_i Σ_j Π_k (1 − max(x_ik, x_jk)).
 */
function l2Star(points: readonly number[][]): number {
  const n = points.length;
  const d = points[0].length;
  let single = 0;
  let pairs = 0;
  for (const p of points) {
    let prod = 1;
    for (const x of p) prod *= 1 - x * x;
    single += prod;
    for (const q of points) {
      let pq = 1;
      for (let k = 0; k < d; k++) pq *= 1 - Math.max(p[k], q[k]);
      pairs += pq;
    }
  }
  return Math.sqrt(3 ** -d - (2 ** (1 - d) / n) * single + pairs / (n * n));
}

describe('sobolUnit: the unscrambled sequence', () => {
  it('starts as the known Sobol points, in Gray-code order', () => {
    // Point i is the XOR of V_k over the set bits k of gray(i) = i ⊕ (i ≫ 1): gray = 0, 1, 3, 2, 6, 7, 5, 4.
    // Dim 1: V_k = 2^−k, so 0, .5, .5+.25 = .75, .25, .25+.125 = .375, .875, .5+.125 = .625, .125.
    // Dim 2 (s = 1, a = 0, m_1 = 1): V_k = V_{k−1} ⊕ V_{k−1}/2 → V_1 = .1, V_2 = .11, V_3 = .101 (binary),
    //   so 0, .1 = .5, .1⊕.11 = .01 = .25, .11 = .75, .11⊕.101 = .011 = .375, .111 = .875, .1⊕.101 = .001 = .125, .101 = .625.
    // Dim 3 (s = 2, a = 1, m = 1, 3): V_1 = .1, V_2 = .11, V_3 = V_1 ⊕ V_1/4 ⊕ V_2 = .1 ⊕ .001 ⊕ .11 = .011,
    //   so 0, .5, .01 = .25, .75, .11⊕.011 = .101 = .625, .001 = .125, .1⊕.011 = .111 = .875, .011 = .375.
    expect(sobolUnit(8, 3)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('uses the Joe–Kuo numbers up to dimension 32: point 1 is ½ everywhere, point 2 is ¼ or ¾ by m_2', () => {
    // Point 1 = V_1 = m_1/2 = ½ in every dimension; point 2 = V_1 ⊕ V_2 = ½ ⊕ m_2/4: ¼ when m_2 = 3, ¾ when m_2 = 1
    // (dimension 1 has m_2 = 1 as V_2 = ¼; dimension 2, s = 1, has V_2 = ¾, i.e. m_2 = 3).
    // m_2 of dimensions 3..32, the second m_i of each row of new-joe-kuo-6.21201:
    // 3 3 1 1 3 1 1 1 1 1 3 3 1 3 1 3 1 3 3 1 3 3 3 1 3 1 3 1 3 3.
    const m2 = [1, 3, 3, 3, 1, 1, 3, 1, 1, 1, 1, 1, 3, 3, 1, 3, 1, 3, 1, 3, 3, 1, 3, 3, 3, 1, 3, 1, 3, 1, 3, 3];
    const [, one, two] = sobolUnit(3, SOBOL_MAX_DIMS);
    expect(SOBOL_MAX_DIMS).toBe(32);
    expect(one).toEqual(new Array(32).fill(0.5));
    expect(two).toEqual(m2.map((m) => (m === 3 ? 0.25 : 0.75)));
  });

  it('matches scipy at point 1023 in all 32 dimensions (V_1..V_10, so the recurrence beyond the table too)', () => {
    // scipy 1.17: qmc.Sobol(d=32, scramble=False, bits=32).random(1024)[1023] * 2**32.
    const scipy = [
      4194304, 3233808384, 2629828608, 624951296, 801112064, 1883242496, 599785472, 2654994432, 1480589312, 3653238784, 2915041280,
      155189248, 557842432, 2856321024, 1556086784, 1992294400, 1346371584, 3762290688, 2512388096, 1371537408, 3720347648,
      79691776, 3409969152, 843055104, 1027604480, 1614807040, 2185232384, 3267362816, 3611295744, 1866465280, 3988783104,
      2638217216,
    ];
    expect(sobolUnit(1024, 32)[1023].map((x) => x * 2 ** 32)).toEqual(scipy);
  });

  it('gives the first n points of a longer run', () => {
    expect(sobolUnit(100, 5).slice(0, 37)).toEqual(sobolUnit(37, 5));
    expect(scrambled(100, 5, 2).slice(0, 37)).toEqual(scrambled(37, 5, 2));
  });

  it('refuses more than 32 dimensions with an OptbenchError', () => {
    expect(() => sobolUnit(4, 33)).toThrow(OptbenchError);
    expect(() => sobolUnit(4, 33)).toThrow('sobol: at most 32 dimensions (searched parameters), got 33');
  });
});

describe('sobolUnit: balance', () => {
  it('puts one point in each interval [k/N, (k+1)/N) of every coordinate, N = 2^m, unscrambled and scrambled', () => {
    for (const n of [2, 16, 256]) {
      for (const points of [sobolUnit(n, 32), scrambled(n, 32, 0), scrambled(n, 32, 7)]) {
        for (let d = 0; d < 32; d++) expect(oneInEachInterval(column(points, d)), `n = ${n}, dimension ${d + 1}`).toBe(true);
      }
    }
  });

  it('makes the first two coordinates a (0, m, 2)-net: every elementary box of area 1/N holds one point', () => {
    for (const m of [1, 4, 6, 8]) {
      for (const points of [sobolUnit(2 ** m, 2), scrambled(2 ** m, 2, 0), scrambled(2 ** m, 2, 11)]) expect(isZeroNet(points, m), `m = ${m}`).toBe(true);
    }
  });

  it('is not balanced by accident: 64 random-search points fail the interval test', () => {
    const points = randomPoints({ x: uniform(0, 1) }, 64, 0, 'balance').map((p) => p.x as number);
    expect(oneInEachInterval(points)).toBe(false);
  });
});

describe('sobolUnit: scrambling', () => {
  it('is reproducible: the same generator seed gives the same points', () => {
    expect(scrambled(64, 6, 3)).toEqual(scrambled(64, 6, 3));
  });

  it('gives different points for a different seed, and no longer starts at 0', () => {
    const a = scrambled(64, 6, 3);
    const b = scrambled(64, 6, 4);
    expect(a[0].some((x) => x !== 0)).toBe(true);
    for (let d = 0; d < 6; d++) expect(column(a, d)).not.toEqual(column(b, d));
  });

  it('keeps every coordinate in [0, 1)', () => {
    for (const seed of [0, 1, 2]) expect(scrambled(1024, 8, seed).flat().every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('scrambles by a random linear matrix, not only a digital shift: x_1 ⊕ x_0 = L·V_1 keeps its leading digit', () => {
    // With a shift alone x_1 ⊕ x_0 = V_1 = ½ exactly; with L (unit lower-triangular) it is ½ plus random lower digits.
    const [x0, x1] = scrambled(2, 8, 5).map((p) => p.map((x) => x * 2 ** 32));
    const diff = x1.map((x, d) => (x ^ x0[d]) >>> 0);
    expect(diff.every((v) => v >= 2 ** 31)).toBe(true);
    expect(diff.filter((v) => v !== 2 ** 31).length).toBeGreaterThan(0);
  });
});

describe('discrepancy', () => {
  it('computes the L2-star discrepancy of one point at ½ in 1-D as √(1/12)', () => {
    // ∫₀¹ (F(t) − t)² dt with F = 1[t ≥ ½]: ∫₀^½ t² dt + ∫_½^1 (1 − t)² dt = 1/24 + 1/24.
    expect(l2Star([[0.5]])).toBeCloseTo(Math.sqrt(1 / 12), 14);
    // scipy 1.17: qmc.discrepancy(qmc.Sobol(d=4, scramble=False).random(256), method='L2-star').
    expect(l2Star(sobolUnit(256, 4))).toBeCloseTo(0.005123310002770821, 12);
  });

  it('is lower for 256 scrambled Sobol points in 4-D than for random-search points, seed by seed', () => {
    // Random points: E[D²] = (2^−d − 3^−d)/n = (1/16 − 1/81)/256, so D ≈ 0.014; scrambled Sobol's is ≈ 0.0046
    // (scipy's qmc.Sobol(d=4, scramble=True) gives 0.0046–0.0047 for seeds 0–4).
    const space = { a: uniform(0, 1), b: uniform(0, 1), c: uniform(0, 1), d: uniform(0, 1) };
    const asUnit = (points: Record<string, unknown>[]) => points.map((p) => ['a', 'b', 'c', 'd'].map((k) => p[k] as number));
    for (const seed of [0, 1, 2, 3]) {
      const sobol = l2Star(asUnit(sobolPoints(space, 256, seed, 'sgd/constant')));
      const random = l2Star(asUnit(randomPoints(space, 256, seed, 'sgd/constant')));
      expect(sobol).toBeLessThan(random / 2);
    }
  });
});

describe('sobolPoints: mapping a unit point to the space', () => {
  it('keeps log-uniform values in [low, high], a quarter of 1024 in each decade of [1e-4, 1]', () => {
    const lrs = sobolPoints({ lr: logUniform(1e-4, 1) }, 1024, 0, 'map').map((p) => p.lr as number);
    expect(lrs.every((lr) => lr >= 1e-4 && lr <= 1)).toBe(true);
    // Decades are quarters of u (u = ¼, ½, ¾ at 1e-3, 1e-2, 1e-1), each 256 of the 1024 one-per-1/1024 intervals.
    const counts = [0, 0, 0, 0];
    for (const lr of lrs) counts[Math.floor(Math.log10(lr) + 4)]++;
    expect(counts).toEqual([256, 256, 256, 256]);
  });

  it('maps uniform values by low + u·(high − low): one of 64 in each 64th of [2, 6)', () => {
    const xs = sobolPoints({ x: uniform(2, 6) }, 64, 5, 'map').map((p) => ((p.x as number) - 2) / 4);
    expect(oneInEachInterval(xs)).toBe(true);
  });

  it('covers an integer range with both ends included: 8 values, 64 points, each exactly 8 times', () => {
    const values = sobolPoints({ n: intUniform(-2, 5) }, 64, 1, 'int').map((p) => p.n as number);
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3, 4, 5]);
    expect([...counts.values()].every((c) => c === 8)).toBe(true);
  });

  it('covers a categorical list evenly: 4 values × 16 = 64 points, each exactly 16 times', () => {
    const picks = sobolPoints({ mode: ['a', 'b', 'c', 'd'] }, 64, 2, 'cat').map((p) => p.mode);
    for (const v of ['a', 'b', 'c', 'd']) expect(picks.filter((x) => x === v)).toHaveLength(16);
  });

  it('covers a list of 3 nearly evenly: 64 points, each value 20 to 23 times', () => {
    // A third of [0, 1) holds 21⅓ of the 64 one-point intervals: at least 20 whole ones, parts of at most 23.
    const picks = sobolPoints({ mode: ['a', 'b', 'c'] }, 64, 2, 'cat3').map((p) => p.mode);
    for (const v of ['a', 'b', 'c']) {
      const count = picks.filter((x) => x === v).length;
      expect(count).toBeGreaterThanOrEqual(20);
      expect(count).toBeLessThanOrEqual(23);
    }
  });

  it('keeps fixed values, which take no dimension; dimensions follow declaration order', () => {
    const plain = sobolPoints({ lr: logUniform(1e-3, 1), m: uniform(0, 0.9) }, 16, 0, 'k');
    const withFixed = sobolPoints({ lr: logUniform(1e-3, 1), nesterov: true, m: uniform(0, 0.9) }, 16, 0, 'k');
    expect(withFixed).toEqual(plain.map((p) => ({ lr: p.lr, nesterov: true, m: p.m })));
    // A parameter added at the end leaves the earlier ones as they were.
    const longer = sobolPoints({ lr: logUniform(1e-3, 1), m: uniform(0, 0.9), w: intUniform(0, 5) }, 16, 0, 'k');
    expect(longer.map((p) => ({ lr: p.lr, m: p.m }))).toEqual(plain);
  });

  it('depends on the seed and on the key (stream sobol/<key>)', () => {
    const space = { lr: logUniform(1e-4, 1) };
    const base = sobolPoints(space, 8, 0, 'sgd/constant');
    expect(sobolPoints(space, 8, 0, 'sgd/constant')).toEqual(base);
    expect(sobolPoints(space, 8, 1, 'sgd/constant')).not.toEqual(base);
    expect(sobolPoints(space, 8, 0, 'adam/constant')).not.toEqual(base);
  });

  it('refuses more than 32 searched parameters, naming the optimizer × schedule', () => {
    const space = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, uniform(0, 1)]));
    expect(() => sobolPoints(space, 4, 0, 'sgd/constant')).toThrow(
      'sobol search (sgd/constant): at most 32 searched parameters, got 33; fix some or use random search',
    );
  });
});

describe('a suite with Sobol search', () => {
  const suite = {
    problems: [{ name: 'linear-regression', params: { n: 20 } }, { name: 'quadratic' }],
    optimizers: [{ name: 'sgd', params: { lr: logUniform(1e-4, 1), momentum: [0, 0.9] } }, { name: 'adam', params: { lr: logUniform(1e-4, 1) } }],
    schedules: ['constant', { name: 'cosine', params: { warmup: intUniform(0, 5) } }],
    search: { kind: 'sobol', samples: 8 },
    seeds: 2,
    budget: { steps: 20 },
  };

  it('plans 8 configurations per optimizer × schedule, the same points on every problem', () => {
    const p = plan(resolveSuite('t', FILE, suite));
    // 2 problems × 2 optimizers × 2 schedules × 8 points, each on 2 seeds.
    expect(p.configs).toHaveLength(64);
    expect(p.trials).toHaveLength(128);
    for (const problem of ['linear-regression', 'quadratic']) {
      for (const optimizer of ['sgd', 'adam']) {
        for (const schedule of ['constant', 'cosine']) {
          const group = p.configs.filter((c) => c.problem === problem && c.optimizer === optimizer && c.schedule === schedule);
          expect(group).toHaveLength(8);
        }
      }
    }
    const lrs = (problem: string) => p.configs.filter((c) => c.problem === problem).map((c) => c.searched.optimizer.lr);
    expect(lrs('quadratic')).toEqual(lrs('linear-regression'));
    // sgd's two momenta are a categorical dimension: 4 of the 8 points each.
    const sgd = p.configs.filter((c) => c.problem === 'quadratic' && c.optimizer === 'sgd' && c.schedule === 'constant');
    expect(sgd.filter((c) => c.searched.optimizer.momentum === 0)).toHaveLength(4);
  });

  it('resolves with seed 0 by default and divides samples by 4 under --quick', () => {
    expect(resolveSuite('t', FILE, suite).search).toEqual({ kind: 'sobol', samples: 8, seed: 0 });
    expect(resolveSuite('t', FILE, { ...suite, search: { kind: 'sobol', samples: 32, seed: 5 } }, { quick: true }).search).toEqual({
      kind: 'sobol',
      samples: 8,
      seed: 5,
    });
  });

  it.each([
    ['samples 0', { kind: 'sobol', samples: 0 }, `${FILE}: search.samples: must be an integer in [1, 1000000], got 0`],
    ['no samples', { kind: 'sobol' }, `${FILE}: search.samples: must be an integer`],
    ['a negative seed', { kind: 'sobol', samples: 8, seed: -1 }, `${FILE}: search.seed: must be a non-negative integer, got -1`],
    ['an unknown field', { kind: 'sobol', samples: 8, scramble: false }, `${FILE}: search: unknown field "scramble"`],
  ])('refuses %s, naming the search field', (_what, search, expected) => {
    expect(() => resolveSuite('t', FILE, { ...suite, search })).toThrow(OptbenchError);
    expect(() => resolveSuite('t', FILE, { ...suite, search })).toThrow(expected);
  });

  it('refuses a misspelt kind, listing sobol among the kinds', () => {
    const search = { kind: 'sobel', samples: 8 };
    expect(() => resolveSuite('t', FILE, { ...suite, search })).toThrow(OptbenchError);
    let text = '';
    try {
      resolveSuite('t', FILE, { ...suite, search });
    } catch (error) {
      text = (error as Error).message;
    }
    expect(text).toContain(`${FILE}: search: must be { kind: "grid" }, { kind: "random", samples, seed? }`);
    expect(text).toContain('{ kind: "sobol", samples, seed? }');
    expect(text).toContain('got {"kind":"sobel","samples":8}');
  });

  it('is described in the report as a scrambled Sobol search', () => {
    const results = fixture();
    const md = renderMarkdown({ ...results, suite: { ...results.suite, search: { kind: 'sobol', samples: 16, seed: 3 } } }, []);
    expect(md).toContain('- **Search**: Sobol (scrambled), 16 samples per optimizer × schedule, seed 3;');
  });
});
