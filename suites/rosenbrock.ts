import { defineSuite, linspace, logspace } from 'optbench';

/** The Rosenbrock valley (2-D and 10-D, minimum 0 at (1, …, 1)): curvature that changes along the path. */
export default defineSuite({
  description:
    'Rosenbrock’s banana valley in 2 and 10 dimensions, from (−1.2, 1, …) perturbed per seed; minimum 0 at (1, …, 1). ' +
    'Gradient descent needs small rates for the walls and crawls along the floor; momentum and adaptive methods are compared on it.',
  problems: [
    { name: 'rosenbrock', label: '2d' },
    { name: 'rosenbrock', label: '10d', params: { dim: 10 } },
  ],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr: logspace(1e-5, 1e-2, 7) } },
    { name: 'sgd', label: 'momentum', params: { lr: logspace(1e-5, 1e-2, 7), momentum: linspace(0.5, 0.95, 4) } },
    { name: 'adam', params: { lr: logspace(1e-3, 1, 7) } },
    { name: 'rmsprop', params: { lr: logspace(1e-4, 1e-1, 7) } },
    { name: 'lion', params: { lr: logspace(1e-4, 1e-1, 7) } },
  ],
  seeds: 5,
  budget: { steps: 2000 },
  targets: [1e-1, 1e-2, 1e-3, 1e-4, 1e-6],
});
