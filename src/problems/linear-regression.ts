import { OptbenchError } from '../core/errors.ts';
import { solveSpd, toRows } from '../core/linalg.ts';
import { int, num } from '../core/params.ts';
import { normal, rng, type Rng } from '../core/rng.ts';
import { mseLossAndGrad, quadraticFormLossAndGrad } from './least-squares.ts';
import { type DatasetJson, defineProblem } from './problem.ts';

interface Data {
  x: Float64Array; // rows [1, x₁ … x_d], row-major
  y: Float64Array;
}

/**
 * Draws m samples: xⱼ ~ U(0, 2)·sⱼ with sⱼ = spread^(−j/(d−1)) (sⱼ = 1 when spread = 1),
 * y = 4 + 3·Σⱼ xⱼ + ε, ε ~ N(0, noise²). Sample by sample, features then noise.
 */
function draw(random: Rng, m: number, d: number, noise: number, spread: number): Data {
  const cols = d + 1;
  const x = new Float64Array(m * cols);
  const y = new Float64Array(m);
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) scale[j] = d === 1 ? 1 : spread ** (-j / (d - 1));
  for (let i = 0; i < m; i++) {
    const row = i * cols;
    x[row] = 1;
    let target = 4;
    for (let j = 0; j < d; j++) {
      const v = 2 * random() * scale[j];
      x[row + 1 + j] = v;
      target += 3 * v;
    }
    y[i] = target + noise * normal(random);
  }
  return { x, y };
}

/**
 * Least-squares linear regression with a bias column. The default instance is the textbook one
 * (Géron, Hands-On Machine Learning, ch. 4): 100 samples of x ~ U(0, 2), y = 4 + 3x + N(0, 1).
 * θ = (bias, w₁ … w_d); θ₀ ~ N(0, I) from the seed (as np.random.randn in the textbook).
 * Validation: round(validation·n) further samples from the same distribution, held out.
 */
export const linearRegression = defineProblem({
  name: 'linear-regression',
  description: 'least squares y = 4 + 3·Σx + ε with a bias column; exact optimum from the normal equations',
  reference: 'f(θ) = (1/n)‖Xθ − y‖², θ* = (XᵀX)⁻¹Xᵀy',
  options: {
    n: int(100, '[2, 10000000]', 'training samples'),
    d: int(1, '[1, 10000]', 'features (plus a bias column)'),
    noise: num(1, '[0, inf)', 'standard deviation of ε'),
    spread: num(1, '[1, 1e12]', 'ratio of the largest to the smallest feature scale, for ill-conditioning (no effect when d = 1)'),
    validation: num(0.2, '[0, 10]', 'held-out samples as a fraction of n'),
  },
  check: ({ n, d }) => (n < d + 1 ? `n must be at least d + 1 = ${d + 1} for a unique optimum, got ${n}` : undefined),
  create(seed, options) {
    const { n, d, noise, spread, validation } = options;
    const cols = d + 1;
    const train = draw(rng(seed, 'linear-regression/data'), n, d, noise, spread);
    const held = draw(rng(seed, 'linear-regression/validation'), Math.round(validation * n), d, noise, spread);
    const heldCount = held.y.length;

    // Sufficient statistics A = XᵀX/n, b = Xᵀy/n and the normal equations Aθ* = b.
    const a = new Float64Array(cols * cols);
    const b = new Float64Array(cols);
    // Upper triangle only, then mirrored: xⱼxₖ = xₖxⱼ exactly, so the mirror holds the very sums.
    for (let i = 0; i < n; i++) {
      const row = i * cols;
      for (let j = 0; j < cols; j++) {
        const xj = train.x[row + j];
        b[j] += (xj * train.y[i]) / n;
        for (let k = j; k < cols; k++) a[j * cols + k] += (xj * train.x[row + k]) / n;
      }
    }
    for (let j = 0; j < cols; j++) for (let k = 0; k < j; k++) a[j * cols + k] = a[k * cols + j];
    let center: Float64Array;
    try {
      center = solveSpd(a, b, cols, 'linear-regression');
    } catch {
      throw new OptbenchError(`problem linear-regression: XᵀX is singular for seed ${seed} (n=${n}, d=${d}, spread=${spread})`);
    }
    const floor = mseLossAndGrad(train.x, train.y, cols, center, null, null, 0, n);
    const init = new Float64Array(cols);
    const initRng = rng(seed, 'linear-regression/init');
    for (let j = 0; j < cols; j++) init[j] = normal(initRng);
    const scratch = new Float64Array(cols);

    return {
      name: 'linear-regression',
      seed,
      options,
      dim: cols,
      init,
      optimum: { params: center, loss: floor },
      samples: n,
      lossAndGrad: (params, grad) => quadraticFormLossAndGrad(a, center, floor, params, grad, scratch),
      loss: (params) => quadraticFormLossAndGrad(a, center, floor, params, null, scratch),
      validationLoss: (params) =>
        heldCount === 0 ? NaN : mseLossAndGrad(held.x, held.y, cols, params, null, null, 0, heldCount),
      batchLossAndGrad: (params, grad, order, start, count) =>
        mseLossAndGrad(train.x, train.y, cols, params, grad, order, start, count),
      toJSON: (): DatasetJson => ({
        name: 'linear-regression',
        seed,
        options,
        dim: cols,
        features: toRows(train.x, n, cols),
        targets: Array.from(train.y),
        init: Array.from(init),
        optimum: { loss: floor, params: Array.from(center) },
        validation: { features: toRows(held.x, heldCount, cols), targets: Array.from(held.y) },
      }),
    };
  },
});
