import { int, linearRange, num } from '../core/params.ts';
import { defineSchedule } from './schedule.ts';

/**
 * Cosine annealing (Loshchilov & Hutter 2017; torch CosineAnnealingLR with T_max = T − W) after an optional
 * linear warmup of W steps:
 *   t < W:  α_t = α₀·(t+1)/W
 *   t ≥ W:  α_t = η_min + (α₀ − η_min)·(1 + cos(π(t − W)/(T − W)))/2
 */
export const cosine = defineSchedule({
  name: 'cosine',
  description: 'cosine decay to a floor, after an optional linear warmup',
  reference: 'α_t = η_min + (α₀−η_min)(1+cos(π(t−W)/(T−W)))/2; Loshchilov & Hutter 2017; torch CosineAnnealingLR',
  params: {
    warmup: int(0, '[0, inf)', 'linear warmup steps W', linearRange(0, 100)),
    eta_min: num(0, '[0, inf)', 'floor η_min (an absolute rate)'),
  },
  check: ({ warmup, eta_min }, { lr, steps }) => {
    if (warmup >= steps) return `warmup must be less than the number of steps (${steps}), got ${warmup}`;
    if (eta_min > lr) return `eta_min must not exceed the base rate ${lr}, got ${eta_min}`;
    return undefined;
  },
  create: ({ warmup, eta_min }, { lr, steps }) => {
    const span = steps - warmup;
    return {
      at: (t) =>
        t < warmup ? (lr * (t + 1)) / warmup : eta_min + ((lr - eta_min) * (1 + Math.cos((Math.PI * (t - warmup)) / span))) / 2,
    };
  },
});
