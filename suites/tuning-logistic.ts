import { defineSuite, logUniform } from 'optbench';

/**
 * The tuning-budget protocol (DeepOBS, Schneider et al. 2019; AlgoPerf, Dahl et al. 2023) on L2-regularised logistic
 * regression: 16 random configurations per optimizer tuned on two seeds of their own; for every budget b = 1 … 16 the
 * best of the first b is rerun on five fresh seeds.
 */
export default defineSuite({
  description:
    'Performance against tuning budget: L2-regularised logistic regression (λ = 0.01, 200 samples, 5 features, noisy labels), 40 steps. ' +
    'Each optimizer tries 16 random configurations on tuning seeds 100 and 101; a tuner with b trials keeps the best of the first b, ' +
    'which is then measured on seeds 0–4, which the tuning never saw.',
  problems: [{ name: 'logistic-regression', label: 'noisy' }],
  optimizers: [
    { name: 'sgd', label: 'gd', params: { lr: logUniform(1e-3, 30) } },
    { name: 'nesterov', params: { lr: logUniform(1e-3, 30) } },
    { name: 'adam', params: { lr: logUniform(1e-4, 3) } },
  ],
  search: { kind: 'tuning', samples: 16, tuningSeeds: [100, 101], seed: 0 },
  seeds: 5,
  budget: { steps: 40 },
});
