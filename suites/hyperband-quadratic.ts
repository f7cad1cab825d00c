import { defineSuite, logUniform, uniform } from 'optbench';

/**
 * Hyperband on the ill-conditioned quadratic of suites/quadratic.ts (κ = 100, dimension 20, rotated). With 10 steps as
 * the unit of resource, R = 810 steps is 81 units and η = 3, so the brackets are exactly those of Li et al. (2018),
 * Table 1: s = 4: 81 configurations at 1 unit … 1 at 81; s = 3: 34 at 3 …; s = 2: 15 at 9 …; s = 1: 8 at 27, 2 at 81;
 * s = 0: 5 at 81.
 */
export default defineSuite({
  description:
    'Hyperband (Li et al. 2018) on an ill-conditioned quadratic (κ = 100, μ = 1, dimension 20, rotated): 810 steps, η = 3, smallest rung 10 steps, ' +
    'so the brackets are those of the paper’s Table 1 (R = 81 units of 10 steps). Learning rates (and momentum) drawn log-uniformly (uniformly).',
  problems: [{ name: 'quadratic', label: 'kappa100', params: { dim: 20, kappa: 100, mu: 1 } }],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr: logUniform(1e-3, 0.05) } },
    { name: 'sgd', label: 'momentum', params: { lr: logUniform(1e-3, 0.2), momentum: uniform(0, 0.95) } },
    { name: 'adam', params: { lr: logUniform(1e-3, 1) } },
  ],
  search: { kind: 'hyperband', eta: 3, minSteps: 10, seed: 0 },
  seeds: 5,
  budget: { steps: 810 },
});
