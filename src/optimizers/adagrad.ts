import { logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * AdaGrad (Duchi, Hazan & Singer 2011), as torch.optim.Adagrad:
 *   g ← g + λθ;  γ̃ = γ / (1 + (t−1)η);  s ← s + g²;  θ ← θ − γ̃ g / (√s + ε),  s₀ = initial_accumulator_value
 */
export const adagrad = defineOptimizer({
  name: 'adagrad',
  description: 'AdaGrad: per-coordinate rates from the sum of squared gradients (torch.optim.Adagrad)',
  reference: 'Duchi, Hazan & Singer 2011; torch.optim.Adagrad',
  params: {
    lr: num(1e-2, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    lr_decay: num(0, '[0, inf)', 'learning-rate decay η: γ/(1 + (t−1)η)', logRange(1e-6, 1e-1)),
    weight_decay: num(0, '[0, inf)', 'L2 penalty λ', logRange(1e-6, 1e-1)),
    initial_accumulator_value: num(0, '[0, inf)', 'starting value of the squared-gradient sum'),
    eps: num(1e-10, '[0, inf)', 'term added to the denominator', logRange(1e-12, 1e-6)),
  },
  create(dim, { lr_decay, weight_decay, initial_accumulator_value, eps }) {
    const sum = new Float64Array(dim).fill(initial_accumulator_value);
    let t = 0;
    return {
      step(params, grad, lr) {
        t += 1;
        const clr = lr / (1 + (t - 1) * lr_decay);
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + weight_decay * params[i];
          const s = sum[i] + g * g;
          sum[i] = s;
          params[i] -= (clr * g) / (Math.sqrt(s) + eps);
        }
      },
    };
  },
});
