import { bool, linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * RAdam (Liu et al. 2020, Algorithm 2), Adam with a rectified adaptive rate, as torch.optim.RAdam:
 *   g ← g + λθ, or θ ← θ − γλθ if decoupled_weight_decay;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ)
 *   ρ∞ = 2/(1−β₂) − 1;  ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ)
 *   ρₜ > 5: rₜ = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)),  θ ← θ − γ·rₜ·m̂·√(1−β₂ᵗ)/(√v + ε)
 *   else:   θ ← θ − γ·m̂  (momentum SGD: the variance of the adaptive rate is intractable)
 * Differs from the paper, following torch: the threshold is ρₜ > 5 (the paper says ρₜ > 4, the authors' code
 * ρₜ ≥ 5), and ε is added to the uncorrected √v, not to √v̂ as in Adam. Since ρ₁ = 1 and ρₜ < t for t > 1 whatever
 * β₂, the first five steps are always un-rectified; with ρ∞ ≤ 5 (β₂ ≤ 2/3) every step is.
 */
export const radam = defineOptimizer({
  name: 'radam',
  description: 'RAdam: Adam with a rectified adaptive learning rate, no warmup needed (torch.optim.RAdam)',
  reference: 'Liu et al. 2020; torch.optim.RAdam',
  params: {
    lr: num(1e-3, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    beta1: num(0.9, '[0, 1)', 'decay β₁ of the first moment', linearRange(0.5, 0.99)),
    beta2: num(0.999, '[0, 1)', 'decay β₂ of the second moment', linearRange(0.9, 0.9999)),
    eps: num(1e-8, '[0, inf)', 'term added to the denominator √v', logRange(1e-10, 1e-6)),
    weight_decay: num(0, '[0, inf)', 'weight decay λ (L2 unless decoupled_weight_decay)', logRange(1e-6, 1e-1)),
    decoupled_weight_decay: bool(false, 'decay the weights as AdamW (θ ← θ − γλθ) instead of adding λθ to g'),
  },
  create(dim, { beta1, beta2, eps, weight_decay, decoupled_weight_decay }) {
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    const l2 = decoupled_weight_decay ? 0 : weight_decay;
    const rhoInf = 2 / (1 - beta2) - 1;
    let t = 0;
    return {
      step(params, grad, lr) {
        t += 1;
        const correction2 = 1 - beta2 ** t;
        const rho = rhoInf - (2 * t * beta2 ** t) / correction2;
        const rectified = rho > 5;
        const stepSize = lr / (1 - beta1 ** t);
        // rectified: stepSize·rₜ·√(1−β₂ᵗ) multiplies m/(√v + ε); else stepSize multiplies m
        const scale = rectified
          ? stepSize * Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho)) * Math.sqrt(correction2)
          : stepSize;
        const keep = decoupled_weight_decay ? 1 - lr * weight_decay : 1;
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + l2 * params[i];
          const mi = beta1 * m[i] + (1 - beta1) * g;
          const vi = beta2 * v[i] + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          params[i] = keep * params[i] - (rectified ? (scale * mi) / (Math.sqrt(vi) + eps) : scale * mi);
        }
      },
    };
  },
});
