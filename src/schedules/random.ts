import { defineSchedule } from './schedule.ts';

/**
 * α_t = α₀ / √U_t with U_t ~ U(0, 1] drawn from the trial's seeded generator: a heavy-tailed random rate
 * (its mean is infinite in principle; a divergence then is a result, not a crash). U = 1 − u keeps U > 0.
 */
export const random = defineSchedule({
  name: 'random',
  description: 'the base rate divided by the square root of a seeded uniform draw',
  reference: 'α_t = α₀/√U, U ~ U(0, 1], from the trial seed',
  params: {},
  create: (_hp, { lr, rng }) => ({ at: () => lr / Math.sqrt(1 - rng()) }),
});
