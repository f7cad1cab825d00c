import { bool, logRange, linearRange, num } from '../core/params.ts';
import { defineOptimizer, preset } from './optimizer.ts';

/**
 * Stochastic gradient descent with optional heavy-ball or Nesterov momentum, as torch.optim.SGD:
 *   g ← g + λθ;  b ← μb + (1−τ)g (b₁ = g);  g ← g + μb if nesterov else b;  θ ← θ − γg
 * Heavy ball: Polyak 1964. Nesterov: Nesterov 1983, in the form of Sutskever et al. 2013 used by PyTorch.
 * The exponential-moving-average momentum of many tutorials, v ← βv + (1−β)g, is momentum = dampening = β
 * (PyTorch still starts from b₁ = g, without the (1−β) factor, on the first step).
 * With the full batch this is plain gradient descent.
 */
export const sgd = defineOptimizer({
  name: 'sgd',
  description: 'SGD / gradient descent, optional heavy-ball or Nesterov momentum (torch.optim.SGD)',
  reference: 'Robbins & Monro 1951; Polyak 1964; Nesterov 1983; torch.optim.SGD',
  params: {
    lr: num(1e-3, '(0, inf)', 'learning rate γ', logRange(1e-5, 1)),
    momentum: num(0, '[0, 1)', 'momentum factor μ', linearRange(0, 0.99)),
    dampening: num(0, '[0, 1)', 'dampening τ of the momentum buffer', linearRange(0, 0.99)),
    nesterov: bool(false, 'Nesterov momentum'),
    weight_decay: num(0, '[0, inf)', 'L2 penalty λ', logRange(1e-6, 1e-1)),
  },
  check: (hp) =>
    hp.nesterov && (hp.momentum <= 0 || hp.dampening !== 0)
      ? `nesterov requires momentum > 0 and dampening = 0, got momentum=${hp.momentum}, dampening=${hp.dampening}`
      : undefined,
  create(dim, { momentum, dampening, nesterov, weight_decay }) {
    const buf = new Float64Array(dim);
    let first = true;
    return {
      step(params, grad, lr) {
        const n = params.length;
        if (momentum === 0) {
          for (let i = 0; i < n; i++) params[i] -= lr * (grad[i] + weight_decay * params[i]);
          return;
        }
        const keep = first ? 0 : momentum;
        const take = first ? 1 : 1 - dampening;
        first = false;
        for (let i = 0; i < n; i++) {
          const g = grad[i] + weight_decay * params[i];
          const b = keep * buf[i] + take * g;
          buf[i] = b;
          params[i] -= lr * (nesterov ? g + momentum * b : b);
        }
      },
    };
  },
});

/** Heavy-ball momentum with the customary μ = 0.9 (Polyak 1964). */
export const momentum = preset(sgd, 'momentum', { momentum: 0.9 }, 'SGD with heavy-ball momentum 0.9 (Polyak 1964)');

/** Nesterov momentum with μ = 0.9 (Nesterov 1983; Sutskever et al. 2013). */
export const nesterov = preset(sgd, 'nesterov', { momentum: 0.9, nesterov: true }, 'SGD with Nesterov momentum 0.9');
