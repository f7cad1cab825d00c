import { describe, expect, it } from 'vitest';
import { constant } from '../../src/schedules/constant.ts';
import { cosine } from '../../src/schedules/cosine.ts';
import { exponential } from '../../src/schedules/exponential.ts';
import { inverseTime } from '../../src/schedules/inverse-time.ts';
import { linear } from '../../src/schedules/linear.ts';
import { polynomial } from '../../src/schedules/polynomial.ts';
import { step } from '../../src/schedules/step.ts';
import { expectAllNear, expectNear, flat, make, rates } from './helpers.ts';

// Open-loop schedules: α_t depends on t alone. Each sequence is run in order t = 0 … T−1 as the trainer calls it,
// and the expected values below are worked out by hand from the documented formula (and torch's, where cited).

describe('constant', () => {
  it('returns α₀ at every step, whatever the loss and parameters', () => {
    const s = make(constant, {}, 0.3, 10);
    const params = new Float64Array([3, 4]);
    for (let t = 0; t < 10; t++) {
      params[0] = t; // the parameters move; the rate must not
      expect(s.at(t, 10 - t, params)).toBe(0.3);
    }
  });
});

describe('linear: α₀(1 − t/T)', () => {
  it('decays from α₀ to α₀/T (lr 0.1, T 10)', () => {
    const r = rates(make(linear, {}, 0.1, 10), flat(10));
    expectNear(r[0], 0.1); // 0.1·(1 − 0)
    expectNear(r[1], 0.09); // 0.1·(1 − 1/10)
    expectNear(r[5], 0.05); // 0.1·(1 − 5/10)
    expectNear(r[9], 0.01); // 0.1·(1 − 9/10): the last step is α₀/T, not 0
  });

  it('scales with the budget: T 4 gives 0.1, 0.075, 0.05, 0.025', () => {
    expectAllNear(rates(make(linear, {}, 0.1, 4), flat(4)), [0.1, 0.075, 0.05, 0.025]);
  });
});

describe('polynomial: α₀(1 − t/T)^power (torch PolynomialLR, total_iters = T)', () => {
  it('power 2 (lr 0.1, T 10)', () => {
    const r = rates(make(polynomial, { power: 2 }, 0.1, 10), flat(10));
    expectNear(r[0], 0.1); // 0.1·1²
    expectNear(r[2], 0.064); // 0.1·0.8² = 0.1·0.64
    expectNear(r[5], 0.025); // 0.1·0.5² = 0.1·0.25
    expectNear(r[9], 0.001); // 0.1·0.1² = 0.1·0.01
  });

  it('power 0.5 (lr 0.1, T 10): t=6 → 0.1·√0.4 ≈ 0.0632455532', () => {
    const r = rates(make(polynomial, { power: 0.5 }, 0.1, 10), flat(10));
    expectNear(r[6], 0.0632455532033676, 1e-10); // √0.4 = 0.632455532…
  });

  it('default power 1 is linear decay: t=5 of T 10 → α₀/2', () => {
    const r = rates(make(polynomial, {}, 0.1, 10), flat(10));
    expectNear(r[5], 0.05);
    expectNear(r[9], 0.01);
  });
});

describe('inverse-time: α₀/(1 + βt)', () => {
  it('decay_rate 0.5 (lr 0.1)', () => {
    const r = rates(make(inverseTime, { decay_rate: 0.5 }, 0.1, 10), flat(10));
    expectNear(r[0], 0.1); // 0.1/1
    expectNear(r[1], 0.1 / 1.5); // 0.1/(1 + 0.5) = 0.0666…
    expectNear(r[2], 0.05); // 0.1/(1 + 1) = α₀/2
    expectNear(r[6], 0.025); // 0.1/(1 + 3) = α₀/4
  });

  it('default decay_rate 0.01 halves the rate at t = 100', () => {
    const r = rates(make(inverseTime, {}, 0.1, 101), flat(101));
    expectNear(r[100], 0.05); // 0.1/(1 + 0.01·100)
  });

  it('decay_rate 0 is constant', () => {
    expect(rates(make(inverseTime, { decay_rate: 0 }, 0.1, 5), flat(5))).toEqual([0.1, 0.1, 0.1, 0.1, 0.1]);
  });
});

describe('exponential: α₀γ^t (torch ExponentialLR)', () => {
  it('gamma 0.5 (lr 0.1): halves every step', () => {
    // 0.1, 0.05, 0.025, 0.0125 = α₀/8, 0.00625
    expectAllNear(rates(make(exponential, { gamma: 0.5 }, 0.1, 5), flat(5)), [0.1, 0.05, 0.025, 0.0125, 0.00625]);
  });

  it('default gamma 0.99: t=1 → 0.099, t=2 → 0.09801', () => {
    const r = rates(make(exponential, {}, 0.1, 3), flat(3));
    expectNear(r[1], 0.099); // 0.1·0.99
    expectNear(r[2], 0.09801); // 0.1·0.9801
  });

  it('gamma 1 is constant', () => {
    expect(rates(make(exponential, { gamma: 1 }, 0.1, 4), flat(4))).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
});

describe('step: α₀γ^⌊t/k⌋ (torch StepLR)', () => {
  it('step_size 3, gamma 0.1 (lr 0.1)', () => {
    // ⌊t/3⌋ = 0,0,0, 1,1,1, 2: three steps at α₀, three at 0.1α₀, then 0.01α₀.
    expectAllNear(rates(make(step, { step_size: 3, gamma: 0.1 }, 0.1, 7), flat(7)), [
      0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001,
    ]);
  });

  it('step_size 1 is exponential decay: gamma 0.5 gives 0.1, 0.05, 0.025', () => {
    expectAllNear(rates(make(step, { step_size: 1, gamma: 0.5 }, 0.1, 3), flat(3)), [0.1, 0.05, 0.025]);
  });

  it('defaults (step_size 100, gamma 0.1): the first decay is at t = 100', () => {
    const r = rates(make(step, {}, 0.1, 201), flat(201));
    expect(r[99]).toBe(0.1);
    expectNear(r[100], 0.01);
    expectNear(r[200], 0.001);
  });
});

describe('cosine: η_min + (α₀ − η_min)(1 + cos(π(t − W)/(T − W)))/2 (torch CosineAnnealingLR, T_max = T − W)', () => {
  // sin²(π/200) = 0.000246719817134…, used for the last step: (1 + cos(99π/100))/2 = (1 − cos(π/100))/2 = sin²(π/200).
  const SIN2 = 0.00024671981713422146;

  it('without warmup (lr 0.1, T 100, η_min 0)', () => {
    const r = rates(make(cosine, {}, 0.1, 100), flat(100));
    expectNear(r[0], 0.1); // cos 0 = 1
    expectNear(r[25], 0.08535533905932737, 1e-10); // 0.1·(1 + √2/2)/2
    expectNear(r[50], 0.05); // cos(π/2) = 0: (α₀ + η_min)/2
    expectNear(r[75], 0.01464466094067262, 1e-10); // 0.1·(1 − √2/2)/2
    expectNear(r[99], 0.1 * SIN2, 1e-9); // ≈ 2.4672e-5: close to, but above, the floor
    expect(r[99]).toBeGreaterThan(0);
  });

  it('with η_min 0.01: halfway is (α₀ + η_min)/2 and the rate never goes below the floor', () => {
    const r = rates(make(cosine, { eta_min: 0.01 }, 0.1, 100), flat(100));
    expectNear(r[0], 0.1);
    expectNear(r[50], 0.055); // (0.1 + 0.01)/2
    expectNear(r[99], 0.01 + 0.09 * SIN2, 1e-10); // 0.0100222047835…
    for (let t = 0; t < 100; t++) {
      expect(r[t]).toBeGreaterThanOrEqual(0.01);
      if (t > 0) expect(r[t]).toBeLessThanOrEqual(r[t - 1]); // non-increasing
    }
  });

  it('with warmup W 10 (lr 0.1, T 110, so the cosine spans 100 steps)', () => {
    const r = rates(make(cosine, { warmup: 10 }, 0.1, 110), flat(110));
    expectNear(r[0], 0.01); // α₀·1/W
    expectNear(r[4], 0.05); // α₀·5/10
    expectNear(r[9], 0.1); // t = W − 1: α₀·10/10, the warmup ends at the full rate
    expectNear(r[10], 0.1); // t = W: cos 0, the cosine starts at the full rate
    expectNear(r[60], 0.05); // t = W + 50: the midpoint of the cosine part
    expectNear(r[109], 0.1 * SIN2, 1e-9); // the last step, as without warmup
  });

  it('with warmup W 4 and η_min 0.02 (lr 0.1, T 24)', () => {
    const r = rates(make(cosine, { warmup: 4, eta_min: 0.02 }, 0.1, 24), flat(24));
    expectAllNear(r.slice(0, 5), [0.025, 0.05, 0.075, 0.1, 0.1]); // α₀(t+1)/4, then cos 0
    expectNear(r[14], 0.06); // t = W + 10 = W + (T − W)/2: (0.1 + 0.02)/2
  });

  it('η_min equal to α₀ is constant', () => {
    const r = rates(make(cosine, { eta_min: 0.1 }, 0.1, 10), flat(10));
    for (const a of r) expectNear(a, 0.1);
  });
});
