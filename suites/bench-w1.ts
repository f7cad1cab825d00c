import { defineSuite, logspace } from 'optbench';

/**
 * Workload W1, the speed benchmark: linear regression n = 1000, d = 20 plus a bias column, noise 0.1;
 * sgd, momentum 0.9 and adam at 8 learning rates log-spaced from 1e-4 to 1; 5 seeds; 500 full-batch steps;
 * constant schedule: 120 trials, 60,000 steps.
 */
const lr = logspace(1e-4, 1, 8);

export default defineSuite({
  description: 'Workload W1 (speed benchmark): 120 trials of 500 full-batch steps on linear regression n = 1000, d = 20.',
  problems: [{ name: 'linear-regression', label: 'n1000-d20', params: { n: 1000, d: 20, noise: 0.1 } }],
  optimizers: [
    { name: 'sgd', params: { lr } },
    { name: 'momentum', params: { lr } },
    { name: 'adam', params: { lr } },
  ],
  seeds: 5,
  budget: { steps: 500 },
});
