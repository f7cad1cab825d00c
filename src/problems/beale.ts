import { rng } from '../core/rng.ts';
import { defineProblem } from './problem.ts';

/**
 * f(x, y) = Σ_{k=1..3} r_k², r_k = c_k − x + x·y^k, c = (1.5, 2.25, 2.625);
 * ∂f/∂x = Σ 2r_k·(y^k − 1), ∂f/∂y = Σ 2r_k·k·x·y^(k−1). Allocation-free.
 */
function bealeLossAndGrad(p: Float64Array, grad: Float64Array | null): number {
  const x = p[0];
  const y = p[1];
  const y2 = y * y;
  const y3 = y2 * y;
  const r1 = 1.5 - x + x * y;
  const r2 = 2.25 - x + x * y2;
  const r3 = 2.625 - x + x * y3;
  if (grad !== null) {
    grad[0] = 2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y3 - 1));
    grad[1] = 2 * x * (r1 + 2 * r2 * y + 3 * r3 * y2);
  }
  return r1 * r1 + r2 * r2 + r3 * r3;
}

/**
 * Beale's function: two dimensions, a flat valley and steep walls (degree 8 in y); minimum 0 at (3, ½), where every
 * residual is exactly 0 in floating point. x₀ ~ U[−4.5, 4.5]² (the customary domain) from the seed: starts near
 * the corners have gradients of order 10⁵, so fixed large rates diverge there by design.
 */
export const beale = defineProblem({
  name: 'beale',
  description: 'two-dimensional polynomial valley with steep walls; minimum 0 at (3, 0.5)',
  reference: 'f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²; Beale 1958',
  options: {},
  create(seed, options) {
    const initRng = rng(seed, 'beale/init');
    const init = Float64Array.from({ length: 2 }, () => -4.5 + 9 * initRng());
    const optimum = { params: Float64Array.of(3, 0.5), loss: 0 };
    return {
      name: 'beale',
      seed,
      options,
      dim: 2,
      init,
      optimum,
      lossAndGrad: (params, grad) => bealeLossAndGrad(params, grad),
      loss: (params) => bealeLossAndGrad(params, null),
      toJSON: () => ({ name: 'beale', seed, options, dim: 2, init: Array.from(init), optimum: { loss: 0, params: [3, 0.5] } }),
    };
  },
});
