import { int, num } from '../core/params.ts';
import { rng } from '../core/rng.ts';
import { defineProblem } from './problem.ts';

const TWO_PI = 2 * Math.PI;

/**
 * f(x) = A·n + Σ (x_i² − A·cos 2πx_i), summed as Σ [x_i² + A·(1 − cos 2πx_i)] (the same function, with no
 * cancellation of A·n near the minimum, so f(0) is exactly 0); ∂f/∂x_i = 2x_i + 2πA·sin 2πx_i. Allocation-free.
 */
function rastriginLossAndGrad(amplitude: number, x: Float64Array, grad: Float64Array | null): number {
  let loss = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const angle = TWO_PI * xi;
    loss += xi * xi + amplitude * (1 - Math.cos(angle));
    if (grad !== null) grad[i] = 2 * xi + TWO_PI * amplitude * Math.sin(angle);
  }
  return loss;
}

/**
 * The Rastrigin function: a bowl under a grid of cosine ripples, a local minimum near every integer point;
 * the global minimum is 0 at x = 0 for any A ≥ 0. x₀ ~ U[−5.12, 5.12]ⁿ (the customary domain) from the seed.
 */
export const rastrigin = defineProblem({
  name: 'rastrigin',
  description: 'highly multimodal: a quadratic bowl plus cosine ripples; minimum 0 at 0',
  reference: 'f(x) = A·n + Σ (x_i² − A·cos 2πx_i); Rastrigin 1974, Mühlenbein et al. 1991',
  options: {
    dim: int(2, '[1, 100000]', 'dimension n'),
    a: num(10, '[0, 1e6]', 'ripple amplitude A (0: the sum of squares)'),
  },
  create(seed, options) {
    const { dim, a } = options;
    const initRng = rng(seed, 'rastrigin/init');
    const init = Float64Array.from({ length: dim }, () => -5.12 + 10.24 * initRng());
    const optimum = { params: new Float64Array(dim), loss: 0 };
    return {
      name: 'rastrigin',
      seed,
      options,
      dim,
      init,
      optimum,
      lossAndGrad: (params, grad) => rastriginLossAndGrad(a, params, grad),
      loss: (params) => rastriginLossAndGrad(a, params, null),
      toJSON: () => ({
        name: 'rastrigin',
        seed,
        options,
        dim,
        init: Array.from(init),
        optimum: { loss: 0, params: Array.from(optimum.params) },
      }),
    };
  },
});
