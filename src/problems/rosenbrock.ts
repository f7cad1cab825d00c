import { int, num } from '../core/params.ts';
import { normal, rng } from '../core/rng.ts';
import type { Optimum } from './problem.ts';
import { defineProblem } from './problem.ts';

/**
 * f(x) = Σ_{i<n−1} [b·(x_{i+1} − x_i²)² + (a − x_i)²], ∂f/∂x_i = −4b·x_i·(x_{i+1} − x_i²) − 2(a − x_i)
 * from term i and 2b·(x_i − x_{i−1}²) from term i − 1. Allocation-free.
 */
function rosenbrockLossAndGrad(a: number, b: number, x: Float64Array, grad: Float64Array | null): number {
  const n = x.length;
  if (grad !== null) grad.fill(0);
  let loss = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = x[i];
    const t = x[i + 1] - xi * xi;
    const u = a - xi;
    loss += b * t * t + u * u;
    if (grad !== null) {
      grad[i] += -4 * b * xi * t - 2 * u;
      grad[i + 1] += 2 * b * t;
    }
  }
  return loss;
}

/**
 * Where the minimiser is known in closed form. Every term is ≥ 0, and all are 0 iff x_i = a for i < n−1 and
 * x_{i+1} = x_i²: for n = 2 that is (a, a²); for n ≥ 3 it needs a = a², i.e. a ∈ {0, 1}, giving (a, …, a).
 * Otherwise (n ≥ 3, a ∉ {0, 1}) the minimum is positive, has no closed form, and the optimum is omitted;
 * note that the chain (a, a², a⁴, …) is not it (it leaves (a − x_i)² ≠ 0 for 0 < i < n−1).
 */
function knownOptimum(dim: number, a: number): Optimum | undefined {
  if (dim !== 2 && a !== 0 && a !== 1) return undefined;
  const params = new Float64Array(dim).fill(a * a);
  params[0] = a;
  return { params, loss: 0 };
}

/**
 * The Rosenbrock valley, chained to n dimensions (the "extended" form of Dixon & Mills 1994 / scipy.optimize.rosen).
 * x₀ is the classic start (−1.2, 1, −1.2, 1, …) plus N(0, 0.1²) per coordinate from the seed, so that seeds differ
 * while every start stays on the far side of the curved valley.
 */
export const rosenbrock = defineProblem({
  name: 'rosenbrock',
  description: 'the curved Rosenbrock valley in n dimensions; minimum 0 at (1, …, 1) for a = 1',
  reference: 'f(x) = Σ_{i<n} [b(x_{i+1} − x_i²)² + (a − x_i)²]; Rosenbrock 1960',
  options: {
    dim: int(2, '[2, 100000]', 'dimension n'),
    a: num(1, '(-inf, inf)', 'the valley floor passes x_i = a; the optimum is known for n = 2 or a ∈ {0, 1}'),
    b: num(100, '(0, inf)', 'steepness of the valley walls'),
  },
  create(seed, options) {
    const { dim, a, b } = options;
    const initRng = rng(seed, 'rosenbrock/init');
    const init = Float64Array.from({ length: dim }, (_, i) => (i % 2 === 0 ? -1.2 : 1) + 0.1 * normal(initRng));
    const optimum = knownOptimum(dim, a);
    return {
      name: 'rosenbrock',
      seed,
      options,
      dim,
      init,
      optimum,
      lossAndGrad: (params, grad) => rosenbrockLossAndGrad(a, b, params, grad),
      loss: (params) => rosenbrockLossAndGrad(a, b, params, null),
      toJSON: () => ({
        name: 'rosenbrock',
        seed,
        options,
        dim,
        init: Array.from(init),
        ...(optimum && { optimum: { loss: optimum.loss, params: Array.from(optimum.params) } }),
      }),
    };
  },
});
