/**
 * Counter-based normal draws: a pair of standard normals that is a pure function of (key, a, b), with no
 * generator state, so the k-th draw can be had without the k − 1 before it (Salmon et al. 2011, "Parallel random
 * numbers: as easy as 1, 2, 3" — here with a hash instead of a block cipher). Used to give minibatch noise to
 * sample indices, so the noise at a step depends on which samples the step sees and on nothing else.
 */

/** MurmurHash3's 32-bit finaliser (Appleby): a bijection on 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One 32-bit lane: the key absorbs a, then b, each followed by a full avalanche. */
function lane(key: number, a: number, b: number): number {
  return fmix32(fmix32(fmix32(key) ^ a) ^ b);
}

const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** Two 32-bit keys for one seed; any pair of integers works, distinct pairs give unrelated streams. */
export interface CounterKey {
  readonly k1: number;
  readonly k2: number;
}

/**
 * Writes two independent N(0, 1) draws for (key, a, b) into out[at] and out[at + 1] (out[at + 1] only when at + 1 <
 * out.length). Two lanes with different keys give 64 bits of state; u ∈ (0, 1] takes 53 of them and the angle
 * 32 bits of a further mix, then Box–Muller: r = √(−2 ln u), (r cos 2πv, r sin 2πv). a and b are 32-bit integers.
 * Allocation-free.
 */
export function counterNormalPair(key: CounterKey, a: number, b: number, out: Float64Array, at: number): void {
  const h1 = lane(key.k1, a, b);
  const h2 = lane(key.k2, a, b);
  const u = ((h1 >>> 5) * TWO_POW_26 + (h2 >>> 6) + 1) / TWO_POW_53;
  const v = fmix32(h1 ^ Math.imul(h2, 0x9e3779b1)) / TWO_POW_32;
  const r = Math.sqrt(-2 * Math.log(u));
  out[at] = r * Math.cos(2 * Math.PI * v);
  if (at + 1 < out.length) out[at + 1] = r * Math.sin(2 * Math.PI * v);
}
