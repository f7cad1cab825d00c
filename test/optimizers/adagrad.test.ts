import { describe, it } from 'vitest';
import { adagrad } from '../../src/optimizers/adagrad.ts';
import { createOptimizer } from '../../src/optimizers/optimizer.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.Adagrad algorithm box.
//   g ← g + λθ;  γ̃ = γ / (1 + (t−1)η);  s ← s + g²;  θ ← θ − γ̃·g / (√s + ε),  s₀ = initial_accumulator_value
// Gradients are chosen so that every √s is an integer.

describe('adagrad', () => {
  it('divides by the root of the running sum of squares', () => {
    const theta = Float64Array.from([1, -2]);
    const s = createOptimizer(adagrad, 2);
    // s1 = [9, 16];  θ1 = [1 − 0.1·3/3, −2 + 0.1·4/4] = [0.9, −1.9]  (ε = 1e-10 shifts this by < 1e-11)
    step(s, theta, [3, -4], 0.1);
    expectVector(theta, [0.9, -1.9], 10);
    // s2 = [9 + 16, 16 + 9] = [25, 25];  θ2 = [0.9 − 0.1·4/5, −1.9 − 0.1·3/5] = [0.82, −1.96]
    step(s, theta, [4, 3], 0.1);
    expectVector(theta, [0.82, -1.96], 10);
  });

  it('decays the rate as γ / (1 + (t−1)η)', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(adagrad, 1, { lr_decay: 1, eps: 0 });
    // t = 1: γ̃ = 0.1/(1 + 0) = 0.1;  s = 9;  θ1 = −0.1·3/3 = −0.1  (γ/(1 + tη) would give −0.05)
    step(s, theta, [3], 0.1);
    expectVector(theta, [-0.1]);
    // t = 2: γ̃ = 0.1/(1 + 1) = 0.05;  s = 9 + 16 = 25;  θ2 = −0.1 − 0.05·4/5 = −0.14
    step(s, theta, [4], 0.1);
    expectVector(theta, [-0.14]);
    // t = 3: γ̃ = 0.1/(1 + 2) = 0.1/3;  s = 25 + 144 = 169;  θ3 = −0.14 − (0.1/3)·12/13 = −0.14 − 0.4/13
    step(s, theta, [12], 0.1);
    expectVector(theta, [-0.14 - 0.4 / 13]);
  });

  it('starts every coordinate of the sum at initial_accumulator_value', () => {
    const theta = Float64Array.from([1, 1]);
    const s = createOptimizer(adagrad, 2, { initial_accumulator_value: 16, eps: 0 });
    // s1 = [16 + 9, 16 + 0] = [25, 16];  θ1 = [1 − 0.1·3/5, 1 − 0] = [0.94, 1]
    step(s, theta, [3, 0], 0.1);
    expectVector(theta, [0.94, 1]);
    // s2 = [25 + 144, 16 + 9] = [169, 25];  θ2 = [0.94 − 0.1·12/13, 1 − 0.1·3/5] = [0.94 − 1.2/13, 0.94]
    step(s, theta, [12, 3], 0.1);
    expectVector(theta, [0.94 - 1.2 / 13, 0.94]);
  });

  it('adds weight decay λθ to the gradient before accumulating it', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(adagrad, 1, { weight_decay: 0.5, eps: 0 });
    // g = 2 + 0.5·2 = 3;  s = 9;  θ1 = 2 − 0.1·3/3 = 1.9
    step(s, theta, [2], 0.1);
    expectVector(theta, [1.9]);
    // g = 3.05 + 0.5·1.9 = 4;  s = 9 + 16 = 25;  θ2 = 1.9 − 0.1·4/5 = 1.82
    step(s, theta, [3.05], 0.1);
    expectVector(theta, [1.82]);
  });

  it('adds eps outside the square root', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(adagrad, 1, { eps: 1 });
    // s = 9;  θ1 = −0.1·3/(3 + 1) = −0.075  (inside the root: −0.1·3/√10 ≈ −0.0949)
    step(s, theta, [3], 0.1);
    expectVector(theta, [-0.075]);
    // s = 25;  θ2 = −0.075 − 0.1·4/(5 + 1) = −0.075 − 0.4/6
    step(s, theta, [4], 0.1);
    expectVector(theta, [-0.075 - 0.4 / 6]);
  });
});
