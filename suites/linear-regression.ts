import { defineSuite, logspace } from 'optbench';

/**
 * The classic y = 4 + 3x + ε regression (n = 100) and a larger one (n = 1000, d = 20): every optimizer of the
 * seed set under four schedules, over a log-spaced grid of learning rates × decay factors, on 5 seeds.
 */
const lr = logspace(1e-3, 1, 7);

export default defineSuite({
  description:
    'Least-squares linear regression: the textbook instance y = 4 + 3x + N(0, 1) with 100 samples, and a larger one with ' +
    '1000 samples and 20 features. Full-batch gradient descent (gd) against minibatch SGD (batches of 16) and the adaptive methods.',
  problems: [
    { name: 'linear-regression', label: 'classic' },
    { name: 'linear-regression', label: 'n1000-d20', params: { n: 1000, d: 20 } },
  ],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr } },
    { name: 'sgd', label: 'sgd', params: { lr }, batchSize: 16 },
    { name: 'momentum', params: { lr } },
    { name: 'nesterov', params: { lr } },
    { name: 'adagrad', params: { lr } },
    { name: 'rmsprop', params: { lr } },
    { name: 'adam', params: { lr } },
  ],
  schedules: [
    'constant',
    { name: 'inverse-time', params: { decay_rate: [1e-3, 1e-2, 1e-1] } },
    { name: 'polynomial', params: { power: [1, 2] } },
    { name: 'cosine', params: { warmup: [0, 25] } },
  ],
  seeds: 5,
  budget: { steps: 500 },
});
