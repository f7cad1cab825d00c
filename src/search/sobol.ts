import { OptbenchError } from '../core/errors.ts';
import type { ParamValues } from '../core/params.ts';
import { rng, type Rng } from '../core/rng.ts';
import { isDistribution, type Space, type SpaceValue } from './space.ts';

/** Bits per coordinate: points are integers x / 2^32, exact in double precision and identical everywhere. */
const BITS = 32;
const TWO_32 = 4294967296;

/**
 * Joe–Kuo direction numbers (file new-joe-kuo-6.21201, search criterion D(6)), dimensions 2 to 32, as
 * [s, a, m_1..m_s]: s the degree of the primitive polynomial, a its inner coefficients a_1..a_{s−1} as bits
 * (a_1 the highest), m_j the initial odd direction integers. Dimension 1 is the van der Corput sequence.
 * S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections",
 * SIAM J. Sci. Comput. 30(5):2635–2654, 2008; https://web.maths.unsw.edu.au/~fkuo/sobol/.
 */
const JOE_KUO: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]], [2, 1, [1, 3]], [3, 1, [1, 3, 1]], [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]], [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]], [5, 4, [1, 1, 5, 5, 5]], [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]], [5, 13, [1, 1, 1, 3, 11]], [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]], [6, 13, [1, 1, 1, 15, 21, 21]], [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]], [6, 22, [1, 3, 1, 15, 13, 25]], [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]], [7, 4, [1, 3, 7, 13, 13, 15, 69]], [7, 7, [1, 1, 3, 13, 7, 35, 63]],
  [7, 8, [1, 3, 5, 9, 1, 25, 53]], [7, 14, [1, 3, 1, 13, 9, 35, 107]], [7, 19, [1, 3, 1, 5, 27, 61, 31]],
  [7, 21, [1, 1, 5, 11, 19, 41, 61]], [7, 28, [1, 3, 5, 3, 3, 13, 69]], [7, 31, [1, 1, 7, 13, 1, 19, 1]],
  [7, 32, [1, 3, 7, 5, 13, 19, 59]], [7, 37, [1, 1, 3, 9, 25, 29, 41]], [7, 41, [1, 3, 5, 13, 23, 1, 55]],
  [7, 42, [1, 3, 7, 3, 13, 59, 17]],
];

/** The most searched parameters a Sobol search takes per optimizer × schedule (rows of the embedded table + 1). */
export const SOBOL_MAX_DIMS = JOE_KUO.length + 1;

/**
 * Direction numbers V_1..V_32 of dimension `d` (0-based) as 32-bit fractions, V_j = m_j / 2^j, by the
 * Bratley–Fox recurrence (ACM TOMS 14(1):88–100, 1988, §2):
 * V_j = V_{j−s} ⊕ (V_{j−s} ≫ s) ⊕ a_1·V_{j−1} ⊕ … ⊕ a_{s−1}·V_{j−s+1}.
 */
function directions(d: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (d === 0) {
    for (let j = 0; j < BITS; j++) v[j] = 2 ** (BITS - 1 - j);
    return v;
  }
  const [s, a, m] = JOE_KUO[d - 1];
  for (let j = 0; j < s; j++) v[j] = m[j] * 2 ** (BITS - 1 - j);
  for (let j = s; j < BITS; j++) {
    let x = v[j - s] ^ (v[j - s] >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k];
    v[j] = x >>> 0;
  }
  return v;
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** A uniform 32-bit unsigned integer from a generator on [0, 1). */
function uint32(r: Rng): number {
  return Math.floor(r() * TWO_32) >>> 0;
}

/**
 * Scrambles one dimension in place: a random lower-triangular binary matrix L with unit diagonal (Matoušek's
 * linear matrix scramble) applied to every direction number, then a random digital shift returned for the start
 * point. Digit k of a coordinate (weight 2^−k) becomes digit k ⊕ (a random combination of digits 1..k−1), so the
 * first m digits still depend only on the first m: every (t, m, s)-net stays a net. As scipy.stats.qmc.Sobol
 * (scramble=True) does (LMS + digital shift; Owen, "On dropping the first Sobol' point", 2020).
 */
function scramble(v: Uint32Array, r: Rng): number {
  // Row p of L as a mask over bit positions: the diagonal bit 31−p and random bits above it (more significant).
  const rows = new Uint32Array(BITS);
  for (let p = 0; p < BITS; p++) {
    const above = p === 0 ? 0 : (0xffffffff << (BITS - p)) >>> 0;
    rows[p] = ((uint32(r) & above) | (2 ** (BITS - 1 - p))) >>> 0;
  }
  for (let j = 0; j < BITS; j++) {
    let out = 0;
    for (let p = 0; p < BITS; p++) out |= parity(rows[p] & v[j]) << (BITS - 1 - p);
    v[j] = out >>> 0;
  }
  return uint32(r);
}

/**
 * The first `n` points of the `dims`-dimensional Sobol sequence in base 2, in Gray-code order (Antonov–Saleev:
 * point i+1 = point i ⊕ V_c, c the lowest set bit of i+1), as scipy.stats.qmc.Sobol orders them. Unscrambled
 * without a generator (the first point is then 0); scrambled with one, each dimension drawing its matrix and
 * shift in turn, so adding a dimension leaves the earlier ones as they were. Nothing is skipped: like scipy, the
 * first point is kept (scrambled, it is no longer 0). The balance properties (each of the 2^m elementary intervals
 * of a coordinate holds one point, and more) hold for n a power of two; other n are allowed.
 */
export function sobolUnit(n: number, dims: number, scrambleWith?: Rng): number[][] {
  if (!Number.isInteger(dims) || dims < 0 || dims > SOBOL_MAX_DIMS) {
    throw new OptbenchError(`sobol: at most ${SOBOL_MAX_DIMS} dimensions (searched parameters), got ${dims}`);
  }
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31) throw new OptbenchError(`sobol: the number of points must be an integer in [0, 2^31], got ${n}`);
  const v = Array.from({ length: dims }, (_, d) => directions(d));
  const x = new Uint32Array(dims);
  if (scrambleWith !== undefined) for (let d = 0; d < dims; d++) x[d] = scramble(v[d], scrambleWith);
  const points: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const c = 31 - Math.clz32(i & -i);
      for (let d = 0; d < dims; d++) x[d] = (x[d] ^ v[d][c]) >>> 0;
    }
    points.push(Array.from(x, (xi) => xi / TWO_32));
  }
  return points;
}

/** Whether a space value is searched (takes a dimension): a list or a distribution; a fixed value is not. */
function searched(value: SpaceValue): boolean {
  return Array.isArray(value) || isDistribution(value);
}

/**
 * The value of a searched parameter at coordinate u ∈ [0, 1): a list is categorical (value[⌊u·len⌋]),
 * log-uniform exp(log low + u·(log high − log low)), uniform low + u·(high − low), int low + ⌊u·(high − low + 1)⌋.
 * Results are clamped to the range, against the last bit of rounding.
 */
function at(value: SpaceValue, u: number): SpaceValue {
  if (Array.isArray(value)) return value[Math.min(value.length - 1, Math.floor(u * value.length))];
  if (!isDistribution(value)) return value;
  const { low, high } = value;
  switch (value.kind) {
    case 'log-uniform':
      return Math.min(high, Math.max(low, Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))));
    case 'uniform':
      return Math.min(high, Math.max(low, low + u * (high - low)));
    case 'int':
      return Math.min(high, low + Math.floor(u * (high - low + 1)));
  }
}

/**
 * `samples` scrambled Sobol points of a space (quasi-random search), seeded by stream `sobol/<key>`: each list or
 * distribution takes one dimension, in declaration order; fixed values are kept and take none. A space with more
 * than 32 searched parameters is refused.
 */
export function sobolPoints(space: Space, samples: number, seed: number, key: string): ParamValues[] {
  const entries = Object.entries(space);
  const dims = entries.filter(([, value]) => searched(value)).length;
  if (dims > SOBOL_MAX_DIMS) {
    throw new OptbenchError(`sobol search (${key}): at most ${SOBOL_MAX_DIMS} searched parameters, got ${dims}; fix some or use random search`);
  }
  return sobolUnit(samples, dims, rng(seed, `sobol/${key}`)).map((u) => {
    const point: ParamValues = {};
    let d = 0;
    for (const [name, value] of entries) point[name] = (searched(value) ? at(value, u[d++]) : value) as ParamValues[string];
    return point;
  });
}
