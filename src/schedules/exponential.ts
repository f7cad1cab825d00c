import { linearRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/** α_t = α₀ γ^t (torch.optim.lr_scheduler.ExponentialLR, stepped every step). */
export const exponential = defineSchedule({
  name: 'exponential',
  description: 'exponential decay α₀·γ^t',
  reference: 'α_t = α₀·gamma^t; torch ExponentialLR',
  params: {
    gamma: num(0.99, '(0, 1]', 'multiplicative decay γ per step', linearRange(0.9, 0.9999)),
  },
  create: ({ gamma }, { lr }) => ({ at: (t) => lr * gamma ** t }),
});
