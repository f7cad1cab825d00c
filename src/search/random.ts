import type { ParamValues } from '../core/params.ts';
import { rng, type Rng } from '../core/rng.ts';
import { type Distribution, isDistribution, type Space, type SpaceValue } from './space.ts';

function draw(r: Rng, value: SpaceValue): SpaceValue {
  if (Array.isArray(value)) return value[Math.floor(r() * value.length)];
  if (!isDistribution(value)) return value;
  const d: Distribution = value;
  switch (d.kind) {
    case 'log-uniform':
      return Math.exp(Math.log(d.low) + r() * (Math.log(d.high) - Math.log(d.low)));
    case 'uniform':
      return d.low + r() * (d.high - d.low);
    case 'int':
      return d.low + Math.floor(r() * (d.high - d.low + 1));
  }
}

/**
 * `samples` points drawn independently from a space with a seeded generator (stream `random/<key>`):
 * lists are categorical, distributions are sampled (log-uniform, uniform, integer), fixed values kept.
 * Parameters are drawn in declaration order, one draw each, so adding a parameter at the end does not
 * change the earlier ones.
 */
export function randomPoints(space: Space, samples: number, seed: number, key: string): ParamValues[] {
  const r = rng(seed, `random/${key}`);
  const entries = Object.entries(space);
  return Array.from({ length: samples }, () => {
    const point: ParamValues = {};
    for (const [name, value] of entries) point[name] = draw(r, value) as ParamValues[string];
    return point;
  });
}
