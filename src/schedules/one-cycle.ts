import { bool, choice, linearRange, logRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/** torch OneCycleLR._annealing_cos / _annealing_linear: from `start` (p = 0) to `end` (p = 1). */
function anneal(cos: boolean, start: number, end: number, p: number): number {
  return cos ? end + ((start - end) / 2) * (Math.cos(Math.PI * p) + 1) : (end - start) * p + start;
}

/**
 * The 1cycle policy (Smith & Topin 2017, "Super-Convergence"), as torch.optim.lr_scheduler.OneCycleLR with
 * total_steps = T, max_lr = α₀ and cycle_momentum off. With α_init = α₀/div_factor and α_min = α_init/final_div_factor,
 * torch's phase boundaries (end steps) are, for update t = 0 … T−1 (torch's step_num = last_epoch = t):
 *   two phases:   e₁ = pct_start·T − 1 (α_init → α₀),  e₂ = T − 1 (α₀ → α_min)
 *   three phases: e₁ = pct_start·T − 1 (α_init → α₀),  e₂ = 2·pct_start·T − 2 (α₀ → α_init),  e₃ = T − 1 (α_init → α_min)
 * t falls in the first phase with t ≤ e_k (or the last phase), which runs from s = e_{k−1} (s = 0 for the first) and
 * anneals with p = (t − s)/(e_k − s): cos: end + (start − end)(1 + cos πp)/2; linear: start + (end − start)p.
 * The boundaries are fractional when pct_start·T is, exactly as in torch. pct_start·T = 1 makes e₁ = 0 and the
 * first phase 0/0 (a ZeroDivisionError in torch), so it is rejected.
 */
export const oneCycle = defineSchedule({
  name: 'one-cycle',
  description: '1cycle: anneal up from α₀/div_factor to α₀, then down to α₀/(div_factor·final_div_factor)',
  reference: 'Smith & Topin 2017 (Super-Convergence); torch OneCycleLR with max_lr = α₀, total_steps = T',
  params: {
    pct_start: num(0.3, '[0, 1]', 'fraction of the steps spent increasing the rate', linearRange(0.1, 0.5)),
    anneal_strategy: choice('cos', ['cos', 'linear'], 'annealing shape within each phase'),
    div_factor: num(25, '(0, inf)', 'initial rate α₀/div_factor', logRange(2, 100)),
    final_div_factor: num(1e4, '(0, inf)', 'final rate (α₀/div_factor)/final_div_factor', logRange(10, 1e5)),
    three_phase: bool(false, 'a third phase: back down to α₀/div_factor, then to the final rate (the original paper)'),
  },
  check: ({ pct_start }, { steps }) =>
    pct_start * steps - 1 === 0
      ? `pct_start·steps must not be 1 (the warm-up phase would end at step 0; torch divides by zero), got pct_start ${pct_start} with ${steps} steps`
      : undefined,
  create: ({ pct_start, anneal_strategy, div_factor, final_div_factor, three_phase }, { lr, steps }) => {
    const cos = anneal_strategy === 'cos';
    const initial = lr / div_factor;
    const floor = initial / final_div_factor;
    // The same floating-point expressions as torch, so the fractional boundaries agree bit for bit.
    const e1 = pct_start * steps - 1;
    const e2 = three_phase ? 2 * pct_start * steps - 2 : steps - 1;
    const e3 = steps - 1;
    return {
      at: (t) => {
        if (t <= e1) return anneal(cos, initial, lr, t / e1);
        if (!three_phase) return anneal(cos, lr, floor, (t - e1) / (e2 - e1));
        if (t <= e2) return anneal(cos, lr, initial, (t - e1) / (e2 - e1));
        return anneal(cos, initial, floor, (t - e2) / (e3 - e2));
      },
    };
  },
});
