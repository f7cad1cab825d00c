import { describe, expect, it } from 'vitest';
import { createOptimizer, resolveOptimizerParams } from '../../src/optimizers/optimizer.ts';
import { momentum, nesterov, sgd } from '../../src/optimizers/sgd.ts';
import { expectVector, step } from './helpers.ts';

// Reference: torch.optim.SGD algorithm box.
//   g ← g + λθ;  if μ ≠ 0: b ← g on the first step, else b ← μb + (1−τ)g;  g ← g + μb (nesterov) or b;  θ ← θ − γg

describe('sgd, plain', () => {
  it('takes θ ← θ − γ·2θ on f(θ) = θ²', () => {
    const theta = Float64Array.from([1, -2, 0.5]);
    const s = createOptimizer(sgd, 3);
    // g = 2θ = [2, −4, 1];  θ1 = θ − 0.1·g = [1 − 0.2, −2 + 0.4, 0.5 − 0.1] = [0.8, −1.6, 0.4]
    step(s, theta, [2, -4, 1], 0.1);
    expectVector(theta, [0.8, -1.6, 0.4]);
    // g = 2θ1 = [1.6, −3.2, 0.8];  θ2 = θ1 − 0.1·g = [0.64, −1.28, 0.32]
    step(s, theta, [1.6, -3.2, 0.8], 0.1);
    expectVector(theta, [0.64, -1.28, 0.32]);
  });

  it('uses the lr given to each call', () => {
    const theta = Float64Array.from([1, -2]);
    const s = createOptimizer(sgd, 2);
    // γ = 0.1: θ1 = θ − 0.1·2θ = 0.8θ = [0.8, −1.6]
    step(s, theta, [2, -4], 0.1);
    expectVector(theta, [0.8, -1.6]);
    // γ = 0.5: θ2 = θ1 − 0.5·2θ1 = 0, the exact minimiser of θ²
    step(s, theta, [1.6, -3.2], 0.5);
    expectVector(theta, [0, 0]);
  });

  it('adds weight decay λθ to the gradient', () => {
    const theta = Float64Array.from([2, -4]);
    const s = createOptimizer(sgd, 2, { weight_decay: 0.5 });
    // g = [1, 1] + 0.5·[2, −4] = [2, −1];  θ1 = [2 − 0.2, −4 + 0.1] = [1.8, −3.9]
    step(s, theta, [1, 1], 0.1);
    expectVector(theta, [1.8, -3.9]);
    // g = [1, 1] + 0.5·[1.8, −3.9] = [1.9, −0.95];  θ2 = [1.8 − 0.19, −3.9 + 0.095] = [1.61, −3.805]
    step(s, theta, [1, 1], 0.1);
    expectVector(theta, [1.61, -3.805]);
  });
});

describe('sgd, heavy-ball momentum', () => {
  it('starts the buffer at g, then b ← μb + g', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(sgd, 2, { momentum: 0.5 });
    // b1 = g1 = [1, 2];  θ1 = −0.1·[1, 2] = [−0.1, −0.2]
    step(s, theta, [1, 2], 0.1);
    expectVector(theta, [-0.1, -0.2]);
    // b2 = 0.5·[1, 2] + [3, −1] = [3.5, 0];  θ2 = [−0.1 − 0.35, −0.2 − 0] = [−0.45, −0.2]
    step(s, theta, [3, -1], 0.1);
    expectVector(theta, [-0.45, -0.2]);
    // b3 = 0.5·[3.5, 0] + 0 = [1.75, 0];  θ3 = [−0.45 − 0.175, −0.2] = [−0.625, −0.2]: it coasts on a zero gradient
    step(s, theta, [0, 0], 0.1);
    expectVector(theta, [-0.625, -0.2]);
  });

  it('applies lr at update time, not inside the buffer', () => {
    const theta = Float64Array.from([0]);
    const s = createOptimizer(sgd, 1, { momentum: 0.5 });
    // b1 = 1;  θ1 = −0.1·1 = −0.1
    step(s, theta, [1], 0.1);
    // b2 = 0.5·1 + 1 = 1.5;  θ2 = −0.1 − 1·1.5 = −1.6
    // (a buffer that folds lr in, b ← μb + γg, would give −0.1 − (0.05 + 1) = −1.15)
    step(s, theta, [1], 1);
    expectVector(theta, [-1.6]);
  });

  it('dampens with (1−τ) from the second step only', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(sgd, 2, { momentum: 0.5, dampening: 0.5 });
    // first step undampened: b1 = g1 = [1, 2];  θ1 = [−0.1, −0.2]  ((1−τ)g1 would give [−0.05, −0.1])
    step(s, theta, [1, 2], 0.1);
    expectVector(theta, [-0.1, -0.2]);
    // b2 = 0.5·[1, 2] + 0.5·[3, −1] = [2, 0.5];  θ2 = [−0.1 − 0.2, −0.2 − 0.05] = [−0.3, −0.25]
    step(s, theta, [3, -1], 0.1);
    expectVector(theta, [-0.3, -0.25]);
  });

  it('feeds weight decay into the buffer', () => {
    const theta = Float64Array.from([2]);
    const s = createOptimizer(sgd, 1, { momentum: 0.5, weight_decay: 0.5 });
    // g = 1 + 0.5·2 = 2;  b1 = 2;  θ1 = 2 − 0.1·2 = 1.8
    step(s, theta, [1], 0.1);
    expectVector(theta, [1.8]);
    // g = 1 + 0.5·1.8 = 1.9;  b2 = 0.5·2 + 1.9 = 2.9;  θ2 = 1.8 − 0.29 = 1.51
    step(s, theta, [1], 0.1);
    expectVector(theta, [1.51]);
  });
});

describe('sgd, nesterov', () => {
  it('steps along g + μb', () => {
    const theta = Float64Array.from([0, 0]);
    const s = createOptimizer(sgd, 2, { momentum: 0.5, nesterov: true });
    // b1 = g1 = [1, 2];  g + μb = [1 + 0.5, 2 + 1] = [1.5, 3];  θ1 = [−0.15, −0.3]
    step(s, theta, [1, 2], 0.1);
    expectVector(theta, [-0.15, -0.3]);
    // b2 = 0.5·[1, 2] + [3, −1] = [3.5, 0];  g + μb = [3 + 1.75, −1 + 0] = [4.75, −1]
    // θ2 = [−0.15 − 0.475, −0.3 + 0.1] = [−0.625, −0.2]
    step(s, theta, [3, -1], 0.1);
    expectVector(theta, [-0.625, -0.2]);
  });
});

describe('presets', () => {
  it('momentum is sgd with μ = 0.9', () => {
    expect(momentum.name).toBe('momentum');
    expect(resolveOptimizerParams(momentum, {})).toMatchObject({ momentum: 0.9, dampening: 0, nesterov: false });
    const theta = Float64Array.from([0]);
    const s = createOptimizer(momentum, 1);
    // b1 = 1;  θ1 = −0.1
    step(s, theta, [1], 0.1);
    expectVector(theta, [-0.1]);
    // b2 = 0.9·1 + 1 = 1.9;  θ2 = −0.1 − 0.19 = −0.29
    step(s, theta, [1], 0.1);
    expectVector(theta, [-0.29]);
    // b3 = 0.9·1.9 + 1 = 2.71;  θ3 = −0.29 − 0.271 = −0.561
    step(s, theta, [1], 0.1);
    expectVector(theta, [-0.561]);
  });

  it('nesterov is sgd with μ = 0.9 and nesterov = true', () => {
    expect(nesterov.name).toBe('nesterov');
    expect(resolveOptimizerParams(nesterov, {})).toMatchObject({ momentum: 0.9, dampening: 0, nesterov: true });
    const theta = Float64Array.from([0]);
    const s = createOptimizer(nesterov, 1);
    // b1 = 1;  g + μb = 1 + 0.9 = 1.9;  θ1 = −0.19
    step(s, theta, [1], 0.1);
    expectVector(theta, [-0.19]);
    // b2 = 0.9·1 + 1 = 1.9;  g + μb = 1 + 1.71 = 2.71;  θ2 = −0.19 − 0.271 = −0.461
    step(s, theta, [1], 0.1);
    expectVector(theta, [-0.461]);
  });

  it('leave the base sgd defaults alone', () => {
    expect(resolveOptimizerParams(sgd, {})).toMatchObject({ momentum: 0, nesterov: false });
  });
});
