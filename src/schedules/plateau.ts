import { int, linearRange, logRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/**
 * Reduce on plateau, as torch.optim.lr_scheduler.ReduceLROnPlateau(mode='min', threshold_mode='rel'),
 * fed the training loss at every step: a loss counts as better when it is below best·(1 − threshold);
 * after more than `patience` steps without one, α ← max(α·factor, min_lr) (if that changes α by more
 * than eps), then `cooldown` steps in which bad steps are not counted. A NaN loss is never better.
 */
export const plateau = defineSchedule({
  name: 'plateau',
  description: 'multiply by factor when the loss stops improving (ReduceLROnPlateau)',
  reference: 'torch ReduceLROnPlateau(mode=min, threshold_mode=rel), fed the training loss each step',
  params: {
    factor: num(0.1, '(0, 1)', 'multiplicative decay on a plateau', linearRange(0.1, 0.9)),
    patience: int(10, '[0, inf)', 'steps without improvement tolerated', linearRange(1, 100)),
    threshold: num(1e-4, '[0, 1)', 'relative improvement that counts', logRange(1e-6, 1e-1)),
    cooldown: int(0, '[0, inf)', 'steps after a decay before counting again'),
    min_lr: num(0, '[0, inf)', 'lower bound on the rate'),
    eps: num(1e-8, '[0, inf)', 'smallest change of the rate that is applied'),
  },
  create: ({ factor, patience, threshold, cooldown, min_lr, eps }, { lr }) => {
    let rate = lr;
    let best = Infinity;
    let bad = 0;
    let cooling = 0;
    return {
      at(_t, loss) {
        if (loss < best * (1 - threshold)) {
          best = loss;
          bad = 0;
        } else {
          bad += 1;
        }
        if (cooling > 0) {
          cooling -= 1;
          bad = 0;
        }
        if (bad > patience) {
          const next = Math.max(rate * factor, min_lr);
          if (rate - next > eps) rate = next;
          cooling = cooldown;
          bad = 0;
        }
        return rate;
      },
    };
  },
});
