import { int, linearRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/** α_t = α₀ γ^⌊t/k⌋ (torch.optim.lr_scheduler.StepLR, stepped every step). */
export const step = defineSchedule({
  name: 'step',
  description: 'multiply by γ every step_size steps',
  reference: 'α_t = α₀·gamma^⌊t/step_size⌋; torch StepLR',
  params: {
    step_size: int(100, '[1, inf)', 'steps between decays k', linearRange(10, 1000)),
    gamma: num(0.1, '(0, 1]', 'multiplicative decay γ', linearRange(0.1, 0.9)),
  },
  create: ({ step_size, gamma }, { lr }) => ({ at: (t) => lr * gamma ** Math.floor(t / step_size) }),
});
