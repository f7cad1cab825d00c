import { describe, expect, it } from 'vitest';
import { adamax } from '../../src/optimizers/adamax.ts';
import { createOptimizer, resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.Adamax algorithm box (Kingma & Ba 2015, §7.1, with torch's ε).
//   g ← g + λθ;  m ← β₁m + (1−β₁)g;  u ← max(β₂u, |g| + ε);  θ ← θ − γ/(1−β₁ᵗ) · m/u

describe('adamax', () => {
  it('has the torch.optim.Adamax defaults', () => {
    expect(resolveOptimizerParams(adamax)).toEqual({ lr: 2e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0 });
  });

  it('divides the bias-corrected momentum by an exponentially decaying maximum of |g|', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(adamax, 2, { beta1: 0.5, beta2: 0.5, eps: 0 });
    // g₁ = [3, −4]: m₁ = [1.5, −2];  u₁ = [3, 4];  γ/(1 − 0.5) = 0.2;  θ₁ = −0.2·[0.5, −0.5] = [−0.1, 0.1]
    step(s, theta, [3, -4], 0.1);
    expectVector(theta, [-0.1, 0.1]);
    // g₂ = [1, −8]: m₂ = [0.75 + 0.5, −1 − 4] = [1.25, −5];  u₂ = [max(1.5, 1), max(2, 8)] = [1.5, 8]
    // (coordinate 0 keeps the decayed maximum, coordinate 1 takes the new |g|);  γ/(1 − 0.25) = 0.4/3
    // θ₂ = θ₁ − (0.4/3)·[1.25/1.5, −5/8] = [−0.1 − 1/9, 0.1 + 1/12]
    step(s, theta, [1, -8], 0.1);
    expectVector(theta, [-0.1 - 1 / 9, 0.1 + 1 / 12]);
    // g₃ = [0, 0]: m₃ = [0.625, −2.5];  u₃ = [0.75, 4];  γ/(1 − 0.125) = 0.1/0.875
    // θ₃ = θ₂ − (0.1/0.875)·[5/6, −0.625] = θ₂ − [2/21, −1/14]  (an undecayed max, u₃ = [3, 8], would move less)
    step(s, theta, [0, 0], 0.1);
    expectVector(theta, [-0.1 - 1 / 9 - 2 / 21, 0.1 + 1 / 12 + 1 / 14]);
  });

  it('adds eps to |g| inside the maximum, as torch does', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(adamax, 1, { beta1: 0.5, beta2: 0.5, eps: 1 });
    // g₁ = 3: m₁ = 1.5;  u₁ = max(0, 3 + 1) = 4;  θ₁ = −0.2·1.5/4 = −0.075
    step(s, theta, [3], 0.1);
    expectVector(theta, [-0.075]);
    // g₂ = 0: m₂ = 0.75;  u₂ = max(0.5·4, 0 + 1) = 2;  θ₂ = −0.075 − (0.4/3)·0.75/2 = −0.125
    // (ε added after the maximum instead: u = max(0.5·3, 0) + 1 = 2.5, θ₂ = −0.115)
    step(s, theta, [0], 0.1);
    expectVector(theta, [-0.125]);
  });

  it('adds weight decay λθ to the gradient (L2) before both moments', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(adamax, 1, { beta1: 0.5, beta2: 0.5, eps: 0, weight_decay: 0.5 });
    // g = −0.5 + 0.5·2 = 0.5: m₁ = 0.25, u₁ = 0.5;  θ₁ = 2 − 0.2·0.25/0.5 = 1.9  (without decay: 2.1)
    step(s, theta, [-0.5], 0.1);
    expectVector(theta, [1.9]);
    // g = −0.85 + 0.5·1.9 = 0.1: m₂ = 0.125 + 0.05 = 0.175;  u₂ = max(0.25, 0.1) = 0.25
    // θ₂ = 1.9 − (0.4/3)·0.175/0.25 = 1.9 − 0.28/3
    step(s, theta, [-0.85], 0.1);
    expectVector(theta, [1.9 - 0.28 / 3]);
  });
});
