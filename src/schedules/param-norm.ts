import { defineSchedule } from './schedule.ts';

/**
 * α_t = α₀ / ‖θ_t‖₂: steps of length α₀·‖g‖/‖θ‖, a rate that shrinks as the parameters grow.
 * At θ = 0 the norm is taken as 1, so the rate is α₀ rather than infinite.
 */
export const paramNorm = defineSchedule({
  name: 'param-norm',
  description: 'the base rate divided by the parameter norm',
  reference: 'α_t = α₀/‖θ_t‖₂ (‖θ‖ = 0 → α₀)',
  params: {},
  create: (_hp, { lr }) => ({
    at(_t, _loss, params) {
      let sum = 0;
      for (let i = 0; i < params.length; i++) sum += params[i] * params[i];
      return sum > 0 ? lr / Math.sqrt(sum) : lr;
    },
  }),
});
