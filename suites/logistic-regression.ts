import { defineSuite, logspace } from 'optbench';

/** L2-regularised logistic regression (optimum by Newton's method to 1e-12): noisy and separable labels. */
const lr = logspace(1e-3, 10, 7);

export default defineSuite({
  description:
    'L2-regularised logistic regression (λ = 0.01) with 200 samples and 5 features: labels drawn from the model (noisy), ' +
    'and exactly separable labels (where only the penalty makes the optimum finite). f* from Newton’s method.',
  problems: [
    { name: 'logistic-regression', label: 'noisy' },
    { name: 'logistic-regression', label: 'separable', params: { separable: true } },
  ],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr } },
    { name: 'sgd', label: 'sgd', params: { lr }, batchSize: 20 },
    { name: 'nesterov', params: { lr } },
    { name: 'adagrad', params: { lr } },
    { name: 'adam', params: { lr } },
    { name: 'adamw', params: { lr, weight_decay: 0 } },
    { name: 'radam', params: { lr } },
  ],
  schedules: ['constant', 'cosine'],
  seeds: 5,
  budget: { steps: 500 },
});
