import { bool, linearRange, logRange, num } from '../core/params.ts';
import { defineOptimizer } from './optimizer.ts';

/**
 * RMSprop (Tieleman & Hinton 2012, lecture 6.5), as torch.optim.RMSprop. No bias correction.
 *   g ← g + λθ;  v ← αv + (1−α)g²;  centered: ḡ ← αḡ + (1−α)g, ṽ = v − ḡ², else ṽ = v
 *   momentum μ > 0: b ← μb + g/(√ṽ + ε), θ ← θ − γb;  else θ ← θ − γ g/(√ṽ + ε)
 */
export const rmsprop = defineOptimizer({
  name: 'rmsprop',
  description: 'RMSprop: rates from a moving average of squared gradients (torch.optim.RMSprop)',
  reference: 'Tieleman & Hinton 2012; Graves 2013 (centered); torch.optim.RMSprop',
  params: {
    lr: num(1e-2, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    alpha: num(0.99, '[0, 1)', 'smoothing constant α of the squared-gradient average', linearRange(0.9, 0.999)),
    eps: num(1e-8, '[0, inf)', 'term added to the denominator', logRange(1e-10, 1e-6)),
    weight_decay: num(0, '[0, inf)', 'L2 penalty λ', logRange(1e-6, 1e-1)),
    momentum: num(0, '[0, 1)', 'momentum factor μ', linearRange(0, 0.99)),
    centered: bool(false, 'normalise by the estimated variance instead of the second moment'),
  },
  create(dim, { alpha, eps, weight_decay, momentum, centered }) {
    const sq = new Float64Array(dim);
    const avg = new Float64Array(dim);
    const buf = new Float64Array(dim);
    return {
      step(params, grad, lr) {
        for (let i = 0; i < params.length; i++) {
          const g = grad[i] + weight_decay * params[i];
          const v = alpha * sq[i] + (1 - alpha) * g * g;
          sq[i] = v;
          let variance = v;
          if (centered) {
            const a = alpha * avg[i] + (1 - alpha) * g;
            avg[i] = a;
            variance = v - a * a;
          }
          const scaled = g / (Math.sqrt(variance) + eps);
          if (momentum > 0) {
            const b = momentum * buf[i] + scaled;
            buf[i] = b;
            params[i] -= lr * b;
          } else {
            params[i] -= lr * scaled;
          }
        }
      },
    };
  },
});
