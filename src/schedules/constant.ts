import { defineSchedule } from './schedule.ts';

/** α_t = α₀ (torch: no scheduler). */
export const constant = defineSchedule({
  name: 'constant',
  description: 'the base rate at every step',
  reference: 'α_t = α₀',
  params: {},
  create: (_hp, { lr }) => ({ at: () => lr }),
});
