import { describe, expect, it } from 'vitest';
import { nadam } from '../../src/optimizers/nadam.ts';
import { createOptimizer, resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.NAdam algorithm box (Dozat 2016).
//   g ← g + λθ (or θ ← θ − γλθ if decoupled);  μₜ = β₁(1 − ½·0.96^(tψ))
//   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  v̂ = v/(1−β₂ᵗ)
//   θ ← θ − γ·[(1−μₜ)/(1 − ∏ᵢ₌₁ᵗ μᵢ)·g + μₜ₊₁/(1 − ∏ᵢ₌₁ᵗ⁺¹ μᵢ)·m]/(√v̂ + ε)
// ψ = ln ½ / ln 0.96 makes 0.96^(tψ) = 2^−t, so with β₁ = 0.8: μₜ = 0.8(1 − 2^−(t+1)), i.e.
//   μ₁ = 0.6, μ₂ = 0.7, μ₃ = 0.75, μ₄ = 0.775;  ∏ = 0.6, 0.42, 0.315, 0.244125.
// With β₂ = 0.5: v̂₂ = (g₁²/2 + g₂²)/1.5 and v̂₃ = (g₁²/4 + g₂²/2 + g₃²)/1.75.
const psi = Math.log(0.5) / Math.log(0.96);
const hp = { beta1: 0.8, beta2: 0.5, eps: 0, momentum_decay: psi };

describe('nadam', () => {
  it('has the torch.optim.NAdam defaults', () => {
    expect(resolveOptimizerParams(nadam)).toEqual({
      lr: 2e-3,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weight_decay: 0,
      momentum_decay: 4e-3,
      decoupled_weight_decay: false,
    });
  });

  it('weights g and m by the scheduled μₜ, μₜ₊₁ and the products of the μ’s', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(nadam, 2, hp);
    // t = 1, g₁ = [5, 2]: m₁ = 0.2·g₁ = [1, 0.4];  √v̂₁ = |g₁| = [5, 2]
    //   g coefficient γ(1−μ₁)/(1−μ₁) = 0.1;  m coefficient γμ₂/(1 − μ₁μ₂) = 0.07/0.58 = 7/58
    //   θ₁ = −[0.1·1 + (7/58)·0.2, 0.1·1 + (7/58)·0.2] = −[18/145, 18/145]
    //   (torch before pytorch#92699 multiplied μ₁ in twice: 0.07/(1 − 0.6·0.6·0.7) = 0.07/0.748, θ₁ ≈ −0.1187)
    step(s, theta, [5, 2], 0.1);
    expectVector(theta, [-18 / 145, -18 / 145]);
    // t = 2, g₂ = [1, −2]: m₂ = 0.8·m₁ + 0.2·g₂ = [1, −0.08];  v̂₂ = [(12.5 + 1)/1.5, (2 + 4)/1.5] = [9, 4]
    //   g coefficient 0.1·0.3/0.58 = 3/58;  m coefficient 0.1·0.75/(1 − 0.42·0.75) = 0.075/0.685 = 15/137
    //   θ₂ = θ₁ − [(3/58)·1/3 + (15/137)·1/3, (3/58)·(−2)/2 + (15/137)·(−0.08)/2]
    //      = θ₁ − [1/58 + 5/137, −3/58 − 0.6/137]
    step(s, theta, [1, -2], 0.1);
    expectVector(theta, [-18 / 145 - 1 / 58 - 5 / 137, -18 / 145 + 3 / 58 + 0.6 / 137]);
    // t = 3, g₃ = [0.5, 2]: m₃ = 0.8·m₂ + 0.2·g₃ = [0.9, 0.336];  v̂₃ = [(6.25 + 0.5 + 0.25)/1.75, (1 + 2 + 4)/1.75] = [4, 4]
    //   g coefficient 0.1·0.25/(1 − 0.315) = 5/137;  m coefficient 0.1·0.775/(1 − 0.315·0.775) = 0.0775/0.755875
    //   θ₃ = θ₂ − [(5/137)·0.5/2 + (0.0775/0.755875)·0.9/2, (5/137)·2/2 + (0.0775/0.755875)·0.336/2]
    step(s, theta, [0.5, 2], 0.1);
    const c = 0.0775 / 0.755875;
    expectVector(theta, [
      -18 / 145 - 1 / 58 - 5 / 137 - 1.25 / 137 - 0.45 * c,
      -18 / 145 + 3 / 58 + 0.6 / 137 - 5 / 137 - 0.168 * c,
    ]);
  });

  it('with momentum_decay = 0 has the constant μ = β₁/2, and products that are powers of it', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(nadam, 1, { ...hp, momentum_decay: 0 });
    // μₜ = 0.4 for all t.  t = 1, g = 5: m₁ = 1, √v̂₁ = 5
    //   θ₁ = −[0.1·0.6/0.6·1 + 0.1·0.4/(1 − 0.16)·0.2] = −[0.1 + 0.04/4.2] = −[0.1 + 1/105]
    step(s, theta, [5], 0.1);
    expectVector(theta, [-0.1 - 1 / 105]);
    // t = 2, g = 1: m₂ = 0.8 + 0.2 = 1;  √v̂₂ = 3
    //   θ₂ = θ₁ − [0.1·0.6/(1 − 0.16)·1/3 + 0.1·0.4/(1 − 0.064)·1/3] = θ₁ − [0.02/0.84 + 0.04/2.808]
    step(s, theta, [1], 0.1);
    expectVector(theta, [-0.1 - 1 / 105 - 0.02 / 0.84 - 0.04 / 2.808]);
  });

  it('adds λθ to the gradient by default (L2)', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(nadam, 1, { ...hp, weight_decay: 0.5 });
    // g = −0.5 + 0.5·2 = 0.5 > 0, so as above θ₁ = 2 − 0.1·36/29 = 2 − 3.6/29
    step(s, theta, [-0.5], 0.1);
    expectVector(theta, [2 - 3.6 / 29]);
  });

  it('with decoupled_weight_decay shrinks θ by (1 − γλ) and keeps λθ out of the moments', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(nadam, 1, { ...hp, weight_decay: 0.5, decoupled_weight_decay: true });
    // θ ← 0.95·2 = 1.9, then g = −0.5: θ₁ = 1.9 + 0.1·36/29 = 1.9 + 3.6/29  (L2 above: 2 − 3.6/29)
    step(s, theta, [-0.5], 0.1);
    expectVector(theta, [1.9 + 3.6 / 29]);
    // g = −0.5 again: m₂ = 0.8·(−0.1) + 0.2·(−0.5) = −0.18;  √v̂₂ = 0.5
    // θ₂ = 0.95·θ₁ + (3/58)·0.5/0.5 + (15/137)·0.18/0.5 = 0.95·θ₁ + 3/58 + 5.4/137
    step(s, theta, [-0.5], 0.1);
    expectVector(theta, [0.95 * (1.9 + 3.6 / 29) + 3 / 58 + 5.4 / 137]);
  });
});
