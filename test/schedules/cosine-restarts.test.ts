import { describe, expect, it } from 'vitest';
import { OptbenchError } from '../../src/core/errors.ts';
import type { ParamValues } from '../../src/core/params.ts';
import { cosineRestarts } from '../../src/schedules/cosine-restarts.ts';
import { createSchedule } from '../../src/schedules/schedule.ts';
import { context, expectAllNear, expectNear, flat, make, rates } from './helpers.ts';

// SGDR: α_t = η_min + (α₀ − η_min)(1 + cos(π·T_cur/T_i))/2, cycles of T_0, T_0·T_mult, T_0·T_mult², … steps.
// Handy values: (1 + cos(π/4))/2 = 0.8535533905932737, (1 − cos(π/4))/2 = 0.14644660940672624,
// (1 + cos(π/3))/2 = 0.75, (1 + cos(2π/3))/2 = 0.25.
const C1 = 0.8535533905932737;
const C3 = 0.14644660940672624;

describe('cosine-restarts (SGDR, torch CosineAnnealingWarmRestarts)', () => {
  it('T_0 4, T_mult 1 (lr 1): the same 4-step cosine over and over', () => {
    const r = rates(make(cosineRestarts, { T_0: 4 }, 1, 12), flat(12));
    // T_cur = t mod 4: 0, 1, 2, 3 → 1, (1 + cos(π/4))/2, 1/2, (1 − cos(π/4))/2.
    expectAllNear(r, [1, C1, 0.5, C3, 1, C1, 0.5, C3, 1, C1, 0.5, C3]);
  });

  it('T_0 4, eta_min 0.2 (lr 1): 0.2 + 0.8·(1 + cos(πT_cur/4))/2', () => {
    const r = rates(make(cosineRestarts, { T_0: 4, eta_min: 0.2 }, 1, 8), flat(8));
    expectAllNear(r, [1, 0.2 + 0.8 * C1, 0.6, 0.2 + 0.8 * C3, 1, 0.2 + 0.8 * C1, 0.6, 0.2 + 0.8 * C3]);
  });

  it('T_0 2, T_mult 2 (lr 1): cycles [0, 2), [2, 6), [6, 14), [14, 30)', () => {
    const r = rates(make(cosineRestarts, { T_0: 2, T_mult: 2 }, 1, 30), flat(30));
    expectAllNear(r.slice(0, 6), [1, 0.5, 1, C1, 0.5, C3]); // T_i = 2: T_cur 0, 1; T_i = 4: T_cur 0 … 3
    expectNear(r[6], 1); // restart
    expectNear(r[10], 0.5); // T_cur 4 of T_i 8
    expectNear(r[13], (1 + Math.cos((7 * Math.PI) / 8)) / 2); // T_cur 7 of 8: the last step of the cycle
    expectNear(r[14], 1); // restart
    expectNear(r[22], 0.5); // T_cur 8 of T_i 16
    expectNear(r[29], (1 + Math.cos((15 * Math.PI) / 16)) / 2);
  });

  it('T_0 1, T_mult 3 (lr 1): cycles [0, 1), [1, 4), [4, 13), [13, 40)', () => {
    const r = rates(make(cosineRestarts, { T_0: 1, T_mult: 3 }, 1, 14), flat(14));
    expectAllNear(r.slice(0, 5), [1, 1, 0.75, 0.25, 1]); // a 1-step cycle is just α₀; then T_i = 3
    expectNear(r[12], 0.03015368960704584, 1e-12); // T_cur 8 of T_i 9: (1 + cos(8π/9))/2
    expectNear(r[13], 1);
  });

  it('defaults (T_0 100, T_mult 1, eta_min 0) at lr 0.1 over 250 steps: restarts at 100 and 200', () => {
    const r = rates(make(cosineRestarts, {}, 0.1, 250), flat(250));
    expectNear(r[0], 0.1);
    expectNear(r[50], 0.05); // cos(π/2) = 0
    expectNear(r[99], 0.1 * 0.00024671981713422146, 1e-9); // (1 − cos(π/100))/2 = sin²(π/200): above 0
    expectNear(r[100], 0.1);
    expectNear(r[150], 0.05);
    expectNear(r[200], 0.1);
    for (const rate of r) expect(rate).toBeGreaterThan(0);
  });

  it('T_0 ≥ T is plain cosine annealing over T_0 steps (T_0 10, T 10: the cosine schedule at T_max = 10)', () => {
    const r = rates(make(cosineRestarts, { T_0: 10 }, 0.1, 10), flat(10));
    expectNear(r[5], 0.05);
    expectNear(r[9], 0.1 * (1 - Math.cos(Math.PI / 10)) / 2);
  });

  it('matches torch step() stepped once per update (T_cur += 1; at T_cur ≥ T_i: T_cur −= T_i, T_i ·= T_mult)', () => {
    for (const [T_0, T_mult, eta_min] of [
      [3, 1, 0],
      [5, 2, 0.01],
      [1, 2, 0],
      [7, 3, 0.05],
      [10, 1, 0.02],
    ]) {
      const r = rates(make(cosineRestarts, { T_0, T_mult, eta_min }, 0.1, 300), flat(300));
      // torch: the constructor's initial step sets T_cur = 0 (last_epoch = 0); each later step increments.
      let tCur = 0;
      let tI = T_0;
      for (let t = 0; t < 300; t++) {
        if (t > 0) {
          tCur += 1;
          if (tCur >= tI) {
            tCur = tCur % tI;
            tI *= T_mult;
          }
        }
        const expected = eta_min + ((0.1 - eta_min) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
        expect(r[t], `T_0 ${T_0}, T_mult ${T_mult}, t ${t}`).toBe(expected);
      }
    }
  });

  it('depends only on t: calling out of order gives the same rates', () => {
    const s = make(cosineRestarts, { T_0: 3, T_mult: 2 }, 1, 50);
    const forward = rates(s, flat(50));
    const p = new Float64Array(1);
    for (let t = 49; t >= 0; t--) expect(s.at(t, 1, p)).toBe(forward[t]);
  });
});

describe('cosine-restarts validation', () => {
  function message(hp: ParamValues): string {
    try {
      createSchedule(cosineRestarts, context(0.1, 100), hp);
    } catch (error) {
      expect(error).toBeInstanceOf(OptbenchError);
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(hp)}`);
  }

  it.each<[string, number | string, string]>([
    ['T_0', 0, 'schedule cosine-restarts: T_0 must be in [1, inf), got 0'],
    ['T_0', -5, 'T_0 must be in [1, inf), got -5'],
    ['T_0', 2.5, 'T_0 must be an integer in [1, inf), got 2.5'],
    ['T_mult', 0, 'schedule cosine-restarts: T_mult must be in [1, inf), got 0'],
    ['T_mult', 1.5, 'T_mult must be an integer in [1, inf), got 1.5'],
    ['eta_min', -0.01, 'eta_min must be in [0, inf), got -0.01'],
    ['eta_min', NaN, 'eta_min must be a finite number in [0, inf), got NaN'],
    ['T_0', '10', 'got "10"'],
  ])('rejects %s = %s', (name, value, expected) => {
    expect(message({ [name]: value })).toContain(expected);
  });

  it('rejects eta_min above the base rate', () => {
    expect(message({ eta_min: 0.2 })).toBe('schedule cosine-restarts: eta_min must not exceed the base rate 0.1, got 0.2');
    expect(() => createSchedule(cosineRestarts, context(0.1, 100), { eta_min: 0.1 })).not.toThrow();
  });
});
