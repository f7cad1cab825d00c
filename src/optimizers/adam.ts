import { bool, linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer, preset } from './optimizer.ts';

/**
 * Adam (Kingma & Ba 2015, Algorithm 1), as torch.optim.Adam; AMSGrad (Reddi et al. 2018) on request.
 *   g ← g + λθ (L2), or θ ← θ − γλθ with decoupled_weight_decay (AdamW, Loshchilov & Hutter 2019);
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²
 *   v̂ = max(v̂_max, v) if amsgrad else v
 *   θ ← θ − γ · (m / (1−β₁ᵗ)) / (√(v̂ / (1−β₂ᵗ)) + ε)
 */
export const adam = defineOptimizer({
  name: 'adam',
  description: 'Adam: bias-corrected first and second moment estimates (torch.optim.Adam)',
  reference: 'Kingma & Ba 2015; Reddi, Kale & Kumar 2018 (amsgrad); torch.optim.Adam',
  params: {
    lr: num(1e-3, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    beta1: num(0.9, '[0, 1)', 'decay β₁ of the first moment', linearRange(0.5, 0.99)),
    beta2: num(0.999, '[0, 1)', 'decay β₂ of the second moment', linearRange(0.9, 0.9999)),
    eps: num(1e-8, '[0, inf)', 'term added to the denominator', logRange(1e-10, 1e-6)),
    weight_decay: num(0, '[0, inf)', 'weight decay λ: added to the gradient (L2), or θ ← θ − γλθ when decoupled', logRange(1e-6, 1e-1)),
    amsgrad: bool(false, 'use the running maximum of the second moment (AMSGrad)'),
    decoupled_weight_decay: bool(false, 'apply the decay to θ directly, outside the moments (AdamW)'),
  },
  create(dim, { beta1, beta2, eps, weight_decay, amsgrad, decoupled_weight_decay }) {
    const l2 = decoupled_weight_decay ? 0 : weight_decay;
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    const vmax = new Float64Array(dim);
    let t = 0;
    return {
      step(params, grad, lr) {
        t += 1;
        const keep = decoupled_weight_decay ? 1 - lr * weight_decay : 1; // 1·θ is θ exactly
        const stepSize = lr / (1 - beta1 ** t);
        const rootCorrection2 = Math.sqrt(1 - beta2 ** t);
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + l2 * params[i];
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

/**
 * AdamW (Loshchilov & Hutter 2019, Algorithm 2), as torch.optim.AdamW (which torch defines the same way): Adam with
 * decoupled weight decay, λ = 0.01. Following torch, the decay is scaled by the (scheduled) rate γ, so torch's λ is
 * the paper's λ/α, and the AMSGrad maximum is over the raw v, before bias correction.
 */
export const adamw = preset(
  adam,
  'adamw',
  { weight_decay: 1e-2, decoupled_weight_decay: true },
  'AdamW: Adam with decoupled weight decay (torch.optim.AdamW)',
  'Loshchilov & Hutter 2019; Reddi, Kale & Kumar 2018 (amsgrad); torch.optim.AdamW',
);
