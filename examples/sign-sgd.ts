/**
 * A user-defined optimizer, registered from outside the library: load it with
 *   npx optbench run --import examples/sign-sgd.ts --optimizer signsgd ...
 */
import { defineOptimizer, linearRange, logRange, num, optimizers } from 'optbench';

/**
 * signSGD with momentum, "Signum" (Bernstein, Wang, Azizzadenesheli & Anandkumar 2018,
 * "signSGD: Compressed Optimisation for Non-Convex Problems", ICML):
 *   m ← β·m + (1−β)·g;  θ ← θ − γ·sign(m)      (m₀ = 0; sign(0) = 0)
 * With β = 0 it is plain signSGD, θ ← θ − γ·sign(g). Every coordinate moves by exactly γ (or not at all),
 * whatever the scale of its gradient.
 */
export const signsgd = defineOptimizer({
  name: 'signsgd',
  description: 'signSGD / Signum: step of fixed size lr along the sign of the (momentum-averaged) gradient',
  reference: 'Bernstein et al. 2018, signSGD: Compressed Optimisation for Non-Convex Problems (Signum)',
  params: {
    lr: num(1e-3, '(0, inf)', 'learning rate γ (the size of every coordinate step)', logRange(1e-5, 1)),
    momentum: num(0, '[0, 1)', 'momentum β of the averaged gradient m', linearRange(0, 0.99)),
  },
  create(dim, { momentum }) {
    const m = new Float64Array(dim);
    return {
      step(params, grad, lr) {
        for (let i = 0; i < params.length; i++) {
          const mi = momentum * m[i] + (1 - momentum) * grad[i];
          m[i] = mi;
          params[i] -= lr * Math.sign(mi);
        }
      },
    };
  },
});

optimizers.register(signsgd);
