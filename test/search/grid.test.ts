import { describe, expect, it } from 'vitest';
import { gridPoints } from '../../src/search/grid.ts';

describe('gridPoints', () => {
  it('takes every combination, the last parameter varying fastest: 2 lr × 3 momentum = 6', () => {
    expect(gridPoints({ lr: [0.01, 0.1], momentum: [0, 0.5, 0.9] })).toEqual([
      { lr: 0.01, momentum: 0 },
      { lr: 0.01, momentum: 0.5 },
      { lr: 0.01, momentum: 0.9 },
      { lr: 0.1, momentum: 0 },
      { lr: 0.1, momentum: 0.5 },
      { lr: 0.1, momentum: 0.9 },
    ]);
  });

  it('follows declaration order, not alphabetical order', () => {
    expect(gridPoints({ momentum: [0, 0.9], lr: [0.01, 0.1] }).map((p) => [p.momentum, p.lr])).toEqual([
      [0, 0.01],
      [0, 0.1],
      [0.9, 0.01],
      [0.9, 0.1],
    ]);
  });

  it('treats a fixed value as a list of one and multiplies the counts', () => {
    const points = gridPoints({ lr: [1e-3, 1e-2, 1e-1], nesterov: true, beta1: [0.8, 0.9], mode: ['a', 'b'] });
    expect(points).toHaveLength(3 * 1 * 2 * 2);
    expect(points.every((p) => p.nesterov === true)).toBe(true);
    expect(points[0]).toEqual({ lr: 1e-3, nesterov: true, beta1: 0.8, mode: 'a' });
    expect(points[1]).toEqual({ lr: 1e-3, nesterov: true, beta1: 0.8, mode: 'b' });
    expect(points[11]).toEqual({ lr: 1e-1, nesterov: true, beta1: 0.9, mode: 'b' });
  });

  it('gives one empty point for an empty space (the defaults)', () => {
    expect(gridPoints({})).toEqual([{}]);
  });
});
