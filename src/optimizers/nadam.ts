import { bool, linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * NAdam (Dozat 2016, Algorithm 2), Adam with Nesterov momentum, as torch.optim.NAdam:
 *   g ← g + λθ, or θ ← θ − γλθ if decoupled_weight_decay;  μₜ = β₁(1 − ½·0.96^(tψ))
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  v̂ = v/(1−β₂ᵗ)
 *   θ ← θ − γ · [ (1−μₜ)/(1 − ∏ᵢ₌₁ᵗ μᵢ) · g + μₜ₊₁/(1 − ∏ᵢ₌₁ᵗ⁺¹ μᵢ) · m ] / (√v̂ + ε)
 * Differs from the paper, following torch: m averages with the constant β₁ (the paper uses the scheduled μₜ).
 * The product up to t+1 is ∏ᵢ₌₁ᵗ μᵢ · μₜ₊₁, as in torch's algorithm box; torch's single-tensor code multiplied
 * μₜ in twice until pytorch/pytorch#92699 (2023).
 */
export const nadam = defineOptimizer({
  name: 'nadam',
  description: 'NAdam: Adam with Nesterov momentum and a momentum schedule (torch.optim.NAdam)',
  reference: 'Dozat 2016; torch.optim.NAdam',
  params: {
    lr: num(2e-3, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    beta1: num(0.9, '[0, 1)', 'decay β₁ of the first moment', linearRange(0.5, 0.99)),
    beta2: num(0.999, '[0, 1)', 'decay β₂ of the second moment', linearRange(0.9, 0.9999)),
    eps: num(1e-8, '[0, inf)', 'term added to the denominator', logRange(1e-10, 1e-6)),
    weight_decay: num(0, '[0, inf)', 'weight decay λ (L2 unless decoupled_weight_decay)', logRange(1e-6, 1e-1)),
    momentum_decay: num(4e-3, '[0, inf)', 'momentum schedule ψ: μₜ = β₁(1 − ½·0.96^(tψ))', logRange(1e-4, 1e-1)),
    decoupled_weight_decay: bool(false, 'decay the weights as AdamW (θ ← θ − γλθ) instead of adding λθ to g'),
  },
  create(dim, { beta1, beta2, eps, weight_decay, momentum_decay, decoupled_weight_decay }) {
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    const l2 = decoupled_weight_decay ? 0 : weight_decay;
    let t = 0;
    let muProduct = 1;
    return {
      step(params, grad, lr) {
        t += 1;
        const mu = beta1 * (1 - 0.5 * 0.96 ** (t * momentum_decay));
        const muNext = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentum_decay));
        muProduct *= mu;
        const gradCoef = (lr * (1 - mu)) / (1 - muProduct);
        const momentCoef = (lr * muNext) / (1 - muProduct * muNext);
        const keep = decoupled_weight_decay ? 1 - lr * weight_decay : 1;
        const rootCorrection2 = Math.sqrt(1 - beta2 ** t);
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + l2 * params[i];
          const mi = beta1 * m[i] + (1 - beta1) * g;
          const vi = beta2 * v[i] + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          const denom = Math.sqrt(vi) / rootCorrection2 + eps;
          params[i] = keep * params[i] - (gradCoef * g + momentCoef * mi) / denom;
        }
      },
    };
  },
});
