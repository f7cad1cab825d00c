import { defineSuite, logspace } from 'optbench';

/**
 * A small MLP (16 tanh units) on two spirals: a non-convex problem with no known optimum, so gaps and targets are
 * measured against the best loss any trial of the suite reached on each seed (said so in the report).
 */
const lr = logspace(1e-3, 1, 5);

export default defineSuite({
  description:
    'A one-hidden-layer MLP (16 tanh units, sigmoid output, cross-entropy) on the two-spirals data set (100 points per class, ' +
    '1.5 turns). No known optimum: f* is the best loss any trial reached on the seed. Full batch and minibatches of 50.',
  problems: [{ name: 'mlp-spirals', label: 'spirals' }],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr } },
    { name: 'momentum', params: { lr } },
    { name: 'adam', params: { lr } },
    { name: 'adam', label: 'adam-batch50', params: { lr }, batchSize: 50 },
    { name: 'rmsprop', params: { lr } },
    { name: 'lion', params: { lr: logspace(1e-4, 1e-1, 5) } },
  ],
  schedules: ['constant', 'cosine'],
  seeds: 3,
  budget: { steps: 500 },
  targets: [1e-1, 1e-2, 1e-3],
});
