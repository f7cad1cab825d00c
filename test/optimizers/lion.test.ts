import { describe, expect, it } from 'vitest';
import { lion } from '../../src/optimizers/lion.ts';
import { createOptimizer, resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { expectVector, step } from './helpers.ts';

// Reference: optax.lion = chain(scale_by_lion(b1, b2), add_decayed_weights(λ), scale_by_learning_rate(γ)):
//   c = β₁m + (1−β₁)g;  θ ← θ − γ(sign(c) + λθ);  m ← β₂m + (1−β₂)g;  sign(0) = 0.
// Chen et al. 2023, Program 1. With β₁ = 0.9, β₂ = 0.99: c = 0.9m + 0.1g and m ← 0.99m + 0.01g.

describe('lion', () => {
  it('has optax.lion’s β’s and weight decay, and the paper’s rate', () => {
    expect(resolveOptimizerParams(lion)).toEqual({ lr: 1e-4, beta1: 0.9, beta2: 0.99, weight_decay: 1e-3 });
  });

  it('steps by γ·sign of the interpolation c, with the momentum m updated after', () => {
    const theta = Float64Array.from([0, 0, 0]);
    const s = createOptimizer(lion, 3, { weight_decay: 0 });
    // t = 1, g = [10, 10, 0]: c = 0.1g, sign = [1, 1, 0];  θ₁ = [−0.1, −0.1, 0];  m₁ = [0.1, 0.1, 0]
    step(s, theta, [10, 10, 0], 0.1);
    expectVector(theta, [-0.1, -0.1, 0]);
    // t = 2, g = [−0.5, −0.89, 2]: c = [0.09 − 0.05, 0.09 − 0.089, 0.2] = [0.04, 0.001, 0.2], all positive
    //   (coordinate 1: interpolating with the already-updated m₂ = 0.0901 would give 0.08109 − 0.089 < 0)
    //   θ₂ = [−0.2, −0.2, −0.1];  m₂ = [0.099 − 0.005, 0.099 − 0.0089, 0.02] = [0.094, 0.0901, 0.02]
    step(s, theta, [-0.5, -0.89, 2], 0.1);
    expectVector(theta, [-0.2, -0.2, -0.1]);
    // t = 3, g = [−0.9, 0, −1]: c = [0.0846 − 0.09, 0.08109, 0.018 − 0.1] = [−0.0054, 0.08109, −0.082]
    //   (coordinate 0: interpolating with β₂ instead, 0.99·0.094 − 0.009 > 0, would step the other way)
    //   θ₃ = [−0.1, −0.3, 0]
    step(s, theta, [-0.9, 0, -1], 0.1);
    expectVector(theta, [-0.1, -0.3, 0]);
  });

  it('decays θ by γλθ outside the sign (decoupled), at the rate passed to the step', () => {
    const theta = Float64Array.from([2, 2]);
    const s = createOptimizer(lion, 2, { weight_decay: 0.5 });
    // g = [−0.5, 1]: sign(c) = [−1, 1];  θ₁ = [2 − 0.1(−1 + 1), 2 − 0.1(1 + 1)] = [2, 1.8]
    // (λθ added to g before the sign would flip coordinate 0: sign(0.1·(−0.5 + 1)) = 1, θ₁[0] = 1.9)
    step(s, theta, [-0.5, 1], 0.1);
    expectVector(theta, [2, 1.8]);
    // γ = 0.2, same g: m₁ = [−0.005, 0.01], c = [−0.0545, 0.109];  θ₂ = [2 − 0.2(−1 + 1), 1.8 − 0.2(1 + 0.9)] = [2, 1.42]
    step(s, theta, [-0.5, 1], 0.2);
    expectVector(theta, [2, 1.42]);
  });

  it('applies optax’s default λ = 1e-3: one step from θ = 1 at γ = 0.1 lands at 0.8999', () => {
    const theta = Float64Array.from([1]);
    const s = createOptimizer(lion, 1);
    step(s, theta, [1], 0.1);
    expectVector(theta, [0.8999]);
  });
});
