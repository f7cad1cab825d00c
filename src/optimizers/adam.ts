import { bool, linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * Adam (Kingma & Ba 2015, Algorithm 1), as torch.optim.Adam; AMSGrad (Reddi et al. 2018) on request.
 *   g ← g + λθ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²
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
    weight_decay: num(0, '[0, inf)', 'L2 penalty λ (added to the gradient, not decoupled)', logRange(1e-6, 1e-1)),
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
        const stepSize = lr / (1 - beta1 ** t);
        const rootCorrection2 = Math.sqrt(1 - beta2 ** t);
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + weight_decay * params[i];
          const mi = beta1 * m[i] + (1 - beta1) * g;
          let vi = beta2 * v[i] + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          if (amsgrad) {
            vi = Math.max(vmax[i], vi);
            vmax[i] = vi;
          }
          params[i] -= (stepSize * mi) / (Math.sqrt(vi) / rootCorrection2 + eps);
        }
      },
    };
  },
});
