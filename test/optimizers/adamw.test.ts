import { describe, expect, it } from 'vitest';
import { adam } from '../../src/optimizers/adam.ts';
import { adamw } from '../../src/optimizers/adam.ts';
import { createOptimizer, resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.AdamW algorithm box (Loshchilov & Hutter 2019, decoupled weight decay).
//   θ ← θ − γλθ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ)
//   v̂ = max(v̂ₘₐₓ, v)/(1−β₂ᵗ) with amsgrad (the max over the raw v, as torch's code does), else v/(1−β₂ᵗ)
//   θ ← θ − γ·m̂/(√v̂ + ε)
// With β₁ = β₂ = 0.5 and ε = 0: m̂₁/√v̂₁ = sign(g₁); m̂₂ = (g₁/2 + g₂)/1.5, v̂₂ = (g₁²/2 + g₂²)/1.5.

describe('adamw', () => {
  it('has the torch.optim.AdamW defaults', () => {
    expect(resolveOptimizerParams(adamw)).toEqual({
      lr: 1e-3,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weight_decay: 0.01,
      amsgrad: false,
      decoupled_weight_decay: true,
    });
  });

  it('shrinks θ by (1 − γλ) and takes the Adam step from the raw gradient', () => {
    const theta = Float64Array.from([1, -2]);
    const s = createOptimizer(adamw, 2, { beta1: 0.5, beta2: 0.5, eps: 0, weight_decay: 0.5 });
    // 1 − γλ = 1 − 0.1·0.5 = 0.95.  g₁ = [5, 2]: m̂/√v̂ = [1, 1]
    // θ₁ = 0.95·[1, −2] − 0.1·[1, 1] = [0.85, −2.0]
    step(s, theta, [5, 2], 0.1);
    expectVector(theta, [0.85, -2.0]);
    // g₂ = [1, −2]: m̂₂ = [(2.5 + 1)/1.5, (1 − 2)/1.5] = [7/3, −2/3];  v̂₂ = [(12.5 + 1)/1.5, (2 + 4)/1.5] = [9, 4]
    // θ₂ = 0.95·[0.85, −2.0] − 0.1·[(7/3)/3, (−2/3)/2] = [0.8075 − 0.7/9, −1.9 + 0.1/3]
    step(s, theta, [1, -2], 0.1);
    expectVector(theta, [0.8075 - 0.7 / 9, -1.9 + 0.1 / 3]);
  });

  it('differs from Adam with L2 weight decay (λθ added to the gradient) on the same gradients', () => {
    const theta = Float64Array.from([1, -2]);
    const coupled = createOptimizer(adam, 2, { beta1: 0.5, beta2: 0.5, eps: 0, weight_decay: 0.5 });
    // L2: g₁ + λθ₀ = [5.5, 1], still positive, so θ₁ = [1, −2] − 0.1·[1, 1] = [0.9, −2.1], not AdamW's [0.85, −2.0]
    step(coupled, theta, [5, 2], 0.1);
    expectVector(theta, [0.9, -2.1]);
  });

  it('scales the decay by the rate passed to this step (a schedule decays it too)', () => {
    const theta = Float64Array.from([1]);
    const s = createOptimizer(adamw, 1, { eps: 0, weight_decay: 0.5 });
    // constant g = 3: m̂ = 3 and v̂ = 9 at every t, so the Adam step is γ·1
    // γ = 0.2: θ₁ = (1 − 0.1)·1 − 0.2 = 0.7
    step(s, theta, [3], 0.2);
    expectVector(theta, [0.7]);
    // γ = 0.05: θ₂ = (1 − 0.025)·0.7 − 0.05 = 0.6825 − 0.05 = 0.6325
    step(s, theta, [3], 0.05);
    expectVector(theta, [0.6325]);
  });

  it('applies torch’s default λ = 0.01: one step from θ = 1 at γ = 0.1 lands at 0.899, not Adam’s 0.9', () => {
    const theta = Float64Array.from([1]);
    const s = createOptimizer(adamw, 1);
    // θ₁ = (1 − 0.1·0.01)·1 − 0.1·2/(2 + 1e-8) = 0.999 − 0.1 (to 1e-9)
    step(s, theta, [2], 0.1);
    expectVector(theta, [0.899], 8);
  });

  it('is bitwise Adam when weight_decay = 0', () => {
    const a = Float64Array.from([1, -2, 0.5]);
    const b = Float64Array.from(a);
    const sa = createOptimizer(adamw, 3, { weight_decay: 0 });
    const sb = createOptimizer(adam, 3);
    for (const g of [[2, -4, 1], [0.3, 5, -1], [-7, 0.01, 2]]) {
      step(sa, a, g, 0.1);
      step(sb, b, g, 0.1);
    }
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe('adamw, amsgrad', () => {
  // As in adam.test.ts: β₁ = 0.5, β₂ = 0.44, ε = 0;  v₁ = 0.56·[25, 1] = [14, 0.56];
  // v₂ = 0.44·v₁ + 0.56·[1.96, 1] = [7.2576, 0.8064] (coordinate 0 fell, 1 rose);  1 − β₂² = 0.8064;  m̂₂ = [2.6, 1]
  const g1 = [5, 1];
  const g2 = [1.4, 1];

  it('divides by the running maximum of the raw v, after the decoupled decay', () => {
    const theta = Float64Array.from([1, 1]);
    const s = createOptimizer(adamw, 2, { beta1: 0.5, beta2: 0.44, eps: 0, weight_decay: 0.5, amsgrad: true });
    // θ₁ = 0.95·[1, 1] − 0.1·[1, 1] = [0.85, 0.85]
    step(s, theta, g1, 0.1);
    expectVector(theta, [0.85, 0.85]);
    // vmax = [14, 0.8064];  √(vmax/0.8064) = [25/6, 1];  θ₂ = 0.95·0.85 − 0.1·[2.6·6/25, 1] = [0.8075 − 0.0624, 0.7075]
    // (plain AdamW: √v̂₂ = [3, 1], θ₂[0] = 0.8075 − 0.26/3;  a max over the corrected v̂ would give 0.8075 − 0.052)
    step(s, theta, g2, 0.1);
    expectVector(theta, [0.7451, 0.7075]);
  });

  it('without amsgrad divides by the current v', () => {
    const theta = Float64Array.from([1, 1]);
    const s = createOptimizer(adamw, 2, { beta1: 0.5, beta2: 0.44, eps: 0, weight_decay: 0.5 });
    step(s, theta, g1, 0.1);
    step(s, theta, g2, 0.1);
    expectVector(theta, [0.8075 - 0.26 / 3, 0.7075]);
  });
});
