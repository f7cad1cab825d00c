import { describe, expect, it } from 'vitest';
import { adam } from '../../src/optimizers/adam.ts';
import { createOptimizer } from '../../src/optimizers/optimizer.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.Adam algorithm box (L2 weight decay, not AdamW).
//   g ← g + λθ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ)
//   v̂ = max(v̂ₘₐₓ, v)/(1−β₂ᵗ) with amsgrad (the max is over the raw v), else v/(1−β₂ᵗ)
//   θ ← θ − γ·m̂/(√v̂ + ε)
// After two steps m̂₂ = (β₁g₁ + g₂)/(1+β₁) and v̂₂ = (β₂g₁² + g₂²)/(1+β₂), which the gradients below keep exact.

describe('adam, plain', () => {
  it('moves each coordinate by ≈ lr·sign(g) while the gradient is constant', () => {
    const theta = Float64Array.from([1, -2, 0.5]);
    const s = createOptimizer(adam, 3);
    // g = 2θ = [2, −4, 1] (f = θ²).  m1 = 0.1g;  v1 = 0.001g²;  m̂1 = 0.1g/0.1 = g;  v̂1 = 0.001g²/0.001 = g²
    // θ1 = θ − 0.1·g/(|g| + 1e-8) = θ − 0.1·sign(g) = [0.9, −1.9, 0.4] (to 1e-9)
    step(s, theta, [2, -4, 1], 0.1);
    expectVector(theta, [0.9, -1.9, 0.4], 8);
    // same g again: m2 = 0.9·0.1g + 0.1g = 0.19g, m̂2 = 0.19g/(1 − 0.81) = g
    //               v2 = 0.999·0.001g² + 0.001g² = 0.001999g², v̂2 = 0.001999g²/(1 − 0.998001) = g²
    // θ2 = θ1 − 0.1·sign(g) = [0.8, −1.8, 0.3]
    step(s, theta, [2, -4, 1], 0.1);
    expectVector(theta, [0.8, -1.8, 0.3], 8);
  });

  it('is bias-corrected: without the correction the first step would be ≈ 0.316, not 0.1', () => {
    const theta = Float64Array.from([1]);
    const s = createOptimizer(adam, 1);
    // with correction: θ1 = 1 − 0.1·2/(2 + 1e-8) = 0.9
    // without:         m1 = 0.2, v1 = 0.004, θ1 = 1 − 0.1·0.2/(√0.004 + 1e-8) = 1 − 0.1·√10 ≈ 0.68377
    step(s, theta, [2], 0.1);
    expectVector(theta, [0.9], 8);
    expect(Math.abs(theta[0] - (1 - 0.1 * Math.sqrt(10)))).toBeGreaterThan(0.2);
  });

  it('mixes successive gradients through β₁ and β₂', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(adam, 2, { beta1: 0.5, beta2: 0.5, eps: 0 });
    // g1 = [5, 2]: m̂1 = g1, v̂1 = g1²;  θ1 = [−0.1, −0.1]
    step(s, theta, [5, 2], 0.1);
    expectVector(theta, [-0.1, -0.1]);
    // g2 = [1, −2]:
    //   m2 = 0.5·[2.5, 1] + 0.5·[1, −2] = [1.75, −0.5];  m̂2 = m2/(1 − 0.25) = [7/3, −2/3]
    //   v2 = 0.5·[12.5, 2] + 0.5·[1, 4] = [6.75, 3];     v̂2 = v2/0.75 = [9, 4]
    //   θ2 = [−0.1 − 0.1·(7/3)/3, −0.1 + 0.1·(2/3)/2] = [−0.1 − 0.7/9, −0.1 + 0.1/3]
    // (without bias correction: θ1 = −0.1·2.5/√12.5 ≈ −0.0707, and everything after differs)
    step(s, theta, [1, -2], 0.1);
    expectVector(theta, [-0.1 - 0.7 / 9, -0.1 + 0.1 / 3]);
  });

  it('adds eps after bias-correcting the root of v', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(adam, 1, { eps: 1 });
    // m̂1 = 3, v̂1 = 9;  θ1 = −0.1·3/(3 + 1) = −0.075
    // (the paper's "efficient" form, γ√(1−β₂)/(1−β₁)·m/(√v + ε), gives ≈ −0.0087)
    step(s, theta, [3], 0.1);
    expectVector(theta, [-0.075]);
    // constant g: m̂2 = 3, v̂2 = 9;  θ2 = −0.075 − 0.075 = −0.15
    step(s, theta, [3], 0.1);
    expectVector(theta, [-0.15]);
  });
});

describe('adam, weight decay', () => {
  it('adds λθ to the gradient (L2), not decoupled as in AdamW', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(adam, 1, { beta1: 0.5, beta2: 0.5, eps: 0, weight_decay: 0.5 });
    // g = −0.5 + 0.5·2 = 0.5 > 0;  m̂1 = 0.5, v̂1 = 0.25;  θ1 = 2 − 0.1·0.5/0.5 = 1.9
    // (no decay: 2.1;  AdamW θ(1 − γλ) + 0.1 = 2·0.95 + 0.1 = 2.0)
    step(s, theta, [-0.5], 0.1);
    expectVector(theta, [1.9]);
    // g = −0.85 + 0.5·1.9 = 0.1;  m̂2 = (0.5·0.5 + 0.1)/1.5 = 7/30;  v̂2 = (0.5·0.25 + 0.01)/1.5 = 0.09
    // θ2 = 1.9 − 0.1·(7/30)/0.3 = 1.9 − 0.7/9
    step(s, theta, [-0.85], 0.1);
    expectVector(theta, [1.9 - 0.7 / 9]);
  });
});

describe('adam, amsgrad', () => {
  // β₁ = 0.5, β₂ = 0.44 (1 + β₂ = 1.2²), ε = 0. Coordinate 0 has a falling v, coordinate 1 a rising one.
  //   v1 = 0.56·[25, 1] = [14, 0.56]
  //   v2 = 0.44·[14, 0.56] + 0.56·[1.96, 1] = [7.2576, 0.8064]: coordinate 0 fell, coordinate 1 rose
  //   1 − β₂² = 0.8064;  m̂2 = (0.5·g1 + g2)/1.5 = [(2.5 + 1.4)/1.5, 1] = [2.6, 1]
  const g1 = [5, 1];
  const g2 = [1.4, 1];

  it('divides by the running maximum of v once v falls', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(adam, 2, { beta1: 0.5, beta2: 0.44, eps: 0, amsgrad: true });
    // step 1: max(0, v1) = v1, so as plain Adam: θ1 = −0.1·sign(g1) = [−0.1, −0.1]
    step(s, theta, g1, 0.1);
    expectVector(theta, [-0.1, -0.1]);
    // step 2: vmax = [max(14, 7.2576), max(0.56, 0.8064)] = [14, 0.8064];  v̂2 = vmax/0.8064 = [25/1.44, 1], √ = [25/6, 1]
    // θ2 = [−0.1 − 0.1·2.6·6/25, −0.1 − 0.1] = [−0.1624, −0.2]
    // (a max over the corrected v̂, max(25, 9) = 25, would give −0.1 − 0.1·2.6/5 = −0.152)
    step(s, theta, g2, 0.1);
    expectVector(theta, [-0.1624, -0.2]);
    // step 3, g3 = [5, 1]: v keeps the raw average, so v3 = 0.44·7.2576 + 0.56·25 = 3.193344 + 14 = 17.193344 > 14
    //   vmax = 17.193344;  1 − β₂³ = 0.914816;  m3 = 0.5·1.95 + 0.5·5 = 3.475, m̂3 = 3.475/0.875
    //   θ3[0] = −0.1624 − 0.1·(3.475/0.875)/√(17.193344/0.914816)
    //   (storing the max back into v would give v3 = 0.44·14 + 14 = 20.16 instead)
    //   coordinate 1 has a constant gradient: m̂ = 1, v̂ = 1, θ3[1] = −0.3
    step(s, theta, [5, 1], 0.1);
    expectVector(theta, [-0.1624 - (0.1 * (3.475 / 0.875)) / Math.sqrt(17.193344 / 0.914816), -0.3]);
  });

  it('differs from plain Adam on the same gradients', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(adam, 2, { beta1: 0.5, beta2: 0.44, eps: 0 });
    step(s, theta, g1, 0.1);
    // plain: v̂2 = 7.2576/0.8064 = 9, √ = 3;  θ2 = [−0.1 − 0.1·2.6/3, −0.2] = [−0.1 − 0.26/3, −0.2]
    step(s, theta, g2, 0.1);
    expectVector(theta, [-0.1 - 0.26 / 3, -0.2]);
  });
});
