import { int, linearRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/**
 * SGDR: cosine annealing with warm restarts (Loshchilov & Hutter 2017), as torch CosineAnnealingWarmRestarts
 * stepped once per update:
 *   α_t = η_min + (α₀ − η_min)·(1 + cos(π·T_cur/T_i))/2
 * where cycle i lasts T_i = T_0·T_mult^i steps and T_cur = t − (start of the current cycle), so α = α₀ at every
 * restart (T_cur = 0) and never quite reaches η_min (T_cur ≤ T_i − 1).
 */
export const cosineRestarts = defineSchedule({
  name: 'cosine-restarts',
  description: 'cosine decay to a floor, restarted at α₀ after T_0, T_0·T_mult, T_0·T_mult², … steps (SGDR)',
  reference: 'α_t = η_min + (α₀−η_min)(1+cos(π·T_cur/T_i))/2; Loshchilov & Hutter 2017 (SGDR); torch CosineAnnealingWarmRestarts',
  params: {
    T_0: int(100, '[1, inf)', 'steps in the first cycle', linearRange(10, 1000)),
    T_mult: int(1, '[1, inf)', 'growth factor of the cycle length after each restart', linearRange(1, 3)),
    eta_min: num(0, '[0, inf)', 'floor η_min (an absolute rate)'),
  },
  check: ({ eta_min }, { lr }) => (eta_min > lr ? `eta_min must not exceed the base rate ${lr}, got ${eta_min}` : undefined),
  create: ({ T_0, T_mult, eta_min }, { lr }) => ({
    at: (t) => {
      // The cycle holding step t: with T_mult = 1 every cycle is T_0 long; otherwise walk the O(log t) cycles.
      let start = 0;
      let length = T_0;
      if (T_mult === 1) {
        start = t - (t % T_0);
      } else {
        while (t >= start + length) {
          start += length;
          length *= T_mult;
        }
      }
      return eta_min + ((lr - eta_min) * (1 + Math.cos((Math.PI * (t - start)) / length))) / 2;
    },
  }),
});
