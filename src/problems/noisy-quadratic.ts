import { int, num } from '../core/params.ts';
import { normal, rng } from '../core/rng.ts';
import { type CounterKey, counterNormalPair } from './counter-normal.ts';
import { defineProblem } from './problem.ts';

/** Virtual training samples: each index keys one draw of the gradient noise. 2¹⁶ allows batches up to 65536 and keeps the per-trial epoch permutation cheap (~0.3 ms). */
const SAMPLES = 2 ** 16;

const NOISE =
  'batch gradient over order[start … start+B−1] = h⊙x + √(h/B)⊙ξ, ξ ~ N(0, I) a counter-based function of (seed, order[start]); ' +
  'batch loss = ½Σhᵢxᵢ² + Σ√(hᵢ/B)ξᵢxᵢ; full batch = exact';

/**
 * The noisy quadratic model (NQM) of Zhang et al. 2019, "Which algorithmic choices matter at which batch sizes?":
 *   f(x) = ½ Σᵢ hᵢxᵢ²,  hᵢ = i^(−power) (i = 1 … dim; power 1 is the paper's hᵢ = 1/i),  f* = 0 at x* = 0
 * with per-sample gradient noise covariance C = H, so a batch of B samples has covariance H/B:
 *   g_B(x) = Hx + √(H/B)·ξ,  ξ ~ N(0, I).
 * The full-batch lossAndGrad is the exact, noise-free f and ∇f = Hx.
 * Common random numbers: batchLossAndGrad draws ξ from a counter-based generator keyed by the problem seed and the
 * batch's first sample index order[start]. The trial’s epoch permutation of the 2¹⁶ virtual samples is seeded from
 * the trial seed, so at step k every optimizer (and every learning rate) sees the same ξ. Each step costs O(dim)
 * whatever B. The batch loss ½xᵀHx + (√(H/B)ξ)ᵀx has exactly g_B as its gradient, and its expectation over ξ is f.
 * x₀ ~ N(0, I) from the seed.
 */
export const noisyQuadratic = defineProblem({
  name: 'noisy-quadratic',
  description: 'noisy quadratic model: diagonal H with hᵢ = i^(−power), minibatch gradient noise of covariance H/B',
  reference: 'f(x) = ½Σhᵢxᵢ², g_B = Hx + N(0, H/B); Zhang et al. 2019 (NQM), with C = H',
  options: {
    dim: int(100, '[1, 100000]', 'dimension'),
    power: num(1, '[0, 4]', 'spectrum hᵢ = i^(−power); 1 is the paper\u2019s hᵢ = 1/i, 0 is H = I'),
  },
  create(seed, options) {
    const { dim, power } = options;
    const h = Float64Array.from({ length: dim }, (_, i) => (i + 1) ** -power);
    const sqrtH = h.map(Math.sqrt);
    const initRng = rng(seed, 'noisy-quadratic/init');
    const init = Float64Array.from({ length: dim }, () => normal(initRng));
    const keyRng = rng(seed, 'noisy-quadratic/noise');
    const key: CounterKey = { k1: Math.floor(keyRng() * 2 ** 32), k2: Math.floor(keyRng() * 2 ** 32) };
    const xi = new Float64Array(dim);

    const exact = (params: Float64Array, grad: Float64Array | null): number => {
      let loss = 0;
      for (let i = 0; i < dim; i++) {
        const g = h[i] * params[i];
        loss += g * params[i];
        if (grad !== null) grad[i] = g;
      }
      return loss / 2;
    };

    return {
      name: 'noisy-quadratic',
      seed,
      options,
      dim,
      init,
      optimum: { params: new Float64Array(dim), loss: 0 },
      samples: SAMPLES,
      lossAndGrad: (params, grad) => exact(params, grad),
      loss: (params) => exact(params, null),
      batchLossAndGrad: (params, grad, order, start, count) => {
        const sample = order[start];
        for (let k = 0; 2 * k < dim; k++) counterNormalPair(key, sample, k, xi, 2 * k);
        const scale = 1 / Math.sqrt(count);
        let loss = 0;
        for (let i = 0; i < dim; i++) {
          const x = params[i];
          const noise = scale * sqrtH[i] * xi[i];
          loss += 0.5 * h[i] * x * x + noise * x;
          grad[i] = h[i] * x + noise;
        }
        return loss;
      },
      toJSON: () => ({
        name: 'noisy-quadratic',
        seed,
        options,
        dim,
        eigenvalues: Array.from(h),
        init: Array.from(init),
        optimum: { loss: 0, params: Array.from({ length: dim }, () => 0) },
        samples: SAMPLES,
        noise: NOISE,
      }),
    };
  },
});
