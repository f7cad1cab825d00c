import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../src/optimizers/optimizer.ts';
import { rmsprop } from '../../src/optimizers/rmsprop.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.RMSprop algorithm box. No bias correction.
//   g ← g + λθ;  v ← αv + (1−α)g²;  ṽ = v;  centered: ḡ ← αḡ + (1−α)g, ṽ = v − ḡ²
//   μ > 0: b ← μb + g/(√ṽ + ε), θ ← θ − γb  (b₀ = 0);  else θ ← θ − γ·g/(√ṽ + ε)
// α = 0.75 (1−α = 1/4) or α = 0.5 (centered: α(1−α) = 1/4) keep the roots exact.

describe('rmsprop, plain', () => {
  it('divides by the root of the moving average of squares', () => {
    const theta = Float64Array.from([1, -1]);
    const s = createOptimizer(rmsprop, 2, { alpha: 0.75, eps: 0 });
    // v1 = 0.25·[36, 4] = [9, 1];  θ1 = [1 − 0.1·6/3, −1 + 0.1·2/1] = [0.8, −0.8]
    step(s, theta, [6, -2], 0.1);
    expectVector(theta, [0.8, -0.8]);
    // v2 = 0.75·[9, 1] + 0.25·[169, 1] = [6.75 + 42.25, 0.75 + 0.25] = [49, 1]
    // θ2 = [0.8 − 0.1·13/7, −0.8 + 0.1·1/1] = [0.8 − 1.3/7, −0.7]
    step(s, theta, [13, -1], 0.1);
    expectVector(theta, [0.8 - 1.3 / 7, -0.7]);
  });

  it('does not bias-correct: with the defaults the first step is 10·lr, not lr', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(rmsprop, 2);
    // α = 0.99: v1 = 0.01·g², √v1 = 0.1·|g|;  θ1 = −0.01·g/(0.1|g| + 1e-8) ≈ −0.1·sign(g) (to 1e-8)
    // A bias-corrected v̂1 = v1/(1 − α) = g² would give −0.01·sign(g) instead.
    step(s, theta, [3, -0.5], 0.01);
    expectVector(theta, [-0.1, 0.1], 7);
    expect(Math.abs(theta[0] + 0.01)).toBeGreaterThan(0.05);
  });

  it('adds weight decay λθ to the gradient', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(rmsprop, 1, { alpha: 0.75, eps: 0, weight_decay: 0.5 });
    // g = 5 + 0.5·2 = 6;  v1 = 0.25·36 = 9;  θ1 = 2 − 0.1·6/3 = 1.8
    step(s, theta, [5], 0.1);
    expectVector(theta, [1.8]);
    // g = 12.1 + 0.5·1.8 = 13;  v2 = 0.75·9 + 0.25·169 = 49;  θ2 = 1.8 − 0.1·13/7 = 1.8 − 1.3/7
    step(s, theta, [12.1], 0.1);
    expectVector(theta, [1.8 - 1.3 / 7]);
  });

  it('adds eps outside the square root', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(rmsprop, 1, { alpha: 0.75, eps: 1 });
    // v1 = 9;  θ1 = −0.1·6/(3 + 1) = −0.15  (inside the root: −0.1·6/√10 ≈ −0.19)
    step(s, theta, [6], 0.1);
    expectVector(theta, [-0.15]);
  });
});

describe('rmsprop, centered', () => {
  it('divides by the root of the variance v − ḡ²', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(rmsprop, 2, { alpha: 0.5, eps: 0, centered: true });
    // v1 = 0.5·[4, 4] = [2, 2];  ḡ1 = 0.5·[2, −2] = [1, −1];  ṽ1 = 2 − 1 = [1, 1]
    // θ1 = −0.1·[2, −2]/1 = [−0.2, 0.2]  (uncentered: −0.1·2/√2 ≈ −0.141)
    step(s, theta, [2, -2], 0.1);
    expectVector(theta, [-0.2, 0.2]);
    // v2 = 0.5·2 + 0.5·[2.25, 0.25] = [2.125, 1.125];  ḡ2 = 0.5·[1, −1] + 0.5·[1.5, −0.5] = [1.25, −0.75]
    // ṽ2 = [2.125 − 1.5625, 1.125 − 0.5625] = [0.5625, 0.5625], √ = 0.75
    // θ2 = [−0.2 − 0.1·1.5/0.75, 0.2 + 0.1·0.5/0.75] = [−0.4, 0.2 + 1/15]
    step(s, theta, [1.5, -0.5], 0.1);
    expectVector(theta, [-0.4, 0.2 + 1 / 15]);
  });

  it('combines with momentum', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(rmsprop, 1, { alpha: 0.5, eps: 0, centered: true, momentum: 0.5 });
    // ṽ1 = 2 − 1 = 1;  b1 = 0 + 2/1 = 2;  θ1 = −0.2
    step(s, theta, [2], 0.1);
    expectVector(theta, [-0.2]);
    // ṽ2 = 2.125 − 1.25² = 0.5625;  b2 = 0.5·2 + 1.5/0.75 = 3;  θ2 = −0.2 − 0.3 = −0.5
    step(s, theta, [1.5], 0.1);
    expectVector(theta, [-0.5]);
    // g = 0: b3 = 0.5·3 + 0 = 1.5;  θ3 = −0.5 − 0.15 = −0.65
    step(s, theta, [0], 0.1);
    expectVector(theta, [-0.65]);
  });
});

describe('rmsprop, momentum', () => {
  it('accumulates the scaled gradient in a buffer starting at 0', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(rmsprop, 1, { alpha: 0.75, eps: 0, momentum: 0.5 });
    // v1 = 9;  b1 = 0.5·0 + 6/3 = 2;  θ1 = −0.1·2 = −0.2
    step(s, theta, [6], 0.1);
    expectVector(theta, [-0.2]);
    // v2 = 49;  b2 = 0.5·2 + 13/7 = 20/7;  θ2 = −0.2 − 2/7
    step(s, theta, [13], 0.1);
    expectVector(theta, [-0.2 - 2 / 7]);
    // g = 0: b3 = 0.5·20/7 = 10/7;  θ3 = −0.2 − 2/7 − 1/7 = −0.2 − 3/7
    step(s, theta, [0], 0.1);
    expectVector(theta, [-0.2 - 3 / 7]);
  });
});
