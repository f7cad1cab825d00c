import { logRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/** α_t = α₀ / (1 + βt), the Robbins–Monro-style 1/t decay (Keras InverseTimeDecay with decay_steps = 1). */
export const inverseTime = defineSchedule({
  name: 'inverse-time',
  description: 'inverse-time decay α₀/(1 + βt)',
  reference: 'α_t = α₀/(1 + decay_rate·t); Robbins & Monro 1951',
  params: {
    decay_rate: num(0.01, '[0, inf)', 'decay β per step', logRange(1e-4, 1)),
  },
  create: ({ decay_rate }, { lr }) => ({ at: (t) => lr / (1 + decay_rate * t) }),
});
