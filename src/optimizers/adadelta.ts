import { linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * Adadelta (Zeiler 2012, Algorithm 1), as torch.optim.Adadelta:
 *   g ← g + λθ;  v ← ρv + (1−ρ)g²;  Δ = √(u + ε)/√(v + ε) · g;  u ← ρu + (1−ρ)Δ²;  θ ← θ − γΔ
 * The paper has no learning rate (γ = 1, torch's default). Following torch, u accumulates the unscaled Δ, so γ
 * scales the applied step without feeding back into the ratio of root-mean-squares.
 */
export const adadelta = defineOptimizer({
  name: 'adadelta',
  description: 'Adadelta: unit-corrected rates from running averages of squared gradients and steps (torch.optim.Adadelta)',
  reference: 'Zeiler 2012; torch.optim.Adadelta',
  params: {
    lr: num(1, '(0, inf)', 'coefficient γ scaling the step Δ', logRange(1e-2, 10)),
    rho: num(0.9, '[0, 1]', 'decay ρ of both running averages', linearRange(0.8, 0.99)),
    eps: num(1e-6, '[0, inf)', 'term added inside both square roots', logRange(1e-8, 1e-4)),
    weight_decay: num(0, '[0, inf)', 'L2 penalty λ', logRange(1e-6, 1e-1)),
  },
  create(dim, { rho, eps, weight_decay }) {
    const v = new Float64Array(dim);
    const u = new Float64Array(dim);
    return {
      step(params, grad, lr) {
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + weight_decay * params[i];
          const vi = rho * v[i] + (1 - rho) * g * g;
          v[i] = vi;
          const delta = (Math.sqrt(u[i] + eps) / Math.sqrt(vi + eps)) * g;
          u[i] = rho * u[i] + (1 - rho) * delta * delta;
          params[i] -= lr * delta;
        }
      },
    };
  },
});
