import { bool, linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * AdamW (Loshchilov & Hutter 2019, Algorithm 2), as torch.optim.AdamW; AMSGrad (Reddi et al. 2018) on request.
 *   θ ← θ − γλθ  (decoupled: the decay never enters m or v)
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  v̂ = max(v̂_max, v) if amsgrad else v
 *   θ ← θ − γ · (m / (1−β₁ᵗ)) / (√(v̂ / (1−β₂ᵗ)) + ε)
 * Differs from the paper, following torch: the decay is scaled by the (scheduled) learning rate γ, so torch's λ is
 * the paper's λ/α; and the AMSGrad maximum is taken over the raw v, before bias correction (as in adam.ts).
 */
export const adamw = defineOptimizer({
  name: 'adamw',
  description: 'AdamW: Adam with decoupled weight decay (torch.optim.AdamW)',
  reference: 'Loshchilov & Hutter 2019; Reddi, Kale & Kumar 2018 (amsgrad); torch.optim.AdamW',
  params: {
    lr: num(1e-3, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    beta1: num(0.9, '[0, 1)', 'decay β₁ of the first moment', linearRange(0.5, 0.99)),
    beta2: num(0.999, '[0, 1)', 'decay β₂ of the second moment', linearRange(0.9, 0.9999)),
    eps: num(1e-8, '[0, inf)', 'term added to the denominator', logRange(1e-10, 1e-6)),
    weight_decay: num(1e-2, '[0, inf)', 'decoupled weight decay λ: θ ← θ − γλθ each step', logRange(1e-4, 1)),
    amsgrad: bool(false, 'use the running maximum of the second moment (AMSGrad)'),
  },
  create(dim, { beta1, beta2, eps, weight_decay, amsgrad }) {
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    const vmax = new Float64Array(dim);
    let t = 0;
    return {
      step(params, grad, lr) {
        t += 1;
        const keep = 1 - lr * weight_decay;
        const stepSize = lr / (1 - beta1 ** t);
        const rootCorrection2 = Math.sqrt(1 - beta2 ** t);
        for (let i = 0; i < params.length; i++) {
          const g = grad[i];
          const mi = beta1 * m[i] + (1 - beta1) * g;
          let vi = beta2 * v[i] + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          if (amsgrad) {
            vi = Math.max(vmax[i], vi);
            vmax[i] = vi;
          }
          params[i] = keep * params[i] - (stepSize * mi) / (Math.sqrt(vi) / rootCorrection2 + eps);
        }
      },
    };
  },
});
