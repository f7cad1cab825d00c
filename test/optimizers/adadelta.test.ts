import { describe, expect, it } from 'vitest';
import { adadelta } from '../../src/optimizers/adadelta.ts';
import { createOptimizer, resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.Adadelta algorithm box (Zeiler 2012, Algorithm 1, with torch's γ).
//   g ← g + λθ;  v ← ρv + (1−ρ)g²;  Δ = √(u + ε)/√(v + ε)·g;  u ← ρu + (1−ρ)Δ²;  θ ← θ − γΔ
// ρ = 0.25 and ε = 1 with gradients 2 then ±3.5 keep both ratios of roots rational:
//   v₁ = 0.75·4 = 3, Δ₁ = √1/√4·2 = 1, u₁ = 0.75;
//   v₂ = 0.25·3 + 0.75·12.25 = 9.9375, Δ₂ = √1.75/√10.9375·(±3.5) = 0.4·(±3.5) = ±1.4, u₂ = 0.1875 + 1.47 = 1.6575.
const hp = { rho: 0.25, eps: 1 };

describe('adadelta', () => {
  it('has the torch.optim.Adadelta defaults', () => {
    expect(resolveOptimizerParams(adadelta)).toEqual({ lr: 1, rho: 0.9, eps: 1e-6, weight_decay: 0 });
  });

  it('scales g by the ratio of the running RMS of past steps to that of gradients', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(adadelta, 2, hp);
    // Δ₁ = [1, 1]: θ₁ = [−1, −1]
    step(s, theta, [2, 2], 1);
    expectVector(theta, [-1, -1]);
    // Δ₂ = [1.4, −1.4]: θ₂ = [−2.4, 0.4]
    step(s, theta, [3.5, -3.5], 1);
    expectVector(theta, [-2.4, 0.4]);
    // g₃ = [1, 1]: v₃ = 0.25·9.9375 + 0.75 = 3.234375;  Δ₃ = √(1.6575 + 1)/√(3.234375 + 1)·1 = √(2.6575/4.234375)
    step(s, theta, [1, 1], 1);
    const d3 = Math.sqrt(2.6575 / 4.234375);
    expectVector(theta, [-2.4 - d3, 0.4 - d3]);
  });

  it('lets γ scale the applied step only: u accumulates the unscaled Δ', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(adadelta, 1, hp);
    // γ = 0.5: θ₁ = −0.5·1;  θ₂ = −0.5 − 0.5·1.4 = −1.2
    // (u accumulating γΔ would give u₁ = 0.1875 and Δ₂ = √1.1875/√10.9375·3.5 ≈ 1.153, θ₂ ≈ −1.077)
    step(s, theta, [2], 0.5);
    step(s, theta, [3.5], 0.5);
    expectVector(theta, [-1.2]);
  });

  it('puts eps inside both roots: with torch’s defaults the first step is ≈ √(ε/(1−ρ)) whatever |g|', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(adadelta, 2);
    // Δ₁ = √1e-6·g/√(0.1g² + 1e-6) ≈ √1e-5·sign(g) = 0.00316228…: for g = 1000, 0.00316228; for g = −0.1, −0.00316070
    step(s, theta, [1000, -0.1], 1);
    expectVector(theta, [-Math.sqrt(1e-5), Math.sqrt(1e-5)], 5);
  });

  it('adds weight decay λθ to the gradient (L2)', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(adadelta, 1, { ...hp, weight_decay: 0.5 });
    // g = 1 + 0.5·2 = 2: Δ₁ = 1, θ₁ = 1
    step(s, theta, [1], 1);
    expectVector(theta, [1]);
    // g = 3 + 0.5·1 = 3.5: Δ₂ = 1.4, θ₂ = −0.4
    step(s, theta, [3], 1);
    expectVector(theta, [-0.4]);
  });
});
