import type { ParamValues } from '../core/params.ts';
import type { Space } from './space.ts';

/**
 * The cartesian product of a space's lists (a fixed value is a list of one), in declaration order with
 * the last parameter varying fastest: { lr: [a, b], momentum: [x, y] } → (a,x), (a,y), (b,x), (b,y).
 * The loader has already refused distributions in a grid.
 */
export function gridPoints(space: Space): ParamValues[] {
  let points: ParamValues[] = [{}];
  for (const [name, value] of Object.entries(space)) {
    const axis = Array.isArray(value) ? value : [value];
    points = points.flatMap((p) => axis.map((v) => ({ ...p, [name]: v })));
  }
  return points;
}
