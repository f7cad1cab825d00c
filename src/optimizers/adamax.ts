import { linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * AdaMax (Kingma & Ba 2015, §7.1, Algorithm 2), Adam with the infinity norm, as torch.optim.Adamax:
 *   g ← g + λθ;  m ← β₁m + (1−β₁)g;  u ← max(β₂u, |g| + ε);  θ ← θ − γ/(1−β₁ᵗ) · m/u
 * Differs from the paper, following torch: ε is added to |g| inside the maximum (the paper has no ε), so u ≥ ε
 * after the first step; and weight decay is an L2 term added to the gradient.
 */
export const adamax = defineOptimizer({
  name: 'adamax',
  description: 'AdaMax: Adam with an exponentially weighted infinity norm (torch.optim.Adamax)',
  reference: 'Kingma & Ba 2015, §7.1; torch.optim.Adamax',
  params: {
    lr: num(2e-3, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    beta1: num(0.9, '[0, 1)', 'decay β₁ of the first moment', linearRange(0.5, 0.99)),
    beta2: num(0.999, '[0, 1)', 'decay β₂ of the infinity norm', linearRange(0.9, 0.9999)),
    eps: num(1e-8, '[0, inf)', 'term added to |g| inside the maximum', logRange(1e-10, 1e-6)),
    weight_decay: num(0, '[0, inf)', 'L2 penalty λ (added to the gradient)', logRange(1e-6, 1e-1)),
  },
  create(dim, { beta1, beta2, eps, weight_decay }) {
    const m = new Float64Array(dim);
    const u = new Float64Array(dim);
    let t = 0;
    return {
      step(params, grad, lr) {
        t += 1;
        const stepSize = lr / (1 - beta1 ** t);
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + weight_decay * params[i];
          const mi = beta1 * m[i] + (1 - beta1) * g;
          const ui = Math.max(beta2 * u[i], Math.abs(g) + eps);
          m[i] = mi;
          u[i] = ui;
          params[i] -= (stepSize * mi) / ui;
        }
      },
    };
  },
});
