import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import type { ParamValues } from '../../src/core/params.ts';
import { oneCycle } from '../../src/schedules/one-cycle.ts';
import { createSchedule } from '../../src/schedules/schedule.ts';
import { context, expectAllNear, expectNear, flat, make, rates } from './helpers.ts';

// torch.optim.lr_scheduler.OneCycleLR(max_lr = α₀, total_steps = T), read at last_epoch = t for t = 0 … T−1.
// With α₀ = 1 and the default factors: α_init = 1/25 = 0.04, α_min = 0.04/1e4 = 4e-6.
// Phase end steps: e₁ = pct_start·T − 1, e₂ = T − 1 (three phases: e₂ = 2·pct_start·T − 2, e₃ = T − 1);
// p = (t − s)/(e − s) in the phase holding t; cos: end + (start − end)(1 + cos πp)/2; linear: start + (end − start)p.

describe('one-cycle (torch OneCycleLR), two phases', () => {
  it('cos, pct_start 0.25, T 20 (e₁ = 4, e₂ = 19)', () => {
    const r = rates(make(oneCycle, { pct_start: 0.25 }, 1, 20), flat(20));
    expectNear(r[0], 0.04); // p = 0: α_init
    expectNear(r[1], 0.1805887450304573, 1e-12); // p = 1/4: 1 − 0.96·(1 + cos(π/4))/2 = 1 − 0.48·1.70710678…
    expectNear(r[2], 0.52); // p = 1/2: 1 − 0.96/2
    expectNear(r[4], 1); // t = e₁ = pct_start·T − 1: the peak is at step 4, not 5 (torch's end_step)
    expectNear(r[9], 0.750001); // phase 2, p = (9 − 4)/15 = 1/3: 4e-6 + 0.999996·(1 + 1/2)/2
    expectNear(r[14], 0.250003); // p = 2/3: 4e-6 + 0.999996·(1 − 1/2)/2
    expectNear(r[19], 4e-6); // t = T − 1: α_min exactly
    for (let t = 1; t <= 4; t++) expect(r[t]).toBeGreaterThan(r[t - 1]); // rising
    for (let t = 5; t < 20; t++) expect(r[t]).toBeLessThan(r[t - 1]); // then falling
  });

  it('linear, pct_start 0.25, T 20: straight lines 0.04 → 1 over t = 0 … 4, then 1 → 4e-6 over t = 4 … 19', () => {
    const r = rates(make(oneCycle, { pct_start: 0.25, anneal_strategy: 'linear' }, 1, 20), flat(20));
    expectAllNear(r.slice(0, 5), [0.04, 0.28, 0.52, 0.76, 1]); // 0.04 + 0.96·t/4
    expectNear(r[9], 0.666668); // 1 + (4e-6 − 1)·5/15 = 1 − 0.333332
    // torch's linear form (end − start)·p + start cancels at p = 1: (4e-6 − 1) + 1 carries an absolute rounding
    // error of ~1e-16, i.e. ~1e-12 relative to 4e-6.
    expectNear(r[19], 4e-6, 1e-9);
  });

  it('defaults at T 100, lr 0.1: starts at α₀/25, peaks at t = 29, ends at α₀/25/1e4 = 4e-7', () => {
    const r = rates(make(oneCycle, {}, 0.1, 100), flat(100));
    expectNear(r[0], 0.004); // 0.1/25
    expectNear(r[29], 0.1); // e₁ = 0.3·100 − 1 = 29
    expectNear(r[30], 0.09994965352845243, 1e-12); // p = 1/70: 4e-7 + (0.1 − 4e-7)(1 + cos(π/70))/2
    expectNear(r[64], 0.0500002); // p = 35/70 = 1/2: (0.1 + 4e-7)/2
    expectNear(r[99], 4e-7);
  });

  it('a fractional boundary is kept as torch keeps it: pct_start 0.25, T 10 gives e₁ = 1.5', () => {
    const r = rates(make(oneCycle, { pct_start: 0.25 }, 1, 10), flat(10));
    expectNear(r[0], 0.04);
    expectNear(r[1], 0.76, 1e-12); // p = 1/1.5 = 2/3: 1 − 0.96·(1 + cos(2π/3))/2 = 1 − 0.96·0.25
    expectNear(r[2], 0.9890738440717014, 1e-12); // phase 2 from s = 1.5: p = 0.5/7.5 = 1/15; the exact peak is skipped
    expectNear(r[9], 4e-6);
    expect(Math.max(...r)).toBeLessThan(1);
  });

  it('pct_start 0: e₁ = −1, so t = 0 is already in the decay, at p = (0 + 1)/(9 + 1) = 1/10 (T 10)', () => {
    const r = rates(make(oneCycle, { pct_start: 0 }, 1, 10), flat(10));
    expectNear(r[0], 0.9755283560345442, 1e-12); // 4e-6 + 0.999996·(1 + cos(π/10))/2
    expectNear(r[9], 4e-6);
  });

  it('pct_start 1, linear: rises the whole way, 0.04 + 0.96·t/9, and ends at α₀ (T 10)', () => {
    const r = rates(make(oneCycle, { pct_start: 1, anneal_strategy: 'linear' }, 1, 10), flat(10));
    expectAllNear(
      r,
      Array.from({ length: 10 }, (_, t) => 0.04 + (0.96 * t) / 9),
    );
    expectNear(r[9], 1);
  });

  it('div_factor 10, final_div_factor 100 (lr 0.5, linear, pct_start 0.5, T 11): 0.05 → 0.5 → 5e-4', () => {
    // e₁ = 4.5: t = 0 … 4 rise by 0.45/4.5 = 0.1 per step; phase 2 from 4.5 to 10 (5.5 steps).
    const r = rates(make(oneCycle, { pct_start: 0.5, anneal_strategy: 'linear', div_factor: 10, final_div_factor: 100 }, 0.5, 11), flat(11));
    expectAllNear(r.slice(0, 5), [0.05, 0.15, 0.25, 0.35, 0.45]);
    expectNear(r[5], 0.5 + ((5e-4 - 0.5) * 0.5) / 5.5); // p = 0.5/5.5
    expectNear(r[10], 5e-4); // 0.5/10/100
  });

  it('T 1: the single step is at the end of the last phase, α_min (e₁ = −0.7, p = 0.7/0.7)', () => {
    expectNear(make(oneCycle, {}, 1, 1).at(0, 1, new Float64Array(1)), 4e-6);
  });
});

describe('one-cycle, three phases (the original paper; torch three_phase=True)', () => {
  it('cos, pct_start 0.25, T 28 (e₁ = 6, e₂ = 12, e₃ = 27)', () => {
    const r = rates(make(oneCycle, { pct_start: 0.25, three_phase: true }, 1, 28), flat(28));
    expectNear(r[0], 0.04);
    expectNear(r[3], 0.52); // p = 3/6: halfway up
    expectNear(r[6], 1); // the peak at e₁
    expectNear(r[9], 0.52); // phase 2, p = 3/6: halfway back down, symmetric about the peak
    expectNear(r[12], 0.04); // e₂: back at α_init
    expectNear(r[17], 0.030001); // phase 3, p = 5/15: 4e-6 + 0.039996·(1 + 1/2)/2
    expectNear(r[27], 4e-6);
  });

  it('linear, pct_start 0.25, T 28', () => {
    const r = rates(make(oneCycle, { pct_start: 0.25, three_phase: true, anneal_strategy: 'linear' }, 1, 28), flat(28));
    expectAllNear(r.slice(6, 13), [1, 0.84, 0.68, 0.52, 0.36, 0.2, 0.04]); // 1 − 0.96·(t − 6)/6
    expectNear(r[17], 0.026668); // 0.04 − 0.039996/3
    expectNear(r[27], 4e-6);
  });
});

describe('one-cycle against a transcription of torch get_lr', () => {
  /** torch OneCycleLR.get_lr for one group, written with its phase table, as a reference for a sweep of (pct_start, T). */
  function torchOneCycle(maxLr: number, total: number, pct: number, cos: boolean, threePhase: boolean, step: number): number {
    const initial = maxLr / 25;
    const min = initial / 1e4;
    const phases = threePhase
      ? [
          { end: pct * total - 1, from: initial, to: maxLr },
          { end: 2 * pct * total - 2, from: maxLr, to: initial },
          { end: total - 1, from: initial, to: min },
        ]
      : [
          { end: pct * total - 1, from: initial, to: maxLr },
          { end: total - 1, from: maxLr, to: min },
        ];
    let start = 0;
    for (let i = 0; i < phases.length; i++) {
      const { end, from, to } = phases[i];
      if (step <= end || i === phases.length - 1) {
        const p = (step - start) / (end - start);
        return cos ? to + ((from - to) / 2) * (Math.cos(Math.PI * p) + 1) : (to - from) * p + from;
      }
      start = end;
    }
    throw new Error('unreachable');
  }

  it.each([
    [0.3, 7],
    [0.3, 100],
    [0.45, 33],
    [0.1, 250],
    [0.05, 10],
  ])('pct_start %f, T %i, both strategies, two and three phases', (pct, total) => {
    for (const strategy of ['cos', 'linear']) {
      for (const three of [false, true]) {
        const r = rates(make(oneCycle, { pct_start: pct, anneal_strategy: strategy, three_phase: three }, 0.1, total), flat(total));
        r.forEach((rate, t) => expect(rate, `t=${t}`).toBe(torchOneCycle(0.1, total, pct, strategy === 'cos', three, t)));
      }
    }
  });
});

describe('one-cycle validation', () => {
  function message(hp: ParamValues, steps = 100): string {
    try {
      createSchedule(oneCycle, context(0.1, steps), hp);
    } catch (error) {
      expect(error).toBeInstanceOf(OptbenchError);
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(hp)}`);
  }

  it.each<[string, number | string | boolean, string]>([
    ['pct_start', 1.5, 'schedule one-cycle: pct_start must be in [0, 1], got 1.5'],
    ['pct_start', -0.1, 'schedule one-cycle: pct_start must be in [0, 1], got -0.1'],
    ['pct_start', NaN, 'got NaN'],
    ['anneal_strategy', 'exp', 'schedule one-cycle: anneal_strategy must be one of cos, linear, got "exp"'],
    ['div_factor', 0, 'schedule one-cycle: div_factor must be in (0, inf), got 0'],
    ['final_div_factor', -1, 'final_div_factor must be in (0, inf), got -1'],
    ['three_phase', 'yes', 'three_phase must be true or false, got "yes"'],
  ])('rejects %s = %s', (name, value, expected) => {
    expect(message({ [name]: value })).toContain(expected);
  });

  it('rejects pct_start·T = 1, where torch divides by zero at t = 0 (pct_start 0.01, T 100; pct_start 0.5, T 2)', () => {
    expect(message({ pct_start: 0.01 })).toBe(
      'schedule one-cycle: pct_start·steps must not be 1 (the warm-up phase would end at step 0; torch divides by zero), got pct_start 0.01 with 100 steps',
    );
    expect(message({ pct_start: 0.5 }, 2)).toContain('pct_start 0.5 with 2 steps');
    // Just either side is fine and finite.
    for (const pct_start of [0.02, 0.005]) {
      const r = rates(make(oneCycle, { pct_start }, 0.1, 100), flat(100));
      for (const rate of r) expect(Number.isFinite(rate) && rate > 0).toBe(true);
    }
  });
});
