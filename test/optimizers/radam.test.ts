import { describe, expect, it } from 'vitest';
import { createOptimizer, resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { radam } from '../../src/optimizers/radam.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.RAdam algorithm box (Liu et al. 2020).
//   g ← g + λθ (or θ ← θ − γλθ if decoupled);  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ)
//   ρ∞ = 2/(1−β₂) − 1;  ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ)
//   ρₜ > 5: rₜ = √((ρₜ−4)(ρₜ−2)ρ∞/((ρ∞−4)(ρ∞−2)ρₜ)),  θ ← θ − γ·rₜ·m̂·√(1−β₂ᵗ)/(√v + ε)
//   else:   θ ← θ − γ·m̂
// ρ₁ = 1 and ρₜ < t (t > 1) for every β₂, so steps 1–5 are always un-rectified; no β₂ rectifies sooner than t = 6.
// With β₂ = 0.999: ρ∞ = 1999;  ρ₅ = 1999 − 10·0.999⁵/(1 − 0.999⁵) ≈ 4.99600 (> 4, the paper's threshold, but ≤ 5);
// ρ₆ = 1999 − 12·0.999⁶/(1 − 0.999⁶) ≈ 5.99416 > 5, r₆ ≈ 0.0258211.
// With a constant gradient g, m̂ = g and v = (1−β₂ᵗ)g², so a rectified step with ε = 0 is γ·rₜ·sign(g).
const rho6 = 1999 - (12 * 0.999 ** 6) / (1 - 0.999 ** 6);
const r6 = Math.sqrt(((rho6 - 4) * (rho6 - 2) * 1999) / (1995 * 1997 * rho6));

describe('radam', () => {
  it('has the torch.optim.RAdam defaults', () => {
    expect(resolveOptimizerParams(radam)).toEqual({
      lr: 1e-3,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weight_decay: 0,
      decoupled_weight_decay: false,
    });
  });

  it('the closed forms above: ρ₆ ≈ 5.99416, r₆ ≈ 0.0258211', () => {
    expect(rho6).toBeCloseTo(5.99416375, 7);
    expect(r6).toBeCloseTo(0.0258211128, 9);
  });

  it('takes un-adapted momentum steps γ·m̂ while ρₜ ≤ 5 (no division by √v)', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(radam, 2, { beta1: 0.5 });
    // g₁ = [4, −100]: m̂₁ = g₁;  θ₁ = −0.1·g₁ = [−0.4, 10]  (Adam would move each coordinate by ≈ 0.1)
    step(s, theta, [4, -100], 0.1);
    expectVector(theta, [-0.4, 10]);
    // g₂ = [1, 50]: m̂₂ = (0.5·g₁ + g₂)/1.5 = [(2 + 1)/1.5, (−50 + 50)/1.5] = [2, 0];  θ₂ = [−0.6, 10]
    step(s, theta, [1, 50], 0.1);
    expectVector(theta, [-0.6, 10]);
    // g₃ = [−2, 3]: m₃ = 0.5·[1.5, 0] + 0.5·[−2, 3] = [−0.25, 1.5];  m̂₃ = m₃/0.875 = [−2/7, 12/7]
    // θ₃ = [−0.6 + 0.2/7, 10 − 1.2/7]
    step(s, theta, [-2, 3], 0.1);
    expectVector(theta, [-0.6 + 0.2 / 7, 10 - 1.2 / 7]);
  });

  it('switches to the rectified step at t = 6 (ρ₆ > 5), not at t = 5 (ρ₅ > 4 only)', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(radam, 2, { eps: 0 });
    const g = [2, -0.5];
    // t = 1..5, un-rectified: each step is −0.1·g, so θ₅ = −0.5·g = [−1, 0.25]
    // (the paper's ρₜ > 4 would rectify t = 5: θ₅ = −0.4·g − 0.1·r₅·sign(g) with r₅ ≈ 0.0173)
    for (let t = 1; t <= 5; t++) step(s, theta, g, 0.1);
    expectVector(theta, [-1, 0.25]);
    // t = 6, rectified: θ₆ = θ₅ − 0.1·r₆·sign(g)
    step(s, theta, g, 0.1);
    expectVector(theta, [-1 - 0.1 * r6, 0.25 + 0.1 * r6]);
  });

  it('adds eps to the uncorrected √v, not to √v̂ as Adam does', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(radam, 1, { eps: 1 });
    for (let t = 1; t <= 5; t++) step(s, theta, [2], 0.1);
    expectVector(theta, [-1]);
    // t = 6: with c = √(1 − 0.999⁶) ≈ 0.0773629, √v = 2c, so the step is 0.1·r₆·2·c/(2c + 1) ≈ 0.000344;
    // ε on √v̂ (= 2) would give 0.1·r₆·2/3 ≈ 0.00172
    step(s, theta, [2], 0.1);
    const c = Math.sqrt(1 - 0.999 ** 6);
    expectVector(theta, [-1 - (0.1 * r6 * 2 * c) / (2 * c + 1)]);
  });

  it('never rectifies when ρ∞ ≤ 5 (β₂ = 0.5: ρ∞ = 3): momentum SGD throughout', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(radam, 1, { beta2: 0.5, eps: 0 });
    // constant g = 3: m̂ = 3 at every step;  θ₁₀ = −10·0.1·3 = −3
    for (let t = 1; t <= 10; t++) step(s, theta, [3], 0.1);
    expectVector(theta, [-3]);
  });

  it('adds λθ to the gradient by default, so the decay enters the momentum', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(radam, 1, { beta1: 0.5, weight_decay: 0.5 });
    // g = 3 + 0.5·2 = 4: θ₁ = 2 − 0.4 = 1.6
    step(s, theta, [3], 0.1);
    expectVector(theta, [1.6]);
    // g = 1 + 0.5·1.6 = 1.8: m̂₂ = (0.5·4 + 1.8)/1.5 = 38/15;  θ₂ = 1.6 − 3.8/15
    step(s, theta, [1], 0.1);
    expectVector(theta, [1.6 - 3.8 / 15]);
  });

  it('with decoupled_weight_decay shrinks θ by (1 − γλ) and keeps λθ out of the momentum', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(radam, 1, { beta1: 0.5, weight_decay: 0.5, decoupled_weight_decay: true });
    // θ ← 0.95·2 = 1.9;  m̂₁ = 3;  θ₁ = 1.9 − 0.3 = 1.6 (an un-rectified first step is linear, so it equals L2's)
    step(s, theta, [3], 0.1);
    expectVector(theta, [1.6]);
    // θ ← 0.95·1.6 = 1.52;  m̂₂ = (0.5·3 + 1)/1.5 = 5/3;  θ₂ = 1.52 − 1/6  (L2: 1.6 − 3.8/15)
    step(s, theta, [1], 0.1);
    expectVector(theta, [1.52 - 1 / 6]);
  });
});
