import { linearRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/** α_t = α₀ (1 − t/T)^γ; γ = 1 is linear decay (torch.optim.lr_scheduler.PolynomialLR with total_iters = T). */
export const polynomial = defineSchedule({
  name: 'polynomial',
  description: 'polynomial decay to zero over the budget',
  reference: 'α_t = α₀·(1 − t/T)^power; torch PolynomialLR',
  params: {
    power: num(1, '(0, inf)', 'exponent γ of the decay', linearRange(0.5, 3)),
  },
  create: ({ power }, { lr, steps }) => ({ at: (t) => lr * (1 - t / steps) ** power }),
});
