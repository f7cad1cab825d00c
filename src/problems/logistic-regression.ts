import { OptbenchError } from '../core/errors.ts';
import { toRows } from '../core/linalg.ts';
import { bool, int, num } from '../core/params.ts';
import { normal, rng, type Rng } from '../core/rng.ts';
import { logLossAndGrad, logLossHessian } from './log-loss.ts';
import { type NewtonResult, newtonMinimize } from './newton.ts';
import { type DatasetJson, defineProblem, type Optimum } from './problem.ts';

interface Data {
  x: Float64Array; // rows [1, x₁ … x_d], row-major
  y: Float64Array; // labels 0 or 1
}

/**
 * Draws m samples: xⱼ ~ N(0, 1), score s = θ_true·[1, x]; the label is [s > 0] when separable, otherwise
 * Bernoulli(σ(s)) (the logistic model itself); then it is flipped with probability `flip`. Sample by sample:
 * d features, then two uniforms (label, flip) drawn whether used or not, so the features of a seed are the same
 * for every choice of separable and flip.
 */
function draw(random: Rng, m: number, truth: Float64Array, flip: number, separable: boolean): Data {
  const cols = truth.length;
  const x = new Float64Array(m * cols);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const row = i * cols;
    x[row] = 1;
    let s = truth[0];
    for (let j = 1; j < cols; j++) {
      const v = normal(random);
      x[row + j] = v;
      s += truth[j] * v;
    }
    const u = random();
    const v = random();
    const label = separable ? s > 0 : u < 1 / (1 + Math.exp(-s));
    y[i] = label !== (v < flip) ? 1 : 0; // flipped when v < flip
  }
  return { x, y };
}

/** Whether θ classifies every row strictly correctly: (2yᵢ − 1)·xᵢ·θ > 0 for all i. */
function separates({ x, y }: Data, theta: Float64Array): boolean {
  const cols = theta.length;
  for (let i = 0; i < y.length; i++) {
    let z = 0;
    for (let j = 0; j < cols; j++) z += x[i * cols + j] * theta[j];
    if ((y[i] === 1 ? z : -z) <= 0) return false;
  }
  return true;
}

/**
 * θ* by damped Newton from θ = 0 to ‖∇f‖ ≤ 1e-12 (set-up, once per instance). Without the penalty, ∇f → 0 at
 * infinity on separable labels: a point that classifies every sample strictly correctly proves them separable (a true
 * minimiser never does), so that case is refused, as is any failure to converge.
 */
function fit(data: Data, l2: number, full: (params: Float64Array, grad: Float64Array) => number, where: string): Optimum {
  const cols = data.x.length / data.y.length;
  const fail = (why: string) =>
    new OptbenchError(`problem logistic-regression: ${why} ${where}${l2 === 0 ? '; use l2 > 0' : ''}`);
  let result: NewtonResult;
  try {
    result = newtonMinimize(full, (p) => logLossHessian(data.x, data.y.length, cols, l2, p), new Float64Array(cols), {
      tol: 1e-12,
      maxIterations: 200,
      what: 'logistic-regression',
    });
  } catch (error) {
    if (error instanceof OptbenchError) throw fail('the Hessian is singular');
    throw error;
  }
  if (!result.converged) throw fail(`Newton's method stopped at ‖∇f‖ = ${result.gradNorm}`);
  if (l2 === 0 && separates(data, result.params)) throw fail('the training labels are linearly separable, so there is no minimiser');
  return { params: result.params, loss: result.loss };
}

const OBJECTIVE = 'mean(log(1 + exp(z)) − y·z) + (l2/2)·‖params‖², z = features·params; every coordinate, bias included, is penalised';

/**
 * Binary logistic regression with a bias column and an L2 penalty on all of θ = (bias, w₁ … w_d):
 *   f(θ) = (1/n)·Σᵢ [log(1 + e^{xᵢ·θ}) − yᵢ·xᵢ·θ] + (l2/2)‖θ‖²
 * Penalising the bias too makes f l2-strongly convex, so θ* exists and is unique even for separable labels, where
 * the unpenalised loss has no minimiser (it decreases forever along the separating direction). θ* is computed once,
 * at create, by damped Newton to ‖∇f‖ ≤ 1e-12. θ_true ~ N(0, I) and θ₀ ~ N(0, I) from the seed.
 * Validation: round(validation·n) held-out samples; validationLoss is their mean log-loss, without the penalty.
 */
export const logisticRegression = defineProblem({
  name: 'logistic-regression',
  description: 'L2-regularised logistic regression on labels from a seeded linear model; exact optimum by Newton',
  reference: 'f(θ) = mean(log(1+e^{xθ}) − y·xθ) + (λ/2)‖θ‖²; Hastie, Tibshirani & Friedman 2009, §4.4',
  options: {
    n: int(200, '[2, 10000000]', 'training samples'),
    d: int(5, '[1, 10000]', 'features (plus a bias column)'),
    flip: num(0, '[0, 0.5]', 'probability that a label is flipped after it is drawn'),
    separable: bool(false, 'labels exactly [θ_true·x > 0] (no minimiser without l2), instead of Bernoulli(σ(θ_true·x))'),
    l2: num(1e-2, '[0, 1e6]', 'L2 penalty λ on every coordinate, bias included (> 0 when separable)'),
    validation: num(0.2, '[0, 10]', 'held-out samples as a fraction of n'),
  },
  check: ({ n, d, separable, l2, flip }) => {
    if (n < d + 1) return `n must be at least d + 1 = ${d + 1}, got ${n}`;
    if (separable && l2 === 0) return 'l2 must be > 0 when separable is true (the unregularised loss has no minimiser), got 0';
    if (separable && flip > 0) return `flip must be 0 when separable is true (flipped labels are not separable), got ${flip}`;
    return undefined;
  },
  create(seed, options) {
    const { n, d, flip, separable, l2, validation } = options;
    const cols = d + 1;
    const truthRng = rng(seed, 'logistic-regression/truth');
    const truth = Float64Array.from({ length: cols }, () => normal(truthRng));
    const train = draw(rng(seed, 'logistic-regression/data'), n, truth, flip, separable);
    const held = draw(rng(seed, 'logistic-regression/validation'), Math.round(validation * n), truth, flip, separable);
    const heldCount = held.y.length;
    const initRng = rng(seed, 'logistic-regression/init');
    const init = Float64Array.from({ length: cols }, () => normal(initRng));

    const full = (params: Float64Array, grad: Float64Array | null) => logLossAndGrad(train.x, train.y, cols, l2, params, grad, null, 0, n);
    const optimum = fit(train, l2, full, `for seed ${seed} (n=${n}, d=${d}, l2=${l2})`);

    return {
      name: 'logistic-regression',
      seed,
      options,
      dim: cols,
      init,
      optimum,
      samples: n,
      lossAndGrad: (params, grad) => full(params, grad),
      loss: (params) => full(params, null),
      validationLoss: (params) => (heldCount === 0 ? NaN : logLossAndGrad(held.x, held.y, cols, 0, params, null, null, 0, heldCount)),
      batchLossAndGrad: (params, grad, order, start, count) => logLossAndGrad(train.x, train.y, cols, l2, params, grad, order, start, count),
      toJSON: (): DatasetJson & { objective: string; truth: number[] } => ({
        name: 'logistic-regression',
        seed,
        options,
        dim: cols,
        objective: OBJECTIVE,
        features: toRows(train.x, n, cols),
        targets: Array.from(train.y),
        init: Array.from(init),
        optimum: { loss: optimum.loss, params: Array.from(optimum.params) },
        truth: Array.from(truth),
        validation: { features: toRows(held.x, heldCount, cols), targets: Array.from(held.y) },
      }),
    };
  },
});
