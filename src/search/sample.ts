import type { ParamValues } from '../core/params.ts';
import type { Sampler } from '../suite/staged.ts';
import { randomPoints } from './random.ts';
import { sobolPoints } from './sobol.ts';
import type { Space } from './space.ts';

/**
 * `samples` points of a space from the named sampler, seeded by `seed` and `key` (the optimizer × schedule entry):
 * the same points random (or Sobol) search draws with that seed and count.
 */
export function samplePoints(sampler: Sampler, space: Space, samples: number, seed: number, key: string): ParamValues[] {
  return sampler === 'sobol' ? sobolPoints(space, samples, seed, key) : randomPoints(space, samples, seed, key);
}
