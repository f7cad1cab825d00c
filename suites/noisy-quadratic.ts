import { defineSuite, logspace } from 'optbench';

/**
 * The noisy quadratic model (Zhang et al. 2019): hᵢ = 1/i and gradient noise of variance hᵢ/B, so the batch size
 * sets the noise floor; momentum and Adam pay off only once the batch is large enough.
 */
const lr = logspace(1e-2, 2, 7);

export default defineSuite({
  description:
    'Noisy quadratic model, dimension 100, hᵢ = 1/i, gradient noise of covariance H/B for batch sizes 8 and 128 ' +
    '(Zhang et al. 2019, "Which algorithmic choices matter at which batch sizes?"). f* = 0 at x = 0.',
  problems: [{ name: 'noisy-quadratic', label: 'nqm-d100' }],
  optimizers: [
    { name: 'sgd', label: 'sgd-b8', params: { lr }, batchSize: 8 },
    { name: 'sgd', label: 'sgd-b128', params: { lr }, batchSize: 128 },
    { name: 'momentum', label: 'momentum-b128', params: { lr }, batchSize: 128 },
    { name: 'adam', label: 'adam-b8', params: { lr: logspace(1e-3, 1, 7) }, batchSize: 8 },
    { name: 'adam', label: 'adam-b128', params: { lr: logspace(1e-3, 1, 7) }, batchSize: 128 },
  ],
  schedules: ['constant', 'inverse-time'],
  seeds: 3,
  budget: { steps: 500 },
  targets: [1e-1, 1e-2, 1e-3],
});
