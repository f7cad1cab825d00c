import { linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * Lion, EvoLved Sign Momentum (Chen et al. 2023, Program 1), as optax.lion (torch.optim has no Lion):
 *   c = β₁m + (1−β₁)g;  θ ← θ − γ(sign(c) + λθ);  m ← β₂m + (1−β₂)g
 * The weight decay is decoupled (optax.add_decayed_weights before the learning-rate scale), and sign(0) = 0.
 * Names follow this project's Adam family (optax: b1, b2, learning_rate). optax.lion has no default rate; 1e-4 is
 * the paper's and lion-pytorch's. optax's default weight_decay is 1e-3.
 */
export const lion = defineOptimizer({
  name: 'lion',
  description: 'Lion: the sign of an interpolated momentum, with decoupled weight decay (optax.lion)',
  reference: 'Chen et al. 2023; optax.lion',
  params: {
    lr: num(1e-4, '(0, inf)', 'learning rate γ', logRange(1e-6, 1e-1)),
    beta1: num(0.9, '[0, 1)', 'interpolation β₁ between momentum and gradient inside the sign', linearRange(0.5, 0.99)),
    beta2: num(0.99, '[0, 1)', 'decay β₂ of the stored momentum', linearRange(0.9, 0.999)),
    weight_decay: num(1e-3, '[0, inf)', 'decoupled weight decay λ: θ ← θ − γλθ each step', logRange(1e-4, 10)),
  },
  create(dim, { beta1, beta2, weight_decay }) {
    const m = new Float64Array(dim);
    return {
      step(params, grad, lr) {
        for (let i = 0; i < params.length; i++) {
          const g = grad[i];
          const theta = params[i];
          params[i] = theta - lr * (Math.sign(beta1 * m[i] + (1 - beta1) * g) + weight_decay * theta);
          m[i] = beta2 * m[i] + (1 - beta2) * g;
        }
      },
    };
  },
});
