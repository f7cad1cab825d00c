import { toRows } from '../core/linalg.ts';
import { int, num } from '../core/params.ts';
import { rng } from '../core/rng.ts';
import { createMlp, glorotInit, mlpLossAndGrad } from './mlp.ts';
import { defineProblem } from './problem.ts';
import { twoSpirals } from './spirals.ts';

/**
 * A small neural network: a one-hidden-layer tanh MLP with a sigmoid output classifying the two-spirals data.
 * Training loss: mean binary cross-entropy over the 2n training points + (l2/2)·‖weights‖² (biases free).
 * Validation loss: mean cross-entropy (no penalty) on round(validation·n) further points per class.
 * Parameters: one flat vector of length 4·hidden + 1, laid out as W₁ (hidden×2, row-major), b₁, w₂, b₂
 * (see mlp.ts; toJSON() gives the offsets). θ₀: Glorot-uniform weights and zero biases from the seed.
 * Non-convex, with no known optimum: none is declared.
 */
export const mlpSpirals = defineProblem({
  name: 'mlp-spirals',
  description: 'one-hidden-layer tanh MLP on the two-spirals classification data; minibatchable, no known optimum',
  reference: 'mean cross-entropy of σ(w₂·tanh(W₁x + b₁) + b₂); Lang & Witbrock 1988 (data), Glorot & Bengio 2010 (init)',
  options: {
    n: int(100, '[1, 1000000]', 'training points per class'),
    hidden: int(16, '[1, 4096]', 'hidden units'),
    turns: num(1.5, '(0, 100]', 'revolutions of each spiral'),
    noise: num(0.04, '[0, 10]', 'standard deviation of the Gaussian noise on each coordinate'),
    l2: num(0, '[0, 1e6]', 'weight penalty λ: adds (λ/2)·‖W₁‖² + (λ/2)·‖w₂‖² to the training loss'),
    validation: num(1, '[0, 10]', 'held-out points per class as a fraction of n'),
  },
  create(seed, options) {
    const { n, hidden, turns, noise, l2, validation } = options;
    const net = createMlp(2, hidden, l2);
    const train = twoSpirals(rng(seed, 'mlp-spirals/data'), n, turns, noise);
    const held = twoSpirals(rng(seed, 'mlp-spirals/validation'), Math.round(validation * n), turns, noise);
    const m = 2 * n;
    const heldCount = held.y.length;
    const init = glorotInit(net, rng(seed, 'mlp-spirals/init'));

    return {
      name: 'mlp-spirals',
      seed,
      options,
      dim: net.dim,
      init,
      samples: m,
      lossAndGrad: (params, grad) => mlpLossAndGrad(net, train.x, train.y, params, grad, null, 0, m, true),
      loss: (params) => mlpLossAndGrad(net, train.x, train.y, params, null, null, 0, m, true),
      validationLoss: (params) =>
        heldCount === 0 ? NaN : mlpLossAndGrad(net, held.x, held.y, params, null, null, 0, heldCount, false),
      batchLossAndGrad: (params, grad, order, start, count) =>
        mlpLossAndGrad(net, train.x, train.y, params, grad, order, start, count, true),
      toJSON: () => ({
        name: 'mlp-spirals',
        seed,
        options,
        dim: net.dim,
        layout: net.offsets,
        features: toRows(train.x, m, 2),
        targets: Array.from(train.y),
        init: Array.from(init),
        validation: { features: toRows(held.x, heldCount, 2), targets: Array.from(held.y) },
      }),
    };
  },
});
