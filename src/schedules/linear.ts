import { defineSchedule } from './schedule.ts';

/** α_t = α₀ (1 − t/T): from α₀ at the first step to α₀/T at the last. */
export const linear = defineSchedule({
  name: 'linear',
  description: 'linear decay to zero over the budget',
  reference: 'α_t = α₀·(1 − t/T)',
  params: {},
  create: (_hp, { lr, steps }) => ({ at: (t) => lr * (1 - t / steps) }),
});
