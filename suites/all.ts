import { defineSuite, logspace } from 'optbench';

/**
 * The cross-problem suite: the problems of the other suites, small, each with its own step budget, and the main
 * optimizers on one half-decade learning-rate grid, so the report can put them side by side in performance
 * profiles and runtime ECDFs. Eight seeds: the fewest at which the paired signed-rank test, Holm-corrected over the
 * six other optimizers of a problem, can reach α = 0.05 at all (6 · 2/2⁸ ≈ 0.047); with five it never can.
 * The noisy quadratic (Zhang et al. 2019) runs on minibatches of 32, its own batch size: the other problems run full
 * batch (the quadratics, Rosenbrock, Beale and Rastrigin have no samples to batch).
 * Runs in a few seconds on two cores (mlp-spirals is most of it), as `optbench check` reruns it.
 */
const lr = logspace(1e-4, 1, 9);

export default defineSuite({
  description:
    'Every problem family at a small size, each with its own step budget: linear regression (y = 4 + 3x + noise), two rotated ' +
    'quadratics (κ = 10 and κ = 100), L2 logistic regression, Rosenbrock and Beale, Rastrigin (multimodal: a run may stop in a ' +
    'local minimum), a small MLP on two spirals (no known optimum: f* is the best loss found) and the noisy quadratic model on ' +
    'minibatches of 32 (gradient noise of covariance H/32), with gd, momentum, Nesterov, AdaGrad, RMSprop, Adam and AdamW ' +
    '(its default decoupled weight decay 0.01, which keeps it off the exact optimum) on learning rates 1e-4 … 1 in half ' +
    'decades, full batch except on the noisy quadratic. The cross-problem view: performance profiles and runtime ECDFs.',
  problems: [
    { name: 'linear-regression', label: 'linear-regression', steps: 200 },
    { name: 'quadratic', label: 'quadratic-k10', params: { dim: 10, kappa: 10 }, steps: 200 },
    { name: 'quadratic', label: 'quadratic-k100', params: { dim: 20, kappa: 100 }, steps: 500 },
    { name: 'logistic-regression', label: 'logistic-regression', steps: 300 },
    { name: 'rosenbrock', label: 'rosenbrock-2d', steps: 1000 },
    { name: 'beale', label: 'beale', steps: 500 },
    { name: 'rastrigin', label: 'rastrigin-2d', steps: 300 },
    { name: 'mlp-spirals', label: 'mlp-spirals', params: { n: 50, hidden: 12 }, steps: 200 },
    { name: 'noisy-quadratic', label: 'noisy-quadratic-b32', params: { dim: 20 }, steps: 300, batchSize: 32 },
  ],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr } },
    { name: 'momentum', params: { lr } },
    { name: 'nesterov', params: { lr } },
    { name: 'adagrad', params: { lr } },
    { name: 'rmsprop', params: { lr } },
    { name: 'adam', params: { lr } },
    { name: 'adamw', params: { lr } },
  ],
  seeds: 8,
  budget: { steps: 500 },
});
